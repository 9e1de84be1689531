import type { Scope } from "@luoshu/domain";
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import {
  acceptanceApplications,
  assessmentSheets,
  assessments,
  expertProfiles,
  progressReminders,
  progressReports,
  projects,
  units,
  users,
} from "../../db/schema/index.ts";
import { withConflicts } from "../../db/unique-violation.ts";
import { projectInScope } from "../decisions/projects.repository.ts";

export type ProgressReportRow = typeof progressReports.$inferSelect;
export type AssessmentRow = typeof assessments.$inferSelect;
export type SheetRow = typeof assessmentSheets.$inferSelect;
export type AcceptanceRow = typeof acceptanceApplications.$inferSelect;

const filed = {
  progress_reports_period: {
    path: "period",
    messageZh: "该期进展报告已提交，请刷新后查看。",
    messageEn: "This period's report has been filed already; reload to see it.",
  },
};
const live = {
  assessments_live: {
    path: "expertIds",
    messageZh: "该项目已有进行中或已结论的同类评估。",
    messageEn: "The project has an assessment of this kind with its panel or concluded already.",
  },
};

/** 进展报告、催报与期中评估, read through a project already in scope. */
export function trackingRepository(db: Db) {
  return {
    async reports(cityId: string, projectIds: readonly string[]): Promise<ProgressReportRow[]> {
      if (projectIds.length === 0) return [];
      return db
        .select()
        .from(progressReports)
        .where(and(eq(progressReports.cityId, cityId), inArray(progressReports.projectId, [...projectIds])))
        .orderBy(asc(progressReports.period));
    },

    async report(cityId: string, projectId: string, period: number, lock = false) {
      const q = db
        .select()
        .from(progressReports)
        .where(
          and(
            eq(progressReports.cityId, cityId),
            eq(progressReports.projectId, projectId),
            eq(progressReports.period, period),
          ),
        );
      const [r] = lock ? await q.for("update") : await q;
      return r;
    },

    async insertReport(row: typeof progressReports.$inferInsert): Promise<ProgressReportRow> {
      return withConflicts(filed, async () => {
        const [r] = await db.insert(progressReports).values(row).returning();
        if (!r) throw new Error("insert returned nothing");
        return r;
      });
    },

    async updateReport(cityId: string, id: string, set: Partial<typeof progressReports.$inferInsert>) {
      await db
        .update(progressReports)
        .set(set)
        .where(and(eq(progressReports.cityId, cityId), eq(progressReports.id, id)));
    },

    /** The last day each period of the projects was reminded of. */
    async lastReminders(cityId: string, projectIds: readonly string[]) {
      if (projectIds.length === 0) return [];
      return db
        .select({
          projectId: progressReminders.projectId,
          period: progressReminders.period,
          sentOn: progressReminders.sentOn,
        })
        .from(progressReminders)
        .where(
          and(eq(progressReminders.cityId, cityId), inArray(progressReminders.projectId, [...projectIds])),
        )
        .orderBy(desc(progressReminders.sentOn));
    },

    async insertReminder(row: typeof progressReminders.$inferInsert): Promise<void> {
      await withConflicts(
        {
          progress_reminders_daily: {
            path: "period",
            messageZh: "今天已催报过该报告。",
            messageEn: "This report was reminded of today already.",
          },
        },
        () => db.insert(progressReminders).values(row),
      );
    },

    async assessmentsOf(cityId: string, projectId: string): Promise<AssessmentRow[]> {
      return db
        .select()
        .from(assessments)
        .where(and(eq(assessments.cityId, cityId), eq(assessments.projectId, projectId)))
        .orderBy(asc(assessments.convenedAt));
    },

    async assessment(cityId: string, id: string, lock = false): Promise<AssessmentRow | undefined> {
      const q = db
        .select()
        .from(assessments)
        .where(and(eq(assessments.cityId, cityId), eq(assessments.id, id)));
      const [r] = lock ? await q.for("update") : await q;
      return r;
    },

    async acceptance(cityId: string, projectId: string, lock = false): Promise<AcceptanceRow | undefined> {
      const q = db
        .select()
        .from(acceptanceApplications)
        .where(
          and(eq(acceptanceApplications.cityId, cityId), eq(acceptanceApplications.projectId, projectId)),
        );
      const [r] = lock ? await q.for("update") : await q;
      return r;
    },

    /**
     * The submitted acceptances of open projects in the caller's scope, with whether the district has
     * given its opinion: what waits for the bureau or a district, however old the project.
     */
    async submittedAcceptancesInScope(scope: Scope) {
      return db
        .select({
          projectId: acceptanceApplications.projectId,
          districtAgrees: acceptanceApplications.districtAgrees,
        })
        .from(acceptanceApplications)
        .innerJoin(
          projects,
          and(
            eq(projects.cityId, acceptanceApplications.cityId),
            eq(projects.id, acceptanceApplications.projectId),
          ),
        )
        .innerJoin(units, and(eq(units.cityId, projects.cityId), eq(units.id, projects.unitId)))
        .where(
          and(
            eq(acceptanceApplications.status, "submitted"),
            isNull(projects.closedAs),
            projectInScope(scope),
          ),
        );
    },

    async insertAcceptance(row: typeof acceptanceApplications.$inferInsert): Promise<AcceptanceRow> {
      return withConflicts(
        {
          acceptance_applications_project: {
            path: "achievements",
            messageZh: "该项目已提交验收申请，请刷新后查看。",
            messageEn: "The project has been submitted for acceptance already; reload to see it.",
          },
        },
        async () => {
          const [r] = await db.insert(acceptanceApplications).values(row).returning();
          if (!r) throw new Error("insert returned nothing");
          return r;
        },
      );
    },

    async updateAcceptance(
      cityId: string,
      id: string,
      set: Partial<typeof acceptanceApplications.$inferInsert>,
    ) {
      await db
        .update(acceptanceApplications)
        .set(set)
        .where(and(eq(acceptanceApplications.cityId, cityId), eq(acceptanceApplications.id, id)));
    },

    /** 绩效评价: the project's grade and the R&D spend verified at acceptance, which a post-subsidy is a share of. */
    async setGrade(
      cityId: string,
      projectId: string,
      set: { grade: AcceptanceRow["grade"]; verifiedRdFen?: number | null },
    ) {
      await db
        .update(projects)
        .set(set)
        .where(and(eq(projects.cityId, cityId), eq(projects.id, projectId)));
    },

    /** 勤勉尽责: recorded once; false when another finding came first. */
    async recordDiligence(
      cityId: string,
      projectId: string,
      set: { diligenceFinding: string; diligenceFoundBy: string; diligenceFoundAt: Date },
    ): Promise<boolean> {
      const rows = await db
        .update(projects)
        .set(set)
        .where(
          and(eq(projects.cityId, cityId), eq(projects.id, projectId), isNull(projects.diligenceFinding)),
        )
        .returning({ id: projects.id });
      return rows.length === 1;
    },

    async midTermPassed(cityId: string, projectId: string): Promise<boolean> {
      const [r] = await db
        .select({ id: assessments.id })
        .from(assessments)
        .where(
          and(
            eq(assessments.cityId, cityId),
            eq(assessments.projectId, projectId),
            eq(assessments.kind, "midTerm"),
            eq(assessments.status, "passed"),
          ),
        );
      return r !== undefined;
    },

    /** Convenes an assessment with its panel; the partial unique index keeps one live per project. */
    async insertAssessment(
      row: typeof assessments.$inferInsert,
      expertIds: readonly string[],
    ): Promise<AssessmentRow> {
      return withConflicts(live, async () => {
        const [a] = await db.insert(assessments).values(row).returning();
        if (!a) throw new Error("insert returned nothing");
        await db
          .insert(assessmentSheets)
          .values(expertIds.map((expertId) => ({ cityId: a.cityId, assessmentId: a.id, expertId })));
        return a;
      });
    },

    async updateAssessment(cityId: string, id: string, set: Partial<typeof assessments.$inferInsert>) {
      await db
        .update(assessments)
        .set(set)
        .where(and(eq(assessments.cityId, cityId), eq(assessments.id, id)));
    },

    /** The panels of the assessments, with each expert's name. */
    async sheets(cityId: string, assessmentIds: readonly string[]) {
      if (assessmentIds.length === 0) return [];
      return db
        .select({ sheet: assessmentSheets, name: users.displayName })
        .from(assessmentSheets)
        .innerJoin(
          expertProfiles,
          and(
            eq(expertProfiles.cityId, assessmentSheets.cityId),
            eq(expertProfiles.id, assessmentSheets.expertId),
          ),
        )
        .innerJoin(users, eq(users.id, expertProfiles.userId))
        .where(
          and(
            eq(assessmentSheets.cityId, cityId),
            inArray(assessmentSheets.assessmentId, [...assessmentIds]),
          ),
        )
        .orderBy(asc(users.displayName));
    },

    /** Submits the expert's sheet, unless submitted already (the caller has checked it under a lock). */
    async submitSheet(
      cityId: string,
      assessmentId: string,
      expertId: string,
      set: { scores: number[]; comment: string; submittedAt: Date },
    ): Promise<boolean> {
      const rows = await db
        .update(assessmentSheets)
        .set(set)
        .where(
          and(
            eq(assessmentSheets.cityId, cityId),
            eq(assessmentSheets.assessmentId, assessmentId),
            eq(assessmentSheets.expertId, expertId),
            isNull(assessmentSheets.submittedAt),
          ),
        )
        .returning({ id: assessmentSheets.expertId });
      return rows.length > 0;
    },

    /** The assessments an expert sits on, newest first. */
    async assessmentsOfExpert(cityId: string, expertId: string) {
      return db
        .select({ a: assessments, sheet: assessmentSheets })
        .from(assessmentSheets)
        .innerJoin(
          assessments,
          and(
            eq(assessments.cityId, assessmentSheets.cityId),
            eq(assessments.id, assessmentSheets.assessmentId),
          ),
        )
        .where(and(eq(assessmentSheets.cityId, cityId), eq(assessmentSheets.expertId, expertId)))
        .orderBy(desc(assessments.convenedAt));
    },

    /** The city's pool as an assessment panel is picked from it: names, units, titles, conflicts' facts. */
    async candidates(cityId: string) {
      return db
        .select({
          id: expertProfiles.id,
          name: users.displayName,
          unitId: expertProfiles.unitId,
          unitUscc: units.uscc,
          unitName: units.nameZh,
          title: expertProfiles.title,
          disciplines: expertProfiles.disciplines,
          formerUnits: expertProfiles.formerUnits,
          status: expertProfiles.status,
          availability: expertProfiles.availability,
          idNumberDigest: users.idNumberDigest,
          userStatus: users.status,
        })
        .from(expertProfiles)
        .innerJoin(users, eq(users.id, expertProfiles.userId))
        .innerJoin(units, and(eq(units.cityId, expertProfiles.cityId), eq(units.id, expertProfiles.unitId)))
        .where(eq(expertProfiles.cityId, cityId))
        .orderBy(asc(users.displayName));
    },
  };
}
export type TrackingRepository = ReturnType<typeof trackingRepository>;
