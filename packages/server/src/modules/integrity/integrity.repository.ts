import type { IntegrityRecordFacts } from "@luoshu/domain";
import { and, desc, eq, inArray, or, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { integrityRecords, units } from "../../db/schema/index.ts";

/** The records that concern a unit or any of the given people (by keyed ID-number digest). */
export async function recordsFor(
  db: Db | Tx,
  cityId: string,
  unitId: string,
  personDigests: string[],
): Promise<IntegrityRecordFacts[]> {
  const who: SQL[] = [eq(integrityRecords.unitId, unitId)];
  if (personDigests.length) who.push(inArray(integrityRecords.personDigest, personDigests));
  const rows = await db
    .select()
    .from(integrityRecords)
    .where(and(eq(integrityRecords.cityId, cityId), or(...who)));
  return rows.map((r) => ({
    subject: r.subject as IntegrityRecordFacts["subject"],
    kind: r.kind as IntegrityRecordFacts["kind"],
    from: r.fromDate,
    until: r.untilDate,
    clause: r.clause,
  }));
}

export async function insertIntegrityRecord(tx: Tx, values: typeof integrityRecords.$inferInsert) {
  const [row] = await tx.insert(integrityRecords).values(values).returning();
  return row;
}

export async function listIntegrityRecords(db: Db, cityId: string) {
  return db
    .select({ record: integrityRecords, unitNameZh: units.nameZh })
    .from(integrityRecords)
    .leftJoin(units, and(eq(units.cityId, integrityRecords.cityId), eq(units.id, integrityRecords.unitId)))
    .where(eq(integrityRecords.cityId, cityId))
    .orderBy(desc(integrityRecords.createdAt));
}
