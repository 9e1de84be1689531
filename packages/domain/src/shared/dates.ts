import { z } from "zod";
import { DomainError } from "./errors.ts";

/**
 * The calendar day in China (UTC+8, no daylight saving) as "YYYY-MM-DD": effective dates, birth
 * dates and call windows are days of the people who use the platform, wherever the server runs.
 */
export function chinaDateOf(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The minute in China as "YYYY-MM-DD HH:mm", for messages that name a deadline. */
export function chinaMinuteOf(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
}

/**
 * The years a date entered into the platform may carry. Year 0, year 99999 or 0001 are typing
 * errors or probes, never a project's, a call's or a person's date; PostgreSQL has no year 0 at all.
 */
export const enteredYears = { from: 1900, to: 2100 } as const;

const inEnteredYears = (text: string): boolean => {
  const year = Number(text.slice(0, 4));
  return year >= enteredYears.from && year <= enteredYears.to;
};
const yearRefinement = {
  message: `The year must lie between ${enteredYears.from} and ${enteredYears.to}`,
  params: { messageZh: `年份须在 ${enteredYears.from} 至 ${enteredYears.to} 年之间` },
};

/** A calendar day "YYYY-MM-DD" that exists (zod refuses 2026-02-30), in the platform's years. */
export const calendarDateSchema = z.iso.date().refine(inEnteredYears, yearRefinement);

/** An instant with its offset ("2026-03-01T00:00:00+08:00"), in the platform's years. */
export const instantSchema = z.iso.datetime({ offset: true }).refine(inEnteredYears, yearRefinement);

/** A day a step records as past (a meeting held, an approval given): refused when after today in Beijing. */
export function notAfterToday(now: Date, path: string, day: string): string {
  if (day > chinaDateOf(now)) {
    throw new DomainError({
      code: "VALIDATION",
      path,
      messageZh: "日期不能晚于今天。",
      messageEn: "The day cannot lie after today.",
    });
  }
  return day;
}

/** The instant a China-time day "YYYY-MM-DD" begins. */
export const chinaDayStart = (day: string): string => new Date(`${day}T00:00:00+08:00`).toISOString();

/** A calendar day moved by whole days. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The day a period of whole years ending before it: 2026-03-01 plus 2 years is 2028-02-29, the last
 * day of the period, so that a two-year ban from 1 March lasts to the end of February.
 */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y + years, m - 1, d));
  // 29 February in a year without one is 1 March; either way the period ends the day before
  if (end.getUTCMonth() !== m - 1) end.setUTCDate(1);
  return addDays(end.toISOString().slice(0, 10), -1);
}
