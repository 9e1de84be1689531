import { calendarDateSchema, committeeSeats, fenSchema, jointTopicStates } from "@luoshu/domain";
import { z } from "zod";
import { citation, instant, longText } from "./shared.ts";

/**
 * 联合科研 (LY-REFORM §三(一)2–§三(四)4): enterprises' questions, their ranking into the task list,
 * the laboratory's proposal, the joint committee's review, the two approvals and the outcome.
 */

export const jointQuestionBody = z
  .object({
    title: longText(2, 200),
    problem: longText(10, 4000),
    expectedOutcome: longText(5, 4000),
    enterpriseFundingFen: fenSchema,
  })
  .strict();

/** The steps after the question; `review` records the committee and moves by its conclusion. */
export const jointEvents = [
  "assess",
  "list",
  "notList",
  "propose",
  "review",
  "approve",
  "decline",
  "close",
] as const;
export type JointEventName = (typeof jointEvents)[number];

const score = z.number().int().min(0).max(100);

/** One body for every step; each step names the fields it needs and refuses a missing one. */
export const jointEventBody = z
  .object({
    scores: z.object({ advancement: score, leverage: score, feasibility: score }).strict().optional(),
    argument: longText(10, 4000).optional(),
    note: longText(2, 2000).optional(),
    leaderName: longText(2, 50).optional(),
    plan: longText(10, 4000).optional(),
    withEnterprise: z.boolean().optional(),
    laboratoryFundingFen: fenSchema.optional(),
    enterpriseFundingFen: fenSchema.optional(),
    months: z.number().int().min(1).max(120).optional(),
    meetingOn: calendarDateSchema.optional(),
    members: z
      .array(
        z
          .object({
            expertId: z.uuid(),
            seat: z.enum(committeeSeats),
            recommend: z.boolean(),
            opinion: longText(2, 2000),
          })
          .strict(),
      )
      .min(1)
      .max(30)
      .optional(),
    result: z.enum(["completed", "failed"]).optional(),
    closedOn: calendarDateSchema.optional(),
  })
  .strict();
export type JointEventBody = z.infer<typeof jointEventBody>;

const step = z.object({ byName: z.string(), at: instant, note: z.string().nullable() });

export const jointTopicDto = z.object({
  id: z.string(),
  program: z.string(),
  programName: z.string(),
  year: z.number(),
  /** The enterprise that set the question (not `unitId`: the laboratory reads it too, as a party). */
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  title: z.string(),
  problem: z.string(),
  expectedOutcome: z.string(),
  enterpriseFundingFen: z.number(),
  status: z.enum(jointTopicStates),
  /** Place in the year's ranking by priority; null until assessed. */
  rank: z.number().nullable(),
  priority: z.number().nullable(),
  assessment: step
    .extend({
      scores: z.object({ advancement: z.number(), leverage: z.number(), feasibility: z.number() }),
      argument: z.string(),
    })
    .nullable(),
  listing: step.nullable(),
  laboratoryId: z.string().nullable(),
  laboratoryName: z.string().nullable(),
  proposal: step
    .extend({
      leaderName: z.string(),
      plan: z.string(),
      withEnterprise: z.boolean(),
      laboratoryFundingFen: z.number(),
      enterpriseFundingFen: z.number(),
      months: z.number(),
    })
    .nullable(),
  /** The enterprise reads the conclusion; the bureau and the laboratory also the members. */
  committee: step
    .extend({
      meetingOn: z.string(),
      recommended: z.boolean(),
      members: z.array(
        z.object({
          expertId: z.string(),
          name: z.string(),
          seat: z.enum(committeeSeats),
          recommend: z.boolean(),
          opinion: z.string(),
        }),
      ),
    })
    .nullable(),
  approvals: z.object({ bureau: step.nullable(), laboratory: step.nullable() }),
  declined: step.nullable(),
  outcome: step.extend({ result: z.enum(["completed", "failed"]), closedOn: z.string() }).nullable(),
  projectNumber: z.string().nullable(),
  sources: z.object({ ranking: citation, committee: citation, approval: citation, management: citation }),
  submittedAt: instant,
  allowedActions: z.array(z.enum(jointEvents)),
  blocked: z.array(z.object({ action: z.string(), reasonZh: z.string(), reasonEn: z.string() })),
});
export type JointTopicDto = z.infer<typeof jointTopicDto>;

export const jointListQuery = z
  .object({
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    /** Only what waits for the caller's own step (the workspace tile). */
    mine: z.enum(["true", "false"]).optional(),
  })
  .strict();
