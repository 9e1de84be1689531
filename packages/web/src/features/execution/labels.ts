import {
  type DisbursementTrigger,
  type PaymentState,
  paymentMachine,
  type TaskBookState,
  taskBookMachine,
} from "@luoshu/domain";
import type { PaymentEvent, ProjectStage, TaskBookConfirmation } from "../../api/execution";
import { type Lang, pickLang } from "../../app/locale";
import { formatDateTime } from "../../components/time";
import { capitalized } from "../applications/labels";

type Names<K extends string> = Record<K, { zh: string; en: string }>;

/** 立项 → 任务书 → 执行 → 结题. */
export const stageNames: Names<ProjectStage> = {
  approved: { zh: "立项", en: "Approved" },
  taskBook: { zh: "任务书", en: "Task book" },
  executing: { zh: "执行", en: "Executing" },
  closed: { zh: "结题", en: "Closed" },
};

/** What a payment node waits for (LY-FUNDS §13). */
export const triggerNames: Names<DisbursementTrigger> = {
  taskBookSigned: { zh: "任务书签订后", en: "Once the task book is signed" },
  midTermPassed: { zh: "期中评估通过后", en: "Once the mid-term review is passed" },
  accepted: { zh: "验收通过后", en: "Once accepted" },
  graded: { zh: "绩效评价后", en: "Once graded" },
};

/** The nodes the policies name; another code shows as itself. */
const nodeNames: Record<string, { zh: string; en: string }> = {
  lumpSum: { zh: "一次性拨付", en: "Lump sum" },
  first: { zh: "首笔拨款", en: "First payment" },
  midTerm: { zh: "中期拨款", en: "Mid-term payment" },
  final: { zh: "尾款", en: "Final payment" },
  subsidy: { zh: "事后补助", en: "Post-subsidy" },
};

export const nodeName = (code: string, lang: Lang) => {
  const n = nodeNames[code];
  return n ? n[lang] : code;
};

export function taskBookStatusText(s: TaskBookState, lang: Lang): string {
  return capitalized(taskBookMachine.labels[s][lang]);
}

export const taskBookStatusColors: Record<TaskBookState, string> = {
  drafted: "orange",
  confirmed: "blue",
  signed: "green",
};

export function paymentStatusText(s: PaymentState, lang: Lang): string {
  return capitalized(paymentMachine.labels[s][lang]);
}

export const paymentStatusColors: Record<PaymentState, string> = {
  prepared: "orange",
  approved: "blue",
  paid: "green",
  cancelled: "default",
};

/** The buttons name the act they do. */
export const paymentActionNames: Names<PaymentEvent> = {
  approve: { zh: "审核通过", en: "Approve" },
  pay: { zh: "登记已拨付", en: "Mark paid" },
  cancel: { zh: "撤销拨款", en: "Cancel the payment" },
};

export const confirmationNames: Names<TaskBookConfirmation> = {
  confirmUnit: { zh: "承担单位确认", en: "Confirm for the unit" },
  confirmBureau: { zh: "市科技局确认", en: "Confirm for the bureau" },
};

/** The timeline's entries, by kind; another kind shows as itself. */
const timelineNames: Record<string, { zh: string; en: string }> = {
  approved: { zh: "立项", en: "Approved" },
  taskBookDrawn: { zh: "拟定任务书", en: "Task book drawn up" },
  taskBookUnitConfirmed: { zh: "承担单位确认", en: "Confirmed by the unit" },
  taskBookBureauConfirmed: { zh: "市科技局确认", en: "Confirmed by the bureau" },
  taskBookSigned: { zh: "签订任务书", en: "Task book signed" },
  paymentPrepared: { zh: "提出拨款", en: "Payment prepared" },
  paymentApproved: { zh: "财政审核", en: "Approved by finance" },
  paymentPaid: { zh: "已拨付", en: "Paid" },
  paymentCancelled: { zh: "撤销拨款", en: "Payment cancelled" },
  // 终止、撤销与处理措施 (DT-RULES §20–22; LY-FUNDS §25)
  terminationApplied: { zh: "申请终止", en: "Termination applied for" },
  terminationRefused: { zh: "不予终止", en: "Termination refused" },
  projectTerminated: { zh: "项目终止", en: "Project terminated" },
  terminationSuperseded: { zh: "终止申请被其后的决定取代", en: "Termination application superseded" },
  projectRevoked: { zh: "项目撤销", en: "Project revoked" },
  balanceDue: { zh: "结题结余资金应退回", en: "Balance due back after acceptance" },
  moneyReturned: { zh: "资金退回", en: "Money given back" },
  sanctionImposed: { zh: "采取处理措施", en: "Sanction imposed" },
  sanctionLifted: { zh: "解除处理措施", en: "Sanction lifted" },
  // 变更 (DT-RULES §19; LY-FUNDS §18)
  changeRequested: { zh: "申请变更", en: "Change applied for" },
  changeRecorded: { zh: "自主决定变更并备案", en: "Change decided and recorded" },
  changeApproved: { zh: "批准变更", en: "Change approved" },
  changeRefused: { zh: "不予批准变更", en: "Change refused" },
};

export const timelineName = (kind: string, lang: Lang) => {
  const n = timelineNames[kind];
  return n ? n[lang] : kind;
};

export const timelineColors: Record<string, string> = {
  approved: "blue",
  taskBookSigned: "green",
  paymentPaid: "green",
  paymentCancelled: "gray",
  terminationApplied: "orange",
  terminationRefused: "gray",
  projectTerminated: "red",
  terminationSuperseded: "gray",
  projectRevoked: "red",
  balanceDue: "orange",
  moneyReturned: "green",
  sanctionImposed: "red",
  sanctionLifted: "green",
  changeRequested: "orange",
  changeRecorded: "blue",
  changeApproved: "green",
  changeRefused: "gray",
};

/** "张三 2026-05-01 10:00:00" for a step taken, in Beijing time. */
export const byAt = (step: { byName: string; at: string } | null) =>
  step ? `${step.byName} ${formatDateTime(step.at)}` : "—";

/** A clause as text for a confirmation: "LY-REFORM §三(四)3", or that the city set it. */
export function sourceText(source: { clause?: string; setting?: "city" } | null, lang: Lang): string {
  if (source?.clause) return source.clause;
  if (source?.setting) return pickLang(lang, "本市设定", "city setting");
  return "—";
}
