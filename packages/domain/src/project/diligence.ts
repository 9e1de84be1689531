import type { PerformanceGrade } from "../policy/policy.schema.ts";
import { invalidTransition } from "../shared/errors.ts";
import type { AcceptanceState } from "./acceptance.ts";

/**
 * 宽容失败 (DT-RULES §5; LY-PLAN §九(三)): the bureau may find that a project which failed — its
 * acceptance not passed, or terminated on the unit's own application (force majeure, an infeasible
 * route) — was carried out with due diligence (勤勉尽责). Such a project closes without sanction, and
 * its grade does not count against its unit or PI in later proposed lists. A revoked project, or one
 * terminated as a sanction, answers for misconduct and is not a failure to tolerate.
 */
export interface FailureFacts {
  acceptance: AcceptanceState | null;
  closedAs: "terminated" | "revoked" | null;
  /** The decided termination's ground, where the project was terminated. */
  terminationGround: string | null;
  alreadyFound: boolean;
}

/** Why the project cannot be found diligent now, or null when it can. */
export function whyNotDiligent(f: FailureFacts): { zh: string; en: string } | null {
  if (f.alreadyFound)
    return { zh: "该项目已认定勤勉尽责。", en: "Due diligence has already been found for this project." };
  if (f.closedAs === "revoked")
    return {
      zh: "被撤销的项目不适用宽容失败。",
      en: "A revoked project answers for misconduct; failure is not tolerated.",
    };
  const failedAcceptance = f.acceptance === "failed";
  const terminatedOnApplication = f.closedAs === "terminated" && f.terminationGround !== "sanction";
  if (!failedAcceptance && !terminatedOnApplication)
    return {
      zh: "仅验收不通过或经单位申请终止的项目可认定勤勉尽责。",
      en: "Only a project that failed acceptance or was terminated on its unit's application can be found diligent.",
    };
  return null;
}

export function checkDiligenceFinding(f: FailureFacts): void {
  const why = whyNotDiligent(f);
  if (why) throw invalidTransition(why.zh, why.en, { acceptance: f.acceptance, closedAs: f.closedAs });
}

/** Whether a past project's grade counts against its unit and PI in a later proposed list. */
export const gradeCountsAgainst = (p: { grade: PerformanceGrade | null; diligent: boolean }): boolean =>
  p.grade === "fail" && !p.diligent;
