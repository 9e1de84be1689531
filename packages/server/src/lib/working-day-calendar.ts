import { createRequire } from "node:module";
import { type WorkingDayCalendar, workingDayCalendar } from "@luoshu/domain";

/**
 * China's holidays and make-up working days as the State Council publishes them each year, from
 * the maintained `chinese-days` package (its data file, not its date library). A year it does not
 * hold yet is counted Monday to Friday and named on the notice (see `noticePeriod`); updating the
 * package brings the new year in.
 */
let calendar: WorkingDayCalendar | null = null;

export function chinaWorkingDays(): WorkingDayCalendar {
  if (!calendar) {
    const data = createRequire(import.meta.url)("chinese-days/dist/chinese-days.json") as {
      holidays: Record<string, string>;
      workdays: Record<string, string>;
    };
    calendar = workingDayCalendar(Object.keys(data.holidays), Object.keys(data.workdays));
  }
  return calendar;
}
