import { diffContent, unitKinds } from "@luoshu/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../app.ts";
import { idParams, pageOf, pageQuery } from "../../lib/http-schemas.ts";
import { actorOf } from "../../plugins/access.ts";
import { findCall } from "../guides/guides.repository.ts";
import { findUnit } from "../units/units.repository.ts";
import { loadVisible } from "./access.ts";
import {
  applicationSchema,
  applicationSummarySchema,
  toApplicationDto,
  toSummaryDto,
} from "./application-dto.ts";
import { listApplications, listAttachments, listEvents, listRevisions } from "./applications.repository.ts";
import { confirmCommitment } from "./commitment.ts";
import { createApplication } from "./create-application.ts";
import { applicationListXlsx, applicationPdf, commitmentLetterPdf } from "./export-documents.ts";
import { reviewApplication } from "./review-application.ts";
import { saveDraft } from "./save-draft.ts";
import { submitApplication } from "./submit-application.ts";
import { attachmentMaxBytes, uploadAttachment } from "./upload-attachment.ts";

const checklist = z
  .array(
    z.object({ code: z.string().max(32), ok: z.boolean(), note: z.string().max(500).optional() }).strict(),
  )
  .max(30);
const reason = z.string().trim().max(2000);
const deadline = z.iso.datetime({ offset: true });
const listFilter = z
  .object({
    callId: z.uuid().optional(),
    guideId: z.uuid().optional(),
    status: z.string().max(32).optional(),
    district: z.string().max(12).optional(),
    kind: z.enum(unitKinds).optional(),
    keyword: z.string().max(100).optional(),
  })
  .strict();

export async function applicationRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  app.addContentTypeParser(
    "application/octet-stream",
    { parseAs: "buffer", bodyLimit: attachmentMaxBytes + 1024 },
    (_req, body, done) => done(null, body),
  );

  const detail = async (id: string, request: { ctx: { now: Date } } & Parameters<typeof actorOf>[0]) => {
    const actor = actorOf(request);
    const row = await loadVisible(deps.db, actor, id);
    const [call, unit] = await Promise.all([
      findCall(deps.db, row.cityId, row.callId),
      findUnit(deps.db, row.unitId),
    ]);
    return toApplicationDto(row, actor.roles, call?.opensAt ?? row.createdAt, {
      unitNameZh: unit?.nameZh ?? null,
      unitKind: unit?.kind ?? null,
    });
  };

  r.get(
    "/api/applications",
    {
      config: { access: { permission: "application.read", scope: "unit" } },
      schema: {
        tags: ["applications"],
        summary: "Applications in the caller's scope, filtered and paginated on the server",
        querystring: listFilter.extend(pageQuery),
        response: { 200: pageOf(applicationSummarySchema) },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      const res = await listApplications(deps.db, actorOf(request), filter, page, pageSize);
      return {
        items: res.items.map((x) => toSummaryDto(x.application, x)),
        total: res.total,
        page,
        pageSize,
      };
    },
  );

  r.post(
    "/api/applications",
    {
      config: { access: { permission: "application.edit", scope: "unit" } },
      schema: {
        tags: ["applications"],
        summary: "Start an application of the caller's unit in an open call",
        body: z.object({ callId: z.uuid(), title: z.string().trim().min(2).max(200) }).strict(),
        response: { 201: applicationSchema },
      },
    },
    async (request, reply) => {
      const row = await createApplication({
        db: deps.db,
        ctx: request.ctx,
        actor: actorOf(request),
        ...request.body,
      });
      return reply.status(201).send(await detail(row.id, request));
    },
  );

  r.get(
    "/api/applications/:id",
    {
      config: { access: { permission: "application.read", scope: "unit" } },
      schema: {
        tags: ["applications"],
        summary: "One application with the actions the caller may take",
        params: idParams,
        response: { 200: applicationSchema },
      },
    },
    async (request) => detail(request.params.id, request),
  );

  r.put(
    "/api/applications/:id/content",
    {
      config: { access: { permission: "application.edit", scope: "unit" } },
      schema: {
        tags: ["applications"],
        summary: "Save the draft; field problems come back without losing what was typed",
        params: idParams,
        body: z.record(z.string(), z.unknown()),
        response: {
          200: z.object({
            application: applicationSchema,
            problems: z.array(
              z.object({
                code: z.string(),
                messageZh: z.string(),
                messageEn: z.string(),
                path: z.string().optional(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await loadVisible(deps.db, actor, request.params.id);
      const call = await findCall(deps.db, row.cityId, row.callId);
      const { problems } = await saveDraft({
        db: deps.db,
        ctx: request.ctx,
        actor,
        cipher: deps.cipher,
        id: row.id,
        input: request.body,
        callDate: call?.opensAt ?? request.ctx.now,
      });
      return { application: await detail(row.id, request), problems };
    },
  );

  r.post(
    "/api/applications/:id/commitment",
    {
      config: { access: { permission: "application.edit", scope: "unit" } },
      schema: {
        tags: ["applications"],
        summary:
          "Confirm the commitment letter as the PI, or as the unit for its legal representative (LY-FUNDS §24)",
        params: idParams,
        body: z.object({ as: z.enum(["pi", "unit"]) }).strict(),
        response: { 200: applicationSchema },
      },
    },
    async (request) => {
      await confirmCommitment({
        db: deps.db,
        ctx: request.ctx,
        actor: actorOf(request),
        id: request.params.id,
        as: request.body.as,
      });
      return detail(request.params.id, request);
    },
  );

  r.put(
    "/api/applications/:id/attachments/:code",
    {
      config: { access: { permission: "application.edit", scope: "unit" } },
      schema: {
        tags: ["applications"],
        summary:
          "Upload an attachment (raw bytes, application/octet-stream; file name in x-file-name, URI-encoded)",
        params: z.object({ id: z.uuid(), code: z.string().regex(/^[a-zA-Z][\w-]{0,31}$/) }).strict(),
        response: {
          200: z.object({
            id: z.string(),
            code: z.string(),
            fileName: z.string(),
            mime: z.string(),
            size: z.number(),
            sha256: z.string(),
          }),
        },
      },
    },
    async (request) => {
      const bytes = request.body;
      if (!Buffer.isBuffer(bytes)) throw new Error("expected a raw body");
      const header = request.headers["x-file-name"];
      const fileName = decodeURIComponent(
        String(Array.isArray(header) ? header[0] : (header ?? request.params.code)),
      ).slice(0, 200);
      const att = await uploadAttachment({
        db: deps.db,
        ctx: request.ctx,
        actor: actorOf(request),
        files: deps.files,
        id: request.params.id,
        code: request.params.code,
        fileName,
        bytes,
      });
      if (!att) throw new Error("attachment was not stored");
      return {
        id: att.id,
        code: att.code,
        fileName: att.fileName,
        mime: att.mime,
        size: att.size,
        sha256: att.sha256,
      };
    },
  );

  r.get(
    "/api/applications/:id/attachments",
    {
      config: { access: { permission: "application.read", scope: "unit" } },
      schema: { tags: ["applications"], summary: "The application's attachments", params: idParams },
    },
    async (request) => {
      const row = await loadVisible(deps.db, actorOf(request), request.params.id);
      const rows = await listAttachments(deps.db, row.cityId, row.id);
      return rows.map((a) => ({
        id: a.id,
        code: a.code,
        fileName: a.fileName,
        mime: a.mime,
        size: a.size,
        sha256: a.sha256,
        uploadedAt: a.uploadedAt.toISOString(),
      }));
    },
  );

  r.post(
    "/api/applications/:id/submit",
    {
      config: { access: { permission: "application.edit", scope: "unit" } },
      schema: {
        tags: ["applications"],
        summary: "Submit (or resubmit) inside the call window; every gate cites its clause",
        params: idParams,
        response: { 200: applicationSchema },
      },
    },
    async (request) => {
      await submitApplication({
        db: deps.db,
        ctx: request.ctx,
        actor: actorOf(request),
        cipher: deps.cipher,
        policies: deps.policies,
        id: request.params.id,
      });
      return detail(request.params.id, request);
    },
  );

  r.post(
    "/api/applications/:id/district-review",
    {
      config: { access: { permission: "application.districtReview", scope: "district" } },
      schema: {
        tags: ["applications"],
        summary:
          "District preliminary review: recommend (with rank), return (reason, deadline) or reject (reason)",
        params: idParams,
        body: z.discriminatedUnion("event", [
          z
            .object({
              event: z.literal("recommend"),
              rank: z.number().int().min(1).max(10000),
              reason: reason.optional(),
            })
            .strict(),
          z.object({ event: z.literal("districtReturn"), reason, deadline }).strict(),
          z.object({ event: z.literal("districtReject"), reason }).strict(),
        ]),
        response: { 200: applicationSchema },
      },
    },
    async (request) => {
      await reviewApplication({
        db: deps.db,
        ctx: request.ctx,
        actor: actorOf(request),
        id: request.params.id,
        decision: request.body,
      });
      return detail(request.params.id, request);
    },
  );

  r.post(
    "/api/applications/:id/formal-check",
    {
      config: { access: { permission: "application.formalCheck", scope: "city" } },
      schema: {
        tags: ["applications"],
        summary: "The review agency's formal check against the guide's checklist: pass, return or reject",
        params: idParams,
        body: z.discriminatedUnion("event", [
          z.object({ event: z.literal("formalPass"), checklist, reason: reason.optional() }).strict(),
          z
            .object({ event: z.literal("formalReturn"), reason, deadline, checklist: checklist.optional() })
            .strict(),
          z.object({ event: z.literal("formalReject"), reason, checklist: checklist.optional() }).strict(),
        ]),
        response: { 200: applicationSchema },
      },
    },
    async (request) => {
      await reviewApplication({
        db: deps.db,
        ctx: request.ctx,
        actor: actorOf(request),
        id: request.params.id,
        decision: request.body,
      });
      return detail(request.params.id, request);
    },
  );

  r.get(
    "/api/applications/export.xlsx",
    {
      config: { access: { permission: "application.read", scope: "unit" } },
      schema: {
        tags: ["applications"],
        summary: "The application list with the same filters, as .xlsx",
        querystring: listFilter,
      },
    },
    async (request, reply) => {
      const file = await applicationListXlsx(deps.db, actorOf(request), request.query, request.ctx.now);
      return reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header(
          "content-disposition",
          `attachment; filename="applications.xlsx"; filename*=UTF-8''${encodeURIComponent("申报书列表.xlsx")}`,
        )
        .send(file);
    },
  );

  r.get(
    "/api/applications/:id/pdf",
    {
      config: { access: { permission: "application.read", scope: "unit" } },
      schema: {
        tags: ["applications"],
        summary: "The application as PDF: every section and the budget table",
        params: idParams,
      },
    },
    async (request, reply) => {
      const file = await applicationPdf(
        deps.db,
        actorOf(request),
        deps.policies,
        request.params.id,
        request.ctx.now,
      );
      return reply
        .type("application/pdf")
        .header("content-disposition", `inline; filename="application-${request.params.id.slice(0, 8)}.pdf"`)
        .send(file);
    },
  );

  r.get(
    "/api/applications/:id/commitment-letter.pdf",
    {
      config: { access: { permission: "application.read", scope: "unit" } },
      schema: {
        tags: ["applications"],
        summary: "The commitment letter (承诺书, LY-FUNDS §24) to print, sign, seal and upload",
        params: idParams,
      },
    },
    async (request, reply) => {
      const file = await commitmentLetterPdf(
        deps.db,
        actorOf(request),
        deps.policies,
        request.params.id,
        request.ctx.now,
      );
      return reply
        .type("application/pdf")
        .header("content-disposition", `inline; filename="commitment-${request.params.id.slice(0, 8)}.pdf"`)
        .send(file);
    },
  );

  r.get(
    "/api/applications/:id/history",
    {
      config: { access: { permission: "application.read", scope: "unit" } },
      schema: {
        tags: ["applications"],
        summary: "Every decision with its reasons, and what changed between submitted revisions",
        params: idParams,
      },
    },
    async (request) => {
      const row = await loadVisible(deps.db, actorOf(request), request.params.id);
      const [events, revisions] = await Promise.all([
        listEvents(deps.db, row.cityId, row.id),
        listRevisions(deps.db, row.cityId, row.id),
      ]);
      return {
        events: events.map((e) => ({
          event: e.event,
          fromState: e.fromState,
          toState: e.toState,
          revision: e.revision,
          actorRole: e.actorRole,
          reason: e.reason,
          details: e.details,
          at: e.at.toISOString(),
        })),
        revisions: revisions.map((rev, i) => ({
          revision: rev.revision,
          submittedAt: rev.submittedAt.toISOString(),
          contentHash: rev.contentHash,
          changes:
            i === 0 ? [] : diffContent(stripCiphers(revisions[i - 1]?.content), stripCiphers(rev.content)),
        })),
      };
    },
  );
}

/** Diffs show masked ID numbers only. */
function stripCiphers(snapshot: unknown): unknown {
  return JSON.parse(JSON.stringify(snapshot ?? null, (k, v) => (k === "idNumberCipher" ? undefined : v)));
}
