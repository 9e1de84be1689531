import { and, eq, sql } from "drizzle-orm";
import { type Db, rowsOf } from "../db/client.ts";
import { rateLimits } from "../db/schema/index.ts";

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

    /** The count in the current window without adding to it, and when that window ends. */
    async peek(key: string, windowMs: number, now: Date): Promise<{ count: number; windowEndsAt: Date }> {
      const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
      const [row] = await db
        .select({ count: rateLimits.count })
        .from(rateLimits)
        .where(and(eq(rateLimits.key, key), eq(rateLimits.windowStart, windowStart)));
      return { count: row?.count ?? 0, windowEndsAt: new Date(windowStart.getTime() + windowMs) };
    },

    async clear(key: string): Promise<void> {
      await db.delete(rateLimits).where(eq(rateLimits.key, key));
    },
  };
}
export type RateLimitsRepository = ReturnType<typeof rateLimitsRepository>;
