import {
  avoidanceBody,
  avoidanceList,
  createReviewPlanBody,
  declareConflictBody,
  declineBody,
  entrustmentBody,
  entrustmentList,
  entrustmentSchema,
  horseRaceBody,
  idParams,
  myReviewList,
  overrideBody,
  reasonBody,
  reviewableCallList,
  reviewPlanSchema,
  reviewSettingsBody,
  reviewWorkSchema,
  sheetBody,
  siteVisitBody,
} from "@luoshu/contract";
import { type ErrorCode, reviewOrganiserFor } from "@luoshu/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.ts";
import { callerOf } from "../../plugins/access.ts";
import { declareAvoidance, listAvoidances } from "./avoidances.ts";
import {
  completePlan,
  overrideAssignment,
  publishPlan,
  remindExperts,
  reopenAssignment,
} from "./change-assignments.ts";
import { acceptWork, leaveWork, myReviews, reviewWork, saveSheet, signCommitment } from "./expert-work.ts";
import { createReviewPlan, editReviewPlan, runAssignment } from "./manage-plan.ts";
import { planView } from "./plan-view.ts";
import { entrustmentDto, markHorseRace, recordEntrustment, recordSiteVisit } from "./record-marks.ts";
import { organising, planNotFound, policyOf } from "./review-access.ts";

const tags = ["reviews"];
const read = { access: { permission: "review.read", scope: "city" } } as const;
const organise = (errors: readonly ErrorCode[] = []) =>
  ({
    access: { permission: "review.organise", scope: "city" },
    errors: [
      "NOT_FOUND",
      "REVIEW_NOT_ORGANISER",
      "REVIEW_NOT_APPLICABLE",
      "INVALID_TRANSITION",
      ...errors,
    ] as ErrorCode[],
  }) as const;
const score = (errors: readonly ErrorCode[] = []) =>
  ({
    access: { permission: "review.score", scope: "own" },
    errors: ["INVALID_TRANSITION", ...errors],
  }) as const;
const planAssignmentParams = z.object({ id: z.uuid(), assignmentId: z.uuid() }).strict();
const planIdParams = z.object({ planId: z.uuid() }).strict();
const solveErrors: ErrorCode[] = [
  "REVIEW_INFEASIBLE",
  "CONFLICT",
  "DOCUMENT_TOO_LARGE",
  "DOCUMENTS_BUSY",
  "DOCUMENT_TIMEOUT",
];
const slotErrors: ErrorCode[] = [
  "REVIEW_CONFLICT",
  "REVIEW_SLOT_INVALID",
  "REVIEW_EXPERT_UNAVAILABLE",
  "CONFLICT",
];

/** 专家评审: the organiser's plans (bureau or entrusted agency) and each expert's own work. */
export async function reviewRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/reviews/calls",
    {
      config: read,
      schema: {
        tags,
        summary: "Calls with applications past the formal check, and their plans",
        response: { 200: reviewableCallList },
      },
    },
    async (request) => {
      const ctx = callerOf(request);
      const cityId = ctx.actor.cityId ?? "";
      const [rows, entrustments] = await Promise.all([
        deps.repos.reviews.reviewableCalls(cityId),
        deps.repos.reviews.entrustments(cityId),
      ]);
      const guides = new Map<string, string>();
      return {
        items: await Promise.all(
          rows.map(async (c) => {
            if (!guides.has(c.guideId)) {
              const found = await deps.repos.reviews.findCall(cityId, c.callId);
              guides.set(c.guideId, found?.guide.policyVersion ?? "");
            }
            const policy = policyOf(deps.policies, cityId, guides.get(c.guideId) ?? "");
            const rule = reviewOrganiserFor(policy, c.program);
            return {
              callId: c.callId,
              callName: c.callName,
              guideId: c.guideId,
              guideTitle: c.guideTitle,
              program: c.program,
              passed: c.passed,
              organiser: rule?.organiser ?? null,
              mayOrganise: rule ? organising(ctx, policy, c.program, c.callId, entrustments).mayAct : false,
              plan: c.planId && c.planStatus ? { id: c.planId, status: c.planStatus } : null,
            };
          }),
        ),
      };
    },
  );

  r.post(
    "/api/review-plans",
    {
      config: organise(["REVIEW_NO_APPLICATIONS", "CONFLICT"]),
      schema: {
        tags,
        summary: "Make a call's review plan with the policy's numbers",
        body: createReviewPlanBody,
        response: { 201: reviewPlanSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createReviewPlan(deps, { ctx: callerOf(request), callId: request.body.callId })),
  );

  r.get(
    "/api/review-plans/:id",
    {
      config: read,
      schema: {
        tags,
        summary: "A review plan: assignments, progress, ranking and the caller's actions",
        params: idParams,
        response: { 200: reviewPlanSchema },
      },
    },
    async (request) => {
      const ctx = callerOf(request);
      const plan = await deps.repos.reviews.findPlan(ctx.actor.cityId ?? "", request.params.id);
      if (!plan) throw planNotFound();
      return planView(deps, ctx, plan);
    },
  );

  r.put(
    "/api/review-plans/:id/settings",
    {
      config: organise(),
      schema: {
        tags,
        summary: "Panels, reviewers per application, loads, mode and deadline",
        params: idParams,
        body: reviewSettingsBody,
        response: { 200: reviewPlanSchema },
      },
    },
    async (request) =>
      editReviewPlan(deps, { ctx: callerOf(request), planId: request.params.id, body: request.body }),
  );

  r.post(
    "/api/review-plans/:id/assign",
    {
      config: organise(solveErrors),
      schema: {
        tags,
        summary: "Solve the assignment (exact with certificate, or the seeded random draw)",
        params: idParams,
        response: { 200: reviewPlanSchema },
      },
    },
    async (request) => runAssignment(deps, { ctx: callerOf(request), planId: request.params.id }),
  );

  r.post(
    "/api/review-plans/:id/assignments/:assignmentId/override",
    {
      config: organise(slotErrors),
      schema: {
        tags,
        summary: "Put another expert on a place, with a reason",
        params: planAssignmentParams,
        body: overrideBody,
        response: { 200: reviewPlanSchema },
      },
    },
    async (request) =>
      overrideAssignment(deps, {
        ctx: callerOf(request),
        planId: request.params.id,
        assignmentId: request.params.assignmentId,
        ...request.body,
      }),
  );

  for (const [action, run, summary] of [
    ["publish", publishPlan, "Send the invitations"],
    ["remind", remindExperts, "Remind experts with work outstanding"],
    ["complete", completePlan, "End the review once every place is submitted"],
  ] as const) {
    r.post(
      `/api/review-plans/:id/${action}`,
      {
        config: organise(["REVIEW_OPEN_ASSIGNMENTS"]),
        schema: { tags, summary, params: idParams, response: { 200: reviewPlanSchema } },
      },
      async (request) => run(deps, { ctx: callerOf(request), planId: request.params.id }),
    );
  }

  r.post(
    "/api/review-plans/:id/assignments/:assignmentId/reopen",
    {
      config: organise(),
      schema: {
        tags,
        summary: "Give a submitted review back to its expert",
        params: planAssignmentParams,
        body: reasonBody,
        response: { 200: reviewPlanSchema },
      },
    },
    async (request) =>
      reopenAssignment(deps, {
        ctx: callerOf(request),
        planId: request.params.id,
        assignmentId: request.params.assignmentId,
        reason: request.body.reason,
      }),
  );

  r.post(
    "/api/review-plans/:id/horse-races",
    {
      config: organise(["HORSE_RACE_NOT_ALLOWED", "HORSE_RACE_NOT_CLOSE"]),
      schema: {
        tags,
        summary: "Mark close results with different routes as a horse race",
        params: idParams,
        body: horseRaceBody,
        response: { 200: reviewPlanSchema },
      },
    },
    async (request) =>
      markHorseRace(deps, { ctx: callerOf(request), planId: request.params.id, body: request.body }),
  );

  r.post(
    "/api/review-plans/:id/site-visits",
    {
      config: organise(),
      schema: {
        tags,
        summary: "Record a site visit",
        params: idParams,
        body: siteVisitBody,
        response: { 200: reviewPlanSchema },
      },
    },
    async (request) =>
      recordSiteVisit(deps, { ctx: callerOf(request), planId: request.params.id, body: request.body }),
  );

  r.get(
    "/api/review-entrustments",
    {
      config: read,
      schema: {
        tags,
        summary: "The bureau's entrustments of review to agencies",
        response: { 200: entrustmentList },
      },
    },
    async (request) => ({
      items: (await deps.repos.reviews.entrustments(callerOf(request).actor.cityId ?? "")).map(
        entrustmentDto,
      ),
    }),
  );

  r.post(
    "/api/review-entrustments",
    {
      config: { access: { permission: "review.entrust", scope: "city" } },
      schema: {
        tags,
        summary: "Record an entrustment (agency, calls, period, scope)",
        body: entrustmentBody,
        response: { 201: entrustmentSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordEntrustment(deps, { ctx: callerOf(request), body: request.body })),
  );

  r.get(
    "/api/applications/:id/avoidances",
    {
      config: { access: { permission: "application.read", scope: "city" }, errors: ["NOT_FOUND"] },
      schema: {
        tags,
        summary: "Units and people the applicant asked to keep away from the review",
        params: idParams,
        response: { 200: avoidanceList },
      },
    },
    async (request) => listAvoidances(deps, { ctx: callerOf(request), applicationId: request.params.id }),
  );

  r.post(
    "/api/applications/:id/avoidances",
    {
      config: {
        access: { permission: "application.edit", scope: "city" },
        errors: ["NOT_FOUND", "INVALID_TRANSITION"],
      },
      schema: {
        tags,
        summary: "Ask to keep a unit's experts or a person away (申请回避)",
        params: idParams,
        body: avoidanceBody,
        response: { 201: avoidanceList },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await declareAvoidance(deps, {
          ctx: callerOf(request),
          applicationId: request.params.id,
          body: request.body,
        }),
      ),
  );

  r.get(
    "/api/my-reviews",
    {
      config: score(),
      schema: {
        tags,
        summary: "The caller's review invitations and work, per call",
        response: { 200: myReviewList },
      },
    },
    async (request) => myReviews(deps, callerOf(request)),
  );

  r.post(
    "/api/my-reviews/:planId/commitment",
    {
      config: score(),
      schema: {
        tags,
        summary: "Sign the call's integrity commitment",
        params: planIdParams,
        response: { 200: myReviewList },
      },
    },
    async (request) => signCommitment(deps, { ctx: callerOf(request), planId: request.params.planId }),
  );

  r.post(
    "/api/review-assignments/:id/accept",
    {
      config: score(["REVIEW_COMMITMENT_REQUIRED", "REVIEW_CONFLICT"]),
      schema: {
        tags,
        summary: "Declare no conflict of interest and open the application",
        params: idParams,
        response: { 200: reviewWorkSchema },
      },
    },
    async (request) => acceptWork(deps, { ctx: callerOf(request), id: request.params.id }),
  );

  r.post(
    "/api/review-assignments/:id/decline",
    {
      config: score(["CONFLICT"]),
      schema: {
        tags,
        summary: "Decline an invitation with a reason; the place is refilled",
        params: idParams,
        body: declineBody,
        response: { 200: myReviewList },
      },
    },
    async (request) =>
      leaveWork(deps, { ctx: callerOf(request), id: request.params.id, conflict: false, ...request.body }),
  );

  r.post(
    "/api/review-assignments/:id/declare-conflict",
    {
      config: score(["CONFLICT"]),
      schema: {
        tags,
        summary: "Declare a conflict of interest; the work is reassigned",
        params: idParams,
        body: declareConflictBody,
        response: { 200: myReviewList },
      },
    },
    async (request) =>
      leaveWork(deps, {
        ctx: callerOf(request),
        id: request.params.id,
        conflict: true,
        note: request.body.note,
      }),
  );

  r.get(
    "/api/review-assignments/:id",
    {
      config: score(),
      schema: {
        tags,
        summary: "An accepted application (personal data masked) with the caller's own sheet",
        params: idParams,
        response: { 200: reviewWorkSchema },
      },
    },
    async (request) => reviewWork(deps, { ctx: callerOf(request), id: request.params.id }),
  );

  for (const [path, submit] of [
    ["sheet", false],
    ["submit", true],
  ] as const) {
    const route = { tags, params: idParams, body: sheetBody, response: { 200: reviewWorkSchema } };
    const config = score(["REVIEW_DEADLINE_PASSED", "REVIEW_SCORES_INCOMPLETE"]);
    const handler = async (
      request: { body: z.output<typeof sheetBody>; params: { id: string } } & Parameters<typeof callerOf>[0],
    ) => saveSheet(deps, { ctx: callerOf(request), id: request.params.id, sheet: request.body, submit });
    if (submit)
      r.post(
        `/api/review-assignments/:id/${path}`,
        { config, schema: { ...route, summary: "Submit the scores, once" } },
        handler,
      );
    else
      r.put(
        `/api/review-assignments/:id/${path}`,
        { config, schema: { ...route, summary: "Save the scores to come back to" } },
        handler,
      );
  }
}
