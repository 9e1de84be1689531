import {
  idParams,
  projectRectificationsDto,
  rectificationBody,
  rectificationDecisionBody,
  rectificationEvents,
  rectificationInboxDto,
  rectificationNeeds,
  rectificationReportBody,
} from "@luoshu/contract";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.ts";
import { callerOf } from "../../plugins/access.ts";
import {
  decideRectification,
  projectRectifications,
  raiseRectification,
  rectificationInbox,
  reportRectification,
} from "./rectifications.ts";

const tags = ["supervision"];
const errors = [
  "INVALID_TRANSITION",
  "FORBIDDEN",
  "CONFLICT",
  "NOT_FOUND",
  "VALIDATION",
  "PROJECT_CLOSED",
] as const;
const itemParams = z.object({ id: z.uuid(), rid: z.uuid() }).strict();

/** 整改事项 (LY-FUNDS §10, §23): raised by the S&T or the finance bureau, reported by the unit, closed by who raised it. */
export async function rectificationRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const view = (request: Parameters<typeof callerOf>[0], id: string) =>
    projectRectifications(deps, callerOf(request), id);

  r.get(
    "/api/projects/:id/rectifications",
    {
      config: { access: { permission: "project.read", scope: "city" }, errors: ["NOT_FOUND"] },
      schema: {
        tags,
        summary:
          "The project's rectification items with where each stands and what the caller may do, and (for an officer) the findings to raise one from",
        params: idParams,
        response: { 200: projectRectificationsDto },
      },
    },
    async (request) => view(request, request.params.id),
  );

  r.get(
    "/api/rectifications",
    {
      config: { access: { permission: "project.read", scope: "city" }, errors: [] },
      schema: {
        tags,
        summary:
          "Rectification items in the caller's scope that need something: to report (open), to verify (reported), overdue",
        querystring: z.object({ need: z.enum(rectificationNeeds).default("report") }).strict(),
        response: { 200: rectificationInboxDto },
      },
    },
    async (request) => rectificationInbox(deps, callerOf(request), request.query.need),
  );

  r.post(
    "/api/projects/:id/rectifications",
    {
      config: { access: { permission: "supervision.manage", scope: "city" }, errors: [...errors] },
      schema: {
        tags,
        summary:
          "The S&T or the finance bureau raises an item from a finding of the project (an inspection with its result, a concluded panel, a progress report), with a deadline; the unit is told",
        params: idParams,
        body: rectificationBody,
        response: { 201: projectRectificationsDto },
      },
    },
    async (request, reply) => {
      await raiseRectification(deps, {
        ctx: callerOf(request),
        projectId: request.params.id,
        body: request.body,
      });
      return reply.status(201).send(await view(request, request.params.id));
    },
  );

  r.post(
    "/api/projects/:id/rectifications/:rid/report",
    {
      config: { access: { permission: "progress.report", scope: "city" }, errors: [...errors] },
      schema: {
        tags,
        summary: "The unit or the project's PI reports what was corrected, with its evidence",
        params: itemParams,
        body: rectificationReportBody,
        response: { 200: projectRectificationsDto },
      },
    },
    async (request) => {
      const { id, rid } = request.params;
      await reportRectification(deps, { ctx: callerOf(request), projectId: id, id: rid, body: request.body });
      return view(request, id);
    },
  );

  r.post(
    "/api/projects/:id/rectifications/:rid/events/:event",
    {
      config: { access: { permission: "supervision.manage", scope: "city" }, errors: [...errors] },
      schema: {
        tags,
        summary:
          "The department that raised the item closes it once satisfied, or reopens it to be corrected further, with a note",
        params: itemParams.extend({ event: z.enum(rectificationEvents) }).strict(),
        body: rectificationDecisionBody,
        response: { 200: projectRectificationsDto },
      },
    },
    async (request) => {
      const { id, rid, event } = request.params;
      await decideRectification(deps, {
        ctx: callerOf(request),
        projectId: id,
        id: rid,
        event,
        note: request.body.note,
      });
      return view(request, id);
    },
  );
}
