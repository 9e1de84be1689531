import { z } from "zod";
import { chinaDateOf } from "../shared/dates.ts";
import { DomainError } from "../shared/errors.ts";

/**
 * Integrity records (科研诚信/信用记录): sanctions by severity (LY-FUNDS §25) and the blacklist
 * (DT-RULES §22). Only eligibility bans and blacklistings stop an application; interviews and
 * reprimands are kept as history.
 */
export const integrityKinds = [
  "interview",
  "reprimand",
  "paymentSuspension",
  "eligibilityBan",
  "blacklist",
  "badRecord",
] as const;
export type IntegrityKind = (typeof integrityKinds)[number];

export const integrityKindNames: Record<IntegrityKind, { zh: string; en: string }> = {
  interview: { zh: "约谈", en: "Interview" },
  reprimand: { zh: "通报批评", en: "Reprimand" },
  paymentSuspension: { zh: "暂停拨款", en: "Payment suspension" },
  eligibilityBan: { zh: "取消申报资格", en: "Eligibility ban" },
  blacklist: { zh: "科研诚信黑名单", en: "Blacklist" },
  badRecord: { zh: "科研诚信不良记录", en: "Bad integrity record" },
};

/** The clause a record carries when the rule it applies is the city's own setting, not a clause. */
export const citySettingClause = "市科技局设定";

/** What the gates need of a record; days in China time, "YYYY-MM-DD", `until` null meaning permanent. */
export const integrityRecordFactsSchema = z.object({
  subject: z.enum(["unit", "person"]),
  kind: z.enum(integrityKinds),
  from: z.iso.date(),
  until: z.iso.date().nullable(),
  clause: z.string(),
});
export type IntegrityRecordFacts = z.infer<typeof integrityRecordFactsSchema>;

export interface IntegrityHit {
  subject: "unit" | "person";
  kind: "eligibilityBan" | "blacklist";
  until: string | null;
  clause: string;
}

const blocking = new Set<IntegrityKind>(["eligibilityBan", "blacklist"]);

/** Whether this kind of record stops applications while in force. */
export const blocksApplications = (kind: IntegrityKind): boolean => blocking.has(kind);

/** In force on the China-time day of `now`, both ends included. */
export function inForce(r: Pick<IntegrityRecordFacts, "from" | "until">, now: Date): boolean {
  const today = chinaDateOf(now);
  return r.from <= today && (r.until === null || today <= r.until);
}

export function activeBans(records: IntegrityRecordFacts[], now: Date): IntegrityHit[] {
  return records
    .filter((r) => blocking.has(r.kind) && inForce(r, now))
    .map((r) => ({
      subject: r.subject,
      kind: r.kind as IntegrityHit["kind"],
      until: r.until,
      clause: r.clause,
    }));
}

/** A sanction as recorded: of a unit, or of a person known only by the keyed digest of their ID number. */
export interface IntegrityRecord {
  id: string;
  cityId: string;
  subject: "unit" | "person";
  unitId: string | null;
  personName: string | null;
  kind: IntegrityKind;
  fromDate: string;
  untilDate: string | null;
  reason: string;
  clause: string;
  createdBy: string | null;
  createdAt: Date;
  /** The project sanction or revocation that left it, if any. */
  originId: string | null;
  liftedBy: string | null;
  liftedAt: Date | null;
  liftReason: string | null;
}

/** Where a record's period ends before it starts. */
export function checkIntegrityPeriod(fromDate: string, untilDate: string | null) {
  if (untilDate !== null && untilDate < fromDate) {
    throw new DomainError({ code: "INTEGRITY_PERIOD_INVALID", path: "untilDate" });
  }
}
