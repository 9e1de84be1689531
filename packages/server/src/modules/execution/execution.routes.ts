import {
  assignOfficerBody,
  drawTaskBookBody,
  idParams,
  ledgerYearDto,
  paymentDto,
  paymentEventBody,
  paymentEvents,
  paymentListQuery,
  preparePaymentBody,
  projectDetailDto,
  signTaskBookQuery,
  taskBookEvents,
  taskBookTemplateBody,
  taskBookTemplateDto,
} from "@luoshu/contract";
import { attachmentMaxBytes } from "@luoshu/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.ts";
import { fileNameFromHeader } from "../../lib/files/file-name.ts";
import { acceptRawBytes, bytesOf, rawBytesOnly } from "../../lib/files/raw-upload.ts";
import { idempotencyHeaders } from "../../lib/idempotency-header.ts";
import { callerOf } from "../../plugins/access.ts";
import { codesOf } from "../../plugins/error-codes.ts";
import { ledgerExport } from "./ledger-export.ts";
import { ledgerYears, listPayments, paymentView } from "./payment-views.ts";
import { firePaymentEvent, preparePayment } from "./payments.ts";
import { readProject } from "./project-view.ts";
import { assignResponsibleOfficer } from "./responsible-officer.ts";
import { taskBookDocx, taskBookPdf } from "./task-book-documents.ts";
import { readTaskBookTemplate, saveTaskBookTemplate } from "./task-book-template.ts";
import { confirmTaskBookStep, drawTaskBook, readTaskBookScan, signTaskBook } from "./task-books.ts";

const tags = ["projects"];
const errors = [
  "INVALID_TRANSITION",
  "FORBIDDEN",
  "CONFLICT",
  "NOT_FOUND",
  "VALIDATION",
  ...codesOf("TASK_BOOK_"),
  ...codesOf("PAYMENT_"),
  ...codesOf("LEDGER_"),
  "PROJECT_CLOSED",
] as const;

const projectParams = z.object({ id: z.uuid() }).strict();

/** 项目执行: the project page, its task book and payments, and the ledger's figures by year. */
export async function executionRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  acceptRawBytes(app, attachmentMaxBytes);

  r.get(
    "/api/projects/:id",
    {
      config: { access: { permission: "project.read", scope: "city" } },
      schema: {
        tags,
        summary: "A project with its task book, payment nodes, payments, ledger balances and timeline",
        params: projectParams,
        response: { 200: projectDetailDto },
      },
    },
    async (request) => readProject(deps, callerOf(request), request.params.id),
  );

  r.put(
    "/api/projects/:id/responsible-officer",
    {
      config: { access: { permission: "taskBook.manage", scope: "city" }, errors: [...errors] },
      schema: {
        tags,
        summary: "Name the bureau's officer responsible for the project (shown to its unit)",
        params: projectParams,
        body: assignOfficerBody,
        response: { 200: projectDetailDto },
      },
    },
    async (request) => {
      const ctx = callerOf(request);
      await assignResponsibleOfficer(deps, {
        ctx,
        projectId: request.params.id,
        userId: request.body.userId,
      });
      return readProject(deps, ctx, request.params.id);
    },
  );

  r.post(
    "/api/projects/:id/task-book",
    {
      config: { access: { permission: "taskBook.manage", scope: "city" }, errors: [...errors] },
      schema: {
        tags,
        summary:
          "Draw up the task book from the approved project, its application and its policy version (lumpSumPilot: an institute's project in the lump-sum pilot, LY-FUNDS §13(一))",
        params: projectParams,
        // no body draws an ordinary task book
        body: drawTaskBookBody.nullish(),
        response: { 201: projectDetailDto },
      },
    },
    async (request, reply) => {
      const ctx = callerOf(request);
      await drawTaskBook(deps, {
        ctx,
        projectId: request.params.id,
        lumpSumPilot: request.body?.lumpSumPilot ?? false,
        period: request.body?.period,
      });
      return reply.status(201).send(await readProject(deps, ctx, request.params.id));
    },
  );

  r.post(
    "/api/projects/:id/task-book/events/:event",
    {
      config: { access: { permission: "taskBook.sign", scope: "city" }, errors: [...errors] },
      schema: {
        tags,
        summary: "Confirm the task book on the platform: the unit's side or the bureau's",
        params: z.object({ id: z.uuid(), event: z.enum(taskBookEvents) }).strict(),
        response: { 200: projectDetailDto },
      },
    },
    async (request) => {
      const ctx = callerOf(request);
      await confirmTaskBookStep(deps, { ctx, projectId: request.params.id, event: request.params.event });
      return readProject(deps, ctx, request.params.id);
    },
  );

  r.put(
    "/api/projects/:id/task-book/scan",
    {
      config: {
        access: { permission: "taskBook.sign", scope: "city" },
        errors: [...errors, ...codesOf("ATTACHMENT_")],
      },
      schema: {
        tags,
        summary:
          "Upload the signed task book's scan (PDF or image, raw bytes; file name in x-file-name): the project starts executing and its money is committed",
        params: projectParams,
        querystring: signTaskBookQuery,
        response: { 200: projectDetailDto },
      },
      onRequest: rawBytesOnly,
    },
    async (request) => {
      const ctx = callerOf(request);
      await signTaskBook(deps, {
        ctx,
        projectId: request.params.id,
        signedOn: request.query.signedOn,
        fileName: fileNameFromHeader(request.headers["x-file-name"], "task-book.pdf"),
        bytes: bytesOf(request),
      });
      return readProject(deps, ctx, request.params.id);
    },
  );

  r.get(
    "/api/projects/:id/task-book/scan",
    {
      config: { access: { permission: "project.read", scope: "city" } },
      schema: { tags, summary: "Download the signed task book's scan", params: projectParams },
    },
    async (request, reply) => {
      const file = await readTaskBookScan(deps, { ctx: callerOf(request), projectId: request.params.id });
      return reply
        .type(file.mime)
        .header(
          "content-disposition",
          `attachment; filename="task-book-scan"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .send(file.bytes);
    },
  );

  const documents = [
    {
      ext: "pdf",
      mime: "application/pdf",
      disposition: "inline",
      render: taskBookPdf,
      summary: "The task book as PDF (tripartite for an open challenge), to print, sign and seal",
    },
    {
      ext: "docx",
      mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      disposition: "attachment",
      render: taskBookDocx,
      summary: "The task book as Word (.docx), for the parties to edit their copies before signing",
    },
  ];
  for (const d of documents) {
    r.get(
      `/api/projects/:id/task-book.${d.ext}`,
      {
        config: {
          access: { permission: "project.read", scope: "city" },
          errors: ["DOCUMENT_TOO_LARGE", "DOCUMENTS_BUSY", "DOCUMENT_TIMEOUT"],
        },
        schema: { tags, summary: d.summary, params: projectParams, produces: [d.mime] },
      },
      async (request, reply) => {
        const file = await d.render(deps, { ctx: callerOf(request), projectId: request.params.id });
        return reply
          .type(d.mime)
          .header(
            "content-disposition",
            `${d.disposition}; filename="task-book-${request.params.id.slice(0, 8)}.${d.ext}"`,
          )
          .send(file);
      },
    );
  }

  r.get(
    "/api/task-book-template",
    {
      config: { access: { permission: "taskBook.manage", scope: "city" } },
      schema: {
        tags,
        summary: "The terms task books are drawn with: the bureau's own, or its policy file's defaults",
        response: { 200: taskBookTemplateDto },
      },
    },
    async (request) => readTaskBookTemplate(deps, callerOf(request)),
  );

  r.put(
    "/api/task-book-template",
    {
      config: { access: { permission: "taskBook.manage", scope: "city" }, errors: ["VALIDATION"] },
      schema: {
        tags,
        summary: "Edit the bureau's task book terms (task books drawn before keep theirs)",
        body: taskBookTemplateBody,
        response: { 200: taskBookTemplateDto },
      },
    },
    async (request) => saveTaskBookTemplate(deps, { ctx: callerOf(request), terms: request.body.terms }),
  );

  r.post(
    "/api/projects/:id/payments",
    {
      config: { access: { permission: "payment.prepare", scope: "city" }, errors: [...errors] },
      schema: {
        tags,
        summary:
          "Prepare the payment of a task book's node (Idempotency-Key header: the same key replays the payment it prepared)",
        params: projectParams,
        headers: idempotencyHeaders,
        body: preparePaymentBody,
        response: { 200: paymentDto, 201: paymentDto },
      },
    },
    async (request, reply) => {
      const ctx = callerOf(request);
      const { payment, replayed } = await preparePayment(deps, {
        ctx,
        projectId: request.params.id,
        ...request.body,
        idempotencyKey: request.headers["idempotency-key"],
      });
      return reply.status(replayed ? 200 : 201).send(await paymentView(deps, ctx, payment.id));
    },
  );

  r.get(
    "/api/payments",
    {
      config: { access: { permission: "project.read", scope: "city" } },
      schema: {
        tags,
        summary: "Payments in the caller's scope; mine=true: those waiting for the caller",
        querystring: paymentListQuery,
        response: { 200: z.object({ items: z.array(paymentDto), total: z.number() }) },
      },
    },
    async (request) => {
      const items = await listPayments(deps, callerOf(request), {
        status: request.query.status ?? null,
        mine: request.query.mine === "true",
      });
      return { items, total: items.length };
    },
  );

  r.get(
    "/api/payments/:id",
    {
      config: { access: { permission: "project.read", scope: "city" } },
      schema: { tags, summary: "One payment", params: idParams, response: { 200: paymentDto } },
    },
    async (request) => paymentView(deps, callerOf(request), request.params.id),
  );

  r.post(
    "/api/payments/:id/events/:event",
    {
      config: { access: { permission: "project.read", scope: "city" }, errors: [...errors] },
      schema: {
        tags,
        summary:
          "Finance approves; the bureau cancels, or marks it paid with the treasury's reference (pay needs an Idempotency-Key header)",
        params: z.object({ id: z.uuid(), event: z.enum(paymentEvents) }).strict(),
        headers: idempotencyHeaders.partial(),
        body: paymentEventBody,
        response: { 200: paymentDto },
      },
    },
    async (request) => {
      const ctx = callerOf(request);
      await firePaymentEvent(deps, {
        ctx,
        paymentId: request.params.id,
        event: request.params.event,
        ...request.body,
        ...(request.headers["idempotency-key"] ? { idempotencyKey: request.headers["idempotency-key"] } : {}),
      });
      return paymentView(deps, ctx, request.params.id);
    },
  );

  r.get(
    "/api/ledger/export.xlsx",
    {
      config: {
        access: { permission: "decision.read", scope: "city" },
        errors: ["DOCUMENT_TOO_LARGE", "DOCUMENTS_BUSY", "DOCUMENT_TIMEOUT"],
      },
      schema: {
        tags,
        summary:
          "资金台账 as .xlsx: each project's balances, its payments, and the totals by year, program, district and unit",
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }).strict(),
        produces: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
      },
    },
    async (request, reply) => {
      const year = request.query.year ?? null;
      const file = await ledgerExport(deps, callerOf(request), year);
      const name = `资金台账${year ? `-${year}` : ""}.xlsx`;
      return reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header(
          "content-disposition",
          `attachment; filename="ledger.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(file);
    },
  );

  r.get(
    "/api/ledger/years",
    {
      config: { access: { permission: "decision.read", scope: "city" } },
      schema: {
        tags,
        summary: "The ledger's figures by budget year: approved, committed, paid, returned, available",
        response: { 200: z.array(ledgerYearDto) },
      },
    },
    async (request) => ledgerYears(deps, callerOf(request)),
  );
}
