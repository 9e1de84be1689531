import type {
  ApplicationContent,
  ApplicationEvent,
  ApplicationState,
  Commitment,
  EventDetails,
  RevisionSnapshot,
} from "@luoshu/domain";
import {
  bigint,
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
import { calls } from "./calls.ts";
import { units } from "./units.ts";

/** 项目申报书: the working draft; each submission freezes a revision in application_revisions. */
export const applications = pgTable(
  "applications",
  {
    cityId: text("city_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    callId: uuid("call_id").notNull(),
    guideId: uuid("guide_id").notNull(),
    unitId: uuid("unit_id").notNull(),
    districtCode: text("district_code").notNull(),
    piUserId: uuid("pi_user_id"),
    createdBy: uuid("created_by").notNull(),
    status: text("status").$type<ApplicationState>().notNull(),
    title: text("title").notNull(),
    requestedFen: bigint("requested_fen", { mode: "number" }).notNull(),
    content: jsonb("content").$type<ApplicationContent>().notNull(),
    /** The revision being edited; a return opens the next one. */
    revision: integer("revision").notNull(),
    commitment: jsonb("commitment").$type<Commitment>().notNull(),
    districtRank: integer("district_rank"),
    returnDeadline: timestamp("return_deadline", { withTimezone: true }),
    policyVersion: text("policy_version").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    /** 申报编号 parts: the program and year it was drawn for and its place in that sequence. */
    numberProgram: text("number_program").notNull(),
    numberYear: integer("number_year").notNull(),
    numberSeq: integer("number_seq").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    uniqueIndex("applications_number").on(t.cityId, t.numberProgram, t.numberYear, t.numberSeq),
    foreignKey({ columns: [t.cityId, t.callId], foreignColumns: [calls.cityId, calls.id] }),
    foreignKey({ columns: [t.cityId, t.unitId], foreignColumns: [units.cityId, units.id] }),
    index("applications_city_call_status").on(t.cityId, t.callId, t.status),
    index("applications_city_district").on(t.cityId, t.districtCode, t.status),
    index("applications_city_unit").on(t.cityId, t.unitId),
  ],
);

/** Immutable snapshots: what was submitted, revision by revision. */
export const applicationRevisions = pgTable(
  "application_revisions",
  {
    cityId: text("city_id").notNull(),
    applicationId: uuid("application_id").notNull(),
    revision: integer("revision").notNull(),
    content: jsonb("content").$type<RevisionSnapshot>().notNull(),
    contentHash: text("content_hash").notNull(),
    submittedBy: uuid("submitted_by").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.applicationId, t.revision] }),
    foreignKey({
      columns: [t.cityId, t.applicationId],
      foreignColumns: [applications.cityId, applications.id],
    }),
  ],
);

/** Every lifecycle event of an application with its reasons: the history the applicant sees. */
export const applicationEvents = pgTable(
  "application_events",
  {
    cityId: text("city_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    applicationId: uuid("application_id").notNull(),
    event: text("event").$type<ApplicationEvent>().notNull(),
    fromState: text("from_state").$type<ApplicationState>().notNull(),
    toState: text("to_state").$type<ApplicationState>().notNull(),
    revision: integer("revision").notNull(),
    actorId: uuid("actor_id").notNull(),
    actorRole: text("actor_role"),
    reason: text("reason"),
    details: jsonb("details").$type<EventDetails>(),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    foreignKey({
      columns: [t.cityId, t.applicationId],
      foreignColumns: [applications.cityId, applications.id],
    }),
    index("application_events_app").on(t.cityId, t.applicationId, t.at),
  ],
);

export const attachments = pgTable(
  "attachments",
  {
    cityId: text("city_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    applicationId: uuid("application_id").notNull(),
    /** A guide attachment code, or `commitmentScan` for the signed commitment letter. */
    code: text("code").notNull(),
    fileName: text("file_name").notNull(),
    mime: text("mime").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    uploadedBy: uuid("uploaded_by").notNull(),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    foreignKey({
      columns: [t.cityId, t.applicationId],
      foreignColumns: [applications.cityId, applications.id],
    }),
    index("attachments_app").on(t.cityId, t.applicationId),
  ],
);

/** 查重 (LY-FUNDS §17): the officer's decision on a match found by the duplicate-funding check. */
export const dedupDecisions = pgTable(
  "dedup_decisions",
  {
    cityId: text("city_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    applicationId: uuid("application_id").notNull(),
    matchId: uuid("match_id").notNull(),
    similarityBp: integer("similarity_bp").notNull(),
    decision: text("decision").notNull(),
    reason: text("reason").notNull(),
    decidedBy: uuid("decided_by").notNull(),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    foreignKey({
      columns: [t.cityId, t.applicationId],
      foreignColumns: [applications.cityId, applications.id],
    }),
    index("dedup_decisions_app").on(t.cityId, t.applicationId),
  ],
);
