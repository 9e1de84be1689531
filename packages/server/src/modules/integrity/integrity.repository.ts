import { type IntegrityRecord, type IntegrityRecordFacts, integrityKinds, type Scope } from "@luoshu/domain";
import { and, desc, eq, inArray, isNull, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { integrityRecords, units } from "../../db/schema/index.ts";
import { scopeWhere } from "../../lib/scope-sql.ts";

type Row = typeof integrityRecords.$inferSelect;
const kind = z.enum(integrityKinds);
const subject = z.enum(["unit", "person"]);

/** The person's digest stays in the database: answers and audit records never carry it. */
const toRecord = ({ personDigest: _digest, ...row }: Row): IntegrityRecord => ({
  ...row,
  subject: subject.parse(row.subject),
  kind: kind.parse(row.kind),
});

/** A record as written: the person is known only by the keyed digest of their ID number. */
export type NewIntegrityRecord = Omit<
  IntegrityRecord,
  "id" | "originId" | "liftedBy" | "liftedAt" | "liftReason"
> & { personDigest: string | null; originId?: string | null };

export function integrityRepository(db: Db) {
  return {
    /** The records that concern a unit or any of the given people (by keyed ID-number digest). */
    async recordsFor(
      cityId: string,
      unitId: string,
      personDigests: string[],
    ): Promise<IntegrityRecordFacts[]> {
      const who: SQL[] = [eq(integrityRecords.unitId, unitId)];
      if (personDigests.length) who.push(inArray(integrityRecords.personDigest, personDigests));
      const rows = await db
        .select()
        .from(integrityRecords)
        // a lifted record binds no one any more
        .where(and(eq(integrityRecords.cityId, cityId), isNull(integrityRecords.liftedAt), or(...who)));
      return rows.map((r) => {
        const rec = toRecord(r);
        return {
          subject: rec.subject,
          kind: rec.kind,
          from: rec.fromDate,
          until: rec.untilDate,
          clause: rec.clause,
        };
      });
    },

    async insert(values: NewIntegrityRecord): Promise<IntegrityRecord> {
      const [row] = await db.insert(integrityRecords).values(values).returning();
      if (!row) throw new Error("record not stored");
      return toRecord(row);
    },

    async find(cityId: string, id: string, lock = false) {
      const q = db
        .select()
        .from(integrityRecords)
        .where(and(eq(integrityRecords.cityId, cityId), eq(integrityRecords.id, id)));
      const [row] = lock ? await q.for("update") : await q;
      return row ? toRecord(row) : undefined;
    },

    /** Lifts a record, or every record a sanction or revocation left, that is not lifted yet. */
    async lift(
      cityId: string,
      which: { id: string } | { originId: string },
      by: string,
      at: Date,
      reason: string,
    ) {
      const rows = await db
        .update(integrityRecords)
        .set({ liftedBy: by, liftedAt: at, liftReason: reason })
        .where(
          and(
            eq(integrityRecords.cityId, cityId),
            isNull(integrityRecords.liftedAt),
            "id" in which ? eq(integrityRecords.id, which.id) : eq(integrityRecords.originId, which.originId),
          ),
        )
        .returning();
      return rows.map(toRecord);
    },

    async list(scope: Scope) {
      const rows = await db
        .select({ record: integrityRecords, unitNameZh: units.nameZh })
        .from(integrityRecords)
        .leftJoin(
          units,
          and(eq(units.cityId, integrityRecords.cityId), eq(units.id, integrityRecords.unitId)),
        )
        .where(scopeWhere(scope, { cityId: integrityRecords.cityId }))
        .orderBy(desc(integrityRecords.createdAt));
      return rows.map((r) => ({ record: toRecord(r.record), unitNameZh: r.unitNameZh }));
    },
  };
}
export type IntegrityRepository = ReturnType<typeof integrityRepository>;
