import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { fundPushes, projects, units } from "../../db/schema/index.ts";

export type FundPushRow = typeof fundPushes.$inferSelect;

/** 基金推送: the pushes of a city, read by the bureau and the fund management institution alike. */
export function fundPushRepository(db: Db) {
  return {
    async list(cityId: string) {
      return db
        .select({ f: fundPushes, unitName: units.nameZh })
        .from(fundPushes)
        .innerJoin(units, and(eq(units.cityId, fundPushes.cityId), eq(units.id, fundPushes.unitId)))
        .where(eq(fundPushes.cityId, cityId))
        .orderBy(desc(fundPushes.pushedAt))
        .limit(1000);
    },

    async find(cityId: string, id: string, lock = false) {
      const q = db
        .select({ f: fundPushes, unitName: units.nameZh })
        .from(fundPushes)
        .innerJoin(units, and(eq(units.cityId, fundPushes.cityId), eq(units.id, fundPushes.unitId)))
        .where(and(eq(fundPushes.cityId, cityId), eq(fundPushes.id, id)));
      const [r] = lock ? await q.for("update", { of: fundPushes }) : await q;
      return r;
    },

    /** The enterprise and its projects, as the push snapshots them. */
    async enterprise(cityId: string, unitId: string) {
      const [unit] = await db
        .select()
        .from(units)
        .where(and(eq(units.cityId, cityId), eq(units.id, unitId)));
      if (!unit) return undefined;
      const own = await db
        .select({
          id: projects.id,
          number: projects.number,
          title: projects.title,
          grade: projects.grade,
          amountFen: projects.amountFen,
        })
        .from(projects)
        .where(and(eq(projects.cityId, cityId), eq(projects.unitId, unitId)));
      return { unit, projects: own };
    },

    async insert(row: typeof fundPushes.$inferInsert): Promise<FundPushRow> {
      const [r] = await db.insert(fundPushes).values(row).returning();
      if (!r) throw new Error("insert returned no row");
      return r;
    },

    async update(f: Pick<FundPushRow, "cityId" | "id">, changes: Partial<FundPushRow>) {
      await db
        .update(fundPushes)
        .set(changes)
        .where(and(eq(fundPushes.cityId, f.cityId), eq(fundPushes.id, f.id)));
    },
  };
}
export type FundPushRepository = ReturnType<typeof fundPushRepository>;
