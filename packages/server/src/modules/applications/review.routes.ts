import {
  applicationSchema,
  districtReviewBody,
  formalCheckBody,
  historySchema,
  idParams,
} from "@luoshu/contract";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppDeps } from "../../deps.ts";
import type { CallerContext } from "../../lib/context.ts";
import { callerOf } from "../../plugins/access.ts";
import { toDetailDto } from "./application-detail.ts";
import { getApplicationHistory } from "./read-applications.ts";
import { type ReviewDecision, reviewApplication } from "./review-application.ts";

/** District preliminary review, the agency's formal check, and the history both leave behind. */
export async function reviewRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const decide = async (ctx: CallerContext, id: string, decision: ReviewDecision) =>
    toDetailDto(await reviewApplication(deps, { ctx, id, decision }), deps.policies, ctx);

  r.post(
    "/api/applications/:id/district-review",
    {
      config: {
        access: { permission: "application.districtReview", scope: "district" },
        errors: ["INVALID_TRANSITION", "DISTRICT_QUOTA_FULL"],
      },
      schema: {
        tags: ["applications"],
        summary:
          "District preliminary review: recommend (with rank), return (reason, deadline) or reject (reason)",
        params: idParams,
        body: districtReviewBody,
        response: { 200: applicationSchema },
      },
    },
    (request) => decide(callerOf(request), request.params.id, request.body),
  );

  r.post(
    "/api/applications/:id/formal-check",
    {
      config: {
        access: { permission: "application.formalCheck", scope: "city" },
        errors: ["INVALID_TRANSITION"],
      },
      schema: {
        tags: ["applications"],
        summary: "The review agency's formal check against the guide's checklist: pass, return or reject",
        params: idParams,
        body: formalCheckBody,
        response: { 200: applicationSchema },
      },
    },
    (request) => decide(callerOf(request), request.params.id, request.body),
  );

  r.get(
    "/api/applications/:id/history",
    {
      config: { access: { permission: "application.read", scope: "city" } },
      schema: {
        tags: ["applications"],
        summary: "Every decision with its reasons, and what changed between submitted revisions",
        params: idParams,
        response: { 200: historySchema },
      },
    },
    async (request) => {
      const h = await getApplicationHistory(deps, { ctx: callerOf(request), id: request.params.id });
      return {
        events: h.events.map((e) => ({ ...e, at: e.at.toISOString() })),
        revisions: h.revisions.map((rev) => ({ ...rev, submittedAt: rev.submittedAt.toISOString() })),
      };
    },
  );
}
