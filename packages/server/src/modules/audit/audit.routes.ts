import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.ts";
import { pageOf, pageQuery } from "../../lib/http-schemas.ts";
import { listAudit, verifyAuditChain } from "./audit.repository.ts";
import { sealAudit } from "./audit-sealer.ts";

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
        querystring: z.object(pageQuery).strict(),
        response: {
          200: pageOf(
            z.object({
              seq: z.number(),
              at: z.string(),
              cityId: z.string().nullable(),
              actorId: z.string().nullable(),
              actorUsername: z.string().nullable(),
              actorRole: z.string().nullable(),
              action: z.string(),
              entityType: z.string(),
              entityId: z.string().nullable(),
              before: z.unknown(),
              after: z.unknown(),
              ip: z.string().nullable(),
              chainPos: z.number().nullable(),
              prevHash: z.string().nullable(),
              hash: z.string().nullable(),
            }),
          ),
        },
      },
    },
    async (request) => listAudit(deps.db, request.query.page, request.query.pageSize),
  );
  r.get(
    "/api/audit/verify",
    {
      config: { access: { permission: "audit.read", scope: "platform" } },
      schema: {
        tags: ["audit"],
        summary: "Walk the SM3 chain and name the first broken record",
        response: {
          200: z.object({
            ok: z.boolean(),
            checked: z.number(),
            firstBroken: z.object({ seq: z.number(), reason: z.string() }).optional(),
            unsealed: z.number(),
            oldestUnsealedAt: z.string().nullable(),
          }),
        },
      },
    },
    async (request) => {
      // Chain what has just been committed, so the answer is about the whole log.
      await sealAudit(deps.db, { wait: true });
      return verifyAuditChain(deps.db, { now: request.ctx.now });
    },
  );
}
