import dayjs, { type Dayjs } from "dayjs";
import timezone from "dayjs/plugin/timezone";
import utc from "dayjs/plugin/utc";

dayjs.extend(utc);
dayjs.extend(timezone);

const ZONE = "Asia/Shanghai";
const WALL = "YYYY-MM-DD HH:mm:ss";

/**
 * Call windows are entered and shown in Beijing time whatever the browser's zone: the picker's
 * wall clock is read as Asia/Shanghai, and an instant is put back on the picker as that wall clock.
 */
export function pickerValueOf(iso: string | undefined): Dayjs | undefined {
  if (!iso) return undefined;
  const d = dayjs.utc(iso);
  return d.isValid() ? dayjs(d.tz(ZONE).format(WALL)) : undefined;
}

export function instantOf(value: Dayjs): string {
  return dayjs.tz(value.format(WALL), ZONE).toISOString();
}
