import type {
  BidState,
  ChallengeState,
  DecisionSteps,
  DirectedCommissionState,
  EntryDecision,
  PerformanceGrade,
  ProjectOrigin,
  ProposedListState,
  Role,
} from "@luoshu/domain";

import {
  bigint,
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
import { units } from "./units.ts";

/** 预算控制数: the finance bureau's figure for a year, which every list's money stays within. */
export const budgetControlNumbers = pgTable(
  "budget_control_numbers",
  {
    cityId: text("city_id").notNull(),
    year: integer("year").notNull(),
    amountFen: bigint("amount_fen", { mode: "number" }).notNull(),
    docNumber: text("doc_number").notNull(),
    setBy: uuid("set_by").notNull(),
    setAt: timestamp("set_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.cityId, t.year] })],
);

export interface CollectiveDecision {
  meeting: string;
  heldOn: string;
  attendees: string;
  decision: string;
  attachment: { sha256: string; fileName: string; size: number } | null;
  recordedBy: string;
  recordedAt: string;
}

export interface StepRecord {
  by: string;
  byName: string;
  at: string;
  note: string | null;
}

/** 拟立项名单: one per call, drawn from its review's ranking. */
export const proposedLists = pgTable(
  "proposed_lists",
  {
    cityId: text("city_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    callId: uuid("call_id").notNull(),
    planId: uuid("plan_id").notNull(),
    program: text("program").notNull(),
    year: integer("year").notNull(),
    status: text("status").$type<ProposedListState>().notNull(),
    steps: jsonb("steps").$type<DecisionSteps>().notNull(),
    policyVersion: text("policy_version").notNull(),
    overCapReason: text("over_cap_reason"),
    youthShareReason: text("youth_share_reason"),
    collectiveDecision: jsonb("collective_decision").$type<CollectiveDecision>(),
    leaderApproval: jsonb("leader_approval").$type<StepRecord>(),
    cityGovernment: jsonb("city_government").$type<StepRecord & { approvedOn: string; docNumber: string }>(),
    /** The last time the list went back to the officer, and why. */
    returned: jsonb("returned").$type<StepRecord & { role: Role }>(),
    noticeStartedAt: timestamp("notice_started_at", { withTimezone: true }),
    noticeEndsAt: timestamp("notice_ends_at", { withTimezone: true }),
    noticeUncoveredYears: integer("notice_uncovered_years").array(),
    coSign: jsonb("co_sign").$type<StepRecord>(),
    issuedAt: timestamp("issued_at", { withTimezone: true }),
    createdBy: uuid("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    uniqueIndex("proposed_lists_call").on(t.cityId, t.callId),
    index("proposed_lists_city_status").on(t.cityId, t.status),
    foreignKey({ columns: [t.cityId, t.callId], foreignColumns: [calls.cityId, calls.id] }),
  ],
);

/** An application on a list: taken, in reserve, or not, with the reason where that departs from the ranking. */
export const proposedListEntries = pgTable(
  "proposed_list_entries",
  {
    cityId: text("city_id").notNull(),
    listId: uuid("list_id").notNull(),
    applicationId: uuid("application_id").notNull(),
    rank: integer("rank"),
    /** The trimmed mean, hundredths of a point. */
    mean: integer("mean"),
    decision: text("decision").$type<EntryDecision>().notNull(),
    reserveOrder: integer("reserve_order"),
    departureReason: text("departure_reason"),
    amountFen: bigint("amount_fen", { mode: "number" }).notNull(),
    /** The most the entry may commit: its request, or a post-subsidy program's best grade (set when drawn). */
    maxFen: bigint("max_fen", { mode: "number" }).notNull(),
    piYouth: boolean("pi_youth"),
    /** When this entry's own notice began: the list's start, or later when it moved up from reserve. */
    noticeStartedAt: timestamp("notice_started_at", { withTimezone: true }),
    noticeEndsAt: timestamp("notice_ends_at", { withTimezone: true }),
    changeNote: text("change_note"),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.listId, t.applicationId] }),
    foreignKey({ columns: [t.cityId, t.listId], foreignColumns: [proposedLists.cityId, proposedLists.id] }),
    foreignKey({
      columns: [t.cityId, t.applicationId],
      foreignColumns: [applications.cityId, applications.id],
    }),
  ],
);

/** 异议: raised by anyone during the notice; the officer records the outcome. */
export const objections = pgTable(
  "objections",
  {
    cityId: text("city_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    listId: uuid("list_id").notNull(),
    applicationId: uuid("application_id").notNull(),
    name: text("name").notNull(),
    contact: text("contact").notNull(),
    content: text("content").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
    status: text("status").$type<"open" | "upheld" | "dismissed">().notNull(),
    outcome: text("outcome"),
    handledBy: uuid("handled_by"),
    handledAt: timestamp("handled_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    index("objections_list").on(t.cityId, t.listId),
    foreignKey({ columns: [t.cityId, t.listId], foreignColumns: [proposedLists.cityId, proposedLists.id] }),
  ],
);

/**
 * The next project number per (city, year, program code). Taken with `UPDATE … RETURNING` inside the
 * approval's transaction: gapless (a rollback returns it) and serialising only that counter.
 */
export const projectNumberCounters = pgTable(
  "project_number_counters",
  {
    cityId: text("city_id").notNull(),
    year: integer("year").notNull(),
    numberCode: text("number_code").notNull(),
    next: integer("next").notNull(),
  },
  (t) => [primaryKey({ columns: [t.cityId, t.year, t.numberCode] })],
);

/** 项目: an approved application, bound to the policy version in force on its approval day (DT-RULES §24). */
export const projects = pgTable(
  "projects",
  {
    cityId: text("city_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    number: text("number").notNull(),
    /** How it was approved: from a proposed list, filed (备案, guiding), or commissioned directly. */
    origin: text("origin").$type<ProjectOrigin>().notNull(),
    applicationId: uuid("application_id"),
    callId: uuid("call_id"),
    listId: uuid("list_id"),
    commissionId: uuid("commission_id"),
    challengeId: uuid("challenge_id"),
    jointTopicId: uuid("joint_topic_id"),
    program: text("program").notNull(),
    year: integer("year").notNull(),
    unitId: uuid("unit_id").notNull(),
    piUserId: uuid("pi_user_id"),
    title: text("title").notNull(),
    amountFen: bigint("amount_fen", { mode: "number" }).notNull(),
    piYouth: boolean("pi_youth"),
    policyVersion: text("policy_version").notNull(),
    approvedOn: date("approved_on").notNull(),
    approvedAt: timestamp("approved_at", { withTimezone: true }).notNull(),
    /** The bureau's officer who follows the project (责任处室经办人), shown to its unit. */
    responsibleOfficerId: uuid("responsible_officer_id"),
    /** 绩效评价 grade, once evaluated: the policy's codes (excellent 优, good 良, pass 合格, fail 不合格). */
    grade: text("grade").$type<PerformanceGrade>(),
    /** 核定的项目研发经费总额: the R&D spend verified at acceptance, which a post-subsidy is a share of. */
    verifiedRdFen: bigint("verified_rd_fen", { mode: "number" }),
    /** How the project ended early, once decided (project_closures holds the decision). */
    closedAs: text("closed_as").$type<"terminated" | "revoked">(),
    /**
     * 宽容失败 (DT-RULES §5; LY-PLAN §九(三)): the bureau's finding that a failed project was carried
     * out with due diligence (勤勉尽责); it closes without sanction and its grade does not count
     * against the unit or PI in later proposed lists.
     */
    diligenceFinding: text("diligence_finding"),
    diligenceFoundBy: uuid("diligence_found_by"),
    diligenceFoundAt: timestamp("diligence_found_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    uniqueIndex("projects_number").on(t.cityId, t.number),
    uniqueIndex("projects_application").on(t.cityId, t.applicationId),
    uniqueIndex("projects_joint_topic").on(t.cityId, t.jointTopicId),
    index("projects_city_year_program").on(t.cityId, t.year, t.program),
    index("projects_city_unit").on(t.cityId, t.unitId),
    foreignKey({
      columns: [t.cityId, t.applicationId],
      foreignColumns: [applications.cityId, applications.id],
    }),
  ],
);

/** 定向委托 (DT-RULES §14): a named unit, one of the allowed reasons, its basis public before approval. */
export const directedCommissions = pgTable(
  "directed_commissions",
  {
    cityId: text("city_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    program: text("program").notNull(),
    year: integer("year").notNull(),
    title: text("title").notNull(),
    unitId: uuid("unit_id").notNull(),
    reason: text("reason").notNull(),
    basis: text("basis").notNull(),
    amountFen: bigint("amount_fen", { mode: "number" }).notNull(),
    status: text("status").$type<DirectedCommissionState>().notNull(),
    policyVersion: text("policy_version").notNull(),
    noticeStartedAt: timestamp("notice_started_at", { withTimezone: true }),
    noticeEndsAt: timestamp("notice_ends_at", { withTimezone: true }),
    approvedBy: uuid("approved_by"),
    createdBy: uuid("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    index("directed_commissions_city_status").on(t.cityId, t.status),
    foreignKey({ columns: [t.cityId, t.unitId], foreignColumns: [units.cityId, units.id] }),
  ],
);

/** 揭榜挂帅 (DT-RULES §15; LY-REFORM §三(三)2): the challenge list as published (张榜). */
export const openChallenges = pgTable(
  "open_challenges",
  {
    cityId: text("city_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    program: text("program").notNull(),
    year: integer("year").notNull(),
    title: text("title").notNull(),
    requirements: text("requirements").notNull(),
    technicalIndicators: text("technical_indicators").notNull(),
    performanceTargets: text("performance_targets").notNull(),
    governmentFundingFen: bigint("government_funding_fen", { mode: "number" }).notNull(),
    enterpriseCoFundingFen: bigint("enterprise_co_funding_fen", { mode: "number" }).notNull(),
    /** 需求方: the enterprise whose need the challenge answers. */
    demandUnitId: uuid("demand_unit_id").notNull(),
    bidDeadline: timestamp("bid_deadline", { withTimezone: true }).notNull(),
    status: text("status").$type<ChallengeState>().notNull(),
    policyVersion: text("policy_version").notNull(),
    noticeStartedAt: timestamp("notice_started_at", { withTimezone: true }),
    noticeEndsAt: timestamp("notice_ends_at", { withTimezone: true }),
    /** 三方协议: the bureau, the demand side and the winning bidder(s). */
    /** 报市政府批准 where the program's decision takes it (LY-REFORM §三(二)1). */
    cityGovernment: jsonb("city_government").$type<StepRecord & { approvedOn: string; docNumber: string }>(),
    /** 会签 by the finance bureau where the program's funding mode takes it (LY-FUNDS §12). */
    coSign: jsonb("co_sign").$type<StepRecord>(),
    agreement: jsonb("agreement").$type<StepRecord & { signedOn: string; docNumber: string }>(),
    announcedAt: timestamp("announced_at", { withTimezone: true }),
    createdBy: uuid("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    index("open_challenges_city_status").on(t.cityId, t.status),
    foreignKey({ columns: [t.cityId, t.demandUnitId], foreignColumns: [units.cityId, units.id] }),
  ],
);

/** 揭榜: a unit's bid, with its negotiation with the demand side and the preliminary cooperation agreement. */
export const challengeBids = pgTable(
  "challenge_bids",
  {
    cityId: text("city_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    challengeId: uuid("challenge_id").notNull(),
    unitId: uuid("unit_id").notNull(),
    leaderName: text("leader_name").notNull(),
    approach: text("approach").notNull(),
    status: text("status").$type<BidState>().notNull(),
    negotiation: jsonb("negotiation").$type<StepRecord & { agreementSignedOn: string }>(),
    amountFen: bigint("amount_fen", { mode: "number" }),
    submittedBy: uuid("submitted_by").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    uniqueIndex("challenge_bids_unit_once").on(t.cityId, t.challengeId, t.unitId),
    foreignKey({
      columns: [t.cityId, t.challengeId],
      foreignColumns: [openChallenges.cityId, openChallenges.id],
    }),
    foreignKey({ columns: [t.cityId, t.unitId], foreignColumns: [units.cityId, units.id] }),
  ],
);
