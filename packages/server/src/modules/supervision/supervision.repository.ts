import { DomainError, type Scope } from "@luoshu/domain";
import { and, asc, desc, eq, isNull, notExists } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { inspections, projects, spotCheckDraws, taskBooks, units } from "../../db/schema/index.ts";
import { uniqueViolation, withConflicts } from "../../db/unique-violation.ts";
import { scopeWhere } from "../../lib/scope-sql.ts";

export type DrawRow = typeof spotCheckDraws.$inferSelect;
export type InspectionRow = typeof inspections.$inferSelect;

/** 随机抽查与检查: draws, and inspections read through the projects in the caller's scope. */
export function supervisionRepository(db: Db) {
  return {
    /** Projects in execution (task book signed, not closed) not inspected in the cycle. */
    async eligible(cityId: string, cycle: number) {
      return db
        .select({ id: projects.id, number: projects.number })
        .from(projects)
        .innerJoin(
          taskBooks,
          and(eq(taskBooks.cityId, projects.cityId), eq(taskBooks.projectId, projects.id)),
        )
        .where(
          and(
            eq(projects.cityId, cityId),
            eq(taskBooks.status, "signed"),
            isNull(projects.closedAs),
            notExists(
              db
                .select({ id: inspections.id })
                .from(inspections)
                .where(
                  and(
                    eq(inspections.cityId, projects.cityId),
                    eq(inspections.projectId, projects.id),
                    eq(inspections.cycle, cycle),
                  ),
                ),
            ),
          ),
        )
        .orderBy(asc(projects.number));
    },

    async draws(cityId: string | null): Promise<DrawRow[]> {
      return db
        .select()
        .from(spotCheckDraws)
        .where(cityId === null ? undefined : eq(spotCheckDraws.cityId, cityId))
        .orderBy(desc(spotCheckDraws.cycle));
    },

    async insertDraw(row: typeof spotCheckDraws.$inferInsert): Promise<DrawRow> {
      const [r] = await withConflicts(
        {
          spot_check_draws_cycle: {
            path: "cycle",
            messageZh: "本周期已经抽取过。",
            messageEn: "This cycle's spot check has been drawn already.",
          },
        },
        () => db.insert(spotCheckDraws).values(row).returning(),
      );
      if (!r) throw new Error("insert returned no row");
      return r;
    },

    /** Inspections; the unique index refuses a second one of a project in a cycle, whatever its kind. */
    async insertInspections(rows: (typeof inspections.$inferInsert)[], clause: string | null) {
      if (rows.length === 0) return [];
      try {
        return await db.insert(inspections).values(rows).returning();
      } catch (e) {
        if (uniqueViolation(e) !== "inspections_once_per_cycle") throw e;
        throw new DomainError({
          code: "INSPECTION_ONCE_PER_CYCLE",
          ...(clause ? { clause } : { setting: "city" as const }),
        });
      }
    },

    async inspections(scope: Scope, cycle?: number) {
      return db
        .select({ i: inspections, number: projects.number, title: projects.title, unitName: units.nameZh })
        .from(inspections)
        .innerJoin(
          projects,
          and(eq(projects.cityId, inspections.cityId), eq(projects.id, inspections.projectId)),
        )
        .innerJoin(units, and(eq(units.cityId, projects.cityId), eq(units.id, projects.unitId)))
        .where(
          and(
            scopeWhere(scope, { cityId: inspections.cityId, districtCode: units.districtCode }),
            cycle === undefined ? undefined : eq(inspections.cycle, cycle),
          ),
        )
        .orderBy(desc(inspections.cycle), asc(projects.number));
    },

    async inspection(cityId: string, id: string, lock = false): Promise<InspectionRow | undefined> {
      const q = db
        .select()
        .from(inspections)
        .where(and(eq(inspections.cityId, cityId), eq(inspections.id, id)));
      const [r] = lock ? await q.for("update") : await q;
      return r;
    },

    async setResult(i: Pick<InspectionRow, "cityId" | "id">, changes: Partial<InspectionRow>) {
      const [r] = await db
        .update(inspections)
        .set(changes)
        .where(and(eq(inspections.cityId, i.cityId), eq(inspections.id, i.id)))
        .returning();
      if (!r) throw new Error("inspection vanished");
      return r;
    },
  };
}
export type SupervisionRepository = ReturnType<typeof supervisionRepository>;
