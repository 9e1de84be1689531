import {
  idParams,
  subsidyUseBody,
  subsidyUseDecisionBody,
  subsidyUseDto,
  subsidyUseEvents,
} from "@luoshu/contract";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.ts";
import { callerOf } from "../../plugins/access.ts";
import { decideSubsidyUse, fileSubsidyUse, subsidyUseOf } from "./subsidy-use.ts";

const tags = ["tracking"];
const errors = [
  "INVALID_TRANSITION",
  "FORBIDDEN",
  "CONFLICT",
  "NOT_FOUND",
  "VALIDATION",
  "PROJECT_CLOSED",
  "SUBSIDY_USE_NOT_DUE",
] as const;

/**
 * 后补助资金使用报告 (LY-FUNDS §20): the unit reports how a paid post-subsidy was used, each use a
 * purpose from the city's list (the forbidden ones flagged with the clause); the bureau acknowledges
 * or returns it. Each change answers with the project's reports.
 */
export async function subsidyUseRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const view = (request: Parameters<typeof callerOf>[0], id: string) =>
    subsidyUseOf(deps, callerOf(request), id);

  r.get(
    "/api/projects/:id/subsidy-use",
    {
      config: { access: { permission: "project.read", scope: "city" }, errors: ["NOT_FOUND"] },
      schema: {
        tags,
        summary:
          "The project's paid post-subsidies with their use reports (forbidden uses flagged with LY-FUNDS §20), the city's purposes, and what the caller may do",
        params: idParams,
        response: { 200: subsidyUseDto },
      },
    },
    async (request) => view(request, request.params.id),
  );

  r.post(
    "/api/projects/:id/subsidy-use",
    {
      config: { access: { permission: "subsidyUse.report", scope: "city" }, errors: [...errors] },
      schema: {
        tags,
        summary:
          "The unit or its PI reports how a paid post-subsidy was used (purpose, amount in fen, what it paid for), once per payment, or again once returned",
        params: idParams,
        body: subsidyUseBody,
        response: { 201: subsidyUseDto },
      },
    },
    async (request, reply) => {
      await fileSubsidyUse(deps, {
        ctx: callerOf(request),
        projectId: request.params.id,
        body: request.body,
      });
      return reply.status(201).send(await view(request, request.params.id));
    },
  );

  r.post(
    "/api/projects/:id/subsidy-use/:reportId/events/:event",
    {
      config: { access: { permission: "subsidyUse.review", scope: "city" }, errors: [...errors] },
      schema: {
        tags,
        summary:
          "The bureau acknowledges a use report (a flagged one with a note of what follows) or returns it with what to correct",
        params: z.object({ id: z.uuid(), reportId: z.uuid(), event: z.enum(subsidyUseEvents) }).strict(),
        body: subsidyUseDecisionBody,
        response: { 200: subsidyUseDto },
      },
    },
    async (request) => {
      const { id, reportId, event } = request.params;
      await decideSubsidyUse(deps, {
        ctx: callerOf(request),
        projectId: id,
        reportId,
        event,
        ...request.body,
      });
      return view(request, id);
    },
  );
}
