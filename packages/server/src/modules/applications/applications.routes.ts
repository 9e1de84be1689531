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
  submissionCheckSchema,
} from "@luoshu/contract";
import { attachmentMaxBytes, DomainError } from "@luoshu/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.ts";
import type { CallerContext } from "../../lib/context.ts";
import { fileNameFromHeader } from "../../lib/files/file-name.ts";
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
import { checkSubmissionNow, submitApplication } from "./submit-application.ts";
import { uploadAttachment } from "./upload-attachment.ts";
import { withdrawApplication } from "./withdraw-application.ts";

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
        errors: ["NOT_FOUND", "SUBMIT_WINDOW_CLOSED", "CALL_DIRECTED_TO_OTHERS"],
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
      // The file's raw bytes only: a JSON, text or form body is refused before it is parsed.
      onRequest: async (request) => {
        const type = request.headers["content-type"]?.split(";")[0]?.trim().toLowerCase();
        if (type !== "application/octet-stream") {
          throw new DomainError({
            code: "UNSUPPORTED_MEDIA_TYPE",
            messageZh: `附件须以文件的原始字节上传（Content-Type: application/octet-stream），收到的是：${type || "无"}。`,
            messageEn: `Upload the file's raw bytes (Content-Type: application/octet-stream); got: ${type || "none"}.`,
          });
        }
      },
    },
    async (request) => {
      // An empty body is not parsed at all: it reaches the use case as an empty file.
      const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const fileName = fileNameFromHeader(request.headers["x-file-name"], request.params.code);
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

  r.get(
    "/api/applications/:id/submission-check",
    {
      config: { access: { permission: "application.edit", scope: "city" }, errors: ["INVALID_TRANSITION"] },
      schema: {
        tags: ["applications"],
        summary: "Every gate of the submission on the saved draft, without submitting",
        params: idParams,
        response: { 200: submissionCheckSchema },
      },
    },
    async (request) => ({
      violations: await checkSubmissionNow(deps, { ctx: callerOf(request), id: request.params.id }),
    }),
  );

  r.post(
    "/api/applications/:id/withdraw",
    {
      config: { access: { permission: "application.edit", scope: "city" }, errors: ["INVALID_TRANSITION"] },
      schema: {
        tags: ["applications"],
        summary: "Withdraw a submission, back to a draft, until the district has decided on it",
        params: idParams,
        response: { 200: applicationSchema },
      },
    },
    async (request) => {
      const ctx = callerOf(request);
      return detail(await withdrawApplication(deps, { ctx, id: request.params.id }), ctx);
    },
  );
}
