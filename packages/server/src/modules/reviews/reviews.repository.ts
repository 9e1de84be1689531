import type { ApplicationContent, ReviewAssignmentState, ReviewPlanState } from "@luoshu/domain";
import { activeAssignmentStates } from "@luoshu/domain";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import {
  applications,
  calls,
  expertProfiles,
  guides,
  horseRaces,
  reviewAssignments,
  reviewCommitments,
  reviewEntrustments,
  reviewItems,
  reviewPlans,
  reviewRelations,
  siteVisits,
  units,
  users,
} from "../../db/schema/index.ts";
import { withConflicts } from "../../db/unique-violation.ts";

export type PlanRow = typeof reviewPlans.$inferSelect;
export type AssignmentRow = typeof reviewAssignments.$inferSelect;
export type EntrustmentRow = typeof reviewEntrustments.$inferSelect;

/** The places-held indexes answer a second expert (or unit) on one application with a 409. */
const placeConflicts = {
  review_assignments_expert_once: {
    path: "expertId",
    messageZh: "该专家已在评审这份申报书。",
    messageEn: "The expert already reviews this application.",
  },
  review_assignments_unit_once: {
    path: "expertId",
    messageZh: "同一单位至多一名专家评审同一份申报书。",
    messageEn: "At most one expert of a unit reviews an application.",
  },
  review_plans_call: {
    path: "callId",
    messageZh: "该批次已有评审方案。",
    messageEn: "The call has a review plan already.",
  },
};

export interface ApplicationForReview {
  id: string;
  unitId: string;
  unitName: string;
  title: string;
  numberProgram: string;
  numberYear: number;
  numberSeq: number;
  content: ApplicationContent;
  requestedFen: number;
}

export function reviewsRepository(db: Db) {
  /** An application with its unit's name: what conflicts, affinity and the views read of it. */
  const applicationRows = () =>
    db
      .select({
        id: applications.id,
        unitId: applications.unitId,
        unitName: units.nameZh,
        title: applications.title,
        numberProgram: applications.numberProgram,
        numberYear: applications.numberYear,
        numberSeq: applications.numberSeq,
        content: applications.content,
        requestedFen: applications.requestedFen,
      })
      .from(applications)
      .innerJoin(units, and(eq(units.cityId, applications.cityId), eq(units.id, applications.unitId)));

  const assignmentsOf = (cityId: string, planId: string) =>
    db
      .select({
        a: reviewAssignments,
        displayName: users.displayName,
        unitName: units.nameZh,
        title: expertProfiles.title,
      })
      .from(reviewAssignments)
      .innerJoin(
        expertProfiles,
        and(
          eq(expertProfiles.cityId, reviewAssignments.cityId),
          eq(expertProfiles.id, reviewAssignments.expertId),
        ),
      )
      .innerJoin(users, eq(users.id, expertProfiles.userId))
      .innerJoin(units, and(eq(units.cityId, expertProfiles.cityId), eq(units.id, expertProfiles.unitId)))
      .where(and(eq(reviewAssignments.cityId, cityId), eq(reviewAssignments.planId, planId)))
      .orderBy(asc(reviewAssignments.createdAt), asc(reviewAssignments.id));

  return {
    /** Calls with applications past the formal check, with their guide and plan. */
    async reviewableCalls(cityId: string) {
      return db
        .select({
          callId: calls.id,
          callName: calls.nameZh,
          guideId: guides.id,
          guideTitle: guides.titleZh,
          program: guides.program,
          passed: sql<number>`count(*)::int`,
          planId: reviewPlans.id,
          planStatus: reviewPlans.status,
        })
        .from(applications)
        .innerJoin(calls, and(eq(calls.cityId, applications.cityId), eq(calls.id, applications.callId)))
        .innerJoin(guides, and(eq(guides.cityId, calls.cityId), eq(guides.id, calls.guideId)))
        .leftJoin(reviewPlans, and(eq(reviewPlans.cityId, calls.cityId), eq(reviewPlans.callId, calls.id)))
        .where(and(eq(applications.cityId, cityId), eq(applications.status, "formalPassed")))
        .groupBy(
          calls.id,
          calls.nameZh,
          guides.id,
          guides.titleZh,
          guides.program,
          reviewPlans.id,
          reviewPlans.status,
        )
        .orderBy(asc(guides.titleZh), asc(calls.nameZh));
    },

    async findCall(cityId: string, callId: string) {
      const [row] = await db
        .select({ call: calls, guide: guides })
        .from(calls)
        .innerJoin(guides, and(eq(guides.cityId, calls.cityId), eq(guides.id, calls.guideId)))
        .where(and(eq(calls.cityId, cityId), eq(calls.id, callId)));
      return row;
    },

    async passedApplications(cityId: string, callId: string): Promise<ApplicationForReview[]> {
      return applicationRows()
        .where(
          and(
            eq(applications.cityId, cityId),
            eq(applications.callId, callId),
            eq(applications.status, "formalPassed"),
          ),
        )
        .orderBy(asc(applications.numberSeq));
    },

    async applicationsByIds(cityId: string, ids: readonly string[]): Promise<ApplicationForReview[]> {
      if (ids.length === 0) return [];
      return applicationRows().where(
        and(eq(applications.cityId, cityId), inArray(applications.id, [...ids])),
      );
    },

    /** The city's pool with what conflicts and affinity need. */
    async pool(cityId: string) {
      return db
        .select({
          id: expertProfiles.id,
          userId: expertProfiles.userId,
          unitId: expertProfiles.unitId,
          unitUscc: units.uscc,
          status: expertProfiles.status,
          disciplines: expertProfiles.disciplines,
          keywords: expertProfiles.keywords,
          formerUnits: expertProfiles.formerUnits,
          availability: expertProfiles.availability,
          idNumberDigest: users.idNumberDigest,
          userStatus: users.status,
        })
        .from(expertProfiles)
        .innerJoin(users, eq(users.id, expertProfiles.userId))
        .innerJoin(units, and(eq(units.cityId, expertProfiles.cityId), eq(units.id, expertProfiles.unitId)))
        .where(eq(expertProfiles.cityId, cityId))
        .orderBy(asc(expertProfiles.id));
    },

    async unitIdsByUscc(cityId: string, usccs: readonly string[]) {
      if (usccs.length === 0) return new Map<string, string>();
      const rows = await db
        .select({ id: units.id, uscc: units.uscc })
        .from(units)
        .where(and(eq(units.cityId, cityId), inArray(units.uscc, [...usccs])));
      return new Map(rows.map((r) => [r.uscc, r.id]));
    },

    async relations(cityId: string) {
      return db.select().from(reviewRelations).where(eq(reviewRelations.cityId, cityId));
    },
    async insertRelation(row: typeof reviewRelations.$inferInsert) {
      const [inserted] = await db.insert(reviewRelations).values(row).returning();
      if (!inserted) throw new Error("relation insert returned nothing");
      return inserted;
    },
    /** What the applicant asked to keep away from its application, with the units' names. */
    async avoidancesOf(cityId: string, applicationId: string) {
      return db
        .select({ r: reviewRelations, unitName: units.nameZh, uscc: units.uscc })
        .from(reviewRelations)
        .leftJoin(units, and(eq(units.cityId, reviewRelations.cityId), eq(units.id, reviewRelations.unitId)))
        .where(
          and(
            eq(reviewRelations.cityId, cityId),
            eq(reviewRelations.applicationId, applicationId),
            eq(reviewRelations.declaredBy, "applicant"),
          ),
        )
        .orderBy(asc(reviewRelations.at));
    },
    /** The state of the plan an application is reviewed in, if any. */
    async planStatusOf(cityId: string, applicationId: string): Promise<ReviewPlanState | null> {
      const [row] = await db
        .select({ status: reviewPlans.status })
        .from(reviewItems)
        .innerJoin(
          reviewPlans,
          and(eq(reviewPlans.cityId, reviewItems.cityId), eq(reviewPlans.id, reviewItems.planId)),
        )
        .where(and(eq(reviewItems.cityId, cityId), eq(reviewItems.applicationId, applicationId)));
      return row?.status ?? null;
    },

    async findPlan(cityId: string, id: string): Promise<PlanRow | undefined> {
      const [row] = await db
        .select()
        .from(reviewPlans)
        .where(and(eq(reviewPlans.cityId, cityId), eq(reviewPlans.id, id)));
      return row;
    },
    /** Row lock: changes of one plan (assign, override, refill, publish) run one after another. */
    async lockPlan(cityId: string, id: string): Promise<PlanRow | undefined> {
      const [row] = await db
        .select()
        .from(reviewPlans)
        .where(and(eq(reviewPlans.cityId, cityId), eq(reviewPlans.id, id)))
        .for("update");
      return row;
    },
    async insertPlan(row: typeof reviewPlans.$inferInsert): Promise<PlanRow> {
      const [inserted] = await withConflicts(placeConflicts, () =>
        db.insert(reviewPlans).values(row).returning(),
      );
      if (!inserted) throw new Error("review plan insert returned nothing");
      return inserted;
    },
    async updatePlan(plan: Pick<PlanRow, "cityId" | "id">, changes: Partial<PlanRow>) {
      await db
        .update(reviewPlans)
        .set(changes)
        .where(and(eq(reviewPlans.cityId, plan.cityId), eq(reviewPlans.id, plan.id)));
    },
    async setStatus(plan: Pick<PlanRow, "cityId" | "id">, status: ReviewPlanState, now: Date) {
      await db
        .update(reviewPlans)
        .set({ status, updatedAt: now })
        .where(and(eq(reviewPlans.cityId, plan.cityId), eq(reviewPlans.id, plan.id)));
    },

    async items(cityId: string, planId: string) {
      return db
        .select()
        .from(reviewItems)
        .where(and(eq(reviewItems.cityId, cityId), eq(reviewItems.planId, planId)));
    },
    async insertItems(rows: (typeof reviewItems.$inferInsert)[]) {
      if (rows.length > 0) await db.insert(reviewItems).values(rows).onConflictDoNothing();
    },
    async setPanel(cityId: string, planId: string, applicationId: string, panelIndex: number) {
      await db
        .update(reviewItems)
        .set({ panelIndex })
        .where(
          and(
            eq(reviewItems.cityId, cityId),
            eq(reviewItems.planId, planId),
            eq(reviewItems.applicationId, applicationId),
          ),
        );
    },

    assignmentsOf,
    async findAssignment(cityId: string, id: string): Promise<AssignmentRow | undefined> {
      const [row] = await db
        .select()
        .from(reviewAssignments)
        .where(and(eq(reviewAssignments.cityId, cityId), eq(reviewAssignments.id, id)));
      return row;
    },
    async lockAssignment(cityId: string, id: string): Promise<AssignmentRow | undefined> {
      const [row] = await db
        .select()
        .from(reviewAssignments)
        .where(and(eq(reviewAssignments.cityId, cityId), eq(reviewAssignments.id, id)))
        .for("update");
      return row;
    },
    async insertAssignments(rows: (typeof reviewAssignments.$inferInsert)[]) {
      for (let i = 0; i < rows.length; i += 500) {
        await withConflicts(placeConflicts, () =>
          db.insert(reviewAssignments).values(rows.slice(i, i + 500)),
        );
      }
    },
    async deleteProposed(cityId: string, planId: string) {
      await db
        .delete(reviewAssignments)
        .where(
          and(
            eq(reviewAssignments.cityId, cityId),
            eq(reviewAssignments.planId, planId),
            eq(reviewAssignments.status, "proposed"),
          ),
        );
    },
    async updateAssignment(a: Pick<AssignmentRow, "cityId" | "id">, changes: Partial<AssignmentRow>) {
      await db
        .update(reviewAssignments)
        .set(changes)
        .where(and(eq(reviewAssignments.cityId, a.cityId), eq(reviewAssignments.id, a.id)));
    },
    async setPlanAssignments(
      cityId: string,
      planId: string,
      from: ReviewAssignmentState,
      changes: Partial<AssignmentRow>,
    ) {
      return db
        .update(reviewAssignments)
        .set(changes)
        .where(
          and(
            eq(reviewAssignments.cityId, cityId),
            eq(reviewAssignments.planId, planId),
            eq(reviewAssignments.status, from),
          ),
        )
        .returning({ id: reviewAssignments.id, expertId: reviewAssignments.expertId });
    },
    /** Places each expert holds in the plan now. */
    async loads(cityId: string, planId: string) {
      const rows = await db
        .select({ expertId: reviewAssignments.expertId, n: sql<number>`count(*)::int` })
        .from(reviewAssignments)
        .where(
          and(
            eq(reviewAssignments.cityId, cityId),
            eq(reviewAssignments.planId, planId),
            inArray(reviewAssignments.status, [...activeAssignmentStates]),
          ),
        )
        .groupBy(reviewAssignments.expertId);
      return new Map(rows.map((r) => [r.expertId, r.n]));
    },

    async expertOfUser(userId: string) {
      const [row] = await db.select().from(expertProfiles).where(eq(expertProfiles.userId, userId));
      return row;
    },
    /** The expert's plans and assignments, published ones only. */
    async myAssignments(cityId: string, expertId: string) {
      return db
        .select({
          a: reviewAssignments,
          plan: reviewPlans,
          callName: calls.nameZh,
          guideTitle: guides.titleZh,
        })
        .from(reviewAssignments)
        .innerJoin(
          reviewPlans,
          and(eq(reviewPlans.cityId, reviewAssignments.cityId), eq(reviewPlans.id, reviewAssignments.planId)),
        )
        .innerJoin(calls, and(eq(calls.cityId, reviewPlans.cityId), eq(calls.id, reviewPlans.callId)))
        .innerJoin(guides, and(eq(guides.cityId, calls.cityId), eq(guides.id, calls.guideId)))
        .where(
          and(
            eq(reviewAssignments.cityId, cityId),
            eq(reviewAssignments.expertId, expertId),
            sql`${reviewAssignments.status} <> 'proposed'`,
          ),
        )
        .orderBy(asc(reviewPlans.createdAt), asc(reviewAssignments.createdAt));
    },

    async commitments(cityId: string, expertId: string) {
      return db
        .select()
        .from(reviewCommitments)
        .where(and(eq(reviewCommitments.cityId, cityId), eq(reviewCommitments.expertId, expertId)));
    },
    /** True when this call signed it; a second signature keeps the first time. */
    async signCommitment(row: typeof reviewCommitments.$inferInsert) {
      const inserted = await db.insert(reviewCommitments).values(row).onConflictDoNothing().returning();
      return inserted.length > 0;
    },

    async entrustments(cityId: string): Promise<EntrustmentRow[]> {
      return db
        .select()
        .from(reviewEntrustments)
        .where(eq(reviewEntrustments.cityId, cityId))
        .orderBy(asc(reviewEntrustments.recordedAt));
    },
    async insertEntrustment(row: typeof reviewEntrustments.$inferInsert): Promise<EntrustmentRow> {
      const [inserted] = await db.insert(reviewEntrustments).values(row).returning();
      if (!inserted) throw new Error("entrustment insert returned nothing");
      return inserted;
    },

    async horseRaces(cityId: string, planId: string) {
      return db
        .select()
        .from(horseRaces)
        .where(and(eq(horseRaces.cityId, cityId), eq(horseRaces.planId, planId)));
    },
    async insertHorseRace(row: typeof horseRaces.$inferInsert) {
      const [inserted] = await db.insert(horseRaces).values(row).returning();
      return inserted;
    },
    async siteVisits(cityId: string, planId: string) {
      return db
        .select()
        .from(siteVisits)
        .where(and(eq(siteVisits.cityId, cityId), eq(siteVisits.planId, planId)))
        .orderBy(asc(siteVisits.visitedOn));
    },
    async insertSiteVisit(row: typeof siteVisits.$inferInsert) {
      const [inserted] = await db.insert(siteVisits).values(row).returning();
      return inserted;
    },
  };
}
export type ReviewsRepository = ReturnType<typeof reviewsRepository>;
