import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isWorkingDay, noticePeriod, workingDayCalendar } from "./working-days.ts";

// 2026 National Day as the State Council set it: 1–7 October off, Saturday 10 October worked.
const calendar = workingDayCalendar(
  [
    "2026-09-25",
    "2026-10-01",
    "2026-10-02",
    "2026-10-03",
    "2026-10-04",
    "2026-10-05",
    "2026-10-06",
    "2026-10-07",
  ],
  ["2026-09-20", "2026-10-10"],
);

describe("working days", () => {
  it("skips holidays and counts make-up Saturdays", () => {
    expect(isWorkingDay(calendar, "2026-10-08")).toBe(true);
    expect(isWorkingDay(calendar, "2026-10-05")).toBe(false);
    expect(isWorkingDay(calendar, "2026-10-10")).toBe(true);
    expect(isWorkingDay(calendar, "2026-10-11")).toBe(false);
  });

  it("runs a five-day notice put up before National Day into the week after", () => {
    // 30 September 10:00 in Shanghai
    const p = noticePeriod(calendar, new Date("2026-09-30T02:00:00Z"), 5);
    expect(p.firstDay).toBe("2026-10-08");
    expect(p.lastDay).toBe("2026-10-13");
    expect(p.endsAt.toISOString()).toBe("2026-10-13T16:00:00.000Z");
    expect(p.uncoveredYears).toEqual([]);
  });

  it("counts the day of publication by China's date, not UTC's", () => {
    // 23:30 on Friday 11 September in Shanghai is still Friday there: the notice starts Monday
    const p = noticePeriod(calendar, new Date("2026-09-11T15:30:00Z"), 1);
    expect(p.firstDay).toBe("2026-09-14");
  });

  it("names a year the calendar does not cover instead of guessing silently", () => {
    const p = noticePeriod(calendar, new Date("2026-12-30T02:00:00Z"), 5);
    expect(p.uncoveredYears).toEqual([2027]);
  });

  it("always lasts at least the working days asked for, in calendar days too", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 700 }), fc.integer({ min: 1, max: 20 }), (offset, n) => {
        const at = new Date(Date.parse("2026-01-01T01:00:00Z") + offset * 86_400_000);
        const p = noticePeriod(calendar, at, n);
        expect(p.endsAt.getTime() - at.getTime()).toBeGreaterThanOrEqual(n * 86_400_000);
        expect(isWorkingDay(calendar, p.lastDay)).toBe(true);
        expect(p.firstDay <= p.lastDay).toBe(true);
      }),
    );
  });
});
