import {
  changeEvents,
  changeRequestBody,
  closureDecisionBody,
  closureEvents,
  closureReturnBody,
  closureWaitingDto,
  liftSanctionBody,
  projectDetailDto,
  revocationBody,
  sanctionBody,
  terminationBody,
} from "@luoshu/contract";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.ts";
import { idempotencyHeaders } from "../../lib/idempotency-header.ts";
import { callerOf } from "../../plugins/access.ts";
import { codesOf } from "../../plugins/error-codes.ts";
import { readProject } from "../execution/project-view.ts";
import { decideChange, requestChange } from "./changes.ts";
import { applyTermination, decideTermination, recordReturn, revokeProject } from "./closures.ts";
import { closuresWaiting } from "./closures-waiting.ts";
import { imposeSanction, liftSanction } from "./sanctions.ts";

const tags = ["project-life"];
const errors = [
  "INVALID_TRANSITION",
  "FORBIDDEN",
  "CONFLICT",
  "NOT_FOUND",
  "VALIDATION",
  "PROJECT_CLOSED",
  "CLOSURE_OVER_DUE",
  "INTEGRITY_PERIOD_INVALID",
  "FAILURE_TOLERATED",
  ...codesOf("LEDGER_"),
  ...codesOf("BUDGET_"),
] as const;
const projectParams = z.object({ id: z.uuid() }).strict();

/**
 * 终止、撤销与处理措施 (DT-RULES §20–22; LY-FUNDS §25). Each change answers with the project page,
 * so the caller sees the money, the closure and the actions that follow from it.
 */
export async function projectLifeRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const page = (request: Parameters<typeof callerOf>[0], id: string) =>
    readProject(deps, callerOf(request), id);

  r.post(
    "/api/projects/:id/changes",
    {
      config: { access: { permission: "projectLife.change", scope: "city" }, errors: [...errors] },
      schema: {
        tags,
        summary:
          "A change (legal person, PI, budget adjustment, extension): applied for where the bureau decides, recorded at once where the unit or the PI does",
        params: projectParams,
        body: changeRequestBody,
        response: { 201: projectDetailDto },
      },
    },
    async (request, reply) => {
      await requestChange(deps, { ctx: callerOf(request), projectId: request.params.id, body: request.body });
      return reply.status(201).send(await page(request, request.params.id));
    },
  );

  r.post(
    "/api/projects/:id/changes/:changeId/events/:event",
    {
      config: { access: { permission: "projectLife.decide", scope: "city" }, errors: [...errors] },
      schema: {
        tags,
        summary: "The bureau approves (the change takes effect) or refuses a change waiting for it",
        params: z.object({ id: z.uuid(), changeId: z.uuid(), event: z.enum(changeEvents) }).strict(),
        body: closureDecisionBody,
        response: { 200: projectDetailDto },
      },
    },
    async (request) => {
      const { id, changeId, event } = request.params;
      await decideChange(deps, { ctx: callerOf(request), projectId: id, changeId, event, ...request.body });
      return page(request, id);
    },
  );

  r.post(
    "/api/projects/:id/termination",
    {
      config: { access: { permission: "projectLife.apply", scope: "city" }, errors: [...errors] },
      schema: {
        tags,
        summary:
          "The unit applies to terminate its project on a ground its city names, with what it has spent",
        params: projectParams,
        body: terminationBody,
        response: { 201: projectDetailDto },
      },
    },
    async (request, reply) => {
      await applyTermination(deps, { ctx: callerOf(request), projectId: request.params.id, ...request.body });
      return reply.status(201).send(await page(request, request.params.id));
    },
  );

  r.post(
    "/api/projects/:id/termination/events/:event",
    {
      config: { access: { permission: "projectLife.decide", scope: "city" }, errors: [...errors] },
      schema: {
        tags,
        summary:
          "The bureau approves a termination (the unpaid commitment released, the balance due fixed) or refuses it",
        params: z.object({ id: z.uuid(), event: z.enum(closureEvents) }).strict(),
        body: closureDecisionBody,
        response: { 200: projectDetailDto },
      },
    },
    async (request) => {
      const { id, event } = request.params;
      await decideTermination(deps, { ctx: callerOf(request), projectId: id, event, ...request.body });
      return page(request, id);
    },
  );

  r.post(
    "/api/projects/:id/revocation",
    {
      config: { access: { permission: "projectLife.decide", scope: "city" }, errors: [...errors] },
      schema: {
        tags,
        summary:
          "Revoke a project with its grounds: everything paid to be recovered, the unit and PI put on the integrity record",
        params: projectParams,
        body: revocationBody,
        response: { 201: projectDetailDto },
      },
    },
    async (request, reply) => {
      await revokeProject(deps, { ctx: callerOf(request), projectId: request.params.id, ...request.body });
      return reply.status(201).send(await page(request, request.params.id));
    },
  );

  r.post(
    "/api/projects/:id/returns",
    {
      config: { access: { permission: "projectLife.decide", scope: "city" }, errors: [...errors] },
      schema: {
        tags,
        summary:
          "Record money the unit gave back on a termination or revocation, with the treasury's reference (Idempotency-Key header)",
        params: projectParams,
        headers: idempotencyHeaders,
        body: closureReturnBody,
        response: { 201: projectDetailDto },
      },
    },
    async (request, reply) => {
      await recordReturn(deps, {
        ctx: callerOf(request),
        projectId: request.params.id,
        ...request.body,
        idempotencyKey: request.headers["idempotency-key"],
      });
      return reply.status(201).send(await page(request, request.params.id));
    },
  );

  r.post(
    "/api/projects/:id/sanctions",
    {
      config: { access: { permission: "sanction.impose", scope: "city" }, errors: [...errors] },
      schema: {
        tags,
        summary: "Impose a measure of LY-FUNDS §25 (as the city's policy allows) with its reason and days",
        params: projectParams,
        body: sanctionBody,
        response: { 201: projectDetailDto },
      },
    },
    async (request, reply) => {
      await imposeSanction(deps, { ctx: callerOf(request), projectId: request.params.id, ...request.body });
      return reply.status(201).send(await page(request, request.params.id));
    },
  );

  r.post(
    "/api/projects/:id/sanctions/:sanctionId/lift",
    {
      config: { access: { permission: "sanction.impose", scope: "city" }, errors: [...errors] },
      schema: {
        tags,
        summary:
          "Lift a payment suspension or an eligibility ban, by the authority that imposed it, with a reason",
        params: z.object({ id: z.uuid(), sanctionId: z.uuid() }).strict(),
        body: liftSanctionBody,
        response: { 200: projectDetailDto },
      },
    },
    async (request) => {
      const { id, sanctionId } = request.params;
      await liftSanction(deps, { ctx: callerOf(request), projectId: id, sanctionId, ...request.body });
      return page(request, id);
    },
  );

  r.get(
    "/api/project-closures",
    {
      config: { access: { permission: "projectLife.decide", scope: "city" } },
      schema: {
        tags,
        summary: "Termination applications waiting for the bureau's decision",
        response: { 200: z.object({ items: z.array(closureWaitingDto), total: z.number() }) },
      },
    },
    async (request) => {
      const items = await closuresWaiting(deps, callerOf(request));
      return { items, total: items.length };
    },
  );
}
