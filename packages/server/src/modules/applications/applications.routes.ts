import { unitKinds } from "@luoshu/domain";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.ts";
import { idParams, pageOf, pageQuery } from "../../lib/http-schemas.ts";
import { actorOf } from "../../plugins/access.ts";
import { findCall } from "../guides/guides.repository.ts";
import { loadVisible } from "./access.ts";
import { loadDetail } from "./application-detail.ts";
import {
  applicationSchema,
  applicationSummarySchema,
  toApplicationDto,
  toSummaryDto,
} from "./application-dto.ts";
import { listApplications, listAttachments } from "./applications.repository.ts";
import { confirmCommitment } from "./commitment.ts";
import { createApplication } from "./create-application.ts";
import { saveDraft } from "./save-draft.ts";
import { submitApplication } from "./submit-application.ts";
import { attachmentMaxBytes, uploadAttachment } from "./upload-attachment.ts";

export const listFilter = z
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
  const detail = (id: string, request: FastifyRequest) => loadDetail(deps, request, id);
  app.addContentTypeParser(
    "application/octet-stream",
    { parseAs: "buffer", bodyLimit: attachmentMaxBytes + 1024 },
    (_req, body, done) => done(null, body),
  );

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
      const actor = actorOf(request);
      const { row, call, unit } = await submitApplication({
        db: deps.db,
        ctx: request.ctx,
        actor,
        cipher: deps.cipher,
        policies: deps.policies,
        id: request.params.id,
      });
      return toApplicationDto(row, actor.roles, call.opensAt, {
        unitNameZh: unit.nameZh,
        unitKind: unit.kind,
      });
    },
  );
}
