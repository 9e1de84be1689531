import type { ReviewSettingsBody } from "@luoshu/contract";
import {
  type AssignmentInstance,
  DomainError,
  fire,
  type ReviewPlanSettings,
  reviewPlanMachine,
  reviewPlanSettingsSchema,
} from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { AssignmentOutcome } from "../../lib/documents/assignment-job.ts";
import type { DocumentRenderer } from "../../lib/documents/render-pool.ts";
import type { Transactor } from "../../lib/transaction.ts";
import type { Repositories } from "../../repositories.ts";
import { type PlanViewDeps, planView } from "./plan-view.ts";
import { mustAct, organising, planNotFound, policyOf } from "./review-access.ts";
import { loadReviewContext } from "./review-context.ts";
import type { PlanRow } from "./reviews.repository.ts";

type Deps = PlanViewDeps & { tx: Transactor<Pick<Repositories, "reviews">> };

const days = (n: number) => n * 24 * 60 * 60 * 1000;

/** A call's review plan with the policy's numbers; one per call (the unique index answers a race). */
export async function createReviewPlan(deps: Deps, input: { ctx: CallerContext; callId: string }) {
  const { ctx } = input;
  const cityId = ctx.actor.cityId ?? "";
  const plan = await deps.tx.run(ctx, async ({ reviews }, audit) => {
    const found = await reviews.findCall(cityId, input.callId);
    if (!found) throw planNotFound();
    const { guide } = found;
    const policy = policyOf(deps.policies, cityId, guide.policyVersion);
    mustAct(organising(ctx, policy, guide.program, input.callId, await reviews.entrustments(cityId)));
    const apps = await reviews.passedApplications(cityId, input.callId);
    if (apps.length === 0) throw new DomainError({ code: "REVIEW_NO_APPLICATIONS" });
    const pool = (await reviews.pool(cityId)).filter((e) => e.status === "active");
    const rules = policy.expertReview;
    const k = rules.reviewersPerApplication.value;
    const settings: ReviewPlanSettings = {
      panels: [{ nameZh: `${guide.titleZh}评审组`, disciplines: [] }],
      reviewersPerApplication: k,
      minLoad: 0,
      maxLoad: Math.max(3, Math.ceil((apps.length * k) / Math.max(1, pool.length)) + 1),
      mode: "optimal",
      pairCapPercent: rules.randomPairCapPercent.value,
      scoringDeadline: new Date(ctx.now.getTime() + days(14)).toISOString(),
    };
    const row = await reviews.insertPlan({
      cityId,
      callId: input.callId,
      guideId: guide.id,
      program: guide.program,
      organiser:
        policy.expertReview.organisers.find((o) => o.programs.includes(guide.program))?.organiser ?? "bureau",
      status: "draft",
      settings,
      criteria: guide.content.criteria.map((c) => ({ nameZh: c.nameZh, weight: c.weight })),
      policyVersion: guide.policyVersion,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await reviews.insertItems(
      apps.map((a) => ({ cityId, planId: row.id, applicationId: a.id, panelIndex: 0 })),
    );
    audit({
      action: "review.plan.create",
      entityType: "reviewPlan",
      entityId: row.id,
      cityId,
      after: { callId: input.callId, settings },
    });
    return row;
  });
  return planView(deps, ctx, plan);
}

/** Loads and locks a plan the caller runs, firing `event` on it. */
export async function lockForAction(
  deps: PlanViewDeps,
  reviews: Repositories["reviews"],
  ctx: CallerContext,
  planId: string,
  event: keyof typeof reviewPlanMachine.transitions | null,
) {
  const cityId = ctx.actor.cityId ?? "";
  const plan = await reviews.lockPlan(cityId, planId);
  if (!plan) throw planNotFound();
  const policy = policyOf(deps.policies, cityId, plan.policyVersion);
  mustAct(organising(ctx, policy, plan.program, plan.callId, await reviews.entrustments(cityId)));
  const to = event ? fire(reviewPlanMachine, plan.status, event, ctx.actor.roles) : plan.status;
  return { plan, policy, to };
}

/** New settings and panels; a proposed assignment is dropped, since it was solved for the old ones. */
export async function editReviewPlan(
  deps: Deps,
  input: { ctx: CallerContext; planId: string; body: ReviewSettingsBody },
) {
  const { ctx } = input;
  const { panelOf, ...raw } = input.body;
  const parsed = reviewPlanSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new DomainError({
      code: "VALIDATION",
      messageZh: `评审方案有误：${first?.message ?? ""}`,
      messageEn: `The plan is invalid: ${first?.message ?? ""}`,
      path: first?.path.join("."),
    });
  }
  const settings = parsed.data;
  const plan = await deps.tx.run(ctx, async ({ reviews }, audit) => {
    const { plan, to } = await lockForAction(deps, reviews, ctx, input.planId, "edit");
    const items = await reviews.items(plan.cityId, plan.id);
    for (const [applicationId, panelIndex] of Object.entries(panelOf ?? {})) {
      if (panelIndex >= settings.panels.length) {
        throw new DomainError({
          code: "VALIDATION",
          messageZh: "评审组不存在。",
          messageEn: "No such panel.",
          path: `panelOf.${applicationId}`,
        });
      }
      if (!items.some((i) => i.applicationId === applicationId)) {
        throw new DomainError({
          code: "VALIDATION",
          messageZh: "申报书不在本方案中。",
          messageEn: "The application is not in this plan.",
          path: `panelOf.${applicationId}`,
        });
      }
      await reviews.setPanel(plan.cityId, plan.id, applicationId, panelIndex);
    }
    for (const i of items) {
      if (i.panelIndex >= settings.panels.length && panelOf?.[i.applicationId] === undefined) {
        await reviews.setPanel(plan.cityId, plan.id, i.applicationId, 0);
      }
    }
    await reviews.deleteProposed(plan.cityId, plan.id);
    await reviews.updatePlan(plan, { settings, status: to, solution: null, updatedAt: ctx.now });
    audit({
      action: "review.plan.edit",
      entityType: "reviewPlan",
      entityId: plan.id,
      cityId: plan.cityId,
      before: plan.settings,
      after: { settings, panelOf },
    });
    return { ...plan, settings, status: to, solution: null };
  });
  return planView(deps, ctx, plan);
}

/**
 * Solves the plan on the render pool (never on the request thread) and stores the pairs as a
 * proposal: the exact optimum with its certificate, or the random draw with its seed recorded.
 */
export async function runAssignment(
  deps: Deps & { documents: DocumentRenderer },
  input: { ctx: CallerContext; planId: string },
) {
  const { ctx } = input;
  const cityId = ctx.actor.cityId ?? "";
  // Applications that passed the formal check since the plan was made join it before each solve.
  const draft = await deps.tx.run(ctx, async ({ reviews }, audit) => {
    const { plan } = await lockForAction(deps, reviews, ctx, input.planId, "assign");
    const have = new Set((await reviews.items(plan.cityId, plan.id)).map((i) => i.applicationId));
    const joining = (await reviews.passedApplications(plan.cityId, plan.callId)).filter(
      (a) => !have.has(a.id),
    );
    if (joining.length > 0) {
      await reviews.insertItems(
        joining.map((a) => ({ cityId: plan.cityId, planId: plan.id, applicationId: a.id, panelIndex: 0 })),
      );
      audit({
        action: "review.plan.addApplications",
        entityType: "reviewPlan",
        entityId: plan.id,
        cityId: plan.cityId,
        after: { applicationIds: joining.map((a) => a.id) },
      });
    }
    return plan;
  });
  // The instance is built outside the write transaction: it only reads, and the solve may take seconds.
  const review = await loadReviewContext(
    deps.repos.reviews,
    draft,
    policyOf(deps.policies, cityId, draft.policyVersion),
    ctx.now,
  );
  const experts = review.pool.filter(review.assignable);
  const s = draft.settings;
  const instance: AssignmentInstance = {
    reviewersPerApplication: s.reviewersPerApplication,
    minLoad: s.minLoad,
    maxLoad: s.maxLoad,
    applications: review.applications.map((a) => ({ id: a.id, unitIds: [a.unitId] })),
    experts: experts.map((e) => ({ id: e.id, unitId: e.unitId })),
    affinity: review.applications.map((a) => experts.map((e) => review.affinity(a.id, e))),
    conflicts: review.applications.flatMap((a, i) =>
      experts.flatMap((e, j) => (review.conflicts(a.id, e.id).length > 0 ? [[i, j] as const] : [])),
    ),
  };
  const seed = s.mode === "random" ? Math.floor(Math.random() * 2 ** 31) : null;
  const started = performance.now();
  const bytes = await deps.documents.render("reviewAssignment", {
    instance,
    random: seed === null ? null : { q: s.pairCapPercent / 100, seed },
  });
  const outcome = JSON.parse(bytes.toString()) as AssignmentOutcome;
  const millis = Math.round(performance.now() - started);
  if (!outcome.feasible) {
    throw new DomainError({
      code: "REVIEW_INFEASIBLE",
      messageZh: `按当前方案无法完成分配：${outcome.reasons.slice(0, 3).join("；")}`,
      messageEn: `No assignment meets the plan: ${outcome.reasons.slice(0, 3).join("; ")}`,
      details: { reasons: outcome.reasons.slice(0, 50) },
    });
  }
  const plan = await deps.tx.run(ctx, async ({ reviews }, audit) => {
    const { plan, to } = await lockForAction(deps, reviews, ctx, input.planId, "assign");
    if (plan.updatedAt.getTime() !== draft.updatedAt.getTime()) {
      throw new DomainError({
        code: "CONFLICT",
        messageZh: "评审方案刚被修改，请重新运行分配。",
        messageEn: "The plan changed meanwhile; run the assignment again.",
      });
    }
    await reviews.deleteProposed(plan.cityId, plan.id);
    await reviews.insertAssignments(
      outcome.pairs.map(([i, j]) => {
        const a = review.applications[i];
        const e = experts[j];
        if (!a || !e) throw new Error("solver answered an index out of range");
        return {
          cityId: plan.cityId,
          planId: plan.id,
          applicationId: a.id,
          expertId: e.id,
          expertUnitId: e.unitId,
          status: "proposed" as const,
          affinityMilli: Math.round(review.affinity(a.id, e) * 1000),
          origin: "solver" as const,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        };
      }),
    );
    const solution = {
      mode: s.mode,
      objective: outcome.objective,
      certified: outcome.certified,
      seed: outcome.seed === null ? null : String(outcome.seed),
      pairCapPercent: s.mode === "random" ? s.pairCapPercent : null,
      applications: instance.applications.length,
      experts: instance.experts.length,
      solvedAt: ctx.now.toISOString(),
      millis,
    };
    await reviews.updatePlan(plan, { status: to, solution, updatedAt: ctx.now });
    audit({
      action: "review.plan.assign",
      entityType: "reviewPlan",
      entityId: plan.id,
      cityId: plan.cityId,
      after: { ...solution, pairs: outcome.pairs.length },
    });
    return { ...plan, status: to, solution } satisfies PlanRow;
  });
  return planView(deps, ctx, plan);
}
