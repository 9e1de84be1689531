import type { ReviewPlanDto } from "@luoshu/contract";
import {
  activeAssignmentStates,
  allowedEvents,
  citeSource,
  type Policy,
  reviewPlanMachine,
} from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Repositories } from "../../repositories.ts";
import { planRanking } from "./plan-ranking.ts";
import { type Organising, organising, planNotFound, policyOf } from "./review-access.ts";
import type { PlanRow } from "./reviews.repository.ts";

export type PlanViewDeps = { repos: Pick<Repositories, "reviews">; policies: Policy[] };

type Action = ReviewPlanDto["allowedActions"][number];

/** The plan as its organiser (or the watching bureau) sees it: assignments, progress, ranking, actions. */
export async function planView(
  deps: PlanViewDeps,
  ctx: CallerContext,
  plan: PlanRow,
): Promise<ReviewPlanDto> {
  const repo = deps.repos.reviews;
  const policy = policyOf(deps.policies, plan.cityId, plan.policyVersion);
  const [found, entrustments, races, visits, { items, rows, ranked }] = await Promise.all([
    repo.findCall(plan.cityId, plan.callId),
    repo.entrustments(plan.cityId),
    repo.horseRaces(plan.cityId, plan.id),
    repo.siteVisits(plan.cityId, plan.id),
    planRanking(repo, plan, policy),
  ]);
  if (!found) throw planNotFound();
  const org = organising(ctx, policy, plan.program, plan.callId, entrustments);
  const panelOf = new Map(items.map((i) => [i.applicationId, i.panelIndex]));
  const horseOf = new Map(races.flatMap((h) => h.applicationIds.map((id) => [id, h.id] as const)));
  const hundredths = (n: number) => n / 100;
  const progress = plan.settings.panels.map((_, panelIndex) => {
    const inPanel = rows.filter((r) => (panelOf.get(r.a.applicationId) ?? 0) === panelIndex);
    const places = inPanel.filter((r) => activeAssignmentStates.includes(r.a.status)).length;
    const submitted = inPanel.filter((r) => r.a.status === "submitted").length;
    return { panelIndex, places, submitted, open: places - submitted };
  });
  const horseRace = policy.programs
    .find((p) => p.code === plan.program)
    ?.selectionModes.find((m) => m.mode === "horseRace");
  const { allowed, blocked } = actionsOf(
    ctx,
    plan,
    org,
    rows.map((r) => r.a.status),
  );
  return {
    id: plan.id,
    callId: plan.callId,
    callName: found.call.nameZh,
    guideId: found.guide.id,
    guideTitle: found.guide.titleZh,
    program: plan.program,
    organiser: org.organiser,
    organiserSource: org.source,
    entrustment: org.entrustment ? { id: org.entrustment.id, agencyName: org.entrustment.agencyName } : null,
    status: plan.status,
    settings: plan.settings,
    criteria: plan.criteria,
    solution: plan.solution ?? null,
    rules: {
      trimFromReviews: policy.expertReview.trimFromReviews.value,
      spreadThresholdPoints: policy.expertReview.spreadThresholdPoints.value,
      horseRaceClosenessPoints: policy.expertReview.horseRaceClosenessPoints.value,
      horseRaceSource: horseRace ? citeSource(horseRace.source) : null,
    },
    items: ranked.map(({ item, result, rank: r }) => ({
      applicationId: item.id,
      number: item.number,
      title: item.a.title,
      unitName: item.a.unitName,
      panelIndex: panelOf.get(item.id) ?? 0,
      assignments: item.mine.map((r) => ({
        id: r.a.id,
        applicationId: r.a.applicationId,
        expert: { id: r.a.expertId, displayName: r.displayName, unitName: r.unitName, title: r.title },
        status: r.a.status,
        affinity: r.a.affinityMilli / 1000,
        origin: r.a.origin,
        overrideReason: r.a.overrideReason,
        declineReason: r.a.declineReason,
        declineNote: r.a.declineNote,
        total: r.a.total === null ? null : hundredths(r.a.total),
        submittedAt: r.a.submittedAt?.toISOString() ?? null,
        lastRemindedAt: r.a.lastRemindedAt?.toISOString() ?? null,
      })),
      openPlaces: plan.status === "draft" ? 0 : item.open,
      result: {
        totals: result.totals.map(hundredths),
        dropped: result.dropped,
        mean: result.mean === null ? null : hundredths(result.mean),
        spread: hundredths(result.spread),
        spreadFlagged: result.spreadFlagged,
      },
      rank: r,
      horseRaceId: horseOf.get(item.id) ?? null,
      siteVisits: visits
        .filter((v) => v.applicationId === item.id)
        .map((v) => ({
          id: v.id,
          visitedOn: v.visitedOn,
          members: v.members,
          findings: v.findings,
          result: v.result,
        })),
    })),
    horseRaces: races.map((h) => ({
      id: h.id,
      applicationIds: h.applicationIds,
      reason: h.reason,
      markedAt: h.markedAt.toISOString(),
    })),
    progress,
    allowedActions: allowed,
    blocked,
  };
}

function actionsOf(ctx: CallerContext, plan: PlanRow, org: Organising, statuses: readonly string[]) {
  const allowed: Action[] = [];
  const blocked: ReviewPlanDto["blocked"] = [];
  const block = (action: Action, zh: string, en: string) =>
    blocked.push({ action, reasonZh: zh, reasonEn: en });
  const events = org.mayAct ? allowedEvents(reviewPlanMachine, plan.status, ctx.actor.roles) : [];
  const all: Action[] = [
    "edit",
    "assign",
    "override",
    "publish",
    "remind",
    "complete",
    "reopen",
    "markHorseRace",
    "recordSiteVisit",
  ];
  if (!org.mayAct) {
    for (const a of all) block(a, org.whyNot?.zh ?? "", org.whyNot?.en ?? "");
    return { allowed, blocked };
  }
  if (events.includes("edit")) allowed.push("edit");
  else block("edit", "评审已开始，方案不能再修改。", "The review has started; the plan is fixed.");
  if (events.includes("assign")) allowed.push("assign");
  else block("assign", "评审已开始，不能重新分配。", "The review has started; it cannot be re-assigned.");
  if (plan.status === "assigned" || plan.status === "inReview") allowed.push("override");
  else block("override", "尚无分配结果。", "Nothing is assigned yet.");
  if (events.includes("publish")) allowed.push("publish");
  else block("publish", "请先运行分配。", "Run the assignment first.");
  const open = statuses.filter((s) => s === "invited" || s === "accepted").length;
  if (plan.status === "inReview" && open > 0) allowed.push("remind");
  else block("remind", "没有待评审的专家。", "No expert has work outstanding.");
  if (events.includes("complete") && open === 0) allowed.push("complete");
  else if (plan.status !== "inReview")
    block("complete", "评审尚未开始或已结束。", "The review is not running.");
  else block("complete", `尚有 ${open} 位专家未提交，评审不能结束。`, `${open} reviews are outstanding.`);
  if (plan.status === "inReview") allowed.push("reopen");
  else block("reopen", "评审不在进行中。", "The review is not running.");
  if (plan.status === "inReview" || plan.status === "completed")
    allowed.push("markHorseRace", "recordSiteVisit");
  else {
    block("markHorseRace", "尚无评审结果。", "There are no results yet.");
    block("recordSiteVisit", "评审尚未开始。", "The review has not started.");
  }
  return { allowed, blocked };
}
