import type {
  CycleRecords,
  FundPushState,
  PaymentState,
  PerformanceTarget,
  PostingKind,
  TaskBookContent,
  TaskBookState,
  TaskBookTerm,
} from "@luoshu/domain";
import { sql } from "drizzle-orm";
import {
  bigint,
  check,
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
import { units } from "./units.ts";

/**
 * 计划任务书: one per project, its content drawn once from the project and its application, the two
 * confirmations, and the signed scan that lets the project execute (DT-RULES §18).
 */
export const taskBooks = pgTable(
  "task_books",
  {
    cityId: text("city_id").notNull(),
    projectId: uuid("project_id").notNull(),
    status: text("status").$type<TaskBookState>().notNull(),
    content: jsonb("content").$type<TaskBookContent>().notNull(),
    drawnBy: uuid("drawn_by").notNull(),
    drawnAt: timestamp("drawn_at", { withTimezone: true }).notNull(),
    unitConfirmedBy: uuid("unit_confirmed_by"),
    unitConfirmedAt: timestamp("unit_confirmed_at", { withTimezone: true }),
    bureauConfirmedBy: uuid("bureau_confirmed_by"),
    bureauConfirmedAt: timestamp("bureau_confirmed_at", { withTimezone: true }),
    /** The signed and sealed paper, scanned: stored by content hash (lib/files). */
    scan: jsonb("scan").$type<{ fileName: string; mime: string; size: number; sha256: string }>(),
    signedOn: text("signed_on"),
    signedBy: uuid("signed_by"),
    signedAt: timestamp("signed_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.projectId] }),
    foreignKey({ columns: [t.cityId, t.projectId], foreignColumns: [projects.cityId, projects.id] }),
  ],
);

/** The bureau's own task book terms, replacing its policy file's defaults for task books drawn after. */
export const taskBookTemplates = pgTable("task_book_templates", {
  cityId: text("city_id").primaryKey(),
  terms: jsonb("terms").$type<TaskBookTerm[]>().notNull(),
  updatedBy: uuid("updated_by").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
});

/**
 * 拨款: one payment of one node, from the bureau's preparation to the treasury's reference. At most
 * one payment of a node is under way or paid at a time (the partial unique index), and the key the
 * bureau prepared it with replays it instead of preparing another.
 */
export const payments = pgTable(
  "payments",
  {
    cityId: text("city_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    projectId: uuid("project_id").notNull(),
    node: text("node").notNull(),
    amountFen: bigint("amount_fen", { mode: "number" }).notNull(),
    status: text("status").$type<PaymentState>().notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    preparedBy: uuid("prepared_by").notNull(),
    preparedAt: timestamp("prepared_at", { withTimezone: true }).notNull(),
    note: text("note").notNull(),
    approvedBy: uuid("approved_by"),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    paidBy: uuid("paid_by"),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    /** The treasury's payment reference (国库集中支付凭证号). Once paid, the ledger's pay posting has this payment's id. */
    treasuryRef: text("treasury_ref"),
    cancelledBy: uuid("cancelled_by"),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    foreignKey({ columns: [t.cityId, t.projectId], foreignColumns: [projects.cityId, projects.id] }),
    uniqueIndex("payments_idempotency").on(t.cityId, t.idempotencyKey),
    uniqueIndex("payments_live_node")
      .on(t.cityId, t.projectId, t.node)
      .where(sql`${t.status} <> 'cancelled'`),
    check("payments_amount", sql`${t.amountFen} > 0`),
  ],
);

/**
 * The ledger (packages/domain/src/ledger): postings only, never updated. Accounts are the domain's
 * keys (`budget:2026`, `commitment:<project>`). The unique indexes are the invariants a race could
 * break: one posting per key, one commitment per project, one payment per node.
 */
export const ledgerPostings = pgTable(
  "ledger_postings",
  {
    cityId: text("city_id").notNull(),
    id: uuid("id").notNull(),
    kind: text("kind").$type<PostingKind>().notNull(),
    fromAccount: text("from_account").notNull(),
    toAccount: text("to_account").notNull(),
    amountFen: bigint("amount_fen", { mode: "number" }).notNull(),
    year: integer("year").notNull(),
    projectId: uuid("project_id"),
    node: text("node"),
    paymentId: uuid("payment_id"),
    idempotencyKey: text("idempotency_key").notNull(),
    request: text("request").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    by: uuid("by").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    uniqueIndex("ledger_postings_key").on(t.cityId, t.idempotencyKey),
    uniqueIndex("ledger_postings_commit").on(t.cityId, t.projectId).where(sql`${t.kind} = 'commit'`),
    uniqueIndex("ledger_postings_node_paid").on(t.cityId, t.projectId, t.node).where(sql`${t.kind} = 'pay'`),
    index("ledger_postings_year").on(t.cityId, t.year),
    index("ledger_postings_project").on(t.cityId, t.projectId),
    check("ledger_postings_amount", sql`${t.amountFen} > 0`),
  ],
);

/**
 * 基金推送 (LY-REFORM §二(三)): one enterprise pushed to the fund management institution, with a
 * snapshot of its projects and key figures as the bureau sent them, and the fund's decision.
 */
export const fundPushes = pgTable(
  "fund_pushes",
  {
    cityId: text("city_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    unitId: uuid("unit_id").notNull(),
    /** The industry the enterprise is pushed for (风口产业, 未来产业). */
    field: text("field").notNull(),
    highlights: text("highlights").notNull(),
    projects: jsonb("projects")
      .$type<{ number: string; title: string; grade: string | null; amountFen: number }[]>()
      .notNull(),
    status: text("status").$type<FundPushState>().notNull(),
    pushedBy: uuid("pushed_by").notNull(),
    pushedAt: timestamp("pushed_at", { withTimezone: true }).notNull(),
    /** Each of the fund's decisions in order: a follow-up, then an investment or a decline. */
    decisions: jsonb("decisions")
      .$type<{ event: string; amountFen: number | null; note: string; by: string; at: string }[]>()
      .notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    foreignKey({ columns: [t.cityId, t.unitId], foreignColumns: [units.cityId, units.id] }),
    index("fund_pushes_city_status").on(t.cityId, t.status),
  ],
);

/** 两上两下 (LY-FUNDS §11): one budget year's steps as recorded, and the performance targets set with it. */
export const budgetCycles = pgTable(
  "budget_cycles",
  {
    cityId: text("city_id").notNull(),
    year: integer("year").notNull(),
    steps: jsonb("steps").$type<CycleRecords>().notNull(),
    performanceTargets: jsonb("performance_targets").$type<PerformanceTarget[]>().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.cityId, t.year] })],
);
