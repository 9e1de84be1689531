/**
 * "2025-03-01 14:05:09": the instant on the Beijing wall clock (UTC+8, no daylight saving) to the
 * second, whatever the server's zone, as the spreadsheet exports write their times.
 */
export function chinaSecondOf(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace("T", " ");
}
