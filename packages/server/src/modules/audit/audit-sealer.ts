import type { Db } from "../../db/client.ts";
import type { AuditKeys } from "../../repositories.ts";
import { chainHashAt, sealAudit } from "./audit.repository.ts";

/**
 * Runs the sealer soon after each commit (coalescing bursts) and every few seconds as a safety net
 * for records another process committed while this one's sealer held the lock. Each advance of
 * the head is copied to the anchor outside the database.
 */
export class AuditSealer {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly keys: AuditKeys,
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
        if ((await this.seal()) === null) break;
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
    await this.seal({ wait: true });
  }

  private async seal(opts: { wait?: boolean } = {}) {
    try {
      const done = await sealAudit(this.db, this.keys.signer, opts);
      const anchor = this.keys.anchor;
      if (done && done.sealed > 0 && anchor) {
        // Moving the anchor past a table that lost its anchored record would erase the evidence.
        const a = anchor.read();
        if (a && (await chainHashAt(this.db, a.pos)) !== a.hash) {
          throw new Error(
            `the audit table no longer holds the anchored record ${a.pos}: anchor kept, run npm run audit:verify`,
          );
        }
        anchor.advance(done.head, new Date(), this.keys.signer);
      }
      return done;
    } catch (e) {
      this.onError(e);
      return null;
    }
  }
}
