import { chinaDateOf } from "../shared/dates.ts";

/**
 * China's working days: Monday to Friday, except the State Council's public holidays, plus the
 * weekend days it makes working days (调休上班). The data comes from a maintained calendar package
 * (loaded by the server); a year the data does not reach counts Monday to Friday only and is named
 * in `uncoveredYears`, so a notice that crosses it says so instead of silently guessing.
 */
export interface WorkingDayCalendar {
  holidays: ReadonlySet<string>;
  makeUpWorkdays: ReadonlySet<string>;
  /** The years whose holidays the data holds. */
  coveredYears: ReadonlySet<number>;
}

export function workingDayCalendar(
  holidays: Iterable<string>,
  makeUpWorkdays: Iterable<string>,
): WorkingDayCalendar {
  const h = new Set(holidays);
  return {
    holidays: h,
    makeUpWorkdays: new Set(makeUpWorkdays),
    coveredYears: new Set([...h].map((d) => Number(d.slice(0, 4)))),
  };
}

const dayMs = 86_400_000;
const addDays = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * dayMs).toISOString().slice(0, 10);

export function isWorkingDay(calendar: WorkingDayCalendar, day: string): boolean {
  if (calendar.makeUpWorkdays.has(day)) return true;
  if (calendar.holidays.has(day)) return false;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

export interface NoticePeriod {
  /** The first and the last working day of the notice, China dates. */
  firstDay: string;
  lastDay: string;
  /** The instant the notice ends: midnight (China time) after its last working day. */
  endsAt: Date;
  uncoveredYears: number[];
}

/**
 * A notice of `workingDays` working days published at `publishedAt` runs over the next
 * `workingDays` whole working days after the day of publication, so that a notice put up late on a
 * Friday still gives the public its full period.
 */
export function noticePeriod(
  calendar: WorkingDayCalendar,
  publishedAt: Date,
  workingDays: number,
): NoticePeriod {
  if (!Number.isInteger(workingDays) || workingDays < 1)
    throw new RangeError("workingDays must be a positive integer");
  let day = chinaDateOf(publishedAt);
  let firstDay = "";
  const uncovered = new Set<number>();
  for (let counted = 0; counted < workingDays; ) {
    day = addDays(day, 1);
    const year = Number(day.slice(0, 4));
    if (!calendar.coveredYears.has(year)) uncovered.add(year);
    if (isWorkingDay(calendar, day)) {
      counted += 1;
      if (counted === 1) firstDay = day;
    }
  }
  // midnight China time after the last day = 16:00 UTC on the last day
  const endsAt = new Date(Date.parse(`${addDays(day, 1)}T00:00:00+08:00`));
  return { firstDay, lastDay: day, endsAt, uncoveredYears: [...uncovered].sort() };
}
