import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone";
import utc from "dayjs/plugin/utc";

dayjs.extend(utc);
dayjs.extend(timezone);

const ZONE = "Asia/Shanghai";

/** API dates are UTC ISO strings; officers read them in Beijing time whatever the browser's zone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = dayjs.utc(iso);
  return d.isValid() ? d.tz(ZONE).format("YYYY-MM-DD HH:mm:ss") : iso;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = dayjs.utc(iso);
  return d.isValid() ? d.tz(ZONE).format("YYYY-MM-DD") : iso;
}

/**
 * A notice's end as people read it: its last day "24:00" (the API's instant is midnight after
 * that day, so "2026-12-12 00:00:00" would read as one day too many).
 */
export function formatNoticeEnd(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = dayjs.utc(iso);
  return d.isValid() ? `${d.subtract(1, "millisecond").tz(ZONE).format("YYYY-MM-DD")} 24:00` : iso;
}
