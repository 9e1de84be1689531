import { and, asc, count, desc, eq, gt, gte, isNull, lt, type Placeholder, type SQL, sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../db/client.ts";
import { auditChainHead, auditLog } from "../../db/schema/index.ts";
import { type AnchorStore, anchorSignature } from "./audit-anchor.ts";
import {
  type AuditSigner,
  type ChainRow,
  type ChainVerdict,
  chainHash,
  genesisHash,
  signatureOf,
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
export async function appendAudit(
  tx: Db,
  signer: AuditSigner,
  actor: AuditActor,
  entries: AuditEntry[],
  at: Date,
): Promise<void> {
  if (entries.length > 0)
    await tx.execute(
      auditInsert({ ...actor, at: at.toISOString(), rows: auditRows(entries, actor, at, signer) }),
    );
}

export function auditRepository(db: Db, signer: AuditSigner, anchor?: AnchorStore) {
  return {
    list: (filter: AuditFilter, page: number, pageSize: number) => listAudit(db, filter, page, pageSize),
    exportRows: (filter: AuditFilter, limit: number) => auditExportRows(db, filter, limit),
    verify: (opts: { now?: Date }) => verifyAuditChain(db, signer, { ...opts, anchor }),
    seal: (opts: { wait?: boolean } = {}) => sealAudit(db, signer, opts),
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
      (at, city_id, actor_id, actor_username, actor_role, ip, action, entity_type, entity_id, before, after, signature)
    select ${p.at}::timestamptz, x.city_id, ${p.actorId}, ${p.actorUsername}, ${p.actorRole}, ${p.ip},
      x.action, x.entity_type, x.entity_id, x.before, x.after, x.signature
    from rows from (jsonb_to_recordset(${p.rows}::jsonb)
      as (city_id text, action text, entity_type text, entity_id text, before jsonb, after jsonb, signature text))
      with ordinality as x(city_id, action, entity_type, entity_id, before, after, signature, n)
    ${onlyIf ? sql`where ${onlyIf}` : sql``}
    order by x.n`;
}

/** The entries as the insert's JSON parameter, each signed by the writer over what it will store. */
export function auditRows(entries: AuditEntry[], actor: AuditActor, at: Date, signer: AuditSigner): string {
  return JSON.stringify(
    entries.map((e) => {
      const stored = {
        at: at.toISOString(),
        cityId: e.cityId ?? null,
        ...actor,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId ?? null,
        before: normalise(e.before),
        after: normalise(e.after),
      };
      return {
        city_id: stored.cityId,
        action: e.action,
        entity_type: e.entityType,
        entity_id: stored.entityId,
        before: stored.before,
        after: stored.after,
        signature: signatureOf(signer, stored),
      };
    }),
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
    before: normalise(r.before),
    after: normalise(r.after),
    chainPos: chainPos ?? 0,
    prevHash: prevHash ?? "",
    hash: hash ?? "",
    at: r.at.toISOString(),
  };
}

/** The hash of the record at a chain position, if the table still holds it. */
export async function chainHashAt(db: Db, pos: number): Promise<string | null> {
  const [row] = await db.select({ hash: auditLog.hash }).from(auditLog).where(eq(auditLog.chainPos, pos));
  return row?.hash ?? null;
}

const chainHead = async (db: Db) => {
  const [head] = await db.select().from(auditChainHead);
  return head ? { pos: head.pos, hash: head.hash } : { pos: 0, hash: genesisHash };
};

export type AuditVerdict = ChainVerdict & { unsealed: number; oldestUnsealedAt: string | null };

const broken = (seq: number, reason: string, checked: number) => ({
  ok: false as const,
  checked,
  firstBroken: { seq, reason },
});

/**
 * Walks the sealed chain, then checks what the chain alone cannot show: that its end is where the
 * head row and the anchor outside the database say (a deleted tail), and that no unchained record
 * lacks the writer's signature (a row inserted by hand). Records the sealer has not reached are
 * normal for a moment after a commit; older ones mean no sealer is running and fail the check.
 */
export async function verifyAuditChain(
  db: Db,
  signer: AuditSigner,
  opts: { batch?: number; now?: Date; graceMs?: number; anchor?: AnchorStore } = {},
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
    const v = verifyChain(rows.map(toChainRow), signer, state);
    state = { ...v.last, checked: v.checked };
    if (!v.ok) {
      verdict = { ok: false, checked: v.checked, firstBroken: v.firstBroken };
      break;
    }
    if (rows.length < batch) {
      verdict = { ok: true, checked: v.checked };
      break;
    }
  }
  if (verdict.ok) verdict = (await checkEnds(db, signer, state, opts.anchor)) ?? verdict;

  const unchained = await db
    .select()
    .from(auditLog)
    .where(isNull(auditLog.chainPos))
    .orderBy(asc(auditLog.seq));
  const forged = unchained.find((r) => r.signature !== signatureOf(signer, toChainRow(r)));
  if (verdict.ok && forged) {
    verdict = broken(
      forged.seq,
      "no valid writer's signature: the record was not written by the application and is kept out of the chain",
      verdict.checked,
    );
  }
  const oldest = unchained[0]?.at ?? null;
  const stale = oldest && (opts.now ?? new Date()).getTime() - oldest.getTime() > (opts.graceMs ?? 10_000);
  if (verdict.ok && stale) {
    verdict = broken(
      0,
      `${unchained.length} records are not chained yet, the oldest since ${oldest.toISOString()}: is the sealer running?`,
      verdict.checked,
    );
  }
  return { ...verdict, unsealed: unchained.length, oldestUnsealedAt: oldest?.toISOString() ?? null };
}

/** The chain's last record against the head row, and the head against the anchor outside. */
async function checkEnds(
  db: Db,
  signer: AuditSigner,
  end: { pos: number; prevHash: string; checked: number },
  anchor: AnchorStore | undefined,
): Promise<ChainVerdict | null> {
  const head = await chainHead(db);
  if (head.pos > end.pos) {
    return broken(
      0,
      `the newest records are missing: the chain ends at position ${end.pos} but its head says ${head.pos}`,
      end.checked,
    );
  }
  if (head.pos !== end.pos || head.hash !== end.prevHash)
    return broken(0, "the chain's head row does not match its last record", end.checked);
  const a = anchor?.read();
  if (!a) return null;
  const { signature, ...unsigned } = a;
  if (signature !== anchorSignature(signer, unsigned))
    return broken(0, "the anchor file outside the database carries no valid signature", end.checked);
  if (a.pos > end.pos || (await chainHashAt(db, a.pos)) !== a.hash) {
    return broken(
      0,
      `the anchor outside the database names position ${a.pos} (${a.at}), which the table no longer holds: records were deleted and the head rewound`,
      end.checked,
    );
  }
  return null;
}

/** Who did what to which kind of record, and when (`to` exclusive). */
export interface AuditFilter {
  actor?: string;
  action?: string;
  entityType?: string;
  from?: Date;
  to?: Date;
}

const auditWhere = (f: AuditFilter) =>
  and(
    f.actor ? eq(auditLog.actorUsername, f.actor) : undefined,
    f.action ? eq(auditLog.action, f.action) : undefined,
    f.entityType ? eq(auditLog.entityType, f.entityType) : undefined,
    f.from ? gte(auditLog.at, f.from) : undefined,
    f.to ? lt(auditLog.at, f.to) : undefined,
  );

export async function listAudit(db: Db, filter: AuditFilter, page: number, pageSize: number) {
  const where = auditWhere(filter);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.seq))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return {
    items: items.map(({ signature: _s, ...r }) => ({ ...r, at: r.at.toISOString() })),
    total: total?.n ?? 0,
    page,
    pageSize,
  };
}

/** The newest `limit` records that match, for the export, and how many matched in all. */
export async function auditExportRows(db: Db, filter: AuditFilter, limit: number) {
  const where = auditWhere(filter);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        at: auditLog.at,
        actorUsername: auditLog.actorUsername,
        actorRole: auditLog.actorRole,
        action: auditLog.action,
        entityType: auditLog.entityType,
        entityId: auditLog.entityId,
        cityId: auditLog.cityId,
        ip: auditLog.ip,
        before: auditLog.before,
        after: auditLog.after,
      })
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.seq))
      .limit(limit),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Any number; background sealing only tries it, so no request ever waits on it. */
const sealerLock = 7_274_002;
const batchSize = 500;

/**
 * Chains committed audit records in the order the sealer finds them. One sealer at a time across
 * all server processes (a transaction-level try-lock); a record committed after a later-numbered
 * one simply gets a later chain position. Positions come from the head row, never from the highest
 * remaining record, so a deleted tail is never covered over. Only records carrying the writer's
 * signature enter the chain. Returns how many records it chained and the head, or null when
 * another sealer holds the lock (without `wait`).
 */
export async function sealAudit(
  db: Db,
  signer: AuditSigner,
  opts: { wait?: boolean } = {},
): Promise<{ sealed: number; head: { pos: number; hash: string } } | null> {
  let total = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
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
      const head = await chainHead(tx);
      let { pos, hash: prev } = head;
      const links: { seq: number; pos: number; prev: string; hash: string }[] = [];
      for (const r of pending) {
        const content = toChainRow(r);
        // A row someone inserted by hand stays outside the chain; verification names it.
        if (r.signature !== signatureOf(signer, content)) continue;
        pos++;
        const { prevHash: _p, hash: _h, signature: _s, ...chained } = { ...content, chainPos: pos };
        const hash = chainHash(prev, chained);
        links.push({ seq: r.seq, pos, prev, hash });
        prev = hash;
      }
      if (links.length > 0) {
        // The whole batch in one statement: under a deadline rush the sealer must keep up cheaply.
        await tx.execute(sql`update ${auditLog} set chain_pos = v.pos, prev_hash = v.prev, hash = v.hash
          from jsonb_to_recordset(${JSON.stringify(links)}::jsonb) as v(seq bigint, pos bigint, prev text, hash text)
          where ${auditLog.seq} = v.seq`);
        await tx
          .insert(auditChainHead)
          .values({ id: 1, pos, hash: prev, at: new Date() })
          .onConflictDoUpdate({ target: auditChainHead.id, set: { pos, hash: prev, at: new Date() } });
      }
      return { sealed: links.length, read: pending.length, head: { pos, hash: prev } };
    });
    if (batch === null) return total > 0 ? { sealed: total, head: await chainHead(db) } : null;
    total += batch.sealed;
    if (batch.read < batchSize) return { sealed: total, head: batch.head };
  }
}
