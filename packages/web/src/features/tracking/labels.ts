import type { AssessmentKind, AssessmentState, MilestoneStatus } from "@luoshu/domain";
import type {
  AcceptanceApplication,
  AssessmentEvent,
  PerformanceGrade,
  ProgressNeed,
  ReportEvent,
  ReportStanding,
} from "../../api/tracking";

type Names<K extends string> = Record<K, { zh: string; en: string }>;

/** Where a scheduled progress report stands. */
export const standingNames: Names<ReportStanding> = {
  notOpen: { zh: "未到填报期", en: "Not open yet" },
  open: { zh: "待提交", en: "To file" },
  overdue: { zh: "逾期未报", en: "Overdue" },
  submitted: { zh: "已提交，待审核", en: "Submitted, awaiting review" },
  returned: { zh: "已退回修改", en: "Returned for revision" },
  approved: { zh: "已审核通过", en: "Approved" },
};

export const standingColors: Record<ReportStanding, string> = {
  notOpen: "default",
  open: "blue",
  overdue: "red",
  submitted: "orange",
  returned: "volcano",
  approved: "green",
};

/** How a task-book milestone stands in a report. */
export const milestoneStatusNames: Names<MilestoneStatus> = {
  done: { zh: "已完成", en: "Done" },
  onTrack: { zh: "按计划推进", en: "On track" },
  late: { zh: "已延误", en: "Late" },
};

export const milestoneStatusColors: Record<MilestoneStatus, string> = {
  done: "green",
  onTrack: "blue",
  late: "red",
};

/** The bureau's decision on a submitted report. */
export const reportEventNames: Names<ReportEvent> = {
  approve: { zh: "审核通过", en: "Approve" },
  return: { zh: "退回修改", en: "Return" },
};

/** Where an assessment stands (an acceptance's panel shares the shape: failed, deferred). */
export const assessmentStatusNames: Names<AssessmentState> = {
  convened: { zh: "专家评估中", en: "With the panel" },
  passed: { zh: "评估通过", en: "Passed" },
  held: { zh: "未通过，暂缓拨付", en: "Not passed, payment held" },
  failed: { zh: "不通过", en: "Failed" },
  deferred: { zh: "暂缓，待补充材料", en: "Deferred for more materials" },
  withdrawn: { zh: "已撤回（项目已终止或撤销）", en: "Withdrawn: the project was closed" },
};

export const assessmentStatusColors: Record<AssessmentState, string> = {
  convened: "orange",
  passed: "green",
  held: "red",
  failed: "red",
  deferred: "gold",
  withdrawn: "default",
};

/** The conclusion of an assessment (a mid-term's: pass or hold). */
export const assessmentEventNames: Names<AssessmentEvent> = {
  pass: { zh: "评估通过", en: "Pass" },
  hold: { zh: "暂缓拨付", en: "Hold the payment" },
  fail: { zh: "不通过", en: "Fail" },
  defer: { zh: "暂缓，待补充材料", en: "Defer" },
};

/** What a list of progress reports asks for. */
export const needNames: Names<ProgressNeed> = {
  file: { zh: "待提交", en: "To file" },
  review: { zh: "待审核", en: "To review" },
  overdue: { zh: "逾期未报", en: "Overdue" },
};

/** A score in hundredths of a point, as points with two decimals ("77.00"). */
export function points(hundredths: number | null | undefined): string {
  if (hundredths === null || hundredths === undefined) return "—";
  const whole = Math.trunc(hundredths / 100);
  return `${whole}.${String(Math.abs(hundredths % 100)).padStart(2, "0")}`;
}

/** 综合绩效评价 grades (LY-FUNDS §5, §23; DT-RULES §23): the names the policy pages use. */
export { gradeNames } from "../policies/labels";

export const gradeColors: Record<PerformanceGrade, string> = {
  excellent: "green",
  good: "cyan",
  pass: "blue",
  fail: "red",
};

/** What an assessment is: a mid-term's or an acceptance's panel. */
export const assessmentKindNames: Names<AssessmentKind> = {
  midTerm: { zh: "期中评估", en: "Mid-term assessment" },
  acceptance: { zh: "结题验收", en: "Acceptance" },
};

/** Where the unit's acceptance materials stand. */
export const acceptanceStatusNames: Names<AcceptanceApplication["status"]> = {
  submitted: { zh: "已提交，待验收", en: "Submitted, awaiting acceptance" },
  returned: { zh: "暂缓，待补充材料", en: "Deferred for more materials" },
  accepted: { zh: "验收通过", en: "Accepted" },
  failed: { zh: "验收不通过", en: "Failed" },
};

export const acceptanceStatusColors: Record<AcceptanceApplication["status"], string> = {
  submitted: "orange",
  returned: "gold",
  accepted: "green",
  failed: "red",
};

/** An acceptance's conclusions, named as an acceptance's (a mid-term's keep `assessmentEventNames`). */
const acceptanceEventNames: Names<AssessmentEvent> = {
  ...assessmentEventNames,
  pass: { zh: "验收通过", en: "Accept" },
  fail: { zh: "验收不通过", en: "Fail" },
};

/** The conclusion's name for the assessment's kind. */
export const conclusionName = (kind: AssessmentKind, e: AssessmentEvent) =>
  (kind === "acceptance" ? acceptanceEventNames : assessmentEventNames)[e];
