import type { CommitteeSeat, JointScores, JointTopicState } from "@luoshu/domain";
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
import type { StepRecord } from "./decisions.ts";
import { units } from "./units.ts";

/**
 * 联合科研 (LY-REFORM §三(一)2–§三(四)4): one enterprise question (出题目) as it becomes a task on the
 * year's list, the laboratory's proposal, the joint committee's review, the two approvals and,
 * once a project, its outcome. The steps are few and each happens once, so each is a column.
 */
export const jointTopics = pgTable(
  "joint_topics",
  {
    cityId: text("city_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    program: text("program").notNull(),
    year: integer("year").notNull(),
    /** The enterprise that set the question. */
    unitId: uuid("unit_id").notNull(),
    title: text("title").notNull(),
    problem: text("problem").notNull(),
    expectedOutcome: text("expected_outcome").notNull(),
    /** What the enterprise offers to put in (需求企业保障); the platform pays nothing. */
    enterpriseFundingFen: bigint("enterprise_funding_fen", { mode: "number" }).notNull(),
    status: text("status").$type<JointTopicState>().notNull(),
    policyVersion: text("policy_version").notNull(),
    /** 需求优先级: the three scores with the experts' argument (专家咨询论证). */
    assessment: jsonb("assessment").$type<StepRecord & { scores: JointScores; argument: string }>(),
    priority: integer("priority"),
    /** Listed into, or left off, the task list, with the officer's note. */
    listing: jsonb("listing").$type<StepRecord>(),
    /** The laboratory leading the research, and its proposal. */
    laboratoryId: uuid("laboratory_id"),
    proposal: jsonb("proposal").$type<
      StepRecord & {
        leaderName: string;
        plan: string;
        withEnterprise: boolean;
        laboratoryFundingFen: number;
        enterpriseFundingFen: number;
        months: number;
      }
    >(),
    committee: jsonb("committee").$type<
      StepRecord & {
        meetingOn: string;
        members: {
          expertId: string;
          name: string;
          seat: CommitteeSeat;
          recommend: boolean;
          opinion: string;
        }[];
        recommended: boolean;
      }
    >(),
    bureauApproval: jsonb("bureau_approval").$type<StepRecord>(),
    laboratoryApproval: jsonb("laboratory_approval").$type<StepRecord>(),
    declined: jsonb("declined").$type<StepRecord>(),
    outcome: jsonb("outcome").$type<StepRecord & { result: "completed" | "failed"; closedOn: string }>(),
    submittedBy: uuid("submitted_by").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    index("joint_topics_city_year_status").on(t.cityId, t.year, t.status),
    foreignKey({ columns: [t.cityId, t.unitId], foreignColumns: [units.cityId, units.id] }),
    foreignKey({ columns: [t.cityId, t.laboratoryId], foreignColumns: [units.cityId, units.id] }),
  ],
);
