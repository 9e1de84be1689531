import type { AssessmentDto, TrackingDto } from "@luoshu/contract";
import {
  assessmentOutcome,
  awaitsFiling,
  chinaDateOf,
  citeSource,
  gradeOf,
  mayFile,
  type Policy,
  reportStanding,
  reportsOutstanding,
  settlementLines,
  weightedTotal,
  whyNotDiligent,
} from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Repositories } from "../../repositories.ts";
import { visibleProject } from "../execution/task-books.ts";
import { acceptanceOf } from "./acceptance-view.ts";
import { failureFactsOf } from "./diligence.ts";
import type { AssessmentRow, ProgressReportRow, SheetRow } from "./tracking.repository.ts";
import { reportTermsOf } from "./tracking-terms.ts";

type Repos = Pick<Repositories, "execution" | "projectLife" | "tracking">;

export const categoryNameOf = (policy: Policy) => (code: string) =>
  policy.budget.categories.find((c) => c.code === code)?.nameZh ?? code;

export function reportDto(r: ProgressReportRow, policy: Policy, names: Map<string, string>) {
  const name = categoryNameOf(policy);
  return {
    id: r.id,
    period: r.period,
    status: r.status,
    content: r.content,
    variances: r.variances.map((v) => ({ ...v, categoryName: name(v.category) })),
    submittedByName: names.get(r.submittedBy) ?? null,
    submittedAt: r.submittedAt.toISOString(),
    decidedByName: r.decidedBy ? (names.get(r.decidedBy) ?? null) : null,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decisionNote: r.decisionNote,
  };
}

/** The period, milestones and current budget reports are measured against; null without a period. */
export function termsDto(
  found: Awaited<ReturnType<typeof reportTermsOf>>,
  policy: Policy,
): TrackingDto["terms"] {
  if (!found?.terms) return null;
  const name = categoryNameOf(policy);
  const line = (l: { category: string; amountFen: number }) => ({
    category: l.category,
    categoryName: name(l.category),
    amountFen: l.amountFen,
  });
  return {
    startDate: found.terms.startDate,
    endDate: found.terms.endDate,
    milestones: found.tb.content.milestones,
    budget: found.budget.map(line),
    settlement: settlementLines(policy, found.budget).map(line),
    targets: found.tb.content.targets,
  };
}

/** An assessment as the bureau sees it: the panel's progress, totals once submitted, the proposal. */
export function assessmentDto(
  a: AssessmentRow,
  panel: readonly { sheet: SheetRow; name: string }[],
  ctx: CallerContext,
): AssessmentDto {
  const outcome = assessmentOutcome(
    a.rules,
    panel.map((x) => ({ expertId: x.sheet.expertId, scores: x.sheet.submittedAt ? x.sheet.scores : null })),
  );
  const officer = ctx.actor.roles.includes("programOfficer");
  // the panel's names, scores and comments stay with the bureau and finance; the unit, the PI and the
  // district learn the conclusion and its mean
  const bureau = ctx.actor.roles.some(
    (r) => r === "programOfficer" || r === "bureauLeader" || r === "financeOfficer",
  );
  const convened = a.status === "convened";
  return {
    id: a.id,
    kind: a.kind,
    status: a.status,
    criteria: a.rules.scorecard.criteria,
    passMark: "passMark" in a.rules ? a.rules.passMark.value : null,
    grade: convened
      ? bureau
        ? outcome.grade
        : null
      : a.kind === "acceptance" && a.meanScore !== null && !("passMark" in a.rules) && a.status !== "deferred"
        ? gradeOf(a.rules, a.meanScore)
        : null,
    convenedAt: a.convenedAt.toISOString(),
    panel: (bureau ? panel : []).map(({ sheet, name }) => ({
      expertId: sheet.expertId,
      name,
      submitted: sheet.submittedAt !== null,
      total:
        sheet.submittedAt && sheet.scores ? weightedTotal(a.rules.scorecard.criteria, sheet.scores) : null,
      comment: sheet.submittedAt ? sheet.comment : null,
    })),
    mean: convened ? (bureau ? outcome.mean : null) : a.meanScore,
    proposed: convened && bureau ? outcome.event : null,
    concludedAt: a.concludedAt?.toISOString() ?? null,
    note: a.note,
    actions:
      convened && officer
        ? [
            ...(outcome.event ? [outcome.event] : []),
            ...(a.kind === "acceptance" ? (["defer"] as const) : []),
          ]
        : [],
  };
}

/**
 * The project's tracking as its page shows it: the schedule of reports with where each stands and
 * what the caller may do, what the next node payment waits for, and the mid-term assessments.
 */
export async function trackingOf(
  deps: { repos: Repos; policies: Policy[] },
  ctx: CallerContext,
  projectId: string,
): Promise<TrackingDto> {
  const { repos } = deps;
  const { p, policy, districtCode } = await visibleProject(repos, deps.policies, ctx, projectId);
  const found = await reportTermsOf(repos, policy, p);
  const today = chinaDateOf(ctx.now);
  const roles = ctx.actor.roles;
  const officer = roles.includes("programOfficer");
  const open = p.closedAs === null;
  const reporter = roles.includes("unitAdmin") || p.piUserId === ctx.actor.userId;
  const [reports, reminders, assessments] = await Promise.all([
    repos.tracking.reports(p.cityId, [p.id]),
    repos.tracking.lastReminders(p.cityId, [p.id]),
    repos.tracking.assessmentsOf(p.cityId, p.id),
  ]);
  const names = await repos.execution.displayNames(
    reports.flatMap((r) => [r.submittedBy, r.decidedBy]).filter((x): x is string => x !== null),
  );
  const schedule = (found?.schedule ?? []).map((due) => {
    const report = reports.find((r) => r.period === due.period) ?? null;
    const { standing, overdueDays } = reportStanding(due, report, today);
    const remindedOn = reminders.find((x) => x.period === due.period)?.sentOn ?? null;
    return {
      ...due,
      standing,
      overdueDays,
      report: report && reportDto(report, policy, names),
      remindedOn,
      actions: [
        ...(open && reporter && mayFile(due, report, today) ? (["file"] as const) : []),
        ...(open && officer && report?.status === "submitted" ? (["approve", "return"] as const) : []),
        // once a China day: a reminder sent today is not offered again
        ...(open && officer && awaitsFiling(due, report, today) && remindedOn !== today
          ? (["remind"] as const)
          : []),
      ],
    };
  });
  const rules = policy.tracking;
  const mid = rules.midTerm;
  const panels = await repos.tracking.sheets(
    p.cityId,
    assessments.map((a) => a.id),
  );
  let midTerm: TrackingDto["midTerm"] = null;
  if (mid) {
    const dtos = assessments
      .filter((a) => a.kind === "midTerm")
      .map((a) =>
        assessmentDto(
          a,
          panels.filter((x) => x.sheet.assessmentId === a.id),
          ctx,
        ),
      );
    const releasesNode = found?.tb.content.nodes.find((n) => n.after === "midTermPassed")?.code ?? null;
    const blocked = !found
      ? "项目尚未签订任务书。"
      : !releasesNode && !found.tb.content.midTermMilestone
        ? "该项目的任务书没有期中评估节点。"
        : dtos.some((a) => a.status !== "held")
          ? "已有进行中或已通过的期中评估。"
          : !open
            ? "项目已终止或撤销。"
            : null;
    midTerm = {
      releasesNode,
      panelSize: mid.panelSize.value,
      citation: citeSource(mid.source),
      assessments: dtos,
      mayConvene: officer && blocked === null,
      conveneBlockedZh: officer ? blocked : null,
    };
  }
  return {
    projectId: p.id,
    terms: termsDto(found, policy),
    rules: {
      intervalMonths: rules.progressReports.intervalMonths.value,
      intervalCitation: citeSource(rules.progressReports.intervalMonths.source),
      varianceBp: rules.progressReports.varianceBp.value,
      varianceCitation: citeSource(rules.progressReports.varianceBp.source),
      citation: citeSource(rules.progressReports.source),
    },
    schedule,
    outstanding: found ? reportsOutstanding(found.schedule, reports, today) : [],
    midTerm,
    acceptance: await acceptanceOf(repos, policy, ctx, {
      p,
      districtCode,
      executing: found !== null,
      mayFindDiligence: whyNotDiligent(await failureFactsOf(repos, p)) === null,
      assessments: assessments
        .filter((a) => a.kind === "acceptance")
        .map((a) =>
          assessmentDto(
            a,
            panels.filter((x) => x.sheet.assessmentId === a.id),
            ctx,
          ),
        ),
    }),
  };
}
