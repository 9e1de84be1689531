// `npm run bench:load`: the deadline rush. 2,000 complete drafts of different units are submitted
// concurrently against the real server, on the PostgreSQL server (one process, then two) and on the
// embedded database; writes bench-results/load.json. Figures, not assertions: see the README.
import { type ChildProcess, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { type Database, openDatabase, rowsOf } from "../db/client.ts";
import { seedDemo } from "../db/seed/seed-demo.ts";
import { FieldCipher } from "../lib/sm-crypto.ts";
import { type BenchDraft, createDrafts } from "./load-fixture.ts";

const root = path.resolve(import.meta.dirname, "../../../..");
const drafts = Number(process.env.BENCH_DRAFTS ?? 2000);
// One rush of `drafts` fresh drafts per level of requests kept in flight: latency in a closed rush
// is mostly queueing, so the report shows how it grows with the crowd.
const concurrencies = (process.env.BENCH_CONCURRENCY ?? "64,32").split(",").map(Number);
// Submissions before the timed rush, so it measures a running server, not JIT compilation and the
// first statement preparation on each connection; they count in the rows checked afterwards.
const warmup = Number(process.env.BENCH_WARMUP ?? 200);
// The rush above keeps 64 requests in flight, so it finds the ceiling and its latency is queueing.
// A second phase offers the target rate instead, as a deadline crowd would, and measures latency.
const rate = Number(process.env.BENCH_RATE ?? 300);
const pacedCount = rate * Number(process.env.BENCH_PACED_SECONDS ?? 5);
const adminUrl = process.env.BENCH_PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const key = crypto.randomBytes(16).toString("hex");

interface Latencies {
  count: number;
  errors: number;
  /** What the failed requests got: HTTP status or the client's error. */
  failures: Record<string, number>;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

/** One request's outcome: its HTTP status, or the client's error code when there was no answer. */
type Send = (i: number) => Promise<number | string>;
const outcome = (e: unknown) => String((e as { cause?: { code?: string } }).cause?.code ?? e);

async function rush(n: number, send: Send, workers: number): Promise<Latencies> {
  const times: number[] = [];
  const failures: Record<string, number> = {};
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let i = next++; i < n; i = next++) {
        const t0 = performance.now();
        const got = await send(i).catch(outcome);
        times.push(performance.now() - t0);
        if (got !== 200) failures[got] = (failures[got] ?? 0) + 1;
      }
    }),
  );
  return summarise(times, failures, (performance.now() - start) / 1000);
}

/** Starts request i at i / rate seconds, whatever is still in flight. */
async function paced(n: number, perSecond: number, send: Send) {
  const times: number[] = [];
  const failures: Record<string, number> = {};
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < n; i++) {
    const due = start + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(
      send(i)
        .catch(outcome)
        .then((got) => {
          times.push(performance.now() - due);
          if (got !== 200) failures[got] = (failures[got] ?? 0) + 1;
        }),
    );
  }
  await Promise.all(inFlight);
  return { offeredPerSecond: perSecond, ...summarise(times, failures, (performance.now() - start) / 1000) };
}

function summarise(times: number[], failures: Record<string, number>, seconds: number): Latencies {
  times.sort((a, b) => a - b);
  const q = (p: number) =>
    Number((times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0).toFixed(1));
  return {
    count: times.length,
    errors: Object.values(failures).reduce((a, b) => a + b, 0),
    failures,
    seconds: Number(seconds.toFixed(2)),
    perSecond: Number((times.length / seconds).toFixed(1)),
    p50: q(0.5),
    p95: q(0.95),
    p99: q(0.99),
  };
}

async function startServer(env: Record<string, string>): Promise<{ url: string; proc: ChildProcess }> {
  const port = 4100 + Math.floor(Math.random() * 800);
  const extra = process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(" ") : [];
  const proc = spawn(
    process.execPath,
    [...extra, "--import", "tsx", path.join(root, "packages/server/src/main.ts")],
    {
      env: {
        ...process.env,
        ...env,
        PORT: String(port),
        HOST: "127.0.0.1",
        LUOSHU_SM4_KEY: key,
        NODE_ENV: "benchmark",
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (proc.exitCode !== null) throw new Error("server exited during start");
    if (
      await fetch(`${url}/api/health`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      return { url, proc };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("server did not start");
}

async function stop(proc: ChildProcess) {
  proc.kill("SIGTERM");
  await new Promise((r) => proc.once("exit", r));
}

async function prepare(database: Database): Promise<BenchDraft[]> {
  await database.migrate();
  const cipher = new FieldCipher(Buffer.from(key, "hex"));
  await seedDemo(database.db, cipher, new Date());
  const total = warmup + drafts * concurrencies.length + pacedCount;
  return createDrafts(database.db, cipher, total, new Date());
}

async function countSubmitted(database: Database) {
  const [row] = rowsOf<{ submitted: string; revisions: string }>(
    await database.db.execute(sql`select
      (select count(*) from applications where status = 'submitted' and title like '压测申报书%') as submitted,
      (select count(*) from application_revisions r join applications a on a.id = r.application_id where a.title like '压测申报书%') as revisions`),
  );
  return { submitted: Number(row?.submitted), revisions: Number(row?.revisions) };
}

async function pass(name: string, kind: "server" | "embedded", processes: number) {
  let database: Database;
  let env: Record<string, string>;
  // Each pass keeps its attachments and audit anchor in a folder of its own: the anchor of a dropped
  // database must not meet the next one (the server would rightly report the chain as cut).
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "luoshu-bench-"));
  if (kind === "server") {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query("drop database if exists luoshu_bench");
    await admin.query("create database luoshu_bench");
    await admin.end();
    const url = adminUrl.replace(/\/[^/]*$/, "/luoshu_bench");
    database = await openDatabase({ url });
    env = { DATABASE_URL: url, LUOSHU_DATA_DIR: dataDir };
  } else {
    database = await openDatabase({ dataDir });
    env = { LUOSHU_DATA_DIR: dataDir, DATABASE_URL: "" };
  }
  const list = await prepare(database);
  // Thousands of units and accounts arrive in one go just before the rush; a live database's
  // autovacuum would have analysed them by then, while here the planner would still believe the
  // tables empty (measured: 357 ms instead of 0.4 ms for the queue notice's accounts of a district).
  await database.db.execute(sql`analyze`);
  if (kind === "embedded") await database.close();
  const servers: { url: string; proc: ChildProcess }[] = [];
  for (let i = 0; i < processes; i++) servers.push(await startServer(env));
  const urlOf = (i: number) => servers[i % servers.length]?.url ?? "";
  try {
    const ceiling = await rush(
      drafts * 2,
      (i) =>
        fetch(`${urlOf(i)}/api/health`).then(async (r) => {
          await r.arrayBuffer();
          return r.status;
        }),
      64,
    );
    const submitOne = (d: BenchDraft, url: string) =>
      fetch(`${url}/api/applications/${d.id}/submit`, {
        method: "POST",
        headers: { cookie: d.cookie, "x-csrf-token": d.csrf },
      }).then(async (r) => {
        await r.arrayBuffer();
        return r.status;
      });
    // Each phase submits its own slice of the drafts, in this order.
    let next = 0;
    const slice = (n: number) => {
      const from = next;
      next += n;
      return (i: number) => submitOne(list[from + i] as BenchDraft, urlOf(i));
    };
    const warm = await rush(warmup, slice(warmup), 8);
    const rushes = [];
    for (const c of concurrencies) {
      const r = await rush(drafts, slice(drafts), c);
      rushes.push({
        concurrency: c,
        ...r,
        ratioToCeiling: Number((r.perSecond / ceiling.perSecond).toFixed(3)),
      });
    }
    const atRate = await paced(pacedCount, rate, slice(pacedCount));
    const failed = [warm, ...rushes, atRate].reduce((n, r) => n + r.errors, 0);
    if (kind === "embedded") {
      for (const s of servers) await stop(s.proc);
      servers.length = 0;
      database = await openDatabase({ dataDir: env.LUOSHU_DATA_DIR as string });
    }
    const rows = await countSubmitted(database);
    return {
      name,
      database: kind,
      processes,
      healthCeiling: ceiling,
      rushes,
      submissionsAtOfferedRate: atRate,
      warmup: { count: warmup, errors: warm.errors },
      rowsAfter: rows,
      lostOrDoubled: rows.submitted !== next - failed || rows.revisions !== rows.submitted,
    };
  } finally {
    for (const s of servers) await stop(s.proc);
    await database.close();
  }
}

const results = [];
for (const [name, kind, processes] of [
  ["postgres-1-process", "server", 1],
  ["postgres-2-processes", "server", 2],
  ["embedded-1-process", "embedded", 1],
] as const) {
  if (process.env.BENCH_PASSES && !process.env.BENCH_PASSES.split(",").includes(name)) continue;
  console.error(`== ${name}`);
  const r = await pass(name, kind, processes);
  console.error(JSON.stringify(r));
  results.push(r);
}
const report = {
  at: new Date().toISOString(),
  machine: { cpus: os.cpus().length, node: process.version },
  drafts,
  warmup,
  concurrencies,
  target: "PostgreSQL: >= 300 submissions/s, p99 < 250 ms, 0 errors",
  results,
};
fs.mkdirSync(path.join(root, "bench-results"), { recursive: true });
fs.writeFileSync(path.join(root, "bench-results", "load.json"), `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify(report, null, 2));
