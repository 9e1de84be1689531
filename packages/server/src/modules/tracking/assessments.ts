import type { ExpertAssessmentDto } from "@luoshu/contract";
import {
  assessmentMachine,
  assessmentOutcome,
  checkPanel,
  checkScores,
  chinaDateOf,
  conflictReasonNames,
  conflictsOf,
  DomainError,
  fire,
  invalidTransition,
  isAssignable,
  notFound,
  type Policy,
} from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import { mustBeOpen, visibleProject } from "../execution/task-books.ts";
import { policyOf } from "../reviews/review-access.ts";
import { conflictApplicationOf, declaredOf } from "../reviews/review-context.ts";
import type { TrackingDeps } from "./progress.ts";
import { reportTermsOf } from "./tracking-terms.ts";
import { categoryNameOf, reportDto } from "./tracking-view.ts";

type Repos = TrackingDeps["repos"];

const officerOnly = (ctx: CallerContext) => {
  if (!ctx.actor.roles.includes("programOfficer")) throw new DomainError({ code: "FORBIDDEN" });
};

function midTermRules(policy: Policy) {
  const rules = policy.tracking.midTerm;
  if (!rules)
    throw new DomainError({
      code: "VALIDATION",
      messageZh: "本市文件未规定期中评估。",
      messageEn: "The city's documents set no mid-term assessment.",
    });
  return rules;
}

/**
 * The city's pool as a panel for this project is picked from it: who is available today, and for
 * each, why they must stand apart from the project's unit, partners and team (回避, the review's rules).
 */
async function poolFor(
  repos: Repos,
  policy: Policy,
  ctx: CallerContext,
  p: { cityId: string; unitId: string; applicationId: string | null; id: string },
) {
  const [pool, relations, [application]] = await Promise.all([
    repos.tracking.candidates(p.cityId),
    repos.reviews.relations(p.cityId),
    p.applicationId ? repos.reviews.applicationsByIds(p.cityId, [p.applicationId]) : Promise.resolve([]),
  ]);
  const partnerUsccs = application?.content.partners.map((x) => x.uscc).filter((u) => u.length > 0) ?? [];
  const unitByUscc = await repos.reviews.unitIdsByUscc(p.cityId, partnerUsccs);
  const parties = application
    ? conflictApplicationOf(application, unitByUscc)
    : { id: p.id, unitId: p.unitId, partnerUnitIds: [], partnerUsccs: [], teamIdDigests: [] };
  const declared = declaredOf(relations);
  const today = chinaDateOf(ctx.now);
  return pool
    .filter((e) => e.userStatus === "active" && isAssignable(e, today))
    .map((e) => ({
      ...e,
      conflicts: conflictsOf(
        {
          id: e.id,
          unitId: e.unitId,
          unitUscc: e.unitUscc,
          idNumberDigest: e.idNumberDigest,
          formerUnits: e.formerUnits,
        },
        parties,
        declared,
        { today, policy },
      ),
    }));
}

/** 专家遴选: the pool for a panel on the project (mid-term, later acceptance), conflicted experts marked with why. */
export async function assessmentCandidates(deps: TrackingDeps, ctx: CallerContext, projectId: string) {
  const { p, policy } = await visibleProject(deps.repos, deps.policies, ctx, projectId);
  officerOnly(ctx);
  const pool = await poolFor(deps.repos, policy, ctx, p);
  const items = pool.map((e) => ({
    expertId: e.id,
    name: e.name,
    unitName: e.unitName,
    title: e.title,
    disciplines: e.disciplines,
    conflicts: e.conflicts.map((c) => conflictReasonNames[c.reason].zh),
  }));
  return { items, total: items.length };
}

/** 组织期中评估: the bureau names the panel; each expert is told and scores on their own page. */
export async function conveneAssessment(
  deps: TrackingDeps,
  input: { ctx: CallerContext; projectId: string; expertIds: string[]; note: string },
) {
  const { ctx } = input;
  const { p, policy } = await visibleProject(deps.repos, deps.policies, ctx, input.projectId);
  officerOnly(ctx);
  mustBeOpen(p);
  const rules = midTermRules(policy);
  const found = await reportTermsOf(deps.repos, policy, p);
  if (!found) throw invalidTransition("项目尚未签订任务书。", "The project's task book is not signed.");
  const content = found.tb.content;
  if (!content.nodes.some((n) => n.after === "midTermPassed") && !content.midTermMilestone)
    throw invalidTransition(
      "该项目的任务书没有期中评估节点。",
      "The project's task book has no mid-term node.",
    );
  checkPanel(rules, input.expertIds);
  const pool = await poolFor(deps.repos, policy, ctx, p);
  for (const [i, id] of input.expertIds.entries()) {
    const e = pool.find((x) => x.id === id);
    if (!e)
      throw new DomainError({
        code: "VALIDATION",
        path: `expertIds.${i}`,
        messageZh: "专家库中没有该专家，或其已暂停、当前不可参加评估。",
        messageEn: "No such expert available in the pool today.",
      });
    if (e.conflicts.length > 0)
      throw new DomainError({
        code: "ASSESSMENT_CONFLICT",
        path: `expertIds.${i}`,
        details: { expertId: id, reasons: e.conflicts.map((c) => c.reason) },
      });
  }
  await deps.tx.run(ctx, async (repos, audit) => {
    const a = await repos.tracking.insertAssessment(
      {
        cityId: p.cityId,
        projectId: p.id,
        kind: "midTerm",
        status: "convened",
        rules,
        convenedBy: ctx.actor.userId,
        convenedAt: ctx.now,
        note: input.note || null,
      },
      input.expertIds,
    );
    audit({
      action: "assessment.convene",
      entityType: "assessment",
      entityId: a.id,
      cityId: p.cityId,
      after: { projectId: p.id, expertIds: input.expertIds },
    });
    await repos.notifications.notifyExperts(p.cityId, input.expertIds, {
      titleZh: `请对项目 ${p.number} 进行期中评估评分`,
      titleEn: `Please score the mid-term assessment of ${p.number}`,
      link: "/assessments",
      createdAt: ctx.now,
    });
  });
}

async function expertOf(repos: Repos, ctx: CallerContext) {
  const expert = await repos.reviews.expertOfUser(ctx.actor.userId);
  if (!expert || expert.cityId !== ctx.actor.cityId)
    throw notFound("没有需要您评分的评估。", "No assessment for you to score.");
  return expert;
}

/** The assessments an expert sits on, with the project's plan and reports to score them against. */
export async function myAssessments(
  deps: { repos: Pick<Repos, "reviews" | "tracking" | "execution" | "projectLife">; policies: Policy[] },
  ctx: CallerContext,
) {
  const { repos } = deps;
  const expert = await repos.reviews.expertOfUser(ctx.actor.userId);
  // an expert account without a profile in this city sits on no panel
  const rows =
    expert && expert.cityId === ctx.actor.cityId
      ? await repos.tracking.assessmentsOfExpert(expert.cityId, expert.id)
      : [];
  const items: ExpertAssessmentDto[] = [];
  for (const { a, sheet } of rows) {
    // the expert reads the project through the panel they sit on, not through a project scope
    const found = await repos.execution.project({ kind: "city", cityId: a.cityId }, a.projectId);
    if (!found) continue;
    const { p } = found;
    const policy = policyOf(deps.policies, p.cityId, p.policyVersion);
    const terms = await reportTermsOf(repos, policy, p);
    const reports = await repos.tracking.reports(a.cityId, [p.id]);
    const names = await repos.execution.displayNames(reports.map((r) => r.submittedBy));
    const name = categoryNameOf(policy);
    items.push({
      id: a.id,
      status: a.status,
      project: { number: p.number, title: p.title, unitName: found.unitName },
      terms: terms && {
        startDate: terms.terms.startDate,
        endDate: terms.terms.endDate,
        milestones: terms.tb.content.milestones,
        budget: terms.terms.budget.map((l) => ({
          category: l.category,
          categoryName: name(l.category),
          amountFen: l.amountFen,
        })),
      },
      reports: reports.filter((r) => r.status !== "returned").map((r) => reportDto(r, policy, names)),
      criteria: a.rules.scorecard.criteria,
      mySheet: {
        scores: sheet.scores,
        comment: sheet.comment,
        submittedAt: sheet.submittedAt?.toISOString() ?? null,
      },
    });
  }
  return { items, total: items.length };
}

/** An expert submits their scorecard once, while the assessment is with the panel. */
export async function scoreAssessment(
  deps: TrackingDeps,
  input: { ctx: CallerContext; assessmentId: string; scores: number[]; comment: string },
) {
  const { ctx } = input;
  const expert = await expertOf(deps.repos, ctx);
  await deps.tx.run(ctx, async (repos, audit) => {
    const a = await repos.tracking.assessment(expert.cityId, input.assessmentId, true);
    const mine =
      a && (await repos.tracking.sheets(a.cityId, [a.id])).find((x) => x.sheet.expertId === expert.id);
    if (!a || !mine) throw notFound("没有需要您评分的评估。", "No assessment for you to score.");
    if (a.status !== "convened")
      throw invalidTransition("该评估已结束。", "The assessment is concluded.", { state: a.status });
    if (mine.sheet.submittedAt)
      throw new DomainError({
        code: "CONFLICT",
        messageZh: "您已提交评分。",
        messageEn: "You have submitted your scores already.",
      });
    checkScores(a.rules, input.scores);
    await repos.tracking.submitSheet(a.cityId, a.id, expert.id, {
      scores: input.scores,
      comment: input.comment,
      submittedAt: ctx.now,
    });
    audit({
      action: "assessment.score",
      entityType: "assessment",
      entityId: a.id,
      cityId: a.cityId,
      after: { expertId: expert.id, scores: input.scores },
    });
  });
}

/**
 * 评估结论: once every expert has scored, the bureau concludes as the panel's mean calls for: passed
 * releases the node paid after the mid-term; held keeps it, and another assessment may follow.
 */
export async function concludeAssessment(
  deps: TrackingDeps,
  input: {
    ctx: CallerContext;
    projectId: string;
    assessmentId: string;
    event: "pass" | "hold";
    note: string;
  },
) {
  const { ctx } = input;
  const { p } = await visibleProject(deps.repos, deps.policies, ctx, input.projectId);
  officerOnly(ctx);
  mustBeOpen(p);
  await deps.tx.run(ctx, async (repos, audit) => {
    const a = await repos.tracking.assessment(p.cityId, input.assessmentId, true);
    if (!a || a.projectId !== p.id) throw notFound("评估不存在。", "No such assessment.");
    const status = fire(assessmentMachine, a.status, input.event, ctx.actor.roles);
    const panel = await repos.tracking.sheets(a.cityId, [a.id]);
    const outcome = assessmentOutcome(
      a.rules,
      panel.map((x) => ({ expertId: x.sheet.expertId, scores: x.sheet.submittedAt ? x.sheet.scores : null })),
    );
    if (outcome.event === null)
      throw invalidTransition("评估专家尚未全部提交评分。", "Not every expert on the panel has scored.");
    if (outcome.event !== input.event)
      throw new DomainError({
        code: "VALIDATION",
        path: "event",
        messageZh: `专家组平均分为 ${(outcome.mean ?? 0) / 100} 分，结论应为“${outcome.event === "pass" ? "通过" : "不通过"}”。`,
        messageEn: `The panel's mean is ${(outcome.mean ?? 0) / 100}: the conclusion is ${outcome.event}.`,
      });
    await repos.tracking.updateAssessment(a.cityId, a.id, {
      status,
      meanScore: outcome.mean,
      concludedBy: ctx.actor.userId,
      concludedAt: ctx.now,
      note: input.note,
    });
    audit({
      action: `assessment.${input.event}`,
      entityType: "assessment",
      entityId: a.id,
      cityId: a.cityId,
      before: { status: a.status },
      after: { status, mean: outcome.mean, note: input.note },
    });
    await repos.notifications.notifyApplicant(
      { cityId: p.cityId, unitId: p.unitId, piUserId: p.piUserId, createdBy: null },
      {
        titleZh: `${p.number} 期中评估${status === "passed" ? "通过" : "未通过，节点资金暂缓拨付"}`,
        titleEn: `${p.number}: mid-term assessment ${status === "passed" ? "passed" : "not passed; the node payment is held"}`,
        link: `/projects/${p.id}`,
        createdAt: ctx.now,
      },
    );
  });
}
