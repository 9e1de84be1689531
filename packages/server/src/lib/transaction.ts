import type { Db, Tx } from "../db/client.ts";
import { type AuditEntry, appendAudit } from "../modules/audit/audit.repository.ts";
import { type AuditKeys, createRepositories, type Repositories } from "../repositories.ts";
import { afterCommit } from "./after-commit.ts";
import { auditActorOf, type RequestContext } from "./context.ts";

export type Audit = (entry: AuditEntry) => void;

/**
 * One business transaction: the work gets the repositories bound to it and collects audit entries,
 * which are written last in the same transaction, so a state change and its audit record commit or
 * roll back together; the sealer chains them right after the commit. Use cases name the
 * repositories they use (`Transactor<Pick<Repositories, "needs">>`), so tests pass small fakes.
 */
export interface Transactor<R = Repositories> {
  run<T>(ctx: RequestContext, work: (repos: R, audit: Audit) => Promise<T>): Promise<T>;
}

export function createTransactor(db: Db, keys: AuditKeys): Transactor {
  return {
    run: (ctx, work) =>
      inTransaction(db, keys, ctx, (tx, audit) => work(createRepositories(tx, keys), audit)),
  };
}

/** The transaction itself, for the transactor and for bulk writers under db/ (the demo seed). */
export async function inTransaction<T>(
  db: Db,
  keys: Pick<AuditKeys, "signer">,
  ctx: RequestContext,
  work: (tx: Tx, audit: Audit) => Promise<T>,
): Promise<T> {
  const result = await db.transaction(async (tx) => {
    const entries: AuditEntry[] = [];
    const out = await work(tx, (e) => entries.push({ cityId: ctx.actor?.cityId ?? null, ...e }));
    await appendAudit(tx, keys.signer, auditActorOf(ctx), entries, ctx.now);
    return out;
  });
  afterCommit(db);
  return result;
}
