import { citeSource, type Policy } from "../policy/policy.schema.ts";

/**
 * 回避: why an expert may not review an application. Hard conflicts are computed from the pool and
 * the application (units, team, the expert's former units within the policy's look-back) or come
 * from a relation the expert or the applicant declared. A conflicted pair is never assigned, never
 * shown to the expert and never scored.
 */
export const conflictReasons = [
  "applicantUnit",
  "partnerUnit",
  "teamMember",
  "formerUnit",
  "declaredByExpert",
  "declaredByApplicant",
] as const;
export type ConflictReason = (typeof conflictReasons)[number];

export const conflictReasonNames: Record<ConflictReason, { zh: string; en: string }> = {
  applicantUnit: { zh: "专家所在单位为申报单位", en: "The expert's unit is the applicant" },
  partnerUnit: { zh: "专家所在单位为合作单位", en: "The expert's unit is a partner" },
  teamMember: { zh: "专家为项目组成员", en: "The expert is on the team" },
  formerUnit: { zh: "专家近年曾在申报单位工作", en: "The expert worked at the applicant recently" },
  declaredByExpert: { zh: "专家申报回避", en: "Declared by the expert" },
  declaredByApplicant: { zh: "申报单位申请回避", en: "Declared by the applicant" },
};

/** A place the expert worked, with the day they left ("YYYY-MM-DD"). */
export interface FormerUnit {
  unitId: string;
  leftOn: string;
}

export interface ConflictExpert {
  id: string;
  unitId: string;
  /** The unit's USCC, to match partners that have no account on the platform. */
  unitUscc: string | null;
  idNumberDigest: string | null;
  formerUnits: readonly FormerUnit[];
}

export interface ConflictApplication {
  id: string;
  unitId: string;
  /** Partner units with an account here. */
  partnerUnitIds: readonly string[];
  partnerUsccs: readonly string[];
  /** Keyed digests of the team's ID numbers. */
  teamIdDigests: readonly string[];
}

/**
 * A relation declared by the expert (with one application, or with a whole unit), or by the
 * applicant for its application: experts of a unit, or a person by the keyed digest of their ID
 * number, to be kept away.
 */
export type DeclaredRelation =
  | { declaredBy: "expert"; expertId: string; applicationId?: string | null; unitId?: string | null }
  | {
      declaredBy: "applicant";
      applicationId: string;
      expertUnitId?: string | null;
      idNumberDigest?: string | null;
    };

export interface Conflict {
  reason: ConflictReason;
  clause?: string;
  setting?: "city";
}

/** The day `years` before `day`, both "YYYY-MM-DD" (29 February falls back to the 28th). */
function yearsBefore(day: string, years: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const back = new Date(Date.UTC(y - years, m - 1, d));
  if (back.getUTCMonth() !== m - 1) back.setUTCDate(0);
  return back.toISOString().slice(0, 10);
}

/** Every reason the expert may not review the application; empty when they may. */
export function conflictsOf(
  expert: ConflictExpert,
  application: ConflictApplication,
  declared: readonly DeclaredRelation[],
  context: { today: string; policy: Pick<Policy, "expertReview"> },
): Conflict[] {
  const found: Conflict[] = [];
  if (expert.unitId === application.unitId) found.push({ reason: "applicantUnit" });
  if (
    application.partnerUnitIds.includes(expert.unitId) ||
    (expert.unitUscc !== null && application.partnerUsccs.includes(expert.unitUscc))
  ) {
    found.push({ reason: "partnerUnit" });
  }
  if (expert.idNumberDigest !== null && application.teamIdDigests.includes(expert.idNumberDigest)) {
    found.push({ reason: "teamMember" });
  }
  const lookback = context.policy.expertReview.conflictLookbackYears;
  const since = yearsBefore(context.today, lookback.value);
  if (expert.formerUnits.some((f) => f.unitId === application.unitId && f.leftOn > since)) {
    found.push({ reason: "formerUnit", ...citeSource(lookback.source) });
  }
  const byExpert = declared.some(
    (r) =>
      r.declaredBy === "expert" &&
      r.expertId === expert.id &&
      (r.applicationId === application.id ||
        (r.unitId != null &&
          (r.unitId === application.unitId || application.partnerUnitIds.includes(r.unitId)))),
  );
  if (byExpert) found.push({ reason: "declaredByExpert" });
  const byApplicant = declared.some(
    (r) =>
      r.declaredBy === "applicant" &&
      r.applicationId === application.id &&
      (r.expertUnitId === expert.unitId ||
        (r.idNumberDigest != null && r.idNumberDigest === expert.idNumberDigest)),
  );
  if (byApplicant) found.push({ reason: "declaredByApplicant" });
  return found;
}
