import type { Role } from "../identity/roles.ts";
import type { DisbursementTrigger, Policy } from "../policy/policy.schema.ts";
import { citeSource } from "../policy/source.schema.ts";
import { addDays } from "../shared/dates.ts";
import { DomainError } from "../shared/errors.ts";
import { defineMachine } from "../shared/machine.ts";
import type { BudgetLine } from "./change-request.ts";

/**
 * 进展报告 (DT-RULES §14(五); LY-FUNDS §10): the unit reports, on the city's rhythm from the project's
 * start, how each task-book milestone stands and what it has spent to date by budget line against the
 * current budget, explaining the lines that drift. The bureau approves a report or returns it; a node
 * payment waits until every report due before it is approved.
 */
export const progressReportStates = ["submitted", "returned", "approved"] as const;
export type ProgressReportState = (typeof progressReportStates)[number];

const reporters: readonly Role[] = ["unitAdmin", "principalInvestigator"];
const bureau: readonly Role[] = ["programOfficer"];

export const progressReportMachine = defineMachine({
  name: "progressReport",
  states: progressReportStates,
  labels: {
    submitted: { zh: "已提交，待审核", en: "submitted, awaiting review" },
    returned: { zh: "已退回修改", en: "returned for revision" },
    approved: { zh: "已审核通过", en: "approved" },
  },
  transitions: {
    resubmit: { from: ["returned"], to: "submitted", roles: reporters },
    approve: { from: ["submitted"], to: "approved", roles: bureau },
    return: { from: ["submitted"], to: "returned", roles: bureau },
  },
});
export type ProgressReportEvent = keyof typeof progressReportMachine.transitions;

/** A calendar day moved by whole months; the 31st of a shorter month falls back to its last day. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

export interface ReportDue {
  /** 1, 2, …: the report's place in the schedule. */
  period: number;
  /** The day it is due ("YYYY-MM-DD", China time); it covers the project up to that day. */
  dueDate: string;
  /** The day it may be filed from: the previous one's due date, or the start. */
  opensOn: string;
}

/**
 * The reports a project owes: one every `intervalMonths` from its start, each strictly before its
 * end (what the end brings is acceptance, not a progress report).
 */
export function progressSchedule(startDate: string, endDate: string, intervalMonths: number): ReportDue[] {
  const out: ReportDue[] = [];
  for (let k = 1; k <= 600; k++) {
    const dueDate = addMonths(startDate, k * intervalMonths);
    if (dueDate >= endDate) break;
    out.push({ period: k, dueDate, opensOn: out.at(-1)?.dueDate ?? startDate });
  }
  return out;
}

export const milestoneStatuses = ["done", "onTrack", "late"] as const;
export type MilestoneStatus = (typeof milestoneStatuses)[number];

export interface ProgressContent {
  summary: string;
  /** One per task-book milestone, by its index in the task book. */
  milestones: { index: number; status: MilestoneStatus; evidence: string }[];
  /** Spending to date, one per budget line of the current budget. */
  spending: { category: string; spentFen: number; explanation: string }[];
}

export interface LineVariance {
  category: string;
  budgetFen: number;
  /** The line's share for the time elapsed to the report's due date. */
  expectedFen: number;
  spentFen: number;
  /** Overspent, or off the expected share by more than the city's threshold of the line. */
  needsExplanation: boolean;
}

/** The share of the period elapsed on `day`, in basis points, 0–10,000. */
export function elapsedBp(startDate: string, endDate: string, day: string): number {
  const span = Date.parse(endDate) - Date.parse(startDate);
  if (span <= 0) return 10_000;
  const done = Date.parse(day) - Date.parse(startDate);
  return Math.max(0, Math.min(10_000, Math.round((done * 10_000) / span)));
}

/** Each line's spending against its budget and its time-elapsed share, in integer fen. */
export function spendingVariances(
  lines: readonly BudgetLine[],
  spent: ReadonlyMap<string, number>,
  elapsed: number,
  thresholdBp: number,
): LineVariance[] {
  return lines.map((l) => {
    const spentFen = spent.get(l.category) ?? 0;
    const expectedFen = Math.floor((l.amountFen * elapsed) / 10_000);
    const off = Math.abs(spentFen - expectedFen);
    return {
      category: l.category,
      budgetFen: l.amountFen,
      expectedFen,
      spentFen,
      needsExplanation: spentFen > l.amountFen || off * 10_000 > thresholdBp * l.amountFen,
    };
  });
}

export interface ReportTerms {
  startDate: string;
  endDate: string;
  milestones: readonly { dueDate: string; description: string }[];
  budget: readonly BudgetLine[];
}

const invalid = (path: string, zh: string, en: string, cited?: object) =>
  new DomainError({ code: "VALIDATION", path, messageZh: zh, messageEn: en, ...cited });

/**
 * Refuses a report that leaves something out: a milestone due by the report's date without its
 * status and evidence, a budget line without its spending, a drifting line without its explanation.
 */
export function checkProgressReport(
  policy: Policy,
  terms: ReportTerms,
  due: ReportDue,
  content: ProgressContent,
): LineVariance[] {
  if (content.summary.trim().length === 0)
    throw invalid("summary", "请概述本期项目进展。", "Summarise the period's progress.");
  const seen = new Set<number>();
  for (const [i, m] of content.milestones.entries()) {
    const milestone = terms.milestones[m.index];
    if (!milestone || seen.has(m.index))
      throw invalid(
        `milestones.${i}.index`,
        "任务书中没有该里程碑。",
        "The task book has no such milestone.",
      );
    seen.add(m.index);
    if (m.status === "onTrack" && milestone.dueDate <= due.dueDate)
      throw invalid(
        `milestones.${i}.status`,
        "该里程碑已到期，请报告已完成或已延误。",
        "The milestone is due: report it done or late.",
      );
    if (m.status !== "onTrack" && m.evidence.trim().length === 0)
      throw invalid(
        `milestones.${i}.evidence`,
        m.status === "done" ? "请说明完成的佐证材料。" : "请说明延误原因和补救措施。",
        m.status === "done"
          ? "Give the evidence it is done."
          : "Say why it is late and what is done about it.",
      );
  }
  terms.milestones.forEach((m, index) => {
    if (m.dueDate <= due.dueDate && !seen.has(index))
      throw invalid(
        "milestones",
        `里程碑“${m.description}”已到期，请报告其完成情况。`,
        `The milestone "${m.description}" is due: report on it.`,
      );
  });
  const spent = new Map<string, number>();
  for (const [i, s] of content.spending.entries()) {
    if (!terms.budget.some((l) => l.category === s.category) || spent.has(s.category))
      throw invalid(`spending.${i}.category`, "预算中没有该科目。", "The budget has no such line.");
    spent.set(s.category, s.spentFen);
  }
  const missing = terms.budget.find((l) => !spent.has(l.category));
  if (missing)
    throw invalid(
      "spending",
      "请填报每个预算科目的累计支出。",
      "Give the spending to date of every budget line.",
    );
  const rule = policy.tracking.progressReports.varianceBp;
  const variances = spendingVariances(
    terms.budget,
    spent,
    elapsedBp(terms.startDate, terms.endDate, due.dueDate),
    rule.value,
  );
  for (const [i, s] of content.spending.entries()) {
    const v = variances.find((x) => x.category === s.category);
    if (v?.needsExplanation && s.explanation.trim().length === 0)
      throw invalid(
        `spending.${i}.explanation`,
        "该科目支出偏离预算进度，请说明原因。",
        "This line is off its budget's pace: explain why.",
        citeSource(rule.source),
      );
  }
  return variances;
}

export type ReportStanding = ProgressReportState | "notOpen" | "open" | "overdue";

/** Where a scheduled report stands on `today`: not open yet, open, overdue, or as reviewed. */
export function reportStanding(
  due: ReportDue,
  report: { status: ProgressReportState } | null,
  today: string,
): { standing: ReportStanding; overdueDays: number } {
  const late = today > due.dueDate && report?.status !== "submitted" && report?.status !== "approved";
  const overdueDays = late ? Math.round((Date.parse(today) - Date.parse(due.dueDate)) / 86_400_000) : 0;
  if (report) return { standing: report.status, overdueDays };
  if (late) return { standing: "overdue", overdueDays };
  return { standing: today >= due.opensOn ? "open" : "notOpen", overdueDays };
}

/** The periods due before `today` whose reports are not approved: what a node payment waits for. */
export function reportsOutstanding(
  schedule: readonly ReportDue[],
  reports: readonly { period: number; status: ProgressReportState }[],
  today: string,
): number[] {
  return schedule
    .filter((d) => d.dueDate < today)
    .filter((d) => reports.find((r) => r.period === d.period)?.status !== "approved")
    .map((d) => d.period);
}

/** May the caller file this period's report now: opened, and not filed yet (or returned to them). */
export function mayFile(
  due: ReportDue,
  report: { status: ProgressReportState } | null,
  today: string,
): boolean {
  if (today < due.opensOn) return false;
  return report === null || report.status === "returned";
}

/** A report due within this many days is shown as due soon in the inboxes. */
export const dueSoonDays = 14;
export const dueSoon = (due: ReportDue, today: string): boolean =>
  today >= due.opensOn && today <= due.dueDate && addDays(today, dueSoonDays) >= due.dueDate;

/**
 * A report the unit should file now: overdue, returned, or open and due within two weeks. What the
 * unit's and the PI's inboxes list, and what the bureau may remind them of.
 */
export function awaitsFiling(
  due: ReportDue,
  report: { status: ProgressReportState } | null,
  today: string,
): boolean {
  const { standing, overdueDays } = reportStanding(due, report, today);
  return overdueDays > 0 || standing === "returned" || (standing === "open" && dueSoon(due, today));
}

/**
 * The reports a payment node waits for: none for the share paid on signing, nor where the city does
 * not hold nodes for reports; otherwise every one due before today and not approved.
 */
export function reportsHolding(
  policy: Pick<Policy, "tracking">,
  after: DisbursementTrigger,
  outstanding: readonly number[],
): number[] {
  if (after === "taskBookSigned" || !policy.tracking.progressReports.holdNodes.value) return [];
  return [...outstanding];
}
