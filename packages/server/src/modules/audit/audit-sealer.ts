import type { Db } from "../../db/client.ts";
import { sealAudit } from "./audit.repository.ts";

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
