import { idParams, integrityLiftBody, integrityRecordBody, integrityRecordSchema } from "@luoshu/contract";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.ts";
import { callerOf } from "../../plugins/access.ts";
import { codesOf } from "../../plugins/error-codes.ts";
import { toIntegrityDto } from "./integrity.dto.ts";
import { liftIntegrity } from "./lift-integrity.ts";
import { listIntegrityRecords } from "./read-integrity.ts";
import { recordIntegrity } from "./record-integrity.ts";

/**
 * Integrity records of units and people (LY-FUNDS §25, DT-RULES §22), recorded by the bureau; later
 * steps add records from revocations and acceptance.
 */
export async function integrityRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/integrity-records",
    {
      config: { access: { permission: "integrity.read", scope: "city" } },
      schema: {
        tags: ["integrity"],
        summary: "The city's integrity records, newest first",
        response: { 200: z.array(integrityRecordSchema) },
      },
    },
    async (request) => {
      const rows = await listIntegrityRecords(deps, { ctx: callerOf(request) });
      return rows.map((x) => toIntegrityDto(x, request.ctx.now));
    },
  );
  r.post(
    "/api/integrity-records",
    {
      config: {
        access: { permission: "integrity.manage", scope: "city" },
        errors: ["INTEGRITY_PERIOD_INVALID", "NOT_FOUND", ...codesOf("RESIDENT_ID_")],
      },
      schema: {
        tags: ["integrity"],
        summary: "Record a sanction of a unit or of a person (by resident ID number)",
        body: integrityRecordBody,
        response: { 201: integrityRecordSchema },
      },
    },
    async (request, reply) => {
      const created = await recordIntegrity(deps, { ctx: callerOf(request), record: request.body });
      return reply.status(201).send(toIntegrityDto(created, request.ctx.now));
    },
  );
  r.post(
    "/api/integrity-records/:id/lift",
    {
      config: {
        access: { permission: "integrity.manage", scope: "city" },
        errors: ["NOT_FOUND", "CONFLICT"],
      },
      schema: {
        tags: ["integrity"],
        summary: "Lift a record by a recorded decision with its reason: the gates no longer find it",
        params: idParams,
        body: integrityLiftBody,
        response: { 200: integrityRecordSchema },
      },
    },
    async (request) => {
      const lifted = await liftIntegrity(deps, {
        ctx: callerOf(request),
        ...request.params,
        ...request.body,
      });
      return toIntegrityDto({ record: lifted, unitNameZh: null }, request.ctx.now);
    },
  );
}
