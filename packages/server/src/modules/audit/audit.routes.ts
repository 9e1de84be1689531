import { auditListQuery, auditPage, auditVerdictSchema } from "@luoshu/contract";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppDeps } from "../../deps.ts";
import { listAudit, verifyAudit } from "./read-audit.ts";

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
    async (request) => listAudit(deps, request.query),
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
