import {
  budgetCycleSteps,
  calendarDateSchema,
  disbursementTriggers,
  fenSchema,
  fundPushStates,
  paymentStates,
  performanceGrades,
  projectOrigins,
  taskBookStates,
} from "@luoshu/domain";
import { z } from "zod";
import { projectLifeDto } from "./project-life.ts";
import { citation, instant, longText } from "./shared.ts";

/** 项目执行: the task book, its payment nodes and payments, the project's ledger and timeline. */

export const taskBookEvents = ["confirmUnit", "confirmBureau"] as const;
export const paymentEvents = ["approve", "pay", "cancel"] as const;

const node = z.object({
  code: z.string(),
  after: z.enum(disbursementTriggers),
  amountFen: z.number(),
  source: citation,
});

export const taskBookContentDto = z.object({
  cityNameZh: z.string(),
  bureauZh: z.string(),
  number: z.string(),
  title: z.string(),
  program: z.string(),
  programName: z.string(),
  year: z.number(),
  amountFen: z.number(),
  unitName: z.string(),
  piName: z.string().nullable(),
  tripartite: z.object({ thirdParty: z.string() }).nullable(),
  period: z.object({ startDate: z.string(), endDate: z.string() }).nullable(),
  objectives: z.string(),
  researchContent: z.string(),
  targets: z.array(
    z.object({ kind: z.string(), description: z.string(), value: z.number(), unit: z.string() }),
  ),
  milestones: z.array(z.object({ dueDate: z.string(), description: z.string(), deliverable: z.string() })),
  budgetLines: z.array(z.object({ category: z.string(), categoryName: z.string(), amountFen: z.number() })),
  team: z.array(
    z.object({
      name: z.string(),
      role: z.string(),
      title: z.string(),
      unitName: z.string(),
      workMonths: z.number(),
    }),
  ),
  selfRaisedFen: z.number(),
  coFundingFen: z.number(),
  midTermMilestone: z
    .object({
      milestone: z
        .object({ dueDate: z.string(), description: z.string(), deliverable: z.string() })
        .nullable(),
      source: citation,
    })
    .nullable(),
  lumpSumPilot: z.object({ source: citation }).nullable(),
  lumpSum: z.object({ source: citation }).nullable(),
  nodes: z.array(node),
  paymentBasis: citation.nullable(),
  terms: z.array(z.object({ textZh: z.string(), source: citation.nullable() })),
});

const signature = z.object({ at: instant, byName: z.string() }).nullable();

export const taskBookDto = z.object({
  status: z.enum(taskBookStates),
  content: taskBookContentDto,
  drawn: z.object({ at: instant, byName: z.string() }),
  unitConfirmed: signature,
  bureauConfirmed: signature,
  signed: z
    .object({ at: instant, byName: z.string(), signedOn: z.string(), fileName: z.string(), size: z.number() })
    .nullable(),
  /** confirmUnit, confirmBureau, sign: what the caller may do now. */
  actions: z.array(z.enum(["confirmUnit", "confirmBureau", "sign"])),
});
export type TaskBookDto = z.infer<typeof taskBookDto>;

export const paymentDto = z.object({
  id: z.string(),
  projectId: z.string(),
  projectNumber: z.string(),
  projectTitle: z.string(),
  unitName: z.string(),
  node: z.string(),
  amountFen: z.number(),
  status: z.enum(paymentStates),
  note: z.string(),
  prepared: z.object({ at: instant, byName: z.string() }),
  approved: signature,
  paid: z.object({ at: instant, byName: z.string(), treasuryRef: z.string() }).nullable(),
  cancelled: signature,
  /** Whether finance approves each payment in this city, and where that comes from. */
  financeApproves: z.boolean(),
  financeApprovalSource: citation,
  actions: z.array(z.enum(paymentEvents)),
});
export type PaymentDto = z.infer<typeof paymentDto>;

export const projectNodeDto = node.extend({
  /** Whether its condition is reached (LY-FUNDS §13). */
  due: z.boolean(),
  /** The progress reports due by today not yet approved, which the node waits for (none once under way). */
  waitsForReports: z.array(z.number()),
  /** What preparing it would pay: a post-subsidy pays the grade's share, within the node; null before the grade. */
  payableFen: z.number().nullable(),
  paidFen: z.number(),
  /** The payment under way or paid, if any. */
  paymentId: z.string().nullable(),
  paymentStatus: z.enum(paymentStates).nullable(),
});

export const projectStages = ["approved", "taskBook", "executing", "closed"] as const;

export const timelineEntryDto = z.object({
  at: instant,
  kind: z.string(),
  byName: z.string().nullable(),
  /** The node of a payment, the day a task book was signed. */
  detail: z.string().nullable(),
  /** The treasury's reference of a payment made. */
  reference: z.string().nullable(),
  amountFen: z.number().nullable(),
  source: citation.nullable(),
});

export const projectDetailDto = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  piName: z.string().nullable(),
  program: z.string(),
  programName: z.string(),
  year: z.number(),
  amountFen: z.number(),
  policyVersion: z.string(),
  approvedOn: z.string(),
  origin: z.enum(projectOrigins),
  applicationId: z.string().nullable(),
  grade: z.enum(performanceGrades).nullable(),
  /** The bureau's officer following the project, by name (the account is the bureau's, not the unit's). */
  responsibleOfficer: z.object({ name: z.string() }).nullable(),
  stage: z.enum(projectStages),
  taskBook: taskBookDto.nullable(),
  nodes: z.array(projectNodeDto),
  payments: z.array(paymentDto),
  /** Whether finance approves each payment in the project's city (a city setting), and its source. */
  paymentApproval: z.object({ financeApproves: z.boolean(), source: citation }),
  /** The project's accounts in the ledger. */
  money: z.object({
    committedFen: z.number(),
    paidFen: z.number(),
    returnedFen: z.number(),
    leftFen: z.number(),
  }),
  timeline: z.array(timelineEntryDto),
  /** drawTaskBook, preparePayment, assignOfficer: what the caller may do on the project itself. */
  actions: z.array(z.enum(["drawTaskBook", "preparePayment", "assignOfficer"])),
  /** Where the project's unit may be drawn into the lump-sum pilot (LY-FUNDS §13(一)), its source. */
  lumpSumPilotOffered: z.object({ source: citation }).nullable(),
  /** Why a task book cannot be drawn, where it cannot (a filed guiding project). */
  taskBookBlocked: z.object({ messageZh: z.string(), messageEn: z.string() }).nullable(),
  /** Termination, revocation and sanctions (DT-RULES §20–22; LY-FUNDS §25). */
  life: projectLifeDto,
});
export type ProjectDetailDto = z.infer<typeof projectDetailDto>;

/** Drawing a task book: whether the bureau draws the project into the lump-sum pilot (LY-FUNDS §13(一)). */
export const drawTaskBookBody = z
  .object({
    lumpSumPilot: z.boolean().default(false),
    /**
     * 起止日期 of a project with no application to take them from (an open challenge, a directed
     * commission): the bureau sets them in the task book, and the progress reports follow them.
     */
    period: z
      .object({ startDate: calendarDateSchema, endDate: calendarDateSchema })
      .strict()
      .refine((p) => p.startDate < p.endDate, { message: "the end is after the start", path: ["endDate"] })
      .optional(),
  })
  .strict();

export const signTaskBookQuery = z.object({ signedOn: z.iso.date() }).strict();

export const preparePaymentBody = z
  .object({ node: z.string().trim().min(1).max(40), note: longText(0, 1000).default("") })
  .strict();

export const paymentEventBody = z.object({ treasuryRef: longText(2, 100).optional() }).strict();

export const paymentListQuery = z
  .object({ status: z.enum(paymentStates).optional(), mine: z.enum(["true", "false"]).optional() })
  .strict();

export const assignOfficerBody = z.object({ userId: z.uuid() }).strict();

export const ledgerYearDto = z.object({
  year: z.number(),
  approvedFen: z.number(),
  committedFen: z.number(),
  paidFen: z.number(),
  returnedFen: z.number(),
  availableFen: z.number(),
});

const termSource = z.union([
  z.object({ clause: z.string().trim().min(2).max(100) }).strict(),
  z.object({ setting: z.literal("city") }).strict(),
]);
const taskBookTerm = z.object({ textZh: z.string(), source: citation.nullable() });

/** The bureau's task book terms: its own where it edited them, else its policy file's. */
export const taskBookTemplateDto = z.object({
  terms: z.array(taskBookTerm),
  edited: z.object({ at: instant, byName: z.string() }).nullable(),
  defaults: z.array(taskBookTerm),
});
export type TaskBookTemplateDto = z.infer<typeof taskBookTemplateDto>;

export const taskBookTemplateBody = z
  .object({
    terms: z
      .array(z.object({ textZh: longText(2, 2000), source: termSource.nullable() }).strict())
      .min(1)
      .max(30),
  })
  .strict();

/** 基金推送 (LY-REFORM §二(三)): an enterprise pushed to the fund, and the fund's decisions. */
export const fundPushEvents = ["invest", "decline", "followUp"] as const;

export const fundPushDto = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  field: z.string(),
  highlights: z.string(),
  projects: z.array(
    z.object({ number: z.string(), title: z.string(), grade: z.string().nullable(), amountFen: z.number() }),
  ),
  status: z.enum(fundPushStates),
  pushed: z.object({ at: instant, byName: z.string() }),
  decisions: z.array(
    z.object({
      event: z.string(),
      amountFen: z.number().nullable(),
      note: z.string(),
      by: z.string(),
      byName: z.string(),
      at: instant,
    }),
  ),
  source: citation,
  actions: z.array(z.enum(fundPushEvents)),
});
export type FundPushDto = z.infer<typeof fundPushDto>;

export const fundPushBody = z
  .object({
    unitId: z.uuid(),
    projectIds: z.array(z.uuid()).max(50).default([]),
    field: longText(2, 100),
    highlights: longText(2, 4000),
  })
  .strict();

export const fundDecisionBody = z
  .object({ amountFen: fenSchema.nullable().default(null), note: longText(2, 2000) })
  .strict();

/** 两上两下 (LY-FUNDS §11): a budget year's four steps with their due days and records. */
export const budgetCycleDto = z.object({
  year: z.number(),
  steps: z.array(
    z.object({
      code: z.enum(budgetCycleSteps),
      actor: z.enum(["bureau", "finance"]),
      nameZh: z.string(),
      nameEn: z.string(),
      due: z.string().nullable(),
      overdue: z.boolean(),
      source: citation,
      record: z
        .object({
          on: z.string(),
          docNumber: z.string(),
          amountFen: z.number(),
          note: z.string(),
          by: z.string(),
          byName: z.string(),
          at: instant,
        })
        .nullable(),
    }),
  ),
  performanceTargets: z.array(z.object({ program: z.string(), indicator: z.string(), target: z.string() })),
  performanceTargetsSource: citation,
  next: z.enum(budgetCycleSteps).nullable(),
  /** Whether the next step is the caller's to record. */
  mayRecord: z.boolean(),
});
export type BudgetCycleDto = z.infer<typeof budgetCycleDto>;

export const budgetCycleStepBody = z
  .object({
    on: z.iso.date(),
    docNumber: longText(2, 100),
    amountFen: fenSchema.refine((v) => v > 0, "more than zero"),
    note: longText(0, 2000).default(""),
    performanceTargets: z
      .array(
        z
          .object({ program: longText(1, 40), indicator: longText(2, 200), target: longText(1, 200) })
          .strict(),
      )
      .max(100)
      .default([]),
  })
  .strict();
