import { and, asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client.ts";
import { jointTopics, projects, units } from "../../db/schema/index.ts";

export type JointTopicRow = typeof jointTopics.$inferSelect;
export type { StepRecord } from "../../db/schema/index.ts";

const laboratories = alias(units, "laboratories");

/** 联合科研: the enterprises' questions and what becomes of them. */
export function jointRepository(db: Db) {
  return {
    async insert(row: typeof jointTopics.$inferInsert): Promise<JointTopicRow> {
      const [r] = await db.insert(jointTopics).values(row).returning();
      if (!r) throw new Error("insert returned no row");
      return r;
    },

    async lock(cityId: string, id: string): Promise<JointTopicRow | undefined> {
      const [r] = await db
        .select()
        .from(jointTopics)
        .where(and(eq(jointTopics.cityId, cityId), eq(jointTopics.id, id)))
        .for("update");
      return r;
    },

    async update(t: Pick<JointTopicRow, "cityId" | "id">, changes: Partial<JointTopicRow>) {
      await db
        .update(jointTopics)
        .set(changes)
        .where(and(eq(jointTopics.cityId, t.cityId), eq(jointTopics.id, t.id)));
    },

    /** A city's topics of a year with the enterprise's and laboratory's names and the project number. */
    async list(cityId: string, year: number) {
      return db
        .select({
          t: jointTopics,
          unitName: units.nameZh,
          laboratoryName: laboratories.nameZh,
          projectNumber: projects.number,
        })
        .from(jointTopics)
        .innerJoin(units, and(eq(units.cityId, jointTopics.cityId), eq(units.id, jointTopics.unitId)))
        .leftJoin(
          laboratories,
          and(eq(laboratories.cityId, jointTopics.cityId), eq(laboratories.id, jointTopics.laboratoryId)),
        )
        .leftJoin(
          projects,
          and(eq(projects.cityId, jointTopics.cityId), eq(projects.jointTopicId, jointTopics.id)),
        )
        .where(and(eq(jointTopics.cityId, cityId), eq(jointTopics.year, year)))
        .orderBy(asc(jointTopics.submittedAt));
    },

    /** The year a topic belongs to, to read it with its year's ranking. */
    async yearOf(cityId: string, id: string): Promise<number | undefined> {
      const [r] = await db
        .select({ year: jointTopics.year })
        .from(jointTopics)
        .where(and(eq(jointTopics.cityId, cityId), eq(jointTopics.id, id)));
      return r?.year;
    },
  };
}
export type JointRepository = ReturnType<typeof jointRepository>;
