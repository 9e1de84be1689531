import {
  blocksApplications,
  DomainError,
  type IntegrityKind,
  inForce,
  integrityKinds,
  validateResidentId,
} from "@luoshu/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { integrityRecords } from "../../db/schema/index.ts";
import type { AppDeps } from "../../deps.ts";
import { inTransaction } from "../../lib/legacy-transaction.ts";
import { actorOf } from "../../plugins/access.ts";
import { unitNotFound } from "../units/unit-errors.ts";
import { findUnit } from "../units/units.repository.ts";
import { insertIntegrityRecord, listIntegrityRecords } from "./integrity.repository.ts";

const recordSchema = z.object({
  id: z.string(),
  subject: z.enum(["unit", "person"]),
  unitId: z.string().nullable(),
  unitNameZh: z.string().nullable(),
  personName: z.string().nullable(),
  kind: z.enum(integrityKinds),
  fromDate: z.string(),
  untilDate: z.string().nullable(),
  reason: z.string(),
  clause: z.string(),
  /** In force today (China time). */
  inForce: z.boolean(),
  /** In force and of a kind that stops applications (eligibility ban, blacklist). */
  blocksApplications: z.boolean(),
  createdAt: z.string(),
});

const common = {
  kind: z.enum(integrityKinds),
  fromDate: z.iso.date(),
  untilDate: z.iso.date().nullable(),
  reason: z.string().trim().min(2).max(2000),
  clause: z.string().trim().min(2).max(100),
};
const recordInput = z.discriminatedUnion("subject", [
  z.object({ subject: z.literal("unit"), unitId: z.uuid(), ...common }).strict(),
  z
    .object({
      subject: z.literal("person"),
      personName: z.string().trim().min(1).max(50),
      /** Kept only as a keyed digest, so a later application by the same person is found. */
      idNumber: z.string().trim().max(18),
      ...common,
    })
    .strict(),
]);

type Row = typeof integrityRecords.$inferSelect;

function toDto({ personDigest: _digest, ...row }: Row, unitNameZh: string | null, now: Date) {
  const active = inForce({ from: row.fromDate, until: row.untilDate }, now);
  return {
    ...row,
    subject: row.subject as "unit" | "person",
    kind: row.kind as IntegrityKind,
    unitNameZh,
    inForce: active,
    blocksApplications: active && blocksApplications(row.kind as IntegrityKind),
    createdAt: row.createdAt.toISOString(),
  };
}

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
        response: { 200: z.array(recordSchema) },
      },
    },
    async (request) => {
      const rows = await listIntegrityRecords(deps.db, actorOf(request).cityId ?? "");
      return rows.map((x) => toDto(x.record, x.unitNameZh, request.ctx.now));
    },
  );
  r.post(
    "/api/integrity-records",
    {
      config: { access: { permission: "integrity.manage", scope: "city" } },
      schema: {
        tags: ["integrity"],
        summary: "Record a sanction of a unit or of a person (by resident ID number)",
        body: recordInput,
        response: { 201: recordSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const body = request.body;
      if (body.untilDate !== null && body.untilDate < body.fromDate) {
        throw new DomainError({
          code: "INTEGRITY_PERIOD_INVALID",
          messageZh: "截止日期不能早于起始日期。",
          messageEn: "The end date is before the start date.",
          path: "untilDate",
        });
      }
      const { kind, fromDate, untilDate, reason, clause } = body;
      let who: { unitId: string; unitNameZh: string } | { personDigest: string; personName: string };
      if (body.subject === "unit") {
        const unit = await findUnit(deps.db, body.unitId);
        if (!unit || unit.cityId !== actor.cityId) throw unitNotFound();
        who = { unitId: unit.id, unitNameZh: unit.nameZh };
      } else {
        const id = body.idNumber.toUpperCase();
        const check = validateResidentId(id);
        if (!check.ok) throw new DomainError({ ...check, path: "idNumber" });
        who = { personDigest: deps.cipher.digest(id), personName: body.personName };
      }
      const row = await inTransaction(deps.db, request.ctx, async (tx, audit) => {
        const rec = await insertIntegrityRecord(tx, {
          cityId: actor.cityId ?? "",
          subject: body.subject,
          unitId: "unitId" in who ? who.unitId : null,
          personDigest: "personDigest" in who ? who.personDigest : null,
          personName: "personName" in who ? who.personName : null,
          kind,
          fromDate,
          untilDate,
          reason,
          clause,
          createdBy: actor.userId,
          createdAt: request.ctx.now,
        });
        if (!rec) throw new Error("record not stored");
        // The audit names the unit or the person, never the ID number or its digest.
        audit({
          action: "integrity.create",
          entityType: "integrityRecord",
          entityId: rec.id,
          after: {
            subject: body.subject,
            unitId: rec.unitId,
            personName: rec.personName,
            kind,
            fromDate,
            untilDate,
            reason,
            clause,
          },
        });
        return rec;
      });
      return reply.status(201).send(toDto(row, "unitNameZh" in who ? who.unitNameZh : null, request.ctx.now));
    },
  );
}
