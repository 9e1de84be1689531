import {
  applicationContentBody,
  applicationCreateBody,
  applicationListQuery,
  applicationPage,
  applicationSchema,
  attachmentParams,
  attachmentSchema,
  commitmentBody,
  idParams,
  saveResultSchema,
} from "@luoshu/contract";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.ts";
import type { CallerContext } from "../../lib/context.ts";
import { callerOf } from "../../plugins/access.ts";
import { codesOf } from "../../plugins/error-codes.ts";
import { attachmentDto, toDetailDto } from "./application-detail.ts";
import { toSummaryDto } from "./applications.dto.ts";
import { confirmCommitment } from "./confirm-commitment.ts";
import { createApplication } from "./create-application.ts";
import {
  type ApplicationView,
  getApplication,
  listApplicationAttachments,
  listApplications,
} from "./read-applications.ts";
import { saveDraft } from "./save-draft.ts";
import { submitApplication } from "./submit-application.ts";
import { attachmentMaxBytes, uploadAttachment } from "./upload-attachment.ts";

/** Drafting: start, save, confirm the commitment, upload, submit; and reading one's applications. */
export async function applicationRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const detail = (view: ApplicationView, ctx: CallerContext) => toDetailDto(view, deps.policies, ctx);
  app.addContentTypeParser(
    "application/octet-stream",
    { parseAs: "buffer", bodyLimit: attachmentMaxBytes + 1024 },
    (_req, body, done) => done(null, body),
  );

  r.get(
    "/api/applications",
    {
      config: { access: { permission: "application.read", scope: "city" } },
      schema: {
        tags: ["applications"],
        summary: "Applications in the caller's scope, filtered and paginated on the server",
        querystring: applicationListQuery,
        response: { 200: applicationPage },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      const res = await listApplications(deps, { ctx: callerOf(request), filter, page, pageSize });
      return {
        items: res.items.map((x) => toSummaryDto(x, deps.policies, x)),
        total: res.total,
        page,
        pageSize,
      };
    },
  );

  r.post(
    "/api/applications",
    {
      config: {
        access: { permission: "application.edit", scope: "city" },
        errors: ["NOT_FOUND", "SUBMIT_WINDOW_CLOSED"],
      },
      schema: {
        tags: ["applications"],
        summary: "Start an application of the caller's unit in an open call",
        body: applicationCreateBody,
        response: { 201: applicationSchema },
      },
    },
    async (request, reply) => {
      const ctx = callerOf(request);
      return reply.status(201).send(detail(await createApplication(deps, { ctx, ...request.body }), ctx));
    },
  );

  r.get(
    "/api/applications/:id",
    {
      config: { access: { permission: "application.read", scope: "city" } },
      schema: {
        tags: ["applications"],
        summary: "One application with the events and actions the caller may take",
        params: idParams,
        response: { 200: applicationSchema },
      },
    },
    async (request) => {
      const ctx = callerOf(request);
      return detail(await getApplication(deps, { ctx, id: request.params.id }), ctx);
    },
  );

  r.put(
    "/api/applications/:id/content",
    {
      config: { access: { permission: "application.edit", scope: "city" }, errors: ["INVALID_TRANSITION"] },
      schema: {
        tags: ["applications"],
        summary: "Save the draft; field problems come back without losing what was typed",
        params: idParams,
        body: applicationContentBody,
        response: { 200: saveResultSchema },
      },
    },
    async (request) => {
      const ctx = callerOf(request);
      const { view, problems } = await saveDraft(deps, { ctx, id: request.params.id, content: request.body });
      return { application: detail(view, ctx), problems };
    },
  );

  r.post(
    "/api/applications/:id/commitment",
    {
      config: { access: { permission: "application.edit", scope: "city" }, errors: ["INVALID_TRANSITION"] },
      schema: {
        tags: ["applications"],
        summary:
          "Confirm the commitment letter as the PI, or as the unit for its legal representative (LY-FUNDS §24)",
        params: idParams,
        body: commitmentBody,
        response: { 200: applicationSchema },
      },
    },
    async (request) => {
      const ctx = callerOf(request);
      return detail(await confirmCommitment(deps, { ctx, id: request.params.id, as: request.body.as }), ctx);
    },
  );

  r.put(
    "/api/applications/:id/attachments/:code",
    {
      config: {
        access: { permission: "application.edit", scope: "city" },
        errors: ["INVALID_TRANSITION", ...codesOf("ATTACHMENT_")],
      },
      schema: {
        tags: ["applications"],
        summary:
          "Upload an attachment (raw bytes, application/octet-stream; file name in x-file-name, URI-encoded)",
        params: attachmentParams,
        response: { 200: attachmentSchema },
      },
    },
    async (request) => {
      const bytes = request.body;
      if (!Buffer.isBuffer(bytes)) throw new Error("expected a raw body");
      const header = request.headers["x-file-name"];
      const fileName = decodeURIComponent(
        String(Array.isArray(header) ? header[0] : (header ?? request.params.code)),
      ).slice(0, 200);
      const att = await uploadAttachment(deps, {
        ctx: callerOf(request),
        ...request.params,
        fileName,
        bytes,
      });
      return attachmentDto(att);
    },
  );

  r.get(
    "/api/applications/:id/attachments",
    {
      config: { access: { permission: "application.read", scope: "city" } },
      schema: {
        tags: ["applications"],
        summary: "The application's attachments",
        params: idParams,
        response: { 200: z.array(attachmentSchema) },
      },
    },
    async (request) =>
      (await listApplicationAttachments(deps, { ctx: callerOf(request), id: request.params.id })).map(
        attachmentDto,
      ),
  );

  r.post(
    "/api/applications/:id/submit",
    {
      config: {
        access: { permission: "application.edit", scope: "city" },
        errors: ["INVALID_TRANSITION", "CONFLICT", ...codesOf("SUBMIT_"), ...codesOf("BUDGET_")],
      },
      schema: {
        tags: ["applications"],
        summary: "Submit (or resubmit) inside the call window; every gate cites its clause",
        params: idParams,
        response: { 200: applicationSchema },
      },
    },
    async (request) => {
      const ctx = callerOf(request);
      return detail(await submitApplication(deps, { ctx, id: request.params.id }), ctx);
    },
  );
}
