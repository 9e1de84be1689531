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
    recommended: { zh: "已推荐，待形式审查", en: "recommended, waiting for the formal check" },
    formalReturned: { zh: "形式审查退回修改", en: "returned by the formal check" },
    formalRejected: { zh: "形式审查不通过", en: "rejected by the formal check" },
    formalPassed: { zh: "形式审查通过", en: "passed the formal check" },
  },
  transitions: {
    submit: { from: ["draft"], to: "submitted", roles: applicant },
    resubmitToDistrict: { from: ["districtReturned"], to: "submitted", roles: applicant },
    resubmitToAgency: { from: ["formalReturned"], to: "recommended", roles: applicant },
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

/** The submit event that applies in each editable state. */
export function submitEventFor(state: ApplicationState): ApplicationEvent | null {
  if (state === "draft") return "submit";
  if (state === "districtReturned") return "resubmitToDistrict";
  if (state === "formalReturned") return "resubmitToAgency";
  return null;
}

/** The three ways to submit: which one applies depends on where the application was returned from. */
export const submitEvents: readonly ApplicationEvent[] = ["submit", "resubmitToDistrict", "resubmitToAgency"];
export const districtEvents: readonly ApplicationEvent[] = ["recommend", "districtReturn", "districtReject"];
export const formalEvents: readonly ApplicationEvent[] = ["formalPass", "formalReturn", "formalReject"];
