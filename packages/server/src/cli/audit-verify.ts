import { verifyAuditChain } from "../modules/audit/audit.repository.ts";
import { fileAnchorStore } from "../modules/audit/audit-anchor.ts";
import { AuditSealer } from "../modules/audit/audit-sealer.ts";
import { openRuntime } from "../runtime.ts";

/** Exit 0 when the chain is whole, 1 naming the first broken record. */
let runtime: Awaited<ReturnType<typeof openRuntime>>;
try {
  runtime = await openRuntime();
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}
const { db } = runtime.database;
const keys = { signer: runtime.cipher, anchor: fileAnchorStore(runtime.config.auditAnchorFile) };
try {
  // Report what no sealer chained (a server stopped mid-burst), then chain it and check the whole log.
  const before = await verifyAuditChain(db, keys.signer, { graceMs: Number.POSITIVE_INFINITY, ...keys });
  if (before.unsealed > 0)
    console.log(`${before.unsealed} unchained records since ${before.oldestUnsealedAt}: chaining them now`);
  let sealError: unknown = null;
  await new AuditSealer(db, keys, (e) => {
    sealError = e;
  }).stop();
  const verdict = await verifyAuditChain(db, keys.signer, keys);
  if (verdict.ok && !sealError) {
    console.log(`审计链完整 / audit chain intact: ${verdict.checked} records checked`);
  } else if (!verdict.ok) {
    console.error(
      `审计链在第 ${verdict.firstBroken.seq} 条记录处断裂 / audit chain broken at record ${verdict.firstBroken.seq}: ${verdict.firstBroken.reason} (${verdict.checked} records before it are intact)`,
    );
    process.exitCode = 1;
  } else {
    console.error(`审计链封存失败 / sealing failed: ${(sealError as Error).message}`);
    process.exitCode = 1;
  }
} finally {
  await runtime.database.close();
}
