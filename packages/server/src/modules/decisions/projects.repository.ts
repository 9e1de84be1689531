import type { Scope } from "@luoshu/domain";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import {
  budgetControlNumbers,
  directedCommissions,
  integrityRecords,
  projectNumberCounters,
  projects,
  units,
} from "../../db/schema/index.ts";
import { withConflicts } from "../../db/unique-violation.ts";
import { scopeWhere } from "../../lib/scope-sql.ts";

export type ProjectRow = typeof projects.$inferSelect;
export type CommissionRow = typeof directedCommissions.$inferSelect;

const projectConflicts = {
  projects_application: {
    path: "applicationId",
    messageZh: "该申报书已立项。",
    messageEn: "The application is a project already.",
  },
};

/**
 * Projects (立项) and what approving them counts against: the number counters, the year's control
 * numbers, directed commissions, and the units' and PIs' earlier projects and integrity records.
 */
/**
 * A project row in the caller's scope, read with its unit joined (the unit's district narrows a
 * district's scope; the PI owns it): the one mapping every repository of projects filters by.
 */
export const projectInScope = (scope: Scope) =>
  scopeWhere(scope, {
    cityId: projects.cityId,
    districtCode: units.districtCode,
    unitId: projects.unitId,
    ownerUserId: projects.piUserId,
  });

export function projectsRepository(db: Db) {
  return {
    async insertCommission(row: typeof directedCommissions.$inferInsert): Promise<CommissionRow> {
      const [r] = await db.insert(directedCommissions).values(row).returning();
      if (!r) throw new Error("insert returned no row");
      return r;
    },

    async lockCommission(cityId: string, id: string): Promise<CommissionRow | undefined> {
      const [r] = await db
        .select()
        .from(directedCommissions)
        .where(and(eq(directedCommissions.cityId, cityId), eq(directedCommissions.id, id)))
        .for("update");
      return r;
    },

    async updateCommission(c: Pick<CommissionRow, "cityId" | "id">, changes: Partial<CommissionRow>) {
      await db
        .update(directedCommissions)
        .set(changes)
        .where(and(eq(directedCommissions.cityId, c.cityId), eq(directedCommissions.id, c.id)));
    },

    /** The city's commissions (or, with `cityId` null and `published`, every city's public ones), with the unit's name. */
    async commissions(cityId: string | null, published = false) {
      return db
        .select({ c: directedCommissions, unitName: units.nameZh, projectNumber: projects.number })
        .from(directedCommissions)
        .innerJoin(
          units,
          and(eq(units.cityId, directedCommissions.cityId), eq(units.id, directedCommissions.unitId)),
        )
        .leftJoin(
          projects,
          and(
            eq(projects.cityId, directedCommissions.cityId),
            eq(projects.commissionId, directedCommissions.id),
          ),
        )
        .where(
          and(
            cityId === null ? undefined : eq(directedCommissions.cityId, cityId),
            published ? inArray(directedCommissions.status, ["inNotice", "approved"]) : undefined,
          ),
        )
        .orderBy(desc(directedCommissions.createdAt));
    },

    async controlNumbers(cityId: string) {
      return db
        .select()
        .from(budgetControlNumbers)
        .where(eq(budgetControlNumbers.cityId, cityId))
        .orderBy(desc(budgetControlNumbers.year));
    },

    async setControlNumber(row: typeof budgetControlNumbers.$inferInsert) {
      const [r] = await db
        .insert(budgetControlNumbers)
        .values(row)
        .onConflictDoUpdate({
          target: [budgetControlNumbers.cityId, budgetControlNumbers.year],
          set: { amountFen: row.amountFen, docNumber: row.docNumber, setBy: row.setBy, setAt: row.setAt },
        })
        .returning();
      if (!r) throw new Error("upsert returned no row");
      return r;
    },

    /**
     * What a list is measured against in its year: projects of its program, money committed, the
     * youth counts of the youth-share programs, and the control number. `lock` takes the control
     * number's row first, so two lists issued at once are measured one after the other.
     */
    async yearFacts(
      cityId: string,
      year: number,
      program: string,
      youthPrograms: readonly string[],
      lock = false,
    ) {
      const control = db
        .select()
        .from(budgetControlNumbers)
        .where(and(eq(budgetControlNumbers.cityId, cityId), eq(budgetControlNumbers.year, year)));
      const [controlRow] = lock ? await control.for("update") : await control;
      const [row] = await db
        .select({
          inProgram: sql<number>`count(*) filter (where ${projects.program} = ${program})::int`,
          committed: sql<number>`coalesce(sum(${projects.amountFen}), 0)::bigint`,
          youthTotal: youthPrograms.length
            ? sql<number>`count(*) filter (where ${inArray(projects.program, [...youthPrograms])})::int`
            : sql<number>`0`,
          youthYoung: youthPrograms.length
            ? sql<number>`count(*) filter (where ${inArray(projects.program, [...youthPrograms])} and ${projects.piYouth})::int`
            : sql<number>`0`,
        })
        .from(projects)
        .where(and(eq(projects.cityId, cityId), eq(projects.year, year)));
      return {
        issuedInProgram: Number(row?.inProgram ?? 0),
        committedFen: Number(row?.committed ?? 0),
        controlFen: controlRow ? controlRow.amountFen : null,
        youth: { total: Number(row?.youthTotal ?? 0), young: Number(row?.youthYoung ?? 0) },
      };
    },

    async committedByYear(cityId: string) {
      return db
        .select({
          year: projects.year,
          committed: sql<number>`coalesce(sum(${projects.amountFen}), 0)::bigint`,
        })
        .from(projects)
        .where(eq(projects.cityId, cityId))
        .groupBy(projects.year);
    },

    /**
     * Takes `count` consecutive numbers of (city, year, code): the counter row is created at 1 if
     * missing, then advanced in one guarded statement that holds its row lock until commit.
     */
    async takeNumbers(cityId: string, year: number, numberCode: string, count: number): Promise<number> {
      await db
        .insert(projectNumberCounters)
        .values({ cityId, year, numberCode, next: 1 })
        .onConflictDoNothing();
      const [r] = await db
        .update(projectNumberCounters)
        .set({ next: sql`${projectNumberCounters.next} + ${count}` })
        .where(
          and(
            eq(projectNumberCounters.cityId, cityId),
            eq(projectNumberCounters.year, year),
            eq(projectNumberCounters.numberCode, numberCode),
          ),
        )
        .returning({ next: projectNumberCounters.next });
      if (!r) throw new Error("counter row missing");
      return r.next - count;
    },

    async insertProjects(rows: (typeof projects.$inferInsert)[]): Promise<ProjectRow[]> {
      if (rows.length === 0) return [];
      return withConflicts(projectConflicts, () => db.insert(projects).values(rows).returning());
    },

    async projectsOfList(cityId: string, listId: string): Promise<ProjectRow[]> {
      return db
        .select()
        .from(projects)
        .where(and(eq(projects.cityId, cityId), eq(projects.listId, listId)));
    },

    async projectOfApplication(cityId: string, applicationId: string): Promise<ProjectRow | undefined> {
      const [r] = await db
        .select()
        .from(projects)
        .where(and(eq(projects.cityId, cityId), eq(projects.applicationId, applicationId)));
      return r;
    },

    /**
     * Issued projects in the caller's scope, newest first (the latest 1,000); `only`: just these,
     * however old (what waits for the caller may be years old).
     */
    async projectsInScope(scope: Scope, only?: readonly string[]) {
      if (only?.length === 0) return [];
      return db
        .select({ p: projects, unitName: units.nameZh, districtCode: units.districtCode })
        .from(projects)
        .innerJoin(units, and(eq(units.cityId, projects.cityId), eq(units.id, projects.unitId)))
        .where(and(projectInScope(scope), only ? inArray(projects.id, [...only]) : undefined))
        .orderBy(desc(projects.approvedAt), asc(projects.number))
        .limit(only ? only.length : 1000);
    },

    /** 既往科研业绩: earlier projects of these units and PIs, with grades where evaluated. */
    async pastProjects(cityId: string, unitIds: readonly string[], piUserIds: readonly string[]) {
      if (unitIds.length === 0 && piUserIds.length === 0) return [];
      return db
        .select({
          number: projects.number,
          unitId: projects.unitId,
          piUserId: projects.piUserId,
          grade: projects.grade,
          diligenceFinding: projects.diligenceFinding,
          applicationId: projects.applicationId,
        })
        .from(projects)
        .where(
          and(
            eq(projects.cityId, cityId),
            sql`(${unitIds.length ? inArray(projects.unitId, [...unitIds]) : sql`false`} or ${
              piUserIds.length ? inArray(projects.piUserId, [...piUserIds]) : sql`false`
            })`,
          ),
        );
    },

    /** 信用记录 of these units and people (by ID digest). */
    async integrityOf(cityId: string, unitIds: readonly string[], digests: readonly string[]) {
      if (unitIds.length === 0 && digests.length === 0) return [];
      return db
        .select({
          unitId: integrityRecords.unitId,
          personDigest: integrityRecords.personDigest,
          kind: integrityRecords.kind,
          untilDate: integrityRecords.untilDate,
        })
        .from(integrityRecords)
        .where(
          and(
            eq(integrityRecords.cityId, cityId),
            sql`(${unitIds.length ? inArray(integrityRecords.unitId, [...unitIds]) : sql`false`} or ${
              digests.length ? inArray(integrityRecords.personDigest, [...digests]) : sql`false`
            })`,
          ),
        );
    },
  };
}
export type ProjectsRepository = ReturnType<typeof projectsRepository>;
