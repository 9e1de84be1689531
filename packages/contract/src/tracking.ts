import { fenSchema, milestoneStatuses, progressReportStates } from "@luoshu/domain";
import { z } from "zod";
import { citation, instant, longText } from "./shared.ts";

/** 进展报告 and 期中评估 (DT-RULES §14(五); LY-FUNDS §10, §13(一)). */
export const reportStandings = [...progressReportStates, "notOpen", "open", "overdue"] as const;
export const progressReportActions = ["file", "approve", "return", "remind"] as const;
export const progressReportEvents = ["approve", "return"] as const;
export const assessmentEvents = ["pass", "hold"] as const;

const variance = z.object({
  category: z.string(),
  categoryName: z.string(),
  budgetFen: z.number(),
  expectedFen: z.number(),
  spentFen: z.number(),
  needsExplanation: z.boolean(),
});

export const progressContentSchema = z
  .object({
    summary: longText(1, 8000),
    milestones: z
      .array(
        z
          .object({
            index: z.int().min(0).max(199),
            status: z.enum(milestoneStatuses),
            evidence: longText(0, 4000),
          })
          .strict(),
      )
      .max(200),
    spending: z
      .array(
        z
          .object({
            category: z.string().trim().min(1).max(40),
            spentFen: fenSchema,
            explanation: longText(0, 4000),
          })
          .strict(),
      )
      .max(30),
  })
  .strict();

export const progressReportBody = progressContentSchema.extend({ period: z.int().min(1).max(600) }).strict();
export type ProgressReportBody = z.infer<typeof progressReportBody>;

export const progressReportDto = z.object({
  id: z.string(),
  period: z.number(),
  status: z.enum(progressReportStates),
  content: progressContentSchema,
  variances: z.array(variance),
  submittedByName: z.string().nullable(),
  submittedAt: instant,
  decidedByName: z.string().nullable(),
  decidedAt: instant.nullable(),
  decisionNote: z.string().nullable(),
});

export const scheduledReportDto = z.object({
  period: z.number(),
  dueDate: z.string(),
  opensOn: z.string(),
  standing: z.enum(reportStandings),
  overdueDays: z.number(),
  report: progressReportDto.nullable(),
  remindedOn: z.string().nullable(),
  actions: z.array(z.enum(progressReportActions)),
});

export const assessmentDto = z.object({
  id: z.string(),
  status: z.enum(["convened", "passed", "held"]),
  criteria: z.array(z.object({ nameZh: z.string(), nameEn: z.string(), weight: z.number() })),
  passMark: z.number(),
  convenedAt: instant,
  panel: z.array(
    z.object({
      expertId: z.string(),
      name: z.string(),
      submitted: z.boolean(),
      /** The expert's weighted total (hundredths), shown to the bureau once submitted. */
      total: z.number().nullable(),
      comment: z.string().nullable(),
    }),
  ),
  /** Mean weighted total, hundredths; null before any expert submits. */
  mean: z.number().nullable(),
  /** What the mean calls for once every expert has scored. */
  proposed: z.enum(assessmentEvents).nullable(),
  concludedAt: instant.nullable(),
  note: z.string().nullable(),
  actions: z.array(z.enum(assessmentEvents)),
});
export type AssessmentDto = z.infer<typeof assessmentDto>;

export const trackingDto = z.object({
  projectId: z.string(),
  /** The period and budget the reports are measured against; null before the task book is signed. */
  terms: z
    .object({
      startDate: z.string(),
      endDate: z.string(),
      milestones: z.array(
        z.object({ dueDate: z.string(), description: z.string(), deliverable: z.string() }),
      ),
      budget: z.array(z.object({ category: z.string(), categoryName: z.string(), amountFen: z.number() })),
    })
    .nullable(),
  rules: z.object({
    intervalMonths: z.number(),
    intervalCitation: citation,
    varianceBp: z.number(),
    varianceCitation: citation,
    citation,
  }),
  schedule: z.array(scheduledReportDto),
  /** The periods due by today not yet approved: what the next node payment waits for. */
  outstanding: z.array(z.number()),
  midTerm: z
    .object({
      /** Whether a node of this project's task book waits for the mid-term assessment. */
      releasesNode: z.string().nullable(),
      panelSize: z.number(),
      citation,
      assessments: z.array(assessmentDto),
      mayConvene: z.boolean(),
      /** Why the bureau cannot convene one now, when it cannot. */
      conveneBlockedZh: z.string().nullable(),
    })
    .nullable(),
});
export type TrackingDto = z.infer<typeof trackingDto>;

export const progressDecisionBody = z.object({ note: longText(2, 2000) }).strict();

export const conveneBody = z
  .object({ expertIds: z.array(z.uuid()).min(1).max(15), note: longText(0, 2000).default("") })
  .strict();

export const assessmentCandidateDto = z.object({
  expertId: z.string(),
  name: z.string(),
  unitName: z.string(),
  title: z.string(),
  disciplines: z.array(z.string()),
  conflicts: z.array(z.string()),
});

export const assessmentSheetBody = z
  .object({ scores: z.array(z.int().min(0).max(100)).min(1).max(20), comment: longText(2, 5000) })
  .strict();

/** What an expert sees of an assessment they sit on: the project's plan, its reports, their sheet. */
export const expertAssessmentDto = z.object({
  id: z.string(),
  status: z.enum(["convened", "passed", "held"]),
  project: z.object({ number: z.string(), title: z.string(), unitName: z.string() }),
  terms: trackingDto.shape.terms,
  reports: z.array(progressReportDto),
  criteria: z.array(z.object({ nameZh: z.string(), nameEn: z.string(), weight: z.number() })),
  mySheet: z.object({
    scores: z.array(z.number()).nullable(),
    comment: z.string().nullable(),
    submittedAt: instant.nullable(),
  }),
});
export type ExpertAssessmentDto = z.infer<typeof expertAssessmentDto>;

export const progressInboxDto = z.object({
  projectId: z.string(),
  number: z.string(),
  title: z.string(),
  unitName: z.string(),
  period: z.number(),
  dueDate: z.string(),
  standing: z.enum(reportStandings),
  overdueDays: z.number(),
});
