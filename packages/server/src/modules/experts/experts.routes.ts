import {
  expertImportReport,
  expertImportResult,
  expertListQuery,
  expertPage,
  expertSchema,
  expertSelfBody,
  expertSuspendBody,
  idParams,
} from "@luoshu/contract";
import { expertImportLimits } from "@luoshu/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppDeps } from "../../deps.ts";
import { acceptRawBytes, bytesOf, rawBytesOnly } from "../../lib/files/raw-upload.ts";
import { callerOf } from "../../plugins/access.ts";
import { toExpertDto } from "./experts.dto.ts";
import { expertListXlsx, expertTemplate } from "./export-experts.ts";
import { commitExpertImport, dryRunExpertImport } from "./import-experts.ts";
import { getExpert, getOwnExpert, listExperts } from "./read-experts.ts";
import { setExpertSuspension } from "./suspend-expert.ts";
import { updateOwnExpert } from "./update-own-expert.ts";

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** What reading a sheet or rendering one off the request thread may answer. */
const documentErrors = ["DOCUMENT_TOO_LARGE", "DOCUMENTS_BUSY", "DOCUMENT_TIMEOUT"] as const;
const uploadErrors = [
  ...documentErrors,
  "ATTACHMENT_EMPTY",
  "ATTACHMENT_TOO_LARGE",
  "ATTACHMENT_TYPE_MISMATCH",
  "UNSUPPORTED_MEDIA_TYPE",
  "VALIDATION",
] as const;

/** 专家库: the city's pool for the bureau (and the entrusted agency), and each expert's own profile. */
export async function expertRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const dto = (e: Parameters<typeof toExpertDto>[0]) => toExpertDto(e, deps.clock.now());
  acceptRawBytes(app, expertImportLimits.maxBytes);

  r.get(
    "/api/experts",
    {
      config: { access: { permission: "expert.read", scope: "city" } },
      schema: {
        tags: ["experts"],
        summary: "The city's expert pool, filtered by discipline, unit, status and keyword",
        querystring: expertListQuery,
        response: { 200: expertPage },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      const res = await listExperts(deps, { ctx: callerOf(request), filter, page, pageSize });
      return { items: res.items.map(dto), total: res.total, page, pageSize };
    },
  );

  r.get(
    "/api/experts/me",
    {
      config: { access: { permission: "expert.profile", scope: "own" } },
      schema: {
        tags: ["experts"],
        summary: "The caller's own expert profile",
        response: { 200: expertSchema },
      },
    },
    async (request) => dto(await getOwnExpert(deps, { ctx: callerOf(request) })),
  );

  r.patch(
    "/api/experts/me",
    {
      config: { access: { permission: "expert.profile", scope: "own" } },
      schema: {
        tags: ["experts"],
        summary: "Change one's own keywords, availability windows and contact",
        body: expertSelfBody,
        response: { 200: expertSchema },
      },
    },
    async (request) => dto(await updateOwnExpert(deps, { ctx: callerOf(request), changes: request.body })),
  );

  r.get(
    "/api/experts/import/template.xlsx",
    {
      config: { access: { permission: "expert.manage", scope: "city" }, errors: documentErrors },
      schema: {
        tags: ["experts"],
        summary: "The import template (.xlsx, headers in Chinese, one example row)",
        produces: [xlsxType],
      },
    },
    async (request, reply) =>
      reply
        .type(xlsxType)
        .header(
          "content-disposition",
          `attachment; filename="expert-template.xlsx"; filename*=UTF-8''${encodeURIComponent("专家导入模板.xlsx")}`,
        )
        .send(await expertTemplate(deps, { ctx: callerOf(request) })),
  );

  r.post(
    "/api/experts/import/dry-run",
    {
      config: { access: { permission: "expert.manage", scope: "city" }, errors: uploadErrors },
      schema: {
        tags: ["experts"],
        summary:
          "Check a filled-in template (raw bytes): every bad row as row, column, reason; writes nothing",
        response: { 200: expertImportReport },
      },
      onRequest: rawBytesOnly,
    },
    async (request) => dryRunExpertImport(deps, { ctx: callerOf(request), bytes: bytesOf(request) }),
  );

  r.post(
    "/api/experts/import/commit",
    {
      config: {
        access: { permission: "expert.manage", scope: "city" },
        errors: [...uploadErrors, "EXPERT_IMPORT_INVALID", "CONFLICT"],
      },
      schema: {
        tags: ["experts"],
        summary: "Import the same file, checked again: every account and profile in one transaction, or none",
        response: { 201: expertImportResult },
      },
      onRequest: rawBytesOnly,
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await commitExpertImport(deps, { ctx: callerOf(request), bytes: bytesOf(request) })),
  );

  r.get(
    "/api/experts/export.xlsx",
    {
      config: { access: { permission: "expert.read", scope: "city" }, errors: documentErrors },
      schema: {
        tags: ["experts"],
        summary: "The pool with the list's filters as .xlsx (ID numbers masked)",
        querystring: expertListQuery,
        produces: [xlsxType],
      },
    },
    async (request, reply) => {
      const { page: _p, pageSize: _s, ...filter } = request.query;
      const file = await expertListXlsx(deps, { ctx: callerOf(request), filter });
      return reply
        .type(xlsxType)
        .header(
          "content-disposition",
          `attachment; filename="experts.xlsx"; filename*=UTF-8''${encodeURIComponent("专家库.xlsx")}`,
        )
        .send(file);
    },
  );

  r.get(
    "/api/experts/:id",
    {
      config: { access: { permission: "expert.read", scope: "city" } },
      schema: {
        tags: ["experts"],
        summary: "One expert of the pool",
        params: idParams,
        response: { 200: expertSchema },
      },
    },
    async (request) => dto(await getExpert(deps, { ctx: callerOf(request), id: request.params.id })),
  );

  for (const action of ["suspend", "reinstate"] as const) {
    r.post(
      `/api/experts/:id/${action}`,
      {
        config: { access: { permission: "expert.manage", scope: "city" }, errors: ["INVALID_TRANSITION"] },
        schema: {
          tags: ["experts"],
          summary:
            action === "suspend"
              ? "Suspend an expert with a reason: no assignment picks them until reinstated"
              : "Reinstate a suspended expert, with a reason",
          params: idParams,
          body: expertSuspendBody,
          response: { 200: expertSchema },
        },
      },
      async (request) =>
        dto(
          await setExpertSuspension(deps, {
            ctx: callerOf(request),
            id: request.params.id,
            suspend: action === "suspend",
            reason: request.body.reason,
          }),
        ),
    );
  }
}
