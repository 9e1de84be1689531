import { buildApp } from "./app.ts";
import { readConfig } from "./config.ts";
import { demoPassword, demoUsernames } from "./db/seed/demo-data.ts";
import { walkDemoDecision } from "./db/seed/demo-decision.ts";
import { walkDemoExecution } from "./db/seed/demo-execution.ts";
import { walkDemoJoint } from "./db/seed/demo-joint.ts";
import { walkDemoReview } from "./db/seed/demo-review.ts";
import { seedDemo } from "./db/seed/seed-demo.ts";
import { appDeps } from "./deps.ts";
import { registerSealer } from "./lib/after-commit.ts";
import { fixedClock, movableClock, systemClock } from "./lib/clock.ts";
import { createLocalFileStore } from "./lib/files/file-store.ts";
import { injectClients, oneSessionEach } from "./lib/inject-client.ts";
import { readPolicies } from "./lib/policy-files.ts";
import { rateLimitsRepository } from "./lib/rate-limits.repository.ts";
import { fileAnchorStore } from "./modules/audit/audit-anchor.ts";
import { AuditSealer } from "./modules/audit/audit-sealer.ts";
import { StartupRefused } from "./modules/instance/field-key.ts";
import { registerPolicyCities } from "./modules/reference/read-reference.ts";
import { createRepositories } from "./repositories.ts";
import { openRuntime } from "./runtime.ts";

const started = performance.now();
const config = readConfig();
const testClock = config.testClock ? movableClock() : undefined;
let policies: ReturnType<typeof readPolicies>;
try {
  policies = readPolicies(config.policiesDir);
} catch (e) {
  console.error(
    `\n政策文件校验失败，服务未启动 / A policy file is invalid; the server did not start:\n${(e as Error).message}\n`,
  );
  process.exit(1);
}

let runtime: Awaited<ReturnType<typeof openRuntime>>;
try {
  runtime = await openRuntime(config);
} catch (e) {
  if (!(e instanceof StartupRefused)) throw e;
  console.error(`\n${e.message}\n`);
  process.exit(1);
}
const { database, cipher } = runtime;
const auditKeys = { signer: cipher, anchor: fileAnchorStore(config.auditAnchorFile) };
await registerPolicyCities({ repos: createRepositories(database.db, auditKeys), policies });
const seeded = config.production
  ? { created: false }
  : await seedDemo(database.db, cipher, systemClock.now());
if (seeded.created) console.log("已创建演示数据 / demo data created");
const sealer = new AuditSealer(database.db, auditKeys);
registerSealer(database.db, sealer);
sealer.start();
const appOptions = {
  database,
  policies,
  cipher,
  auditAnchor: auditKeys.anchor,
  files: createLocalFileStore({ root: config.filesDir }),
  secureCookies: config.secureCookies,
  production: config.production,
  checkResponses: config.checkResponses,
};
const app = await buildApp(
  appDeps({
    ...appOptions,
    clock: testClock ?? systemClock,
    testClock,
    webDist: config.webDist,
    logger: process.env.LUOSHU_LOG === "1",
  }),
);

if (seeded.created && process.env.LUOSHU_DEMO_REVIEW !== "0") {
  // The demo's expert review, walked through the API like its people would (db/seed/demo-review.ts).
  const clients = injectClients(app);
  const as = oneSessionEach((username: string) => clients.login(username, demoPassword));
  try {
    await walkPastExecution();
    await walkDemoReview(as, systemClock.now());
    await walkDemoDecision(as, systemClock.now());
    await walkDemoJoint(as);
    console.log(
      "已创建演示评审、拟立项名单与执行中的项目 / demo expert review, proposed lists and projects in execution created",
    );
  } catch (e) {
    // The seed itself stands; only the walk's steps after the failure are missing.
    console.error(`演示评审未能完成 / the demo review walk stopped: ${(e as Error).message}`);
  } finally {
    // The walks signed in from the loopback address a user on this machine signs in from: their
    // logins must not count against that user's first minute (30 a minute per address).
    await rateLimitsRepository(database.db).clear("/api/auth/login|127.0.0.1");
  }
}

/**
 * The demo's projects in execution were approved weeks ago (a notice runs working days), so their
 * walk runs on an app of its own whose clock it sets back, first, before today's walks.
 */
async function walkPastExecution() {
  const clock = fixedClock(systemClock.now());
  const past = await buildApp(appDeps({ ...appOptions, clock }));
  try {
    const clients = injectClients(past);
    const signIn = () => oneSessionEach((username: string) => clients.login(username, demoPassword));
    await walkDemoExecution(signIn, clock, systemClock.now());
  } finally {
    await past.close();
  }
}

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  console.log(`${signal}: closing`);
  await app.close();
  await sealer.stop();
  await database.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

await app.listen({ port: config.port, host: config.host });
const url = `http://localhost:${config.port}`;
console.log(`
洛书 Luoshu ready in ${((performance.now() - started) / 1000).toFixed(1)} s — ${url}
database: ${database.kind === "embedded" ? `embedded PGlite (${config.dataDir})` : "PostgreSQL server"}
API docs: ${url}/api/docs`);
if (!config.production) {
  console.log(`demo logins (password ${demoPassword}): ${demoUsernames.join(", ")}`);
}
