import { defineMachine } from "../shared/machine.ts";

/**
 * 项目申报书 from draft to the formal check (LY-FUNDS §7–9, §12; DT-RULES §14): the district
 * department recommends, returns or rejects; then the review agency's formal check passes, returns
 * or rejects. A returned application is edited and submitted again as a new revision.
 */
export const applicationStates = [
  "draft",
  "submitted",
  "districtReturned",
  "districtRejected",
  "recommended",
  "formalReturned",
  "formalRejected",
  "formalPassed",
] as const;
export type ApplicationState = (typeof applicationStates)[number];

const applicant = ["unitAdmin", "principalInvestigator"] as const;

export const applicationMachine = defineMachine({
  name: "application",
  states: applicationStates,
  labels: {
    draft: { zh: "草稿", en: "draft" },
    submitted: { zh: "待县区初审", en: "waiting for district review" },
    districtReturned: { zh: "县区退回修改", en: "returned by the district" },
    districtRejected: { zh: "县区不予推荐", en: "rejected by the district" },
    recommended: { zh: "待形式审查", en: "waiting for the formal check" },
    formalReturned: { zh: "形式审查退回修改", en: "returned by the formal check" },
    formalRejected: { zh: "形式审查不通过", en: "rejected by the formal check" },
    formalPassed: { zh: "形式审查通过", en: "passed the formal check" },
  },
  transitions: {
    submit: { from: ["draft"], to: "submitted", roles: applicant },
    // A call whose guide skips the district review (where the policy leaves it to the guide, e.g.
    // DT-RULES §14(二): the bureau receives applications) goes straight to the formal check.
    submitToBureau: { from: ["draft"], to: "recommended", roles: applicant },
    resubmitToDistrict: { from: ["districtReturned"], to: "submitted", roles: applicant },
    resubmitToAgency: { from: ["formalReturned"], to: "recommended", roles: applicant },
    // Taken back before the district has decided anything (every district decision leaves
    // `submitted`), as a draft again: the withdrawn revision stays frozen in the history and the
    // next submission is a new revision. Not after `submitToBureau`: there the bureau's queue is
    // reached at once and nobody reviews at district level.
    withdraw: { from: ["submitted"], to: "draft", roles: applicant },
    recommend: { from: ["submitted"], to: "recommended", roles: ["districtOfficer"] },
    districtReturn: { from: ["submitted"], to: "districtReturned", roles: ["districtOfficer"] },
    districtReject: { from: ["submitted"], to: "districtRejected", roles: ["districtOfficer"] },
    formalPass: { from: ["recommended"], to: "formalPassed", roles: ["agencyOfficer"] },
    formalReturn: { from: ["recommended"], to: "formalReturned", roles: ["agencyOfficer"] },
    formalReject: { from: ["recommended"], to: "formalRejected", roles: ["agencyOfficer"] },
  },
});
export type ApplicationEvent = keyof typeof applicationMachine.transitions;
export const applicationEvents = Object.keys(applicationMachine.transitions) as [
  ApplicationEvent,
  ...ApplicationEvent[],
];

/** States in which the applicant may edit the draft content. */
export const editableStates: readonly ApplicationState[] = ["draft", "districtReturned", "formalReturned"];

/** The submit event that applies in each editable state; `districtReview` is the guide's routing. */
export function submitEventFor(state: ApplicationState, districtReview = true): ApplicationEvent | null {
  if (state === "draft") return districtReview ? "submit" : "submitToBureau";
  if (state === "districtReturned") return "resubmitToDistrict";
  if (state === "formalReturned") return "resubmitToAgency";
  return null;
}

/** The ways to submit: which one applies depends on the guide's routing and where it was returned from. */
export const submitEvents: readonly ApplicationEvent[] = [
  "submit",
  "submitToBureau",
  "resubmitToDistrict",
  "resubmitToAgency",
];
export const districtEvents: readonly ApplicationEvent[] = ["recommend", "districtReturn", "districtReject"];
export const formalEvents: readonly ApplicationEvent[] = ["formalPass", "formalReturn", "formalReject"];
