import type { Actor } from "@luoshu/domain";
import type { Db, Tx } from "../db/client.ts";
import { type AuditActor, type AuditEntry, appendAudit } from "../modules/audit/audit.repository.ts";

/** Who is acting, from where and when: what every service call and audit record needs. */
export interface RequestContext {
  actor: Actor | null;
  /** The role under which the action is taken (the one that grants the route's permission). */
  role: string | null;
  ip: string | null;
  now: Date;
}

export type Audit = (entry: AuditEntry) => void;

/**
 * One business transaction: the work collects audit entries, written last in the same transaction,
 * so a state change and its audit record commit or roll back together; the sealer chains them
 * right after the commit.
 */
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

/** For a change committed by one statement outside `inTransaction`: chain its audit record now. */
export function afterCommit(db: Db): void {
  sealers.get(db)?.kick();
}

/** The audit sealer of each database, kicked after every commit (see audit-sealer.ts). */
const sealers = new WeakMap<Db, { kick(): void }>();

export function registerSealer(db: Db, sealer: { kick(): void }): void {
  sealers.set(db, sealer);
}

export function auditActorOf(ctx: RequestContext): AuditActor {
  return {
    actorId: ctx.actor?.userId ?? null,
    actorUsername: ctx.actor?.username ?? null,
    actorRole: ctx.role,
    ip: ctx.ip,
  };
}
