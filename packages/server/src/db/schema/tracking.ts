import type {
  AcceptanceContent,
  AcceptanceState,
  AssessmentKind,
  AssessmentState,
  LineVariance,
  PanelRules,
  PerformanceGrade,
  ProgressContent,
  ProgressReportState,
  SubsidyUse,
  SubsidyUseState,
} from "@luoshu/domain";
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { projects } from "./decisions.ts";
import { expertProfiles } from "./experts.ts";
import { payments } from "./money.ts";

/**
 * 进展报告 (DT-RULES §14(五); LY-FUNDS §10): one row per scheduled period of a project, filed by the
 * unit or its PI and reviewed by the bureau; a returned report is filed again in the same row. The
 * unique index makes two people filing the same period at once one success and one conflict.
 */
export const progressReports = pgTable(
  "progress_reports",
  {
    cityId: text("city_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    projectId: uuid("project_id").notNull(),
    period: integer("period").notNull(),
    dueDate: date("due_date").notNull(),
    status: text("status").$type<ProgressReportState>().notNull(),
    content: jsonb("content").$type<ProgressContent>().notNull(),
    /** The lines against the budget as they stood when filed, so a later change does not rewrite it. */
    variances: jsonb("variances").$type<LineVariance[]>().notNull(),
    submittedBy: uuid("submitted_by").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
    decidedBy: uuid("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note"),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    foreignKey({ columns: [t.cityId, t.projectId], foreignColumns: [projects.cityId, projects.id] }),
    uniqueIndex("progress_reports_period").on(t.cityId, t.projectId, t.period),
  ],
);

/** 催报: the bureau reminds the unit and the PI of a report; at most once a day per report. */
export const progressReminders = pgTable(
  "progress_reminders",
  {
    cityId: text("city_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    projectId: uuid("project_id").notNull(),
    period: integer("period").notNull(),
    /** The China-time day it was sent. */
    sentOn: date("sent_on").notNull(),
    sentBy: uuid("sent_by").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    foreignKey({ columns: [t.cityId, t.projectId], foreignColumns: [projects.cityId, projects.id] }),
    uniqueIndex("progress_reminders_daily").on(t.cityId, t.projectId, t.period, t.sentOn),
  ],
);

/**
 * 期中评估 and 结题验收 (LY-FUNDS §13(一); DT-RULES §23): a panel convened by the bureau with the
 * scorecard as it stood. One of a kind is with its panel, passed or failed per project at a time (the
 * partial unique index); a held or deferred one stays as history and another may be convened.
 */
export const assessments = pgTable(
  "assessments",
  {
    cityId: text("city_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    projectId: uuid("project_id").notNull(),
    kind: text("kind").$type<AssessmentKind>().notNull(),
    status: text("status").$type<AssessmentState>().notNull(),
    rules: jsonb("rules").$type<PanelRules>().notNull(),
    convenedBy: uuid("convened_by").notNull(),
    convenedAt: timestamp("convened_at", { withTimezone: true }).notNull(),
    /** The panel's mean weighted total in hundredths of a point, once concluded. */
    meanScore: integer("mean_score"),
    concludedBy: uuid("concluded_by"),
    concludedAt: timestamp("concluded_at", { withTimezone: true }),
    note: text("note"),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    foreignKey({ columns: [t.cityId, t.projectId], foreignColumns: [projects.cityId, projects.id] }),
    uniqueIndex("assessments_live")
      .on(t.cityId, t.projectId, t.kind)
      .where(sql`${t.status} in ('convened', 'passed', 'failed')`),
  ],
);

/** An expert on an assessment's panel and their scorecard, submitted once. */
export const assessmentSheets = pgTable(
  "assessment_sheets",
  {
    cityId: text("city_id").notNull(),
    assessmentId: uuid("assessment_id").notNull(),
    expertId: uuid("expert_id").notNull(),
    scores: jsonb("scores").$type<number[]>(),
    comment: text("comment"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.assessmentId, t.expertId] }),
    foreignKey({ columns: [t.cityId, t.assessmentId], foreignColumns: [assessments.cityId, assessments.id] }),
    foreignKey({
      columns: [t.cityId, t.expertId],
      foreignColumns: [expertProfiles.cityId, expertProfiles.id],
    }),
    index("assessment_sheets_expert").on(t.cityId, t.expertId),
  ],
);

/**
 * 结题验收申请: the unit's materials for acceptance, one row per project, filed again in the same row
 * once deferred; the grade the panel's mean gave, and the finance bureau's re-evaluation (LY-FUNDS §5).
 */
export const acceptanceApplications = pgTable(
  "acceptance_applications",
  {
    cityId: text("city_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    projectId: uuid("project_id").notNull(),
    status: text("status").$type<AcceptanceState>().notNull(),
    content: jsonb("content").$type<AcceptanceContent>().notNull(),
    settledFen: bigint("settled_fen", { mode: "number" }).notNull(),
    /**
     * 自行组织结项 (LY-REFORM §三(三)1): a filed (备案) project's unit closes it itself; the platform
     * records the closure, accepted as filed, with no panel, grade or money.
     */
    selfOrganised: boolean("self_organised").notNull().default(false),
    submittedBy: uuid("submitted_by").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
    grade: text("grade").$type<PerformanceGrade>(),
    regrade: text("regrade").$type<PerformanceGrade>(),
    regradeReason: text("regrade_reason"),
    regradedBy: uuid("regraded_by"),
    regradedAt: timestamp("regraded_at", { withTimezone: true }),
    /**
     * 县区意见 (DT-RULES §17; LY-FUNDS §7–8): the project's district S&T department joins acceptance
     * with its opinion on the submission, for the bureau to read before it concludes; a resubmission
     * after a deferral asks for it again.
     */
    districtAgrees: boolean("district_agrees"),
    districtOpinion: text("district_opinion"),
    districtOpinionBy: uuid("district_opinion_by"),
    districtOpinionAt: timestamp("district_opinion_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    foreignKey({ columns: [t.cityId, t.projectId], foreignColumns: [projects.cityId, projects.id] }),
    uniqueIndex("acceptance_applications_project").on(t.cityId, t.projectId),
    check("acceptance_applications_settled", sql`${t.settledFen} >= 0`),
  ],
);

/**
 * 后补助资金使用报告 (LY-FUNDS §20): one per paid post-subsidy payment, filed by the unit, acknowledged
 * or returned by the bureau and filed again in the same row; the unique index makes two filings of
 * the same payment one success and one conflict.
 */
export const subsidyUseReports = pgTable(
  "subsidy_use_reports",
  {
    cityId: text("city_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    projectId: uuid("project_id").notNull(),
    paymentId: uuid("payment_id").notNull(),
    status: text("status").$type<SubsidyUseState>().notNull(),
    uses: jsonb("uses").$type<SubsidyUse[]>().notNull(),
    submittedBy: uuid("submitted_by").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
    decidedBy: uuid("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note"),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    foreignKey({ columns: [t.cityId, t.projectId], foreignColumns: [projects.cityId, projects.id] }),
    foreignKey({ columns: [t.cityId, t.paymentId], foreignColumns: [payments.cityId, payments.id] }),
    uniqueIndex("subsidy_use_reports_payment").on(t.cityId, t.paymentId),
  ],
);
