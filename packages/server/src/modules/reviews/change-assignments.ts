import {
  activeAssignmentStates,
  bestFill,
  DomainError,
  fire,
  type Policy,
  reviewAssignmentMachine,
  type SlotCandidate,
  slotViolations,
} from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Audit, Transactor } from "../../lib/transaction.ts";
import type { Repositories } from "../../repositories.ts";
import { lockForAction } from "./manage-plan.ts";
import { type PlanViewDeps, planView } from "./plan-view.ts";
import { planNotFound } from "./review-access.ts";
import { loadReviewContext, type PoolExpert, type ReviewContext } from "./review-context.ts";
import type { PlanRow } from "./reviews.repository.ts";

type Repos = Pick<Repositories, "reviews" | "notifications">;
type Deps = PlanViewDeps & { tx: Transactor<Repos> };

const workLink = "/my-reviews";

/** The place on `applicationId` as the solver would see it for one more expert. */
async function slotOf(
  reviews: Repos["reviews"],
  review: ReviewContext,
  applicationId: string,
  leaving?: string,
) {
  const rows = await reviews.assignmentsOf(review.plan.cityId, review.plan.id);
  const holders = rows
    .filter(
      (r) =>
        r.a.applicationId === applicationId &&
        activeAssignmentStates.includes(r.a.status) &&
        r.a.id !== leaving,
    )
    .map((r) => ({ expertId: r.a.expertId, unitId: r.a.expertUnitId }));
  // Everyone who ever held or refused this place stays away from it.
  const tried = new Set(rows.filter((r) => r.a.applicationId === applicationId).map((r) => r.a.expertId));
  const loads = await reviews.loads(review.plan.cityId, review.plan.id);
  const candidate = (e: PoolExpert): SlotCandidate & { expert: PoolExpert } => ({
    expert: e,
    expertId: e.id,
    unitId: e.unitId,
    assignable: review.assignable(e),
    load: loads.get(e.id) ?? 0,
    conflicts: review.conflicts(applicationId, e.id),
  });
  return { holders, tried, candidate };
}

/**
 * An officer puts another expert on a place, with a reason: the plan's constraints still hold
 * (no conflict, no second expert of a unit, the maximum load), checked under the plan's lock and
 * backed by the places-held indexes. Audited with the reason.
 */
export async function overrideAssignment(
  deps: Deps,
  input: { ctx: CallerContext; planId: string; assignmentId: string; expertId: string; reason: string },
) {
  const { ctx } = input;
  const plan = await deps.tx.run(ctx, async ({ reviews, notifications }, audit) => {
    const { plan, policy } = await lockForAction(deps, reviews, ctx, input.planId, null);
    const old = await reviews.lockAssignment(plan.cityId, input.assignmentId);
    if (!old || old.planId !== plan.id) throw planNotFound();
    fire(reviewAssignmentMachine, old.status, "replace", ctx.actor.roles);
    const review = await loadReviewContext(reviews, plan, policy, ctx.now);
    const expert = review.pool.find((e) => e.id === input.expertId);
    if (!expert)
      throw new DomainError({
        code: "NOT_FOUND",
        messageZh: "专家不在本市专家库中。",
        messageEn: "No such expert in the city's pool.",
      });
    const slot = await slotOf(reviews, review, old.applicationId, old.id);
    const problems = slotViolations(slot.candidate(expert), slot.holders, plan.settings.maxLoad);
    if (problems[0]) throw DomainError.all([problems[0], ...problems.slice(1)]);
    const status = old.status === "proposed" ? ("proposed" as const) : ("invited" as const);
    await reviews.updateAssignment(old, { status: "withdrawn", updatedAt: ctx.now });
    await reviews.insertAssignments([
      {
        cityId: plan.cityId,
        planId: plan.id,
        applicationId: old.applicationId,
        expertId: expert.id,
        expertUnitId: expert.unitId,
        status,
        affinityMilli: Math.round(review.affinity(old.applicationId, expert) * 1000),
        origin: "override",
        overrideReason: input.reason,
        replacesId: old.id,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      },
    ]);
    if (status === "invited") await invite(notifications, plan, [expert.id], ctx.now);
    audit({
      action: "review.assignment.override",
      entityType: "reviewAssignment",
      entityId: old.id,
      cityId: plan.cityId,
      before: { applicationId: old.applicationId, expertId: old.expertId, status: old.status },
      after: { expertId: expert.id, reason: input.reason },
    });
    return plan;
  });
  return planView(deps, ctx, plan);
}

const invite = (
  notifications: Repos["notifications"],
  plan: PlanRow,
  expertIds: readonly string[],
  at: Date,
) =>
  notifications.notifyExperts(plan.cityId, expertIds, {
    titleZh: "您有新的评审邀请，请签署诚信承诺并确认有无利益关系",
    titleEn: "New review invitations: sign the integrity commitment and declare any conflict",
    link: workLink,
    createdAt: at,
  });

/**
 * After a decline or a declared conflict, the place goes to the free expert of highest affinity;
 * nobody who accepted moves. With no one free, the place stays open and the officer sees it.
 */
export async function refillPlace(
  reviews: Repos["reviews"],
  notifications: Repos["notifications"],
  audit: Audit,
  input: { plan: PlanRow; policy: Policy; applicationId: string; leftId: string; now: Date },
) {
  const { plan } = input;
  const review = await loadReviewContext(reviews, plan, input.policy, input.now);
  const slot = await slotOf(reviews, review, input.applicationId);
  const candidates = review.pool.filter((e) => !slot.tried.has(e.id)).map(slot.candidate);
  const best = bestFill(candidates, slot.holders, plan.settings.maxLoad, (c) =>
    review.affinity(input.applicationId, c.expert),
  );
  if (!best) return null;
  await reviews.insertAssignments([
    {
      cityId: plan.cityId,
      planId: plan.id,
      applicationId: input.applicationId,
      expertId: best.expertId,
      expertUnitId: best.unitId,
      status: "invited",
      affinityMilli: Math.round(review.affinity(input.applicationId, best.expert) * 1000),
      origin: "refill",
      replacesId: input.leftId,
      createdAt: input.now,
      updatedAt: input.now,
    },
  ]);
  await invite(notifications, plan, [best.expertId], input.now);
  audit({
    action: "review.assignment.refill",
    entityType: "reviewAssignment",
    entityId: input.leftId,
    cityId: plan.cityId,
    after: { applicationId: input.applicationId, expertId: best.expertId },
  });
  return best.expertId;
}

/** Sends the proposal: every proposed place becomes an invitation, and each expert is told once. */
export async function publishPlan(deps: Deps, input: { ctx: CallerContext; planId: string }) {
  const { ctx } = input;
  const plan = await deps.tx.run(ctx, async ({ reviews, notifications }, audit) => {
    const { plan, to } = await lockForAction(deps, reviews, ctx, input.planId, "publish");
    const sent = await reviews.setPlanAssignments(plan.cityId, plan.id, "proposed", {
      status: "invited",
      updatedAt: ctx.now,
    });
    await reviews.setStatus(plan, to, ctx.now);
    await invite(
      notifications,
      plan,
      sent.map((s) => s.expertId),
      ctx.now,
    );
    audit({
      action: "review.plan.publish",
      entityType: "reviewPlan",
      entityId: plan.id,
      cityId: plan.cityId,
      after: { invitations: sent.length },
    });
    return { ...plan, status: to };
  });
  return planView(deps, ctx, plan);
}

/** Reminds every expert with work outstanding (an invitation unanswered or a review not submitted). */
export async function remindExperts(deps: Deps, input: { ctx: CallerContext; planId: string }) {
  const { ctx } = input;
  const plan = await deps.tx.run(ctx, async ({ reviews, notifications }, audit) => {
    const { plan } = await lockForAction(deps, reviews, ctx, input.planId, null);
    if (plan.status !== "inReview")
      throw new DomainError({
        code: "INVALID_TRANSITION",
        messageZh: "评审不在进行中。",
        messageEn: "The review is not running.",
      });
    const reminded = [
      ...(await reviews.setPlanAssignments(plan.cityId, plan.id, "invited", { lastRemindedAt: ctx.now })),
      ...(await reviews.setPlanAssignments(plan.cityId, plan.id, "accepted", { lastRemindedAt: ctx.now })),
    ];
    await notifications.notifyExperts(
      plan.cityId,
      reminded.map((r) => r.expertId),
      {
        titleZh: `评审提醒：请于 ${deadlineZh(plan)} 前完成评审`,
        titleEn: `Reminder: reviews are due by ${plan.settings.scoringDeadline}`,
        link: workLink,
        createdAt: ctx.now,
      },
    );
    audit({
      action: "review.plan.remind",
      entityType: "reviewPlan",
      entityId: plan.id,
      cityId: plan.cityId,
      after: { reminded: reminded.length },
    });
    return plan;
  });
  return planView(deps, ctx, plan);
}

const deadlineZh = (plan: PlanRow) =>
  new Date(plan.settings.scoringDeadline).toLocaleString("zh-CN", {
    timeZone: "Asia/Shanghai",
    hour12: false,
  });

/** Ends the review once every place is submitted; the ranking is then final for the proposed list. */
export async function completePlan(deps: Deps, input: { ctx: CallerContext; planId: string }) {
  const { ctx } = input;
  const plan = await deps.tx.run(ctx, async ({ reviews }, audit) => {
    const { plan, to } = await lockForAction(deps, reviews, ctx, input.planId, "complete");
    const rows = await reviews.assignmentsOf(plan.cityId, plan.id);
    const open = rows.filter((r) => r.a.status === "invited" || r.a.status === "accepted").length;
    if (open > 0) {
      throw new DomainError({
        code: "REVIEW_OPEN_ASSIGNMENTS",
        messageZh: `尚有 ${open} 位专家未提交评审意见。`,
        messageEn: `${open} reviews are outstanding.`,
      });
    }
    await reviews.setStatus(plan, to, ctx.now);
    audit({
      action: "review.plan.complete",
      entityType: "reviewPlan",
      entityId: plan.id,
      cityId: plan.cityId,
    });
    return { ...plan, status: to };
  });
  return planView(deps, ctx, plan);
}

/** Gives a submitted review back to its expert, with the officer's reason (audited). */
export async function reopenAssignment(
  deps: Deps,
  input: { ctx: CallerContext; planId: string; assignmentId: string; reason: string },
) {
  const { ctx } = input;
  const plan = await deps.tx.run(ctx, async ({ reviews, notifications }, audit) => {
    const { plan } = await lockForAction(deps, reviews, ctx, input.planId, null);
    if (plan.status !== "inReview")
      throw new DomainError({
        code: "INVALID_TRANSITION",
        messageZh: "评审不在进行中。",
        messageEn: "The review is not running.",
      });
    const a = await reviews.lockAssignment(plan.cityId, input.assignmentId);
    if (!a || a.planId !== plan.id) throw planNotFound();
    const to = fire(reviewAssignmentMachine, a.status, "reopen", ctx.actor.roles);
    await reviews.updateAssignment(a, { status: to, submittedAt: null, total: null, updatedAt: ctx.now });
    await notifications.notifyExperts(plan.cityId, [a.expertId], {
      titleZh: `您提交的评审意见已退回修改：${input.reason}`,
      titleEn: `Your review was reopened: ${input.reason}`,
      link: `${workLink}/${a.id}`,
      createdAt: ctx.now,
    });
    audit({
      action: "review.assignment.reopen",
      entityType: "reviewAssignment",
      entityId: a.id,
      cityId: plan.cityId,
      before: { status: a.status, total: a.total },
      after: { status: to, reason: input.reason },
    });
    return plan;
  });
  return planView(deps, ctx, plan);
}
