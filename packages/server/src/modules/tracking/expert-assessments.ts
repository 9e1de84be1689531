import type { ExpertAssessmentDto } from "@luoshu/contract";
import { checkScores, DomainError, invalidTransition, notFound, type Policy } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import { policyOf } from "../reviews/review-access.ts";
import type { TrackingDeps } from "./progress.ts";
import { reportTermsOf } from "./tracking-terms.ts";
import { reportDto, termsDto } from "./tracking-view.ts";

type Repos = TrackingDeps["repos"];

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
    const [reports, acceptance] = await Promise.all([
      repos.tracking.reports(a.cityId, [p.id]),
      a.kind === "acceptance" ? repos.tracking.acceptance(a.cityId, p.id) : undefined,
    ]);
    const names = await repos.execution.displayNames(reports.map((r) => r.submittedBy));
    items.push({
      id: a.id,
      kind: a.kind,
      status: a.status,
      project: { number: p.number, title: p.title, unitName: found.unitName },
      terms: termsDto(terms, policy),
      // what the panel had before it: reports filed by its conclusion, the materials while it sits
      reports: reports
        .filter((r) => r.status !== "returned" && (!a.concludedAt || r.submittedAt <= a.concludedAt))
        .map((r) => reportDto(r, policy, names)),
      acceptance: a.status === "convened" ? (acceptance?.content ?? null) : null,
      targets: terms?.tb.content.targets ?? [],
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
