import type { IntegrityRecordBody } from "@luoshu/contract";
import { checkIntegrityPeriod, DomainError, validateResidentId } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { FieldCipher } from "../../lib/sm-crypto.ts";
import type { Transactor } from "../../lib/transaction.ts";
import { unitNotFound } from "../units/unit-errors.ts";
import type { UnitsRepository } from "../units/units.repository.ts";
import type { IntegrityRepository } from "./integrity.repository.ts";

/**
 * The bureau records a sanction of a unit of its city, or of a person by resident ID number (kept
 * only as a keyed digest, so a later application by the same person is found).
 */
export async function recordIntegrity(
  deps: {
    tx: Transactor<{ integrity: Pick<IntegrityRepository, "insert">; units: Pick<UnitsRepository, "find"> }>;
    cipher: FieldCipher;
  },
  input: { ctx: CallerContext; record: IntegrityRecordBody },
) {
  const { ctx, record: body } = input;
  const cityId = ctx.actor.cityId;
  if (!cityId) throw new DomainError({ code: "FORBIDDEN" });
  checkIntegrityPeriod(body.fromDate, body.untilDate);
  let person: { personDigest: string; personName: string } | null = null;
  if (body.subject === "person") {
    const id = body.idNumber.toUpperCase();
    const check = validateResidentId(id);
    if (!check.ok) throw new DomainError({ ...check, path: "idNumber" });
    person = { personDigest: deps.cipher.digest(id), personName: body.personName };
  }
  const { kind, fromDate, untilDate, reason, clause } = body;
  return deps.tx.run(ctx, async ({ integrity, units }, audit) => {
    const unit = body.subject === "unit" ? await units.find(ctx.scope, body.unitId) : null;
    if (body.subject === "unit" && !unit) throw unitNotFound();
    const rec = await integrity.insert({
      cityId,
      subject: body.subject,
      unitId: unit?.id ?? null,
      personDigest: person?.personDigest ?? null,
      personName: person?.personName ?? null,
      kind,
      fromDate,
      untilDate: untilDate ?? null,
      reason,
      clause,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now,
    });
    // The audit names the unit or the person, never the ID number or its digest.
    audit({
      action: "integrity.create",
      entityType: "integrityRecord",
      entityId: rec.id,
      after: {
        subject: rec.subject,
        unitId: rec.unitId,
        personName: rec.personName,
        kind,
        fromDate,
        untilDate,
        reason,
        clause,
      },
    });
    return { record: rec, unitNameZh: unit?.nameZh ?? null };
  });
}
