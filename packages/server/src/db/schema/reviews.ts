import type {
  DeclineReason,
  ReviewAssignmentState,
  ReviewCriterion,
  ReviewOrganiser,
  ReviewPlanSettings,
  ReviewPlanState,
  ScoreSheet,
} from "@luoshu/domain";
import { sql } from "drizzle-orm";
import {
  boolean,
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
import { applications } from "./applications.ts";
import { calls } from "./calls.ts";
import { expertProfiles } from "./experts.ts";

/** 委托: the bureau entrusts a call's review to a third-party agency (LY-REFORM §三(二)1; LY-FUNDS §6, §9). */
export const reviewEntrustments = pgTable(
  "review_entrustments",
  {
    cityId: text("city_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    agencyName: text("agency_name").notNull(),
    callIds: uuid("call_ids").array().notNull(),
    periodFrom: date("period_from").notNull(),
    periodUntil: date("period_until").notNull(),
    scope: text("scope").notNull(),
    recordedBy: uuid("recorded_by").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.cityId, t.id] })],
);

/** What the solver answered, kept with the plan so the officer (and anyone) can check it. */
export interface StoredSolution {
  mode: "optimal" | "random";
  objective: number;
  certified: boolean;
  seed: string | null;
  pairCapPercent: number | null;
  applications: number;
  experts: number;
  solvedAt: string;
  millis: number;
}

/** 评审方案: one per call. */
export const reviewPlans = pgTable(
  "review_plans",
  {
    cityId: text("city_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    callId: uuid("call_id").notNull(),
    guideId: uuid("guide_id").notNull(),
    program: text("program").notNull(),
    organiser: text("organiser").$type<ReviewOrganiser>().notNull(),
    entrustmentId: uuid("entrustment_id"),
    status: text("status").$type<ReviewPlanState>().notNull(),
    settings: jsonb("settings").$type<ReviewPlanSettings>().notNull(),
    criteria: jsonb("criteria").$type<ReviewCriterion[]>().notNull(),
    solution: jsonb("solution").$type<StoredSolution>(),
    policyVersion: text("policy_version").notNull(),
    createdBy: uuid("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    uniqueIndex("review_plans_call").on(t.cityId, t.callId),
    foreignKey({ columns: [t.cityId, t.callId], foreignColumns: [calls.cityId, calls.id] }),
  ],
);

/** An application in a plan: its panel. */
export const reviewItems = pgTable(
  "review_items",
  {
    cityId: text("city_id").notNull(),
    planId: uuid("plan_id").notNull(),
    applicationId: uuid("application_id").notNull(),
    panelIndex: integer("panel_index").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.planId, t.applicationId] }),
    foreignKey({ columns: [t.cityId, t.planId], foreignColumns: [reviewPlans.cityId, reviewPlans.id] }),
    foreignKey({
      columns: [t.cityId, t.applicationId],
      foreignColumns: [applications.cityId, applications.id],
    }),
  ],
);

/**
 * One expert on one application. While a row holds its place (proposed, invited, accepted,
 * submitted), the database itself keeps an expert from holding two places on one application and a
 * unit from holding two: concurrent overrides and refills get a 409, never a broken plan.
 */
export const reviewAssignments = pgTable(
  "review_assignments",
  {
    cityId: text("city_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    planId: uuid("plan_id").notNull(),
    applicationId: uuid("application_id").notNull(),
    expertId: uuid("expert_id").notNull(),
    expertUnitId: uuid("expert_unit_id").notNull(),
    status: text("status").$type<ReviewAssignmentState>().notNull(),
    /** Affinity × 1000, as the solver saw it. */
    affinityMilli: integer("affinity_milli").notNull(),
    /** How the row came to be: the solver, an officer's override, or a refill after a decline. */
    origin: text("origin").$type<"solver" | "override" | "refill">().notNull(),
    overrideReason: text("override_reason"),
    replacesId: uuid("replaces_id"),
    declineReason: text("decline_reason").$type<DeclineReason>(),
    declineNote: text("decline_note"),
    sheet: jsonb("sheet").$type<ScoreSheet>(),
    /** Σ score × weight, hundredths of a point, once submitted. */
    total: integer("total"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    lastRemindedAt: timestamp("last_reminded_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    foreignKey({ columns: [t.cityId, t.planId], foreignColumns: [reviewPlans.cityId, reviewPlans.id] }),
    foreignKey({
      columns: [t.cityId, t.expertId],
      foreignColumns: [expertProfiles.cityId, expertProfiles.id],
    }),
    uniqueIndex("review_assignments_expert_once")
      .on(t.cityId, t.applicationId, t.expertId)
      .where(sql`status in ('proposed', 'invited', 'accepted', 'submitted')`),
    uniqueIndex("review_assignments_unit_once")
      .on(t.cityId, t.applicationId, t.expertUnitId)
      .where(sql`status in ('proposed', 'invited', 'accepted', 'submitted')`),
    index("review_assignments_plan").on(t.cityId, t.planId, t.status),
    index("review_assignments_expert").on(t.cityId, t.expertId, t.status),
  ],
);

/** 诚信承诺 (LY-PLAN §七(四)): each expert signs once per call before the first application opens. */
export const reviewCommitments = pgTable(
  "review_commitments",
  {
    cityId: text("city_id").notNull(),
    planId: uuid("plan_id").notNull(),
    expertId: uuid("expert_id").notNull(),
    /** The commitment's wording as signed, so a later edit of the text changes nothing signed. */
    textZh: text("text_zh").notNull(),
    signedAt: timestamp("signed_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.cityId, t.planId, t.expertId] })],
);

/** Relations declared by an expert or an applicant (see domain review/conflicts.ts). */
export const reviewRelations = pgTable(
  "review_relations",
  {
    cityId: text("city_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    declaredBy: text("declared_by").$type<"expert" | "applicant">().notNull(),
    expertId: uuid("expert_id"),
    applicationId: uuid("application_id"),
    unitId: uuid("unit_id"),
    idNumberDigest: text("id_number_digest"),
    /** The person an applicant asks to keep away, as typed, with the number masked. */
    personName: text("person_name"),
    idNumberMasked: text("id_number_masked"),
    note: text("note").notNull(),
    userId: uuid("user_id").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    index("review_relations_expert").on(t.cityId, t.expertId),
    index("review_relations_application").on(t.cityId, t.applicationId),
  ],
);

/** 现场考察: a site visit to a shortlisted applicant. */
export const siteVisits = pgTable(
  "site_visits",
  {
    cityId: text("city_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    planId: uuid("plan_id").notNull(),
    applicationId: uuid("application_id").notNull(),
    visitedOn: date("visited_on").notNull(),
    members: text("members").array().notNull(),
    findings: text("findings").notNull(),
    result: text("result").$type<"pass" | "concerns" | "fail">().notNull(),
    recordedBy: uuid("recorded_by").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.cityId, t.id] }), index("site_visits_plan").on(t.cityId, t.planId)],
);

/** 赛马: results marked by the officer as close, with different technical routes (LY-REFORM §三(三)2). */
export const horseRaces = pgTable(
  "horse_races",
  {
    cityId: text("city_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    planId: uuid("plan_id").notNull(),
    applicationIds: uuid("application_ids").array().notNull(),
    routesDiffer: boolean("routes_differ").notNull(),
    reason: text("reason").notNull(),
    markedBy: uuid("marked_by").notNull(),
    markedAt: timestamp("marked_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.cityId, t.id] }), index("horse_races_plan").on(t.cityId, t.planId)],
);
