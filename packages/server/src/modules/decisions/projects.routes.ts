import {
  applicationResultDto,
  controlNumberDto,
  directedCommissionBody,
  directedCommissionDto,
  directedCommissionEvents,
  idParams,
  okSchema,
  projectDto,
  publicCommissionDto,
  publicNoticeDto,
  raiseObjectionBody,
  setControlNumberBody,
  yearParams,
} from "@luoshu/contract";
import { DomainError } from "@luoshu/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.ts";
import { callerOf } from "../../plugins/access.ts";
import { codesOf } from "../../plugins/error-codes.ts";
import { projectIdsWaitingForTaskBook } from "../execution/task-books-waiting.ts";
import { projectIdsWaitingForAcceptance } from "../tracking/acceptances-waiting.ts";
import {
  draftCommission,
  fireCommissionEvent,
  listCommissions,
  publicCommissions,
} from "./directed-commissions.ts";
import { fileGuidingProject } from "./file-guiding.ts";
import { listNotFound } from "./list-facts.ts";
import { applicationResult, controlNumbers, projectsInScope, setControlNumber } from "./projects.ts";
import { publicNotices, raiseObjection } from "./public-notices.ts";

const tags = ["projects"];

/** Projects and what leads to them besides a list: control numbers, directed commissions, filing; the public notices. */
export async function projectRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/budget/control-numbers",
    {
      config: { access: { permission: "decision.read", scope: "city" } },
      schema: {
        tags,
        summary: "The city's yearly budget control numbers and what issued projects commit",
        response: { 200: z.array(controlNumberDto) },
      },
    },
    async (request) => controlNumbers(deps, callerOf(request)),
  );

  r.put(
    "/api/budget/control-numbers/:year",
    {
      // lowering the figure below what projects committed from it is refused by the ledger
      config: {
        access: { permission: "budget.control", scope: "city" },
        errors: ["CONFLICT", "LEDGER_OVER_BUDGET"],
      },
      schema: {
        tags,
        summary: "Set a year's budget control number (finance bureau)",
        params: yearParams,
        body: setControlNumberBody,
        response: { 200: controlNumberDto },
      },
    },
    async (request) =>
      setControlNumber(deps, { ctx: callerOf(request), year: request.params.year, ...request.body }),
  );

  r.get(
    "/api/public/notices",
    {
      config: { access: { permission: "public", scope: "none" } },
      schema: {
        tags,
        summary: "Proposed projects in public notice (no login)",
        response: { 200: z.array(publicNoticeDto) },
      },
    },
    async (request) => publicNotices(deps, request.ctx),
  );

  r.post(
    "/api/public/notices/:id/objections",
    {
      config: {
        access: { permission: "public", scope: "none", rateLimit: { max: 10, windowMs: 3_600_000 } },
        errors: ["OBJECTION_NOT_OPEN"],
      },
      schema: {
        tags,
        summary: "Object to a project in notice (public, rate-limited)",
        params: idParams,
        body: raiseObjectionBody,
        response: { 201: okSchema },
      },
    },
    async (request, reply) => {
      await raiseObjection(deps, { ctx: request.ctx, listId: request.params.id, body: request.body });
      return reply.status(201).send({ ok: true as const });
    },
  );

  r.get(
    "/api/projects",
    {
      config: { access: { permission: "project.read", scope: "city" }, errors: ["VALIDATION"] },
      schema: {
        tags,
        summary:
          "Approved projects in the caller's scope; mine=true: those whose task book waits for the caller; acceptance=waiting: those whose acceptance waits for the caller (the bureau to convene or conclude, the district to give its opinion)",
        querystring: z
          .object({ mine: z.enum(["true", "false"]).optional(), acceptance: z.enum(["waiting"]).optional() })
          .strict(),
        response: { 200: z.object({ items: z.array(projectDto), total: z.number() }) },
      },
    },
    async (request) => {
      const ctx = callerOf(request);
      if (request.query.mine === "true" && request.query.acceptance)
        throw new DomainError({
          code: "VALIDATION",
          path: "acceptance",
          messageZh: "请只选择一种待办筛选：任务书或验收。",
          messageEn: "Ask for one of mine=true and acceptance=waiting.",
        });
      const waiting =
        request.query.mine === "true"
          ? await projectIdsWaitingForTaskBook(deps.repos, ctx)
          : request.query.acceptance === "waiting"
            ? await projectIdsWaitingForAcceptance(deps.repos, ctx)
            : undefined;
      const items = await projectsInScope(deps, ctx, waiting);
      return { items, total: items.length };
    },
  );

  r.get(
    "/api/directed-commissions",
    {
      config: { access: { permission: "decision.read", scope: "city" } },
      schema: {
        tags,
        summary: "The city's directed commissions (定向委托)",
        response: { 200: z.object({ items: z.array(directedCommissionDto), total: z.number() }) },
      },
    },
    async (request) => {
      const items = await listCommissions(deps, callerOf(request));
      return { items, total: items.length };
    },
  );

  r.post(
    "/api/directed-commissions",
    {
      config: {
        access: { permission: "decision.manage", scope: "city" },
        errors: ["DECISION_NOT_APPLICABLE", "DIRECTED_REASON_NOT_ALLOWED", "NOT_FOUND"],
      },
      schema: {
        tags,
        summary: "Draft a directed commission: a named unit and one of the reasons the policy allows",
        body: directedCommissionBody,
        response: { 201: directedCommissionDto },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await draftCommission(deps, { ctx: callerOf(request), body: request.body })),
  );

  r.post(
    "/api/directed-commissions/:id/events/:event",
    {
      config: {
        access: { permission: "decision.read", scope: "city" },
        errors: ["INVALID_TRANSITION", "FORBIDDEN", "CONFLICT", ...codesOf("DECISION_")],
      },
      schema: {
        tags,
        summary: "Publish the reasons and basis, approve after their notice (the leader), or cancel",
        params: z.object({ id: z.uuid(), event: z.enum(directedCommissionEvents) }).strict(),
        response: { 200: directedCommissionDto },
      },
    },
    async (request) => fireCommissionEvent(deps, { ctx: callerOf(request), ...request.params }),
  );

  r.get(
    "/api/public/directed-commissions",
    {
      config: { access: { permission: "public", scope: "none" } },
      schema: {
        tags,
        summary: "Directed commissions' reasons and decision basis, public before they proceed (no login)",
        response: { 200: z.array(publicCommissionDto) },
      },
    },
    async () => publicCommissions(deps),
  );

  r.post(
    "/api/applications/:id/file",
    {
      config: {
        access: { permission: "decision.manage", scope: "city" },
        errors: ["INVALID_TRANSITION", "CONFLICT", "DECISION_NOT_APPLICABLE"],
      },
      schema: {
        tags,
        summary: "File a guiding project (备案立项): no review, no money",
        params: idParams,
        response: { 201: projectDto },
      },
    },
    async (request, reply) => {
      const ctx = callerOf(request);
      await fileGuidingProject(deps, { ctx, applicationId: request.params.id });
      const project = (await projectsInScope(deps, ctx)).find((p) => p.applicationId === request.params.id);
      if (!project) throw listNotFound();
      return reply.status(201).send(project);
    },
  );

  r.get(
    "/api/applications/:id/result",
    {
      config: { access: { permission: "application.read", scope: "city" } },
      schema: {
        tags,
        summary: "The application's aggregated review result once its list is issued (no expert names)",
        params: idParams,
        response: { 200: applicationResultDto },
      },
    },
    async (request) => applicationResult(deps, callerOf(request), request.params.id),
  );
}
