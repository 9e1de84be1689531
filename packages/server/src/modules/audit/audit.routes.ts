import { auditListFilter, auditListQuery, auditPage, auditVerdictSchema } from "@luoshu/contract";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppDeps } from "../../deps.ts";
import { exportAudit, listAudit, verifyAudit } from "./read-audit.ts";

/** Only the auditor reads the audit log (三员分立); reading it is not itself a state change. */
export async function auditRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/audit",
    {
      config: { access: { permission: "audit.read", scope: "platform" } },
      schema: {
        tags: ["audit"],
        summary: "Audit records, newest first",
        querystring: auditListQuery,
        response: { 200: auditPage },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return listAudit(deps, { filter, page, pageSize });
    },
  );
  r.get(
    "/api/audit/export.xlsx",
    {
      config: {
        access: { permission: "audit.read", scope: "platform" },
        errors: ["DOCUMENT_TOO_LARGE", "DOCUMENTS_BUSY", "DOCUMENT_TIMEOUT"],
      },
      schema: {
        tags: ["audit"],
        summary: "The audit records with the same filters as .xlsx, newest first, at most 5,000",
        querystring: auditListFilter,
        produces: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
      },
    },
    async (request, reply) => {
      const file = await exportAudit(deps, { filter: request.query, now: request.ctx.now });
      return reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header(
          "content-disposition",
          `attachment; filename="audit.xlsx"; filename*=UTF-8''${encodeURIComponent("审计日志.xlsx")}`,
        )
        .send(file);
    },
  );
  r.get(
    "/api/audit/verify",
    {
      config: { access: { permission: "audit.read", scope: "platform" } },
      schema: {
        tags: ["audit"],
        summary: "Walk the SM3 chain and name the first broken record",
        response: { 200: auditVerdictSchema },
      },
    },
    async (request) => verifyAudit(deps, { now: request.ctx.now }),
  );
}
