import { DomainError, type RectificationState, type Scope } from "@luoshu/domain";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { projects, rectifications, units } from "../../db/schema/index.ts";
import { projectInScope } from "../decisions/projects.repository.ts";

export type RectificationRow = typeof rectifications.$inferSelect;

/** 整改事项: read through the projects in the caller's scope, changed only from the state read. */
export function rectificationsRepository(db: Db) {
  return {
    async list(scope: Scope, filter: { projectId?: string; statuses?: readonly RectificationState[] } = {}) {
      return db
        .select({
          r: rectifications,
          number: projects.number,
          title: projects.title,
          unitId: projects.unitId,
          piUserId: projects.piUserId,
          unitName: units.nameZh,
        })
        .from(rectifications)
        .innerJoin(
          projects,
          and(eq(projects.cityId, rectifications.cityId), eq(projects.id, rectifications.projectId)),
        )
        .innerJoin(units, and(eq(units.cityId, projects.cityId), eq(units.id, projects.unitId)))
        .where(
          and(
            // the project's city is the item's (the join's condition)
            projectInScope(scope),
            filter.projectId ? eq(rectifications.projectId, filter.projectId) : undefined,
            filter.statuses ? inArray(rectifications.status, [...filter.statuses]) : undefined,
          ),
        )
        .orderBy(asc(rectifications.dueDate), asc(rectifications.raisedAt))
        .limit(1000);
    },

    async one(cityId: string, projectId: string, id: string, lock = false) {
      const q = db
        .select()
        .from(rectifications)
        .where(
          and(
            eq(rectifications.cityId, cityId),
            eq(rectifications.projectId, projectId),
            eq(rectifications.id, id),
          ),
        );
      const [r] = lock ? await q.for("update") : await q;
      return r;
    },

    async insert(row: typeof rectifications.$inferInsert): Promise<RectificationRow> {
      const [r] = await db.insert(rectifications).values(row).returning();
      if (!r) throw new Error("insert returned no row");
      return r;
    },

    /** Changes an item only from the state it was read in: a second press at once is a 409. */
    async update(
      r: Pick<RectificationRow, "cityId" | "id" | "status">,
      set: Partial<typeof rectifications.$inferInsert>,
    ): Promise<RectificationRow> {
      const [row] = await db
        .update(rectifications)
        .set(set)
        .where(
          and(
            eq(rectifications.cityId, r.cityId),
            eq(rectifications.id, r.id),
            eq(rectifications.status, r.status),
          ),
        )
        .returning();
      if (!row)
        throw new DomainError({
          code: "CONFLICT",
          messageZh: "该整改事项已被他人处理，请刷新后重试。",
          messageEn: "The item was changed by someone else: reload.",
        });
      return row;
    },
  };
}
export type RectificationsRepository = ReturnType<typeof rectificationsRepository>;
