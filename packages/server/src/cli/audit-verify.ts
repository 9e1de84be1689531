import { sealAudit, verifyAuditChain } from "../modules/audit/audit.repository.ts";
import { openRuntime } from "../runtime.ts";

/** Exit 0 when the chain is whole, 1 naming the first broken record. */
let runtime: Awaited<ReturnType<typeof openRuntime>>;
try {
  runtime = await openRuntime();
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}
try {
  // Report what no sealer chained (a server stopped mid-burst), then chain it and check the whole log.
  const before = await verifyAuditChain(runtime.database.db, { graceMs: Number.POSITIVE_INFINITY });
  if (before.unsealed > 0)
    console.log(`${before.unsealed} unchained records since ${before.oldestUnsealedAt}: chaining them now`);
  await sealAudit(runtime.database.db, { wait: true });
  const verdict = await verifyAuditChain(runtime.database.db);
  if (verdict.ok) {
    console.log(`审计链完整 / audit chain intact: ${verdict.checked} records checked`);
  } else {
    console.error(
      `审计链在第 ${verdict.firstBroken.seq} 条记录处断裂 / audit chain broken at record ${verdict.firstBroken.seq}: ${verdict.firstBroken.reason} (${verdict.checked} records before it are intact)`,
    );
    process.exitCode = 1;
  }
} finally {
  await runtime.database.close();
}
