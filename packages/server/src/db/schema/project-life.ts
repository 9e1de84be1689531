import type {
  Approver,
  ChangeKind,
  ChangeState,
  ChangeValue,
  ClosureGround,
  ClosureKind,
  ClosureState,
  SanctionAuthority,
  SanctionKind,
} from "@luoshu/domain";
import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  foreignKey,
  index,
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
 * 终止 and 撤销 (DT-RULES §20–21): a unit's application for termination and the bureau's decision, or
 * the bureau's own termination or revocation. The partial unique index keeps one live closure per
 * project, so two requests (or a request and a revocation) racing cannot both stand.
 */
export const projectClosures = pgTable(
  "project_closures",
  {
    cityId: text("city_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    projectId: uuid("project_id").notNull(),
    kind: text("kind").$type<ClosureKind>().notNull(),
    ground: text("ground").$type<ClosureGround>().notNull(),
    status: text("status").$type<ClosureState>().notNull(),
    reason: text("reason").notNull(),
    /** What the unit says it has spent of the money paid, for the balance to return. */
    spentFen: bigint("spent_fen", { mode: "number" }),
    requestedBy: uuid("requested_by").notNull(),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull(),
    decidedBy: uuid("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note"),
    /** Released to the year's budget at the decision; due back from the unit (balance or recovery). */
    releaseFen: bigint("release_fen", { mode: "number" }),
    dueFen: bigint("due_fen", { mode: "number" }),
    /** The clause applied, or null where the rule is the city's setting. */
    clause: text("clause"),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    foreignKey({ columns: [t.cityId, t.projectId], foreignColumns: [projects.cityId, projects.id] }),
    uniqueIndex("project_closures_live")
      .on(t.cityId, t.projectId)
      .where(sql`${t.status} in ('requested', 'decided')`),
    check("project_closures_amounts", sql`${t.spentFen} >= 0 and ${t.releaseFen} >= 0 and ${t.dueFen} >= 0`),
  ],
);

/** 处理措施 (LY-FUNDS §25) imposed on a project's unit and PI, each with its authority, clause and days. */
export const projectSanctions = pgTable(
  "project_sanctions",
  {
    cityId: text("city_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    projectId: uuid("project_id").notNull(),
    kind: text("kind").$type<SanctionKind>().notNull(),
    authority: text("authority").$type<SanctionAuthority>().notNull(),
    fromDate: date("from_date").notNull(),
    untilDate: date("until_date"),
    reason: text("reason").notNull(),
    clause: text("clause"),
    createdBy: uuid("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    liftedBy: uuid("lifted_by"),
    liftedAt: timestamp("lifted_at", { withTimezone: true }),
    liftReason: text("lift_reason"),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    foreignKey({ columns: [t.cityId, t.projectId], foreignColumns: [projects.cityId, projects.id] }),
    index("project_sanctions_project").on(t.cityId, t.projectId),
  ],
);

/**
 * What the unit gave back against a closure (结余资金退回, 追缴), with the treasury's reference. Each is
 * spread over the payments it came from as `return` or `recover` postings keyed by its id.
 */
export const closureReturns = pgTable(
  "closure_returns",
  {
    cityId: text("city_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    closureId: uuid("closure_id").notNull(),
    amountFen: bigint("amount_fen", { mode: "number" }).notNull(),
    reference: text("reference").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    recordedBy: uuid("recorded_by").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    foreignKey({
      columns: [t.cityId, t.closureId],
      foreignColumns: [projectClosures.cityId, projectClosures.id],
    }),
    uniqueIndex("closure_returns_key").on(t.cityId, t.idempotencyKey),
    check("closure_returns_amount", sql`${t.amountFen} > 0`),
  ],
);

/**
 * 变更 (DT-RULES §19; LY-FUNDS §18): what was asked and what stood before, who decides it by the
 * city's policy, and the decision. One change of a kind waits for the bureau at a time per project.
 */
export const changeRequests = pgTable(
  "change_requests",
  {
    cityId: text("city_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    projectId: uuid("project_id").notNull(),
    kind: text("kind").$type<ChangeKind>().notNull(),
    before: jsonb("before").$type<ChangeValue>().notNull(),
    after: jsonb("after").$type<ChangeValue>().notNull(),
    reason: text("reason").notNull(),
    status: text("status").$type<ChangeState>().notNull(),
    decider: text("decider").$type<Approver>().notNull(),
    /** The clause that names the decider, or null where the city set it. */
    clause: text("clause"),
    requestedBy: uuid("requested_by").notNull(),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull(),
    decidedBy: uuid("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    note: text("note"),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    foreignKey({ columns: [t.cityId, t.projectId], foreignColumns: [projects.cityId, projects.id] }),
    uniqueIndex("change_requests_waiting")
      .on(t.cityId, t.projectId, t.kind)
      .where(sql`${t.status} = 'requested'`),
  ],
);
