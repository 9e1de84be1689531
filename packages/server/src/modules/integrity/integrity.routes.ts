import { activeBans, type IntegrityRecordFacts, integrityKinds } from "@luoshu/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../app.ts";
import { inTransaction } from "../../lib/context.ts";
import { actorOf } from "../../plugins/access.ts";
import { unitNotFound } from "../units/unit-errors.ts";
import { findUnit } from "../units/units.repository.ts";
import { insertIntegrityRecord, listIntegrityRecords } from "./integrity.repository.ts";

const recordSchema = z.object({
  id: z.string(),
  subject: z.string(),
  unitId: z.string().nullable(),
  personName: z.string().nullable(),
  kind: z.string(),
  fromDate: z.string(),
  untilDate: z.string().nullable(),
  reason: z.string(),
  clause: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
});

/** Integrity records of units (LY-FUNDS §25, DT-RULES §22); later steps add records from revocations. */
export async function integrityRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/integrity-records",
    {
      config: { access: { permission: "integrity.read", scope: "city" } },
      schema: {
        tags: ["integrity"],
        summary: "The city's integrity records",
        response: { 200: z.array(recordSchema) },
      },
    },
    async (request) => {
      const rows = await listIntegrityRecords(deps.db, actorOf(request).cityId ?? "");
      return rows.map((x) => {
        const facts: IntegrityRecordFacts = {
          subject: x.subject as "unit",
          kind: x.kind as IntegrityRecordFacts["kind"],
          from: x.fromDate,
          until: x.untilDate,
          clause: x.clause,
        };
        return {
          ...x,
          active: activeBans([facts], request.ctx.now).length > 0,
          createdAt: x.createdAt.toISOString(),
        };
      });
    },
  );
  r.post(
    "/api/integrity-records",
    {
      config: { access: { permission: "integrity.manage", scope: "city" } },
      schema: {
        tags: ["integrity"],
        summary: "Record a sanction of a unit",
        body: z
          .object({
            unitId: z.uuid(),
            kind: z.enum(integrityKinds),
            fromDate: z.iso.date(),
            untilDate: z.iso.date().nullable(),
            reason: z.string().trim().min(2).max(2000),
            clause: z.string().trim().min(2).max(100),
          })
          .strict(),
        response: { 201: recordSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const unit = await findUnit(deps.db, request.body.unitId);
      if (!unit || unit.cityId !== actor.cityId) throw unitNotFound();
      const row = await inTransaction(deps.db, request.ctx, async (tx, audit) => {
        const rec = await insertIntegrityRecord(tx, {
          cityId: unit.cityId,
          subject: "unit",
          ...request.body,
          createdBy: actor.userId,
          createdAt: request.ctx.now,
        });
        audit({
          action: "integrity.create",
          entityType: "integrityRecord",
          entityId: rec?.id,
          after: request.body,
        });
        return rec;
      });
      if (!row) throw new Error("record not stored");
      return reply.status(201).send({ ...row, active: false, createdAt: row.createdAt.toISOString() });
    },
  );
}
