/**
 * The calendar day in China (UTC+8, no daylight saving) as "YYYY-MM-DD": effective dates, birth
 * dates and call windows are days of the people who use the platform, wherever the server runs.
 */
export function chinaDateOf(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
