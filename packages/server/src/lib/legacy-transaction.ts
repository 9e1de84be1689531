// TEMPORARY during the move to use cases with repositories (issue 11); removed when the last
// module no longer calls it.
import type { Db, Tx } from "../db/client.ts";
import { type AuditEntry, appendAudit } from "../modules/audit/audit.repository.ts";
import { afterCommit } from "./after-commit.ts";
import { auditActorOf, type RequestContext } from "./context.ts";
import type { Audit } from "./transaction.ts";

export async function inTransaction<T>(
  db: Db,
  ctx: RequestContext,
  work: (tx: Tx, audit: Audit) => Promise<T>,
): Promise<T> {
  const result = await db.transaction(async (tx) => {
    const entries: AuditEntry[] = [];
    const result = await work(tx, (e) => entries.push({ cityId: ctx.actor?.cityId ?? null, ...e }));
    await appendAudit(tx, auditActorOf(ctx), entries, ctx.now);
    return result;
  });
  afterCommit(db);
  return result;
}
