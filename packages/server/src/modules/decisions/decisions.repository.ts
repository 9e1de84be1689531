import type { ProposedListState } from "@luoshu/domain";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import {
  applications,
  calls,
  type directedCommissions,
  guides,
  objections,
  type projects,
  proposedListEntries,
  proposedLists,
  reviewAssignments,
  reviewPlans,
  units,
} from "../../db/schema/index.ts";
import { withConflicts } from "../../db/unique-violation.ts";

export type ListRow = typeof proposedLists.$inferSelect;
export type EntryRow = typeof proposedListEntries.$inferSelect;
export type ObjectionRow = typeof objections.$inferSelect;
export type ProjectRow = typeof projects.$inferSelect;
export type CommissionRow = typeof directedCommissions.$inferSelect;

const listConflicts = {
  proposed_lists_call: {
    path: "callId",
    messageZh: "该批次已有拟立项名单。",
    messageEn: "The call has a proposed list already.",
  },
  projects_application: {
    path: "applicationId",
    messageZh: "该申报书已立项。",
    messageEn: "The application is a project already.",
  },
  budget_control_numbers_pkey: {
    path: "year",
    messageZh: "该年度预算控制数已由他人录入，请刷新。",
    messageEn: "Someone set this year's figure just now; reload.",
  },
};

/** Proposed lists, their entries and objections, the year's control numbers, counters and projects. */
export function decisionsRepository(db: Db) {
  return {
    /** Calls whose review is completed, with their list. */
    async decidableCalls(cityId: string) {
      return db
        .select({
          callId: calls.id,
          callName: calls.nameZh,
          opensAt: calls.opensAt,
          guideTitle: guides.titleZh,
          program: guides.program,
          reviewStatus: reviewPlans.status,
          listId: proposedLists.id,
          listStatus: proposedLists.status,
          listSteps: proposedLists.steps,
        })
        .from(reviewPlans)
        .innerJoin(calls, and(eq(calls.cityId, reviewPlans.cityId), eq(calls.id, reviewPlans.callId)))
        .innerJoin(guides, and(eq(guides.cityId, calls.cityId), eq(guides.id, calls.guideId)))
        .leftJoin(
          proposedLists,
          and(eq(proposedLists.cityId, calls.cityId), eq(proposedLists.callId, calls.id)),
        )
        .where(and(eq(reviewPlans.cityId, cityId), eq(reviewPlans.status, "completed")))
        .orderBy(desc(calls.opensAt), asc(calls.nameZh));
    },

    /** What a list shows and a project copies of its applications. */
    async applicationFacts(cityId: string, ids: readonly string[]) {
      if (ids.length === 0) return [];
      return db
        .select({
          id: applications.id,
          cityId: applications.cityId,
          callId: applications.callId,
          unitId: applications.unitId,
          unitName: units.nameZh,
          districtCode: applications.districtCode,
          piUserId: applications.piUserId,
          createdBy: applications.createdBy,
          title: applications.title,
          content: applications.content,
          requestedFen: applications.requestedFen,
          numberProgram: applications.numberProgram,
          numberYear: applications.numberYear,
          numberSeq: applications.numberSeq,
        })
        .from(applications)
        .innerJoin(units, and(eq(units.cityId, applications.cityId), eq(units.id, applications.unitId)))
        .where(and(eq(applications.cityId, cityId), inArray(applications.id, [...ids])));
    },

    async planOfCall(cityId: string, callId: string) {
      const [row] = await db
        .select()
        .from(reviewPlans)
        .where(and(eq(reviewPlans.cityId, cityId), eq(reviewPlans.callId, callId)));
      return row;
    },

    async insertList(row: typeof proposedLists.$inferInsert): Promise<ListRow> {
      return withConflicts(listConflicts, async () => {
        const [r] = await db.insert(proposedLists).values(row).returning();
        if (!r) throw new Error("insert returned no row");
        return r;
      });
    },

    async findList(cityId: string, id: string): Promise<ListRow | undefined> {
      const [r] = await db
        .select()
        .from(proposedLists)
        .where(and(eq(proposedLists.cityId, cityId), eq(proposedLists.id, id)));
      return r;
    },

    async lockList(cityId: string, id: string): Promise<ListRow | undefined> {
      const [r] = await db
        .select()
        .from(proposedLists)
        .where(and(eq(proposedLists.cityId, cityId), eq(proposedLists.id, id)))
        .for("update");
      return r;
    },

    async updateList(l: Pick<ListRow, "cityId" | "id">, changes: Partial<ListRow>) {
      await db
        .update(proposedLists)
        .set(changes)
        .where(and(eq(proposedLists.cityId, l.cityId), eq(proposedLists.id, l.id)));
    },

    async listsInStates(cityId: string | null, states: readonly ProposedListState[]) {
      return db
        .select()
        .from(proposedLists)
        .where(
          and(
            cityId === null ? undefined : eq(proposedLists.cityId, cityId),
            inArray(proposedLists.status, [...states]),
          ),
        )
        .orderBy(desc(proposedLists.noticeStartedAt));
    },

    async entries(cityId: string, listId: string): Promise<EntryRow[]> {
      return db
        .select()
        .from(proposedListEntries)
        .where(and(eq(proposedListEntries.cityId, cityId), eq(proposedListEntries.listId, listId)))
        .orderBy(sql`${proposedListEntries.rank} asc nulls last`, asc(proposedListEntries.applicationId));
    },

    async insertEntries(rows: (typeof proposedListEntries.$inferInsert)[]) {
      if (rows.length) await db.insert(proposedListEntries).values(rows);
    },

    async updateEntry(e: Pick<EntryRow, "cityId" | "listId" | "applicationId">, changes: Partial<EntryRow>) {
      await db
        .update(proposedListEntries)
        .set(changes)
        .where(
          and(
            eq(proposedListEntries.cityId, e.cityId),
            eq(proposedListEntries.listId, e.listId),
            eq(proposedListEntries.applicationId, e.applicationId),
          ),
        );
    },

    /** The entry an application holds on its call's list, with the list, its review count and the list's size. */
    async entryOfApplication(cityId: string, applicationId: string) {
      const [row] = await db
        .select({ entry: proposedListEntries, list: proposedLists })
        .from(proposedListEntries)
        .innerJoin(
          proposedLists,
          and(
            eq(proposedLists.cityId, proposedListEntries.cityId),
            eq(proposedLists.id, proposedListEntries.listId),
          ),
        )
        .where(
          and(eq(proposedListEntries.cityId, cityId), eq(proposedListEntries.applicationId, applicationId)),
        );
      if (!row) return undefined;
      const [counts] = await db
        .select({
          of: sql<number>`(select count(*)::int from proposed_list_entries e where e.city_id = ${cityId} and e.list_id = ${row.list.id} and e.rank is not null)`,
          reviews: sql<number>`count(*)::int`,
        })
        .from(reviewAssignments)
        .where(
          and(
            eq(reviewAssignments.cityId, cityId),
            eq(reviewAssignments.applicationId, applicationId),
            eq(reviewAssignments.status, "submitted"),
          ),
        );
      return { ...row, of: Number(counts?.of ?? 0), reviews: Number(counts?.reviews ?? 0) };
    },

    async objections(cityId: string, listId: string): Promise<ObjectionRow[]> {
      return db
        .select()
        .from(objections)
        .where(and(eq(objections.cityId, cityId), eq(objections.listId, listId)))
        .orderBy(asc(objections.receivedAt));
    },

    async insertObjection(row: typeof objections.$inferInsert) {
      await db.insert(objections).values(row);
    },

    async lockObjection(cityId: string, id: string): Promise<ObjectionRow | undefined> {
      const [r] = await db
        .select()
        .from(objections)
        .where(and(eq(objections.cityId, cityId), eq(objections.id, id)))
        .for("update");
      return r;
    },

    async updateObjection(o: Pick<ObjectionRow, "cityId" | "id">, changes: Partial<ObjectionRow>) {
      await db
        .update(objections)
        .set(changes)
        .where(and(eq(objections.cityId, o.cityId), eq(objections.id, o.id)));
    },
  };
}
export type DecisionsRepository = ReturnType<typeof decisionsRepository>;
