import { asc, desc, isNotNull, isNull, sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../db/client.ts";
import { auditLog } from "../../db/schema/index.ts";
import { normalise } from "./audit.repository.ts";
import { type AuditContent, chainHash, genesisHash } from "./audit-chain.ts";

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

/**
 * Runs the sealer soon after each commit (coalescing bursts) and every few seconds as a safety net
 * for records another process committed while this one's sealer held the lock.
 */
export class AuditSealer {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly onError: (e: unknown) => void = (e) => console.error("audit sealer:", e),
  ) {}

  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        // Another process's sealer at work chains our records too, or our timer does: looping on
        // the lock would only busy both processes (measured: a third fewer submissions/s).
        if ((await sealAudit(this.db).catch(this.onError)) === null) break;
      } while (this.again);
    })().finally(() => {
      this.running = null;
    });
  }

  start(intervalMs = 2000): void {
    this.timer = setInterval(() => this.kick(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
    await sealAudit(this.db, { wait: true }).catch(this.onError);
  }
}
