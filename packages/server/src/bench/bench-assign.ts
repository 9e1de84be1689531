import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  type AssignmentInstance,
  assignmentLp,
  checkAssignmentCertificate,
  seededRandom,
  solveAssignment,
} from "@luoshu/domain";
import loadHighs from "highs";

/**
 * npm run bench:assign — the exact reviewer assignment on seeded instances of 500 × 300,
 * 1,000 × 600 and 5,000 × 2,000 (applications × experts, k = 5): objective, solve time, peak
 * memory, the certificate checked over every pair, and the ratio to the LP optimum from HiGHS
 * (an independent solver) where HiGHS finishes. Each instance runs in its own process so that its
 * peak RSS is its own. Figures in bench-results/assign.json; `npm run bench:assign -- --only 5000x2000`
 * runs (and prints) just the sizes named.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const SIZES = [
  { name: "500x300", applications: 500, experts: 300, units: 50 },
  { name: "1000x600", applications: 1000, experts: 600, units: 100 },
  { name: "5000x2000", applications: 5000, experts: 2000, units: 200 },
] as const;
const K = 5;
/** HiGHS gets the LP only up to this many columns (pairs); 1,000 × 600 (~0.6 M) takes it ~5 s. */
const HIGHS_MAX_COLUMNS = 2_000_000;
const HIGHS_TIME_LIMIT_S = 300;

/**
 * A city-like instance: 30 disciplines, applications crowding into the popular ones (Zipf) while
 * experts spread more evenly, so popular disciplines compete for experts; affinity = discipline
 * match (primary 1, secondary 0.5) × 0.6 + keyword similarity (cosine of 8-dimensional topic vectors
 * around the discipline's centre) × 0.4. Applicants come from the same units as experts (same-unit
 * conflicts), with 0–2 partner units, plus declared conflicts on 0.2 % of pairs.
 */
function generate(n: number, m: number, units: number, seed: number): AssignmentInstance {
  const next32 = seededRandom(seed);
  const rand = () => next32() / 2 ** 32;
  const D = 30;
  const DIM = 8;
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const centres = Array.from({ length: D }, () => Array.from({ length: DIM }, gauss));
  const zipf = (s: number) => {
    const w = Array.from({ length: D }, (_, d) => 1 / (d + 1) ** s);
    const total = w.reduce((a, b) => a + b, 0);
    return () => {
      let r = rand() * total;
      for (let d = 0; d < D; d++) {
        r -= w[d] as number;
        if (r <= 0) return d;
      }
      return D - 1;
    };
  };
  const appDiscipline = zipf(1.0);
  const expertDiscipline = zipf(0.5);
  const topic = (d: number) => {
    const v = (centres[d] as number[]).map((c) => c + 0.8 * gauss());
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  };
  const experts = Array.from({ length: m }, (_, j) => {
    const primary = expertDiscipline();
    return {
      id: `E${j}`,
      unitId: `U${Math.floor(rand() * units)}`,
      primary,
      secondary: rand() < 0.5 ? expertDiscipline() : -1,
      vector: topic(primary),
    };
  });
  const applications = Array.from({ length: n }, (_, i) => {
    const d = appDiscipline();
    const partners = Math.floor(rand() * 3);
    const unitIds = [`U${Math.floor(rand() * units * 1.5)}`];
    for (let p = 0; p < partners; p++) unitIds.push(`U${Math.floor(rand() * units * 1.5)}`);
    return { id: `A${i}`, unitIds: [...new Set(unitIds)], d, vector: topic(d) };
  });
  const affinity = applications.map((a) => {
    const row = new Float64Array(m);
    for (let j = 0; j < m; j++) {
      const e = experts[j] as (typeof experts)[number];
      const match = e.primary === a.d ? 1 : e.secondary === a.d ? 0.5 : 0;
      let cos = 0;
      for (let x = 0; x < DIM; x++) cos += (a.vector[x] as number) * (e.vector[x] as number);
      row[j] = 0.6 * match + 0.4 * Math.max(0, cos);
    }
    return row;
  });
  const conflicts: [number, number][] = [];
  const declared = Math.round(n * m * 0.002);
  for (let c = 0; c < declared; c++) conflicts.push([Math.floor(rand() * n), Math.floor(rand() * m)]);
  const average = (n * K) / m;
  return {
    reviewersPerApplication: K,
    minLoad: Math.floor(average * 0.5),
    maxLoad: Math.ceil(average * 1.5),
    applications: applications.map(({ id, unitIds }) => ({ id, unitIds })),
    experts: experts.map(({ id, unitId }) => ({ id, unitId })),
    affinity,
    conflicts,
  };
}

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

async function runOne(size: (typeof SIZES)[number]) {
  const instance = generate(size.applications, size.experts, size.units, 20250613 + size.applications);
  const rssBeforeSolve = process.memoryUsage().rss;
  const t0 = performance.now();
  const result = solveAssignment(instance);
  const solveMs = performance.now() - t0;
  const peakRssAfterSolve = process.resourceUsage().maxRSS * 1024;
  const heapAfterSolve = process.memoryUsage().heapUsed;
  if (!result.feasible) return { name: size.name, feasible: false, reasons: result.reasons.slice(0, 5) };
  const t1 = performance.now();
  const check = checkAssignmentCertificate(instance, result.pairs, result.certificate, {
    claimedObjective: result.objective,
  });
  const checkMs = performance.now() - t1;
  const base = {
    name: size.name,
    applications: size.applications,
    experts: size.experts,
    units: size.units,
    k: K,
    minLoad: instance.minLoad,
    maxLoad: instance.maxLoad,
    declaredConflicts: instance.conflicts.length,
    objective: result.objective,
    solveMs: Math.round(solveMs),
    stats: result.stats,
    // Peak RSS of the process up to the end of the solve (instance included), and what it held before.
    peakRssMb: mb(peakRssAfterSolve),
    rssBeforeSolveMb: mb(rssBeforeSolve),
    heapUsedAfterSolveMb: mb(heapAfterSolve),
    certified: check.ok,
    certificateViolations: check.violations.slice(0, 5),
    certificatePairsChecked: check.pairsChecked,
    checkMs: Math.round(checkMs),
    dualObjective: check.dualObjective,
  };
  return { ...base, highs: await highsReference(instance, result.objective) };
}

async function highsReference(instance: AssignmentInstance, objective: number) {
  const n = instance.applications.length;
  const m = instance.experts.length;
  if (n * m > HIGHS_MAX_COLUMNS)
    return {
      skipped: `the LP has about ${((n * m) / 1e6).toFixed(1)} M columns (one per pair); HiGHS in WebAssembly took ~5 s for 0.6 M and is not run past ${HIGHS_MAX_COLUMNS / 1e6} M (time and the 4 GB wasm heap)`,
    };
  const highs = await loadHighs();
  const lp = assignmentLp(instance);
  const model = highs.createModel({ ...lp, sense: highs.constants.objectiveSense.maximize });
  try {
    model.options.set("time_limit", HIGHS_TIME_LIMIT_S);
    const t = performance.now();
    model.run();
    const ms = Math.round(performance.now() - t);
    const status = model.getModelStatus();
    if (status !== highs.constants.modelStatus.optimal)
      return { skipped: `HiGHS status ${status} after ${ms} ms` };
    const lpObjective = model.getObjectiveValue();
    return {
      columns: lp.numCols,
      rows: lp.numRows,
      ms,
      lpObjective,
      ratio: objective / lpObjective,
      relativeDifference: Math.abs(objective - lpObjective) / Math.max(1, Math.abs(lpObjective)),
    };
  } finally {
    model.dispose();
  }
}

/** Runs one size in a child process (its own peak RSS) and resolves with its record. */
function runChild(size: (typeof SIZES)[number]): Promise<unknown> {
  return new Promise<unknown>((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ["--child", size.name], {
      execArgv: process.execArgv,
    });
    let message: unknown;
    child.on("message", (m) => {
      message = m;
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 && message ? resolve(message) : reject(new Error(`${size.name} exited ${code}`)),
    );
  });
}

const sizeNamed = (name: string) => {
  const size = SIZES.find((s) => s.name === name);
  if (!size) throw new Error(`unknown size ${name} (sizes: ${SIZES.map((s) => s.name).join(", ")})`);
  return size;
};

const args = process.argv.slice(2);
if (args[0] === "--child") {
  process.send?.(await runOne(sizeNamed(args[1] ?? "")));
} else {
  // `--only 5000x2000` (or a comma list) runs just those sizes and prints them; assign.json is
  // written only by a full run, so that it always holds every size from one sitting.
  const onlyAt = args.indexOf("--only");
  const only = onlyAt >= 0 ? (args[onlyAt + 1] ?? "").split(",").map(sizeNamed) : null;
  const records: unknown[] = [];
  for (const size of only ?? SIZES) {
    console.error(`[bench:assign] ${size.name}…`);
    const record = await runChild(size);
    console.error(JSON.stringify(record));
    records.push(record);
  }
  if (!only) {
    const out = path.join(root, "bench-results", "assign.json");
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const report = {
      at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
      targets:
        "ratio 1.0 (to 1e-9) wherever HiGHS finishes; certificate verified on every instance; 5,000 × 2,000 under 10 s (aim 5)",
      instances: records,
    };
    fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`written ${path.relative(root, out)}`);
  }
}
