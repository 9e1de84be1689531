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
  submitToBureau: { zh: "提交申报（直接报送形式审查）", en: "Submitted straight to the formal check" },
  resubmitToDistrict: { zh: "修改后重新提交县区", en: "Resubmitted to the district" },
  resubmitToAgency: { zh: "修改后重新提交形式审查", en: "Resubmitted to the formal check" },
  withdraw: { zh: "申报人撤回", en: "Withdrawn by the applicant" },
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

/** What a decision does, said in the dialog that asks for it: no decision is taken by accident. */
export const eventConsequences: Names<ApplicationEvent> = {
  submit: {
    zh: "提交后申报书进入县区初审，不能再修改；县区作出决定前可以撤回。",
    en: "Once submitted it goes to the district review and cannot be edited; you may withdraw it until the district decides.",
  },
  submitToBureau: {
    zh: "提交后申报书直接进入市科技局形式审查，不能再修改或撤回。",
    en: "Once submitted it goes straight to the bureau's formal check and can no longer be edited or withdrawn.",
  },
  resubmitToDistrict: {
    zh: "重新提交后申报书回到县区初审，不能再修改；县区作出决定前可以撤回。",
    en: "Once resubmitted it goes back to the district review and cannot be edited; you may withdraw it until the district decides.",
  },
  resubmitToAgency: {
    zh: "重新提交后申报书回到形式审查，不能再修改。",
    en: "Once resubmitted it goes back to the formal check and can no longer be edited.",
  },
  withdraw: {
    zh: "撤回后申报书回到草稿，离开县区待审列表；再次提交前须重新确认承诺书并上传签字盖章扫描件。",
    en: "Withdrawn, it is a draft again and leaves the district's queue; before submitting again, both confirmations and a newly signed scan are needed.",
  },
  recommend: {
    zh: "推荐后将进入市科技局形式审查，县区不能再修改。",
    en: "Once recommended it goes to the bureau's formal check; the district can no longer change it.",
  },
  districtReturn: {
    zh: "退回后申报人须在期限内修改并重新提交；本次的承诺书确认失效，须重新确认并上传签字盖章扫描件。",
    en: "Returned, the applicant must revise and resubmit by the deadline; the commitment confirmations lapse and must be given again with a newly signed scan.",
  },
  districtReject: {
    zh: "不予推荐后本申报书即告终止，申报人不能再修改或重新提交。",
    en: "Rejected, the application ends here: the applicant can no longer revise or resubmit it.",
  },
  formalPass: {
    zh: "通过后申报书进入后续评审，形式审查结论不能再更改。",
    en: "Passed, the application goes on to the next review; the formal check cannot be changed afterwards.",
  },
  formalReturn: {
    zh: "退回后申报人须在期限内修改并重新提交；本次的承诺书确认失效，须重新确认并上传签字盖章扫描件。",
    en: "Returned, the applicant must revise and resubmit by the deadline; the commitment confirmations lapse and must be given again with a newly signed scan.",
  },
  formalReject: {
    zh: "形式审查不通过后本申报书即告终止，申报人不能再修改或重新提交。",
    en: "Rejected, the application ends here: the applicant can no longer revise or resubmit it.",
  },
};
