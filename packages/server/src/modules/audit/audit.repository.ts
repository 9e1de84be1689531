import { asc, count, desc, gt, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { auditLog } from "../../db/schema/index.ts";
import {
  type AuditContent,
  type ChainRow,
  type ChainVerdict,
  chainHash,
  genesisHash,
  verifyChain,
} from "./audit-chain.ts";

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  cityId?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditActor {
  actorId: string | null;
  actorUsername: string | null;
  actorRole: string | null;
  ip: string | null;
}

/** Any number: the chain head is one row, serialised by a transaction-level advisory lock. */
const chainLock = 7_274_001;

/**
 * Appends entries to the chain inside the caller's transaction. The lock is taken as late as
 * possible (the caller flushes after its business writes) and released at commit, so only the tail
 * of concurrent transactions queues on the chain.
 */
export async function appendAudit(tx: Tx, actor: AuditActor, entries: AuditEntry[], at: Date): Promise<void> {
  if (entries.length === 0) return;
  await tx.execute(sql`select pg_advisory_xact_lock(${chainLock})`);
  const [head] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  let prevHash = head?.hash ?? genesisHash;
  let seq = head?.seq ?? 0;
  const rows = entries.map((e) => {
    seq++;
    const content: AuditContent = {
      seq,
      at: at.toISOString(),
      cityId: e.cityId ?? null,
      ...actor,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId ?? null,
      before: normalise(e.before),
      after: normalise(e.after),
    };
    const hash = chainHash(prevHash, content);
    const row = { ...content, at, prevHash, hash };
    prevHash = hash;
    return row;
  });
  await tx.insert(auditLog).values(rows);
}

/** What jsonb gives back: plain JSON without undefined, dates as strings. */
function normalise(v: unknown): unknown {
  return v === undefined ? null : JSON.parse(JSON.stringify(v));
}

function toChainRow(r: typeof auditLog.$inferSelect): ChainRow {
  return { ...r, at: r.at.toISOString() };
}

export async function verifyAuditChain(db: Db, batch = 2000): Promise<ChainVerdict> {
  let state = { prevHash: genesisHash, seq: 0, checked: 0 };
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, state.seq))
      .orderBy(asc(auditLog.seq))
      .limit(batch);
    const verdict = verifyChain(rows.map(toChainRow), state);
    if (!verdict.ok) return { ok: false, checked: verdict.checked, firstBroken: verdict.firstBroken };
    if (rows.length < batch) return { ok: true, checked: verdict.checked };
    state = { ...verdict.last, checked: verdict.checked };
  }
}

export async function listAudit(db: Db, page: number, pageSize: number) {
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .orderBy(desc(auditLog.seq))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(auditLog),
  ]);
  return {
    items: items.map((r) => ({ ...r, at: r.at.toISOString() })),
    total: total?.n ?? 0,
    page,
    pageSize,
  };
}
