import {
  guideBody,
  guideEventBody,
  guideEventParams,
  guideListQuery,
  guidePage,
  guideSchema,
  idParams,
  publicGuideListQuery,
  publicGuideParams,
} from "@luoshu/contract";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppDeps } from "../../deps.ts";
import { callerOf } from "../../plugins/access.ts";
import { codesOf } from "../../plugins/error-codes.ts";
import { changeGuideStatus } from "./change-guide-status.ts";
import { createGuide } from "./create-guide.ts";
import { toGuideDto } from "./guide-dto.ts";
import type { GuideWithCalls } from "./guides.repository.ts";
import { getGuide, getPublicGuide, listGuides, listPublicGuides } from "./read-guides.ts";
import { updateGuide } from "./update-guide.ts";

export async function guideRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const dto = (g: GuideWithCalls, request: FastifyRequest) =>
    toGuideDto(g, deps.policies, request.ctx.now, request.ctx.actor?.roles ?? []);

  r.get(
    "/api/guides",
    {
      config: { access: { permission: "guide.read", scope: "city" } },
      schema: {
        tags: ["guides"],
        summary: "Guides of the caller's city, every status for the bureau, published ones for others",
        querystring: guideListQuery,
        response: { 200: guidePage },
      },
    },
    async (request) => {
      const { page, pageSize, status } = request.query;
      const res = await listGuides(deps, { ctx: callerOf(request), status, page, pageSize });
      return { items: res.items.map((g) => dto(g, request)), total: res.total, page, pageSize };
    },
  );

  r.get(
    "/api/guides/:id",
    {
      config: { access: { permission: "guide.read", scope: "city" } },
      schema: {
        tags: ["guides"],
        summary: "One guide with its calls",
        params: idParams,
        response: { 200: guideSchema },
      },
    },
    async (request) => dto(await getGuide(deps, { ctx: callerOf(request), id: request.params.id }), request),
  );

  r.post(
    "/api/guides",
    {
      config: {
        access: { permission: "guide.manage", scope: "city" },
        errors: ["POLICY_NOT_IN_FORCE", ...codesOf("GUIDE_")],
      },
      schema: {
        tags: ["guides"],
        summary: "Draft a guide with its calls",
        body: guideBody,
        response: { 201: guideSchema },
      },
    },
    async (request, reply) => {
      const created = await createGuide(deps, { ctx: callerOf(request), content: request.body });
      return reply.status(201).send(dto(created, request));
    },
  );

  r.put(
    "/api/guides/:id",
    {
      config: {
        access: { permission: "guide.manage", scope: "city" },
        errors: ["POLICY_NOT_IN_FORCE", "INVALID_TRANSITION", ...codesOf("GUIDE_")],
      },
      schema: {
        tags: ["guides"],
        summary: "Change a draft guide",
        params: idParams,
        body: guideBody,
        response: { 200: guideSchema },
      },
    },
    async (request) => {
      return dto(
        await updateGuide(deps, { ctx: callerOf(request), id: request.params.id, content: request.body }),
        request,
      );
    },
  );

  r.post(
    "/api/guides/:id/events/:event",
    {
      config: {
        access: { permission: "guide.decide", scope: "city" },
        errors: ["POLICY_NOT_IN_FORCE", "INVALID_TRANSITION", ...codesOf("GUIDE_")],
      },
      schema: {
        tags: ["guides"],
        summary:
          "Move a guide through its lifecycle: submitForReview, returnToDraft, publish (with the leader's overrideReason over a cap stated in principle), close, archive",
        params: guideEventParams,
        body: guideEventBody,
        response: { 200: guideSchema },
      },
    },
    async (request) => {
      const { overrideReason } = request.body ?? {};
      return dto(
        await changeGuideStatus(deps, { ctx: callerOf(request), ...request.params, overrideReason }),
        request,
      );
    },
  );

  // The finance bureau's own step, under its own permission; the path keeps the events' shape.
  r.post(
    "/api/guides/:id/events/coIssue",
    {
      config: {
        access: { permission: "guide.coIssue", scope: "city" },
        errors: ["POLICY_NOT_IN_FORCE", "INVALID_TRANSITION", "GUIDE_CO_ISSUE_NOT_NEEDED"],
      },
      schema: {
        tags: ["guides"],
        summary: "The finance bureau co-issues a guide in review that the policy has issued together with it",
        params: idParams,
        response: { 200: guideSchema },
      },
    },
    async (request) => {
      const ctx = callerOf(request);
      return dto(await changeGuideStatus(deps, { ctx, id: request.params.id, event: "coIssue" }), request);
    },
  );

  /** The public notice board: published guides and their calls, no login needed. */
  r.get(
    "/api/public/guides",
    {
      config: { access: { permission: "public", scope: "none" } },
      schema: {
        tags: ["public"],
        summary: "Published guides of a city and their calls",
        querystring: publicGuideListQuery,
        response: { 200: guidePage },
      },
    },
    async (request) => {
      const { page, pageSize, city } = request.query;
      const res = await listPublicGuides(deps, { city, page, pageSize });
      return {
        items: res.items.map((g) => toGuideDto(g, deps.policies, request.ctx.now, [])),
        total: res.total,
        page,
        pageSize,
      };
    },
  );

  r.get(
    "/api/public/guides/:city/:id",
    {
      config: { access: { permission: "public", scope: "none" } },
      schema: {
        tags: ["public"],
        summary: "One published guide",
        params: publicGuideParams,
        response: { 200: guideSchema },
      },
    },
    async (request) =>
      toGuideDto(await getPublicGuide(deps, request.params), deps.policies, request.ctx.now, []),
  );
}
