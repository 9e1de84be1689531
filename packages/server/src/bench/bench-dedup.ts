import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { agreementFloor, candidateProbability, shingleSimilarity } from "@luoshu/domain";
import { readPolicies } from "../lib/policy-files.ts";
import { DedupIndex, type DedupRow, dedupText } from "../modules/dedup/dedup-index.ts";
import { segment } from "../modules/dedup/tokenize.ts";
import {
  type BenchText,
  createRandom,
  generateText,
  plantDuplicate,
  readSeedClauses,
  renderText,
} from "./dedup-corpus.ts";
import { ExactJaccard } from "./dedup-ground-truth.ts";

/**
 * npm run bench:dedup — the duplicate check on a synthetic city corpus: recall and precision of the
 * index against the exact similarity of each sampled query with every indexed text, build time,
 * query latency, memory, and where planted copies and unrelated texts score. Sizes can be lowered
 * for a quick look: BENCH_DEDUP_TEXTS, BENCH_DEDUP_PLANTED, BENCH_DEDUP_QUERIES.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const seedsDir = path.resolve(root, "../shared/seeds");
const size = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const BASE_TEXTS = size("BENCH_DEDUP_TEXTS", 50_000);
const PLANTED = size("BENCH_DEDUP_PLANTED", 1_000);
const QUERIES = size("BENCH_DEDUP_QUERIES", 1_000);
const PLANT = { rewriteRate: [0.1, 0.3] as const, synonymRate: 0.3, swapRate: 0.03 };
const CITY = "bench";
const LIMIT = 20;
const WARM_UP_QUERIES = 20;
const LINEAR_SCAN_CHECKS = 20;
const progress = (message: string) => console.error(`[bench:dedup] ${message}`);

v8.setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const memory = () => {
  gc();
  const m = process.memoryUsage();
  return { rssMb: Math.round(m.rss / 2 ** 20), heapUsedMb: Math.round(m.heapUsed / 2 ** 20) };
};
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number);
};
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const round = (x: number, digits = 3) => Number(x.toFixed(digits));
const spread = (values: number[]) => ({
  min: round(quantile(values, 0)),
  p1: round(quantile(values, 0.01)),
  p5: round(quantile(values, 0.05)),
  p50: round(quantile(values, 0.5)),
  p99: round(quantile(values, 0.99)),
  max: round(quantile(values, 1)),
});

const thresholds = readPolicies(path.join(root, "policies")).map((p) => ({
  city: p.city,
  threshold: p.duplicateCheck.similarityThreshold,
}));
// BENCH_DEDUP_THRESHOLD tries another value than the policy files hold.
const threshold = Number(
  process.env.BENCH_DEDUP_THRESHOLD ?? Math.min(...thresholds.map((t) => t.threshold)),
);

// 1. The corpus: base texts, then near-duplicates of distinct base texts.
let started = performance.now();
const clauses = readSeedClauses(seedsDir);
const random = createRandom(20_250_423);
const texts: BenchText[] = Array.from({ length: BASE_TEXTS }, () => generateText(random, clauses));
const sourceOf = new Map<string, string>();
const rows: DedupRow[] = texts.map((t, i) => ({
  id: `t${i}`,
  cityId: CITY,
  kind: "project",
  ...renderText(t),
}));
for (let i = 0; i < PLANTED; i++) {
  const source = i * Math.floor(BASE_TEXTS / PLANTED);
  const rewriteRate = PLANT.rewriteRate[0] + (PLANT.rewriteRate[1] - PLANT.rewriteRate[0]) * random();
  const copy = plantDuplicate(random, clauses, texts[source] as BenchText, segment, {
    ...PLANT,
    rewriteRate,
  });
  rows.push({ id: `d${i}`, cityId: CITY, kind: "application", ...renderText(copy) });
  sourceOf.set(`d${i}`, `t${source}`);
}
const generateMs = performance.now() - started;
progress(`${rows.length} texts generated in ${Math.round(generateMs / 1000)} s; building the index`);
const avgChars = rows.reduce((n, r) => n + dedupText(r).length, 0) / rows.length;

// 2. Build.
const memoryBefore = memory();
const index = new DedupIndex({ indexThreshold: threshold });
started = performance.now();
index.rebuild(rows);
const buildMs = performance.now() - started;
const memoryAfter = memory();
progress(`index built in ${Math.round(buildMs / 1000)} s; timing ${QUERIES} queries`);

// 3. Queries: half planted near-duplicates, half base texts that have none.
const plantedIds = [...sourceOf.keys()];
const plantedSources = new Set(sourceOf.values());
const queries: DedupRow[] = [];
for (let i = 0; i < QUERIES; i++) {
  if (i % 2 === 0 && plantedIds.length > 0) {
    const id = plantedIds[(i / 2) % plantedIds.length] as string;
    queries.push(rows[BASE_TEXTS + Number(id.slice(1))] as DedupRow);
  } else {
    let row: DedupRow;
    do row = rows[Math.floor(random() * BASE_TEXTS)] as DedupRow;
    while (plantedSources.has(row.id));
    queries.push(row);
  }
}
const familyOf = (id: string) => new Set([id, sourceOf.get(id) ?? ""]);
const setOf = (id: string) => index.shingleSet(CITY, id) ?? new Uint32Array();

const latencies: number[] = [];
const candidateCounts: number[] = [];
const checkedCounts: number[] = [];
for (const q of queries.slice(0, WARM_UP_QUERIES))
  index.query(CITY, dedupText(q), { threshold, excludeId: q.id });
for (const q of queries) {
  const text = dedupText(q);
  const t0 = performance.now();
  index.query(CITY, text, { threshold, limit: LIMIT, excludeId: q.id });
  latencies.push(performance.now() - t0);
  const explained = index.explain(CITY, text, { threshold, excludeId: q.id });
  candidateCounts.push(explained.candidates);
  checkedCounts.push(explained.checked);
}

// 4. Accuracy against the exact similarities; the first queries also against the index's own linear scan.
progress("comparing with the exact similarities");
started = performance.now();
const exact = new ExactJaccard(
  rows.map((r) => r.id),
  rows.map((r) => setOf(r.id)),
);
let truePairs = 0;
let found = 0;
let foundTrue = 0;
let truthBeyondLimit = 0;
let linearScanAgrees = true;
const plantedSimilarity: number[] = [];
const plantedContainment: number[] = [];
const unrelatedMax: number[] = [];
let plantedFound = 0;
let plantedQueries = 0;
queries.forEach((q, n) => {
  const text = dedupText(q);
  const matches = index.query(CITY, text, { threshold, limit: LIMIT, excludeId: q.id });
  // The query is itself indexed: it is its own best match, and its planted copy or source the next.
  const exactly = exact.compare(setOf(q.id), threshold, 4);
  exactly.above.delete(q.id);
  const truth = new Set(exactly.above.keys());
  if (n < LINEAR_SCAN_CHECKS) {
    const scanned = index.scan(CITY, text, { threshold, excludeId: q.id }).map((m) => m.id);
    linearScanAgrees &&= scanned.length === truth.size && scanned.every((id) => truth.has(id));
  }
  if (truth.size > LIMIT) truthBeyondLimit++;
  truePairs += truth.size;
  found += matches.length;
  foundTrue += matches.filter((m) => truth.has(m.id)).length;
  const family = familyOf(q.id);
  unrelatedMax.push(exactly.best.find((b) => !family.has(b.id))?.similarity ?? 0);
  const source = sourceOf.get(q.id);
  if (source) {
    plantedQueries++;
    if (matches.some((m) => m.id === source)) plantedFound++;
    const s = shingleSimilarity(setOf(q.id), setOf(source));
    plantedSimilarity.push(s.jaccard);
    plantedContainment.push(s.containment);
  }
});
const accuracyMs = performance.now() - started;

const recall = truePairs === 0 ? 1 : foundTrue / truePairs;
const precision = found === 0 ? 1 : foundTrue / found;
const p99Ms = quantile(latencies, 0.99);
const result = {
  generatedAt: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version },
  corpus: {
    baseTexts: BASE_TEXTS,
    plantedNearDuplicates: PLANTED,
    indexedTexts: index.size(CITY),
    seedClauses: clauses.length,
    averageChars: Math.round(avgChars),
    generateMs: Math.round(generateMs),
    planting: {
      ...PLANT,
      note: "rewriteRate of the characters replaced by new sentences; near-synonyms and swapped neighbouring words in the rest; sentences shuffled within each section; new title ending",
    },
  },
  measure: {
    name: "Jaccard similarity of word-bigram sets (jieba words, stop words removed, bigrams within sentences)",
    threshold,
    policyThresholds: thresholds,
  },
  index: {
    numPerm: index.numPerm,
    ...index.banding,
    agreementFloor: agreementFloor(threshold, index.numPerm),
    // A pair at the threshold is lost if no band agrees or its signatures agree too little (≤ 0.001).
    findProbabilityAtThreshold: round(candidateProbability(threshold, index.banding) - 0.001, 4),
  },
  build: { ms: Math.round(buildMs), textsPerSecond: Math.round(rows.length / (buildMs / 1000)) },
  memory: {
    beforeIndex: memoryBefore,
    afterIndex: memoryAfter,
    indexHeapMb: memoryAfter.heapUsedMb - memoryBefore.heapUsedMb,
  },
  queries: {
    count: queries.length,
    plantedNearDuplicates: plantedQueries,
    limit: LIMIT,
    warmUpQueries: WARM_UP_QUERIES,
    latencyMs: {
      p50: round(quantile(latencies, 0.5), 2),
      p99: round(p99Ms, 2),
      max: round(quantile(latencies, 1), 2),
    },
    lshCandidates: {
      mean: Math.round(mean(candidateCounts)),
      p99: quantile(candidateCounts, 0.99),
      shareOfCorpus: round(mean(candidateCounts) / rows.length, 4),
    },
    exactlyVerified: { mean: round(mean(checkedCounts), 1), p99: quantile(checkedCounts, 0.99) },
  },
  accuracy: {
    groundTruth:
      "exact Jaccard of each sampled query with every indexed text (full inverted index of all shingles), same threshold",
    groundTruthMatchesLinearScan: `${linearScanAgrees ? "yes" : "NO"} (first ${LINEAR_SCAN_CHECKS} queries)`,
    ms: Math.round(accuracyMs),
    truePairs,
    reportedPairs: found,
    reportedTruePairs: foundTrue,
    recall: round(recall, 4),
    precision: round(precision, 4),
    queriesWithMoreTrueMatchesThanLimit: truthBeyondLimit,
    plantedSourceFound: `${plantedFound}/${plantedQueries}`,
  },
  similarity: {
    plantedToSourceJaccard: spread(plantedSimilarity),
    plantedToSourceContainment: spread(plantedContainment),
    bestUnrelatedJaccardPerQuery: spread(unrelatedMax),
  },
  targets: {
    recall: { target: 0.95, met: recall >= 0.95 },
    precision: { target: 0.95, met: precision >= 0.95 },
    p99QueryMs: { target: 50, met: p99Ms < 50 },
  },
};

fs.mkdirSync(path.join(root, "bench-results"), { recursive: true });
fs.writeFileSync(path.join(root, "bench-results/dedup.json"), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
