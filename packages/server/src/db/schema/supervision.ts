import type {
  InspectionKind,
  InspectionResult,
  RectificationSource,
  RectificationState,
  SanctionAuthority,
} from "@luoshu/domain";
import { sql } from "drizzle-orm";
import {
  bigint,
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

/**
 * 随机抽查 (LY-PLAN §七(四)): one draw per city and cycle, with everything needed to draw again: the
 * algorithm's name, the seed, the rate and the eligible project numbers as they stood.
 */
export const spotCheckDraws = pgTable(
  "spot_check_draws",
  {
    cityId: text("city_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    cycle: integer("cycle").notNull(),
    algorithm: text("algorithm").notNull(),
    seed: bigint("seed", { mode: "number" }).notNull(),
    ratePercent: integer("rate_percent").notNull(),
    eligible: jsonb("eligible").$type<string[]>().notNull(),
    drawn: jsonb("drawn").$type<string[]>().notNull(),
    drawnBy: uuid("drawn_by").notNull(),
    drawnAt: timestamp("drawn_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    uniqueIndex("spot_check_draws_cycle").on(t.cityId, t.cycle),
    check("spot_check_draws_seed", sql`${t.seed} >= 0 and ${t.seed} < 4294967296`),
  ],
);

/**
 * Every inspection of a project the platform records (a spot check drawn, an audit, a finance
 * check), its result shared with the departments that may see it. The unique index is the rule
 * "一个周期“最多查一次”": a second inspection of a project in a cycle cannot be written.
 */
export const inspections = pgTable(
  "inspections",
  {
    cityId: text("city_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    projectId: uuid("project_id").notNull(),
    cycle: integer("cycle").notNull(),
    kind: text("kind").$type<InspectionKind>().notNull(),
    department: text("department").$type<SanctionAuthority>().notNull(),
    drawId: uuid("draw_id"),
    recordedBy: uuid("recorded_by").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
    result: text("result").$type<InspectionResult>(),
    findings: text("findings"),
    resultBy: uuid("result_by"),
    resultAt: timestamp("result_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    foreignKey({ columns: [t.cityId, t.projectId], foreignColumns: [projects.cityId, projects.id] }),
    uniqueIndex("inspections_once_per_cycle").on(t.cityId, t.projectId, t.cycle),
  ],
);

/**
 * 整改事项 (LY-FUNDS §10, §23): a finding sent back to the project's unit with a deadline, by the
 * department that found it (the S&T or the finance bureau), tracked until that department closes it.
 * Its source names what it came from (an inspection, a mid-term or acceptance panel, a report).
 */
export const rectifications = pgTable(
  "rectifications",
  {
    cityId: text("city_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    projectId: uuid("project_id").notNull(),
    source: text("source").$type<RectificationSource>().notNull(),
    sourceId: uuid("source_id"),
    department: text("department").$type<SanctionAuthority>().notNull(),
    issue: text("issue").notNull(),
    dueDate: date("due_date").notNull(),
    status: text("status").$type<RectificationState>().notNull(),
    raisedBy: uuid("raised_by").notNull(),
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull(),
    response: text("response"),
    evidence: text("evidence"),
    reportedBy: uuid("reported_by"),
    reportedAt: timestamp("reported_at", { withTimezone: true }),
    closeNote: text("close_note"),
    decidedBy: uuid("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    foreignKey({ columns: [t.cityId, t.projectId], foreignColumns: [projects.cityId, projects.id] }),
    index("rectifications_project").on(t.cityId, t.projectId),
    index("rectifications_open").on(t.cityId, t.status, t.dueDate),
  ],
);
