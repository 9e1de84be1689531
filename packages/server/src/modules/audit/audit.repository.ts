import { asc, count, desc, gt, isNotNull, isNull, min, type Placeholder, type SQL, sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../db/client.ts";
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

/**
 * Writes the entries inside the caller's transaction, unchained: no lock, so concurrent business
 * transactions do not queue on the chain head. The sealer chains them once committed.
 */
export async function appendAudit(tx: Db, actor: AuditActor, entries: AuditEntry[], at: Date): Promise<void> {
  if (entries.length > 0)
    await tx.execute(auditInsert({ ...actor, at: at.toISOString(), rows: auditRows(entries) }));
}

export function auditRepository(db: Db) {
  return {
    list: (page: number, pageSize: number) => listAudit(db, page, pageSize),
    verify: (opts: { now?: Date }) => verifyAuditChain(db, opts),
    seal: (opts: { wait?: boolean } = {}) => sealAudit(db, opts),
  };
}
export type AuditRepository = ReturnType<typeof auditRepository>;

/** Each value, or the placeholder of a statement prepared once (hot-sql.ts). */
type Bound<T> = { [K in keyof T]: T[K] | Placeholder };

/**
 * The insert of audit records as one statement, the entries as one JSON parameter (`auditRows`), so
 * it is cheap to build and can be part of a prepared statement. `onlyIf` lets a single-statement
 * change write its record only when its own guarded update applied (see submission-sql.ts).
 */
export function auditInsert(p: Bound<AuditActor & { at: string; rows: string }>, onlyIf?: SQL): SQL {
  return sql`insert into audit_log
      (at, city_id, actor_id, actor_username, actor_role, ip, action, entity_type, entity_id, before, after)
    select ${p.at}::timestamptz, x.city_id, ${p.actorId}, ${p.actorUsername}, ${p.actorRole}, ${p.ip},
      x.action, x.entity_type, x.entity_id, x.before, x.after
    from rows from (jsonb_to_recordset(${p.rows}::jsonb)
      as (city_id text, action text, entity_type text, entity_id text, before jsonb, after jsonb))
      with ordinality as x(city_id, action, entity_type, entity_id, before, after, n)
    ${onlyIf ? sql`where ${onlyIf}` : sql``}
    order by x.n`;
}

export function auditRows(entries: AuditEntry[]): string {
  return JSON.stringify(
    entries.map((e) => ({
      city_id: e.cityId ?? null,
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId ?? null,
      before: e.before ?? null,
      after: e.after ?? null,
    })),
  );
}

/** What jsonb gives back: plain JSON without undefined, dates as strings. */
export function normalise(v: unknown): unknown {
  return v === undefined ? null : JSON.parse(JSON.stringify(v));
}

export function toChainRow(r: typeof auditLog.$inferSelect): ChainRow {
  const { chainPos, prevHash, hash, ...rest } = r;
  return {
    ...rest,
    chainPos: chainPos ?? 0,
    prevHash: prevHash ?? "",
    hash: hash ?? "",
    at: r.at.toISOString(),
  };
}

export type AuditVerdict = ChainVerdict & { unsealed: number; oldestUnsealedAt: string | null };

/**
 * Walks the sealed chain, and counts records the sealer has not reached: a few for a moment after
 * a commit are normal, older ones mean no sealer is running and fail the check.
 */
export async function verifyAuditChain(
  db: Db,
  opts: { batch?: number; now?: Date; graceMs?: number } = {},
): Promise<AuditVerdict> {
  const batch = opts.batch ?? 2000;
  let state = { prevHash: genesisHash, pos: 0, checked: 0 };
  let verdict: ChainVerdict;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.chainPos, state.pos))
      .orderBy(asc(auditLog.chainPos))
      .limit(batch);
    const v = verifyChain(rows.map(toChainRow), state);
    if (!v.ok) {
      verdict = { ok: false, checked: v.checked, firstBroken: v.firstBroken };
      break;
    }
    if (rows.length < batch) {
      verdict = { ok: true, checked: v.checked };
      break;
    }
    state = { ...v.last, checked: v.checked };
  }
  const [pending] = await db
    .select({ n: count(), oldest: min(auditLog.at) })
    .from(auditLog)
    .where(isNull(auditLog.chainPos));
  const unsealed = pending?.n ?? 0;
  const oldest = pending?.oldest ? new Date(pending.oldest) : null;
  const stale = oldest && (opts.now ?? new Date()).getTime() - oldest.getTime() > (opts.graceMs ?? 10_000);
  if (verdict.ok && stale) {
    return {
      ok: false,
      checked: verdict.checked,
      firstBroken: {
        seq: 0,
        reason: `${unsealed} records are not chained yet, the oldest since ${oldest.toISOString()}: is the sealer running?`,
      },
      unsealed,
      oldestUnsealedAt: oldest.toISOString(),
    };
  }
  return { ...verdict, unsealed, oldestUnsealedAt: oldest?.toISOString() ?? null };
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

/** Any number; background sealing only tries it, so no request ever waits on it. */
const sealerLock = 7_274_002;
const batchSize = 500;

/**
 * Chains committed audit records in the order the sealer finds them. One sealer at a time across
 * all server processes (a transaction-level try-lock); a record committed after a later-numbered
 * one simply gets a later chain position. Returns how many records it chained, or null when another
 * sealer holds the lock (without `wait`).
 */
export async function sealAudit(db: Db, opts: { wait?: boolean } = {}): Promise<number | null> {
  let total = 0;
  for (;;) {
    const sealed = await db.transaction(async (tx) => {
      if (opts.wait) {
        // Callers that read the chain next (verify, tests, shutdown) wait for a running sealer.
        await tx.execute(sql`select pg_advisory_xact_lock(${sealerLock})`);
      } else {
        const [got] = rowsOf<{ ok: boolean }>(
          await tx.execute(sql`select pg_try_advisory_xact_lock(${sealerLock}) as ok`),
        );
        if (!got?.ok) return null;
      }
      const pending = await tx
        .select()
        .from(auditLog)
        .where(isNull(auditLog.chainPos))
        .orderBy(asc(auditLog.seq))
        .limit(batchSize);
      if (pending.length === 0) return 0;
      const [head] = await tx
        .select({ pos: auditLog.chainPos, hash: auditLog.hash })
        .from(auditLog)
        .where(isNotNull(auditLog.chainPos))
        .orderBy(desc(auditLog.chainPos))
        .limit(1);
      let pos = head?.pos ?? 0;
      let prev = head?.hash ?? genesisHash;
      const links: { seq: number; pos: number; prev: string; hash: string }[] = [];
      for (const r of pending) {
        pos++;
        const content: AuditContent = {
          seq: r.seq,
          chainPos: pos,
          at: r.at.toISOString(),
          cityId: r.cityId,
          actorId: r.actorId,
          actorUsername: r.actorUsername,
          actorRole: r.actorRole,
          action: r.action,
          entityType: r.entityType,
          entityId: r.entityId,
          before: normalise(r.before),
          after: normalise(r.after),
          ip: r.ip,
        };
        const hash = chainHash(prev, content);
        links.push({ seq: r.seq, pos, prev, hash });
        prev = hash;
      }
      // The whole batch in one statement: under a deadline rush the sealer must keep up cheaply.
      await tx.execute(sql`update ${auditLog} set chain_pos = v.pos, prev_hash = v.prev, hash = v.hash
        from jsonb_to_recordset(${JSON.stringify(links)}::jsonb) as v(seq bigint, pos bigint, prev text, hash text)
        where ${auditLog.seq} = v.seq`);
      return pending.length;
    });
    if (sealed === null) return total > 0 ? total : null;
    total += sealed;
    if (sealed < batchSize) return total;
  }
}
