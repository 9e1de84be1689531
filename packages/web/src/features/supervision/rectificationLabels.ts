import type { RectificationSource, RectificationStanding } from "@luoshu/domain";
import type { RectificationEvent, RectificationNeed } from "../../api/rectifications";

type Names<K extends string> = Record<K, { zh: string; en: string }>;

/** What an item was found in. */
export const rectificationSourceNames: Names<RectificationSource> = {
  inspection: { zh: "检查", en: "Inspection" },
  midTerm: { zh: "期中评估", en: "Mid-term assessment" },
  acceptance: { zh: "结题验收", en: "Acceptance" },
  progressReport: { zh: "进展报告", en: "Progress report" },
};

export const rectificationStandingNames: Names<RectificationStanding> = {
  open: { zh: "待整改", en: "To correct" },
  overdue: { zh: "逾期未整改", en: "Overdue" },
  reported: { zh: "已报送，待核验", en: "Reported, to verify" },
  closed: { zh: "已核验销号", en: "Closed" },
};

export const rectificationStandingColors: Record<RectificationStanding, string> = {
  open: "orange",
  overdue: "red",
  reported: "blue",
  closed: "green",
};

export const rectificationEventNames: Names<RectificationEvent> = {
  close: { zh: "核验销号", en: "Close" },
  reopen: { zh: "退回继续整改", en: "Send back" },
};

export const rectificationNeedNames: Names<RectificationNeed> = {
  report: { zh: "待整改", en: "To correct" },
  verify: { zh: "待核验", en: "To verify" },
  overdue: { zh: "已逾期", en: "Overdue" },
};
