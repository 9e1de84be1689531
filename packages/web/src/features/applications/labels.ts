import { type ApplicationEvent, type ApplicationState, applicationMachine } from "@luoshu/domain";
import type { Lang } from "../../app/locale";

type Names<K extends string> = Record<K, { zh: string; en: string }>;

export const applicationStatusColors: Record<ApplicationState, string> = {
  draft: "default",
  submitted: "processing",
  districtReturned: "orange",
  districtRejected: "red",
  recommended: "cyan",
  formalReturned: "orange",
  formalRejected: "red",
  formalPassed: "green",
};

export const applicationEventNames: Names<ApplicationEvent> = {
  submit: { zh: "提交申报", en: "Submitted" },
  resubmitToDistrict: { zh: "修改后重新提交县区", en: "Resubmitted to the district" },
  resubmitToAgency: { zh: "修改后重新提交形式审查", en: "Resubmitted to the formal check" },
  recommend: { zh: "县区推荐", en: "Recommended by the district" },
  districtReturn: { zh: "县区退回修改", en: "Returned by the district" },
  districtReject: { zh: "县区不予推荐", en: "Rejected by the district" },
  formalPass: { zh: "形式审查通过", en: "Passed the formal check" },
  formalReturn: { zh: "形式审查退回修改", en: "Returned by the formal check" },
  formalReject: { zh: "形式审查不通过", en: "Rejected by the formal check" },
};

/** The machines' English labels are written to sit inside sentences; a label standing alone starts upper-case. */
export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function applicationStatusText(status: ApplicationState, lang: Lang): string {
  return capitalized(applicationMachine.labels[status][lang]);
}

export function eventText(event: ApplicationEvent, lang: Lang): string {
  return applicationEventNames[event][lang];
}
