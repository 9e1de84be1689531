import {
  collectiveDecisionBody,
  createProposedListBody,
  decisionCallDto,
  editProposedListBody,
  handleObjectionBody,
  listEventBody,
  proposedListDto,
  proposedListEvents,
  withdrawEntryBody,
} from "@luoshu/contract";
import { attachmentMaxBytes } from "@luoshu/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.ts";
import { fileNameFromHeader } from "../../lib/files/file-name.ts";
import { acceptRawBytes, bytesOf, rawBytesOnly } from "../../lib/files/raw-upload.ts";
import { callerOf } from "../../plugins/access.ts";
import { codesOf } from "../../plugins/error-codes.ts";
import { drawList } from "./draw-list.ts";
import { attachMinutes, editList, readMinutes, recordCollectiveDecision } from "./edit-list.ts";
import { listNotFound } from "./list-facts.ts";
import { fireListEvent } from "./list-steps.ts";
import { listView } from "./list-view.ts";
import { handleObjection, withdrawEntry } from "./objections.ts";
import { decidableCalls } from "./projects.ts";

const tags = ["decisions"];
const listParams = z.object({ id: z.uuid() }).strict();
const decisionErrors = ["INVALID_TRANSITION", "CONFLICT", ...codesOf("DECISION_")] as const;

/** 立项决策: proposed lists from the ranking to issued projects, the public notice and objections, control numbers. */
export async function decisionRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  acceptRawBytes(app, attachmentMaxBytes);

  r.get(
    "/api/decisions",
    {
      config: { access: { permission: "decision.read", scope: "city" } },
      schema: {
        tags,
        summary:
          "Calls whose review is completed, with their proposed list; `mine=true`: lists waiting for the caller",
        querystring: z.object({ mine: z.enum(["true", "false"]).optional() }).strict(),
        response: { 200: z.object({ items: z.array(decisionCallDto), total: z.number() }) },
      },
    },
    async (request) => {
      const items = await decidableCalls(deps, callerOf(request), request.query.mine === "true");
      return { items, total: items.length };
    },
  );

  r.post(
    "/api/decisions/lists",
    {
      config: {
        access: { permission: "decision.manage", scope: "city" },
        errors: [...decisionErrors, "NOT_FOUND"],
      },
      schema: {
        tags,
        summary: "Draw a call's proposed list from its ranking (nothing selected yet)",
        body: createProposedListBody,
        response: { 201: proposedListDto },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await drawList(deps, { ctx: callerOf(request), callId: request.body.callId })),
  );

  r.get(
    "/api/decisions/lists/:id",
    {
      config: { access: { permission: "decision.read", scope: "city" } },
      schema: {
        tags,
        summary: "A proposed list with its checks, steps and the caller's actions",
        params: listParams,
        response: { 200: proposedListDto },
      },
    },
    async (request) => {
      const ctx = callerOf(request);
      const list = await deps.repos.decisions.findList(ctx.actor.cityId ?? "", request.params.id);
      if (!list) throw listNotFound();
      return listView(deps, ctx, list);
    },
  );

  r.patch(
    "/api/decisions/lists/:id",
    {
      config: { access: { permission: "decision.manage", scope: "city" }, errors: [...decisionErrors] },
      schema: {
        tags,
        summary: "Decide the entries and record the reasons the checks ask for (draft only)",
        params: listParams,
        body: editProposedListBody,
        response: { 200: proposedListDto },
      },
    },
    async (request) => editList(deps, { ctx: callerOf(request), id: request.params.id, body: request.body }),
  );

  r.put(
    "/api/decisions/lists/:id/collective-decision",
    {
      config: { access: { permission: "decision.manage", scope: "city" }, errors: [...decisionErrors] },
      schema: {
        tags,
        summary: "Record the collective decision (meeting, date, attendees, decision)",
        params: listParams,
        body: collectiveDecisionBody,
        response: { 200: proposedListDto },
      },
    },
    async (request) =>
      recordCollectiveDecision(deps, { ctx: callerOf(request), id: request.params.id, body: request.body }),
  );

  r.put(
    "/api/decisions/lists/:id/collective-decision/attachment",
    {
      config: {
        access: { permission: "decision.manage", scope: "city" },
        errors: [...decisionErrors, ...codesOf("ATTACHMENT_")],
      },
      schema: {
        tags,
        summary: "The meeting's minutes (PDF, raw bytes; file name in x-file-name, URI-encoded)",
        params: listParams,
        response: { 200: proposedListDto },
      },
      onRequest: rawBytesOnly,
    },
    async (request) =>
      attachMinutes(deps, {
        ctx: callerOf(request),
        id: request.params.id,
        fileName: fileNameFromHeader(request.headers["x-file-name"], "minutes.pdf"),
        bytes: bytesOf(request),
      }),
  );

  r.get(
    "/api/decisions/lists/:id/minutes.pdf",
    {
      config: { access: { permission: "decision.read", scope: "city" } },
      schema: {
        tags,
        summary: "Download the meeting's minutes",
        params: listParams,
        produces: ["application/pdf"],
      },
    },
    async (request, reply) => {
      const file = await readMinutes(deps, { ctx: callerOf(request), id: request.params.id });
      return reply
        .type("application/pdf")
        .header(
          "content-disposition",
          `attachment; filename="minutes.pdf"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .send(file.bytes);
    },
  );

  r.post(
    "/api/decisions/lists/:id/events/:event",
    {
      config: {
        access: { permission: "decision.read", scope: "city" },
        errors: [...decisionErrors, "FORBIDDEN"],
      },
      schema: {
        tags,
        summary:
          "One step of the list: submit, recall, the leader's approval or return, the city government's approval, the notice, finance's co-sign or return, issue",
        params: z.object({ id: z.uuid(), event: z.enum(proposedListEvents) }).strict(),
        body: listEventBody,
        response: { 200: proposedListDto },
      },
    },
    async (request) =>
      fireListEvent(deps, {
        ctx: callerOf(request),
        id: request.params.id,
        event: request.params.event,
        body: request.body,
      }),
  );

  r.post(
    "/api/decisions/lists/:id/entries/:applicationId/withdraw",
    {
      config: { access: { permission: "decision.manage", scope: "city" }, errors: [...decisionErrors] },
      schema: {
        tags,
        summary: "The unit withdrew a selected project: it leaves the list and the first reserve moves up",
        params: z.object({ id: z.uuid(), applicationId: z.uuid() }).strict(),
        body: withdrawEntryBody,
        response: { 200: proposedListDto },
      },
    },
    async (request) =>
      withdrawEntry(deps, { ctx: callerOf(request), ...request.params, reason: request.body.reason }),
  );

  r.post(
    "/api/decisions/lists/:id/objections/:objectionId/handle",
    {
      config: { access: { permission: "decision.manage", scope: "city" }, errors: [...decisionErrors] },
      schema: {
        tags,
        summary:
          "Record an objection's outcome; an upheld one removes the project and moves the first reserve up",
        params: z.object({ id: z.uuid(), objectionId: z.uuid() }).strict(),
        body: handleObjectionBody,
        response: { 200: proposedListDto },
      },
    },
    async (request) => handleObjection(deps, { ctx: callerOf(request), ...request.params, ...request.body }),
  );
}
