import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "../db/client.ts";

/** Fixed-window counters in the database, so every server process counts against the same limit. */
export function rateLimitsRepository(db: Db) {
  return {
    /** Counts a hit; returns the count in the current window including this hit. */
    async hit(key: string, windowMs: number, now: Date): Promise<number> {
      const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
      const res = await db.execute(sql`
        insert into rate_limits (key, window_start, count) values (${key}, ${windowStart.toISOString()}, 1)
        on conflict (key) do update set
          count = case when rate_limits.window_start = excluded.window_start then rate_limits.count + 1 else 1 end,
          window_start = excluded.window_start
        returning count`);
      return Number(rowsOf<{ count: number }>(res)[0]?.count ?? 1);
    },
  };
}
export type RateLimitsRepository = ReturnType<typeof rateLimitsRepository>;
