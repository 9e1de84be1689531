import type { entrustmentBody, horseRaceBody, siteVisitBody } from "@luoshu/contract";
import { aggregate, checkHorseRace, DomainError } from "@luoshu/domain";
import type { z } from "zod";
import type { CallerContext } from "../../lib/context.ts";
import type { Transactor } from "../../lib/transaction.ts";
import type { Repositories } from "../../repositories.ts";
import { lockForAction } from "./manage-plan.ts";
import { type PlanViewDeps, planView } from "./plan-view.ts";

type Deps = PlanViewDeps & { tx: Transactor<Pick<Repositories, "reviews">> };

const notInPlan = () =>
  new DomainError({
    code: "VALIDATION",
    messageZh: "申报书不在本评审方案中。",
    messageEn: "The application is not in this plan.",
    path: "applicationIds",
  });

/** 赛马: the officer marks close results with different routes, checked against the program and the closeness. */
export async function markHorseRace(
  deps: Deps,
  input: { ctx: CallerContext; planId: string; body: z.output<typeof horseRaceBody> },
) {
  const { ctx, body } = input;
  const plan = await deps.tx.run(ctx, async ({ reviews }, audit) => {
    const { plan, policy } = await lockForAction(deps, reviews, ctx, input.planId, null);
    if (plan.status !== "inReview" && plan.status !== "completed")
      throw new DomainError({
        code: "INVALID_TRANSITION",
        messageZh: "尚无评审结果。",
        messageEn: "There are no results yet.",
      });
    const items = await reviews.items(plan.cityId, plan.id);
    const ids = [...new Set(body.applicationIds)];
    if (ids.some((id) => !items.some((i) => i.applicationId === id))) throw notInPlan();
    const rows = await reviews.assignmentsOf(plan.cityId, plan.id);
    const means = ids.map(
      (id) =>
        aggregate(
          rows.flatMap((r) =>
            r.a.applicationId === id && r.a.status === "submitted" && r.a.total !== null ? [r.a.total] : [],
          ),
          policy,
        ).mean,
    );
    const cited = checkHorseRace(policy, plan.program, means);
    await reviews.insertHorseRace({
      cityId: plan.cityId,
      planId: plan.id,
      applicationIds: ids,
      routesDiffer: true,
      reason: body.reason,
      markedBy: ctx.actor.userId,
      markedAt: ctx.now,
    });
    audit({
      action: "review.horseRace.mark",
      entityType: "reviewPlan",
      entityId: plan.id,
      cityId: plan.cityId,
      after: { applicationIds: ids, means, reason: body.reason, ...cited },
    });
    return plan;
  });
  return planView(deps, ctx, plan);
}

/** 现场考察 (DT-RULES §14(三)): date, members, findings and a result for one application. */
export async function recordSiteVisit(
  deps: Deps,
  input: { ctx: CallerContext; planId: string; body: z.output<typeof siteVisitBody> },
) {
  const { ctx, body } = input;
  const plan = await deps.tx.run(ctx, async ({ reviews }, audit) => {
    const { plan } = await lockForAction(deps, reviews, ctx, input.planId, null);
    if (plan.status !== "inReview" && plan.status !== "completed")
      throw new DomainError({
        code: "INVALID_TRANSITION",
        messageZh: "评审尚未开始。",
        messageEn: "The review has not started.",
      });
    const items = await reviews.items(plan.cityId, plan.id);
    if (!items.some((i) => i.applicationId === body.applicationId)) throw notInPlan();
    const row = await reviews.insertSiteVisit({
      cityId: plan.cityId,
      planId: plan.id,
      ...body,
      recordedBy: ctx.actor.userId,
      recordedAt: ctx.now,
    });
    audit({
      action: "review.siteVisit.record",
      entityType: "reviewPlan",
      entityId: plan.id,
      cityId: plan.cityId,
      after: { id: row?.id, ...body },
    });
    return plan;
  });
  return planView(deps, ctx, plan);
}

/** The bureau records that it entrusts calls' review to an agency (LY-REFORM §三(二)1; LY-FUNDS §6, §9). */
export async function recordEntrustment(
  deps: Deps,
  input: { ctx: CallerContext; body: z.output<typeof entrustmentBody> },
) {
  const { ctx, body } = input;
  const cityId = ctx.actor.cityId ?? "";
  if (body.periodUntil < body.periodFrom) {
    throw new DomainError({
      code: "VALIDATION",
      messageZh: "委托期限的结束日期早于开始日期。",
      messageEn: "The period ends before it starts.",
      path: "periodUntil",
    });
  }
  const row = await deps.tx.run(ctx, async ({ reviews }, audit) => {
    for (const callId of body.callIds) {
      if (!(await reviews.findCall(cityId, callId))) {
        throw new DomainError({
          code: "VALIDATION",
          messageZh: "批次不存在。",
          messageEn: "No such call.",
          path: "callIds",
        });
      }
    }
    const row = await reviews.insertEntrustment({
      cityId,
      ...body,
      recordedBy: ctx.actor.userId,
      recordedAt: ctx.now,
    });
    audit({
      action: "review.entrustment.record",
      entityType: "reviewEntrustment",
      entityId: row.id,
      cityId,
      after: body,
    });
    return row;
  });
  return entrustmentDto(row);
}

export const entrustmentDto = (e: Awaited<ReturnType<Repositories["reviews"]["insertEntrustment"]>>) => ({
  id: e.id,
  agencyName: e.agencyName,
  callIds: e.callIds,
  periodFrom: e.periodFrom,
  periodUntil: e.periodUntil,
  scope: e.scope,
  recordedAt: e.recordedAt.toISOString(),
});
