import { z } from "zod";
import { calendarDateSchema, chinaDateOf } from "../shared/dates.ts";

/** 专家: a person of the city's expert pool, with the account they log in with (role `expert`). */
export const expertStatuses = ["active", "suspended"] as const;
export type ExpertStatus = (typeof expertStatuses)[number];

export const expertStatusNames: Record<ExpertStatus, { zh: string; en: string }> = {
  active: { zh: "在库", en: "Active" },
  suspended: { zh: "已暂停", en: "Suspended" },
};

/** A window in which the expert can review, both days included ("YYYY-MM-DD"). */
export const availabilityWindowSchema = z
  .object({ from: calendarDateSchema, until: calendarDateSchema })
  .strict()
  .refine((w) => w.from <= w.until, { message: "The window ends before it starts", path: ["until"] });
export type AvailabilityWindow = z.infer<typeof availabilityWindowSchema>;
export const availabilitySchema = z.array(availabilityWindowSchema).max(20);

/** A unit the expert left, kept with its name and code as entered: a recent one is a conflict (review/conflicts.ts). */
export const formerUnitSchema = z
  .object({ unitId: z.string(), uscc: z.string(), unitName: z.string(), leftOn: calendarDateSchema })
  .strict();
export type StoredFormerUnit = z.infer<typeof formerUnitSchema>;

export interface Expert {
  id: string;
  cityId: string;
  userId: string;
  username: string;
  displayName: string;
  idNumberMasked: string | null;
  unitId: string;
  /** GB/T 13745 codes, at least one. */
  disciplines: string[];
  keywords: string[];
  title: string;
  /** A district code (GB/T 2260) or a place in words. */
  region: string;
  availability: AvailabilityWindow[];
  formerUnits: StoredFormerUnit[];
  phone: string | null;
  email: string | null;
  status: ExpertStatus;
  suspensionReason: string | null;
  suspendedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** An expert with their unit, as lists show them. */
export interface ExpertView extends Expert {
  unitNameZh: string;
  unitUscc: string;
}

/** What the expert may change of their own profile; the rest is the pool manager's. */
export type ExpertSelfFields = Pick<Expert, "keywords" | "availability" | "formerUnits" | "phone" | "email">;

/**
 * Whether an assignment may pick the expert on a day: never while suspended; when the expert has
 * declared availability windows, only on a day inside one of them (no windows: no restriction).
 * `at` is an instant (read as a day in China) or a "YYYY-MM-DD" day.
 */
export function isAssignable(expert: Pick<Expert, "status" | "availability">, at: Date | string): boolean {
  if (expert.status !== "active") return false;
  if (expert.availability.length === 0) return true;
  const day = typeof at === "string" ? at : chinaDateOf(at);
  return expert.availability.some((w) => w.from <= day && day <= w.until);
}

/** Keywords as entered: trimmed, empty ones dropped, repeats kept once, in their order. */
export function normaliseKeywords(keywords: readonly string[]): string[] {
  return [...new Set(keywords.map((k) => k.trim()).filter((k) => k.length > 0))];
}
