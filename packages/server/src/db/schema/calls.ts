import type { GuideContent, GuideState, NeedState } from "@luoshu/domain";
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
  uuid,
} from "drizzle-orm/pg-core";
import { cities } from "./reference.ts";

/** 需求征集: technology needs from units and the public, triaged into the needs list guides cite. */
export const needs = pgTable(
  "needs",
  {
    cityId: text("city_id")
      .notNull()
      .references(() => cities.id),
    id: uuid("id").notNull().defaultRandom(),
    title: text("title").notNull(),
    field: text("field").notNull(),
    problem: text("problem").notNull(),
    expectedIndicators: text("expected_indicators").notNull(),
    coFundingFen: bigint("co_funding_fen", { mode: "number" }).notNull(),
    submitterUserId: uuid("submitter_user_id"),
    submitterName: text("submitter_name").notNull(),
    submitterContact: text("submitter_contact").notNull(),
    status: text("status").$type<NeedState>().notNull(),
    mergedInto: uuid("merged_into"),
    decisionReason: text("decision_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.cityId, t.id] }), index("needs_city_status").on(t.cityId, t.status)],
);

/** 申报指南: content as validated JSON (domain guideContentSchema), lifecycle in `status`. */
export const guides = pgTable(
  "guides",
  {
    cityId: text("city_id")
      .notNull()
      .references(() => cities.id),
    id: uuid("id").notNull().defaultRandom(),
    policyVersion: text("policy_version").notNull(),
    program: text("program").notNull(),
    year: integer("year").notNull(),
    titleZh: text("title_zh").notNull(),
    content: jsonb("content").$type<GuideContent>().notNull(),
    status: text("status").$type<GuideState>().notNull(),
    createdBy: uuid("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    /** The finance bureau's co-issue (LY-FUNDS §12), where the policy asks for it. */
    coIssuedBy: uuid("co_issued_by"),
    coIssuedAt: timestamp("co_issued_at", { withTimezone: true }),
    /** The leader's reason for publishing over a cap the policy states in principle (原则上). */
    capOverrideReason: text("cap_override_reason"),
    capOverrideBy: uuid("cap_override_by"),
    capOverrideAt: timestamp("cap_override_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.cityId, t.id] }), index("guides_city_status").on(t.cityId, t.status)],
);

/** 申报批次: one application window of a guide; instants in UTC, shown in Asia/Shanghai. */
export const calls = pgTable(
  "calls",
  {
    cityId: text("city_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    guideId: uuid("guide_id").notNull(),
    position: integer("position").notNull(),
    nameZh: text("name_zh").notNull(),
    opensAt: timestamp("opens_at", { withTimezone: true }).notNull(),
    closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    foreignKey({ columns: [t.cityId, t.guideId], foreignColumns: [guides.cityId, guides.id] }).onDelete(
      "cascade",
    ),
    index("calls_city_guide").on(t.cityId, t.guideId),
  ],
);
