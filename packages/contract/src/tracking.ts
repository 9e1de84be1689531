import {
  acceptanceStates,
  assessmentKinds,
  assessmentStates,
  fenSchema,
  milestoneStatuses,
  performanceGrades,
  progressReportStates,
} from "@luoshu/domain";
import { z } from "zod";
import { citation, instant, longText } from "./shared.ts";

/** 进展报告 and 期中评估 (DT-RULES §14(五); LY-FUNDS §10, §13(一)). */
export const reportStandings = [...progressReportStates, "notOpen", "open", "overdue"] as const;
export const progressReportActions = ["file", "approve", "return", "remind"] as const;
export const progressReportEvents = ["approve", "return"] as const;
export const assessmentEvents = ["pass", "hold", "fail", "defer"] as const;

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

export const acceptanceBody = z
  .object({
    achievements: z
      .array(
        z
          .object({
            index: z.int().min(0).max(199),
            achieved: z.number().finite().min(0).max(1e12),
            evidence: longText(0, 4000),
          })
          .strict(),
      )
      .max(200),
    report: longText(1, 20000),
    settlement: z
      .array(z.object({ category: z.string().trim().min(1).max(40), spentFen: fenSchema }).strict())
      .max(30),
    commitment: z.literal(true),
  })
  .strict();
export type AcceptanceBody = z.infer<typeof acceptanceBody>;

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
  kind: z.enum(assessmentKinds),
  status: z.enum(assessmentStates),
  criteria: z.array(z.object({ nameZh: z.string(), nameEn: z.string(), weight: z.number() })),
  /** A mid-term's pass mark (whole points); null for an acceptance, which its grades decide. */
  passMark: z.number().nullable(),
  /** An acceptance's grade by the mean, once every expert has scored; a concluded one's for everyone. */
  grade: z.enum(performanceGrades).nullable(),
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
  proposed: z.enum(["pass", "hold", "fail"]).nullable(),
  concludedAt: instant.nullable(),
  note: z.string().nullable(),
  actions: z.array(z.enum(assessmentEvents)),
});
export type AssessmentDto = z.infer<typeof assessmentDto>;

const budgetLineDto = z.object({ category: z.string(), categoryName: z.string(), amountFen: z.number() });

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
      budget: z.array(budgetLineDto),
      /** The lines acceptance settles: the budget, or the city's categories for a project without one. */
      settlement: z.array(budgetLineDto),
      /** The task book's performance targets, which acceptance measures (LY-FUNDS §23). */
      targets: z.array(
        z.object({ kind: z.string(), description: z.string(), value: z.number(), unit: z.string() }),
      ),
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
  acceptance: z.object({
    panelSize: z.number(),
    grades: z.object({ excellent: z.number(), good: z.number(), pass: z.number(), citation }),
    citation,
    balanceRule: z.enum(["returnToTreasury", "staysWithUnit"]),
    balanceCitation: citation,
    commitmentZh: z.string(),
    application: z
      .object({
        status: z.enum(acceptanceStates),
        content: acceptanceBody,
        settledFen: z.number(),
        submittedByName: z.string().nullable(),
        submittedAt: instant,
        /** The grade the panel's mean gave, and the finance bureau's re-evaluation if any. */
        grade: z.enum(performanceGrades).nullable(),
        regrade: z
          .object({
            grade: z.enum(performanceGrades),
            reason: z.string(),
            byName: z.string().nullable(),
            at: instant,
          })
          .nullable(),
        verifiedRdFen: z.number().nullable(),
        /** Closed by the unit itself (a filed project, LY-REFORM §三(三)1): no panel, no grade. */
        selfOrganised: z.boolean(),
        /** 县区意见 (DT-RULES §17; LY-FUNDS §7–8): the project's district's opinion, the latest given. */
        districtOpinion: z
          .object({ agrees: z.boolean(), opinion: z.string(), byName: z.string().nullable(), at: instant })
          .nullable(),
      })
      .nullable(),
    /** Whether the project's unit lies in a district, whose S&T department gives its opinion (DT-RULES §17). */
    districtAsked: z.boolean(),
    /** Where the project is filed: the clause under which its unit closes it itself; else null. */
    selfClosure: citation.nullable(),
    assessments: z.array(assessmentDto),
    /** 勤勉尽责 (DT-RULES §5; LY-PLAN §九(三)): the bureau's finding that the failure is tolerated. */
    diligence: z
      .object({ finding: z.string(), byName: z.string().nullable(), at: instant, citation })
      .nullable(),
    /** The clause under which a failed project may be found diligent, for the form. */
    diligenceCitation: citation,
    actions: z.array(
      z.enum(["submit", "convene", "regrade", "findDiligence", "selfClose", "districtOpinion"]),
    ),
    /** Why the caller cannot submit or convene now, when they cannot. */
    blockedZh: z.string().nullable(),
  }),
});
export type TrackingDto = z.infer<typeof trackingDto>;

export const progressDecisionBody = z.object({ note: longText(2, 2000) }).strict();

/** A conclusion: an acceptance that passes carries the R&D spend the bureau verifies (核定). */
export const conclusionBody = progressDecisionBody.extend({ verifiedRdFen: fenSchema.optional() }).strict();

export const conveneBody = z
  .object({
    kind: z.enum(assessmentKinds).default("midTerm"),
    expertIds: z.array(z.uuid()).min(1).max(15),
    note: longText(0, 2000).default(""),
  })
  .strict();

/** 自行组织结项 (LY-REFORM §三(三)1): the unit's own closure of a filed project. */
export const selfClosureBody = z
  .object({ report: longText(10, 20000), commitment: z.literal(true) })
  .strict();

/** 县区意见: the district agrees with the acceptance or not, said explicitly, with its opinion. */
export const districtOpinionBody = z.object({ agrees: z.boolean(), opinion: longText(2, 2000) }).strict();
export type DistrictOpinionBody = z.infer<typeof districtOpinionBody>;

export const diligenceBody = z.object({ finding: longText(10, 4000) }).strict();

export const regradeBody = z
  .object({ grade: z.enum(performanceGrades), reason: longText(10, 2000) })
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
  kind: z.enum(assessmentKinds),
  status: z.enum(assessmentStates),
  project: z.object({ number: z.string(), title: z.string(), unitName: z.string() }),
  terms: trackingDto.shape.terms,
  reports: z.array(progressReportDto),
  /** The unit's acceptance materials, for an acceptance panel. */
  acceptance: acceptanceBody.nullable(),
  /** The task book's targets, which the acceptance measures. */
  targets: z.array(
    z.object({ kind: z.string(), description: z.string(), value: z.number(), unit: z.string() }),
  ),
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
