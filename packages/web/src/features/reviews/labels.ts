import {
  type ReviewAssignmentState,
  type ReviewOrganiser,
  type ReviewPlanState,
  reviewAssignmentMachine,
  reviewPlanMachine,
} from "@luoshu/domain";
import type { ReviewAssignmentRow, ReviewPlan, ReviewPlanAction } from "../../api/reviews";
import type { Lang } from "../../app/locale";
import { capitalized } from "../applications/labels";

type Names<K extends string> = Record<K, { zh: string; en: string }>;

export function planStatusText(status: ReviewPlanState, lang: Lang): string {
  return capitalized(reviewPlanMachine.labels[status][lang]);
}

export const planStatusColors: Record<ReviewPlanState, string> = {
  draft: "default",
  assigned: "orange",
  inReview: "blue",
  completed: "green",
};

export function assignmentStatusText(status: ReviewAssignmentState, lang: Lang): string {
  return capitalized(reviewAssignmentMachine.labels[status][lang]);
}

export const assignmentStatusColors: Record<ReviewAssignmentState, string> = {
  proposed: "default",
  invited: "orange",
  accepted: "blue",
  submitted: "green",
  declined: "red",
  conflicted: "purple",
  withdrawn: "default",
};

export const organiserNames: Names<ReviewOrganiser> = {
  bureau: { zh: "市科技局", en: "S&T bureau" },
  entrustedAgency: { zh: "第三方机构", en: "Entrusted agency" },
};

export const originNames: Names<ReviewAssignmentRow["origin"]> = {
  solver: { zh: "自动分配", en: "Solver" },
  override: { zh: "人工调整", en: "Override" },
  refill: { zh: "补位", en: "Refill" },
};

export const siteVisitResultNames: Names<ReviewPlan["items"][number]["siteVisits"][number]["result"]> = {
  pass: { zh: "通过", en: "Pass" },
  concerns: { zh: "有疑问", en: "Concerns" },
  fail: { zh: "不通过", en: "Fail" },
};

export const siteVisitResultColors: Record<keyof typeof siteVisitResultNames, string> = {
  pass: "green",
  concerns: "orange",
  fail: "red",
};

export const planActionNames: Names<ReviewPlanAction> = {
  edit: { zh: "保存评审方案", en: "Save the plan" },
  assign: { zh: "运行分配", en: "Run assignment" },
  override: { zh: "调整专家", en: "Replace" },
  publish: { zh: "发出邀请", en: "Publish invitations" },
  remind: { zh: "催办", en: "Remind" },
  complete: { zh: "结束评审", en: "Complete review" },
  reopen: { zh: "退回重评", en: "Reopen" },
  markHorseRace: { zh: "标记赛马", en: "Mark as horse race" },
  recordSiteVisit: { zh: "登记现场考察", en: "Record site visit" },
};

/**
 * Why the plan does not allow the action now, in the caller's language (the server's reason from
 * `blocked`); null when it is allowed.
 */
export function blockedReason(
  plan: ReviewPlan | undefined,
  action: ReviewPlanAction,
  lang: Lang,
): string | null {
  if (!plan) return lang === "zh" ? "加载中" : "Loading";
  if (plan.allowedActions.includes(action)) return null;
  const b = plan.blocked.find((x) => x.action === action);
  const reason = b ? (lang === "zh" ? b.reasonZh || b.reasonEn : b.reasonEn || b.reasonZh) : "";
  return reason || (lang === "zh" ? "当前不能进行此操作。" : "Not available now.");
}

/** Points out of 100 with two decimals ("—" when there is none yet). */
export function points(n: number | null | undefined): string {
  return n === null || n === undefined ? "—" : n.toFixed(2);
}
