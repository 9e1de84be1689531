import {
  conflictReasons,
  declineReasons,
  reviewAssignmentStates,
  reviewModes,
  reviewOrganisers,
  reviewPanelSchema,
  reviewPlanStates,
  scoreSheetSchema,
} from "@luoshu/domain";
import { z } from "zod";
import { citation, instant } from "./shared.ts";

/** 专家评审 (issue 13): review plans per call, assignments, the expert's work and the ranking. */

export const reviewPlanActions = [
  "edit",
  "assign",
  "override",
  "publish",
  "remind",
  "complete",
  "reopen",
  "markHorseRace",
  "recordSiteVisit",
] as const;

/** Settings as the organiser edits them; missing numbers take the policy's values. */
export const reviewSettingsBody = z
  .object({
    panels: z
      .array(reviewPanelSchema.extend({ disciplines: z.array(z.string().max(5)).max(20) }))
      .min(1)
      .max(20),
    reviewersPerApplication: z.int().min(1).max(15),
    minLoad: z.int().min(0).max(500),
    maxLoad: z.int().min(1).max(500),
    mode: z.enum(reviewModes),
    pairCapPercent: z.int().min(1).max(100),
    scoringDeadline: z.iso.datetime({ offset: true }),
    /** Panel of each application, by id; applications not named stay where they are. */
    panelOf: z.record(z.uuid(), z.int().min(0).max(19)).default({}),
  })
  .strict();
export type ReviewSettingsBody = z.input<typeof reviewSettingsBody>;

export const createReviewPlanBody = z.object({ callId: z.uuid() }).strict();

export const expertBrief = z.object({
  id: z.string(),
  displayName: z.string(),
  unitName: z.string(),
  title: z.string(),
});

export const reviewAssignmentRow = z.object({
  id: z.string(),
  applicationId: z.string(),
  expert: expertBrief,
  status: z.enum(reviewAssignmentStates),
  affinity: z.number(),
  origin: z.enum(["solver", "override", "refill"]),
  overrideReason: z.string().nullable(),
  declineReason: z.enum(declineReasons).nullable(),
  declineNote: z.string().nullable(),
  /** Weighted total (0–100, two decimals) once submitted. */
  total: z.number().nullable(),
  submittedAt: instant.nullable(),
  lastRemindedAt: instant.nullable(),
});
export type ReviewAssignmentRowDto = z.infer<typeof reviewAssignmentRow>;

export const reviewResultSchema = z.object({
  totals: z.array(z.number()),
  dropped: z.array(z.number()),
  mean: z.number().nullable(),
  spread: z.number(),
  spreadFlagged: z.boolean(),
});

export const reviewItemSchema = z.object({
  applicationId: z.string(),
  number: z.string(),
  title: z.string(),
  unitName: z.string(),
  panelIndex: z.number(),
  assignments: z.array(reviewAssignmentRow),
  /** Places still empty after declines and conflicts that no one in the pool could fill. */
  openPlaces: z.number(),
  result: reviewResultSchema,
  rank: z.number().nullable(),
  horseRaceId: z.string().nullable(),
  siteVisits: z.array(
    z.object({
      id: z.string(),
      visitedOn: z.string(),
      members: z.array(z.string()),
      findings: z.string(),
      result: z.enum(["pass", "concerns", "fail"]),
    }),
  ),
});

export const reviewPlanSchema = z.object({
  id: z.string(),
  callId: z.string(),
  callName: z.string(),
  guideId: z.string(),
  guideTitle: z.string(),
  program: z.string(),
  organiser: z.enum(reviewOrganisers),
  organiserSource: citation,
  entrustment: z.object({ id: z.string(), agencyName: z.string() }).nullable(),
  status: z.enum(reviewPlanStates),
  settings: reviewSettingsBody.omit({ panelOf: true }),
  criteria: z.array(z.object({ nameZh: z.string(), weight: z.number() })),
  solution: z
    .object({
      mode: z.enum(reviewModes),
      objective: z.number(),
      certified: z.boolean(),
      seed: z.string().nullable(),
      pairCapPercent: z.number().nullable(),
      applications: z.number(),
      experts: z.number(),
      solvedAt: instant,
      millis: z.number(),
    })
    .nullable(),
  rules: z.object({
    trimFromReviews: z.number(),
    spreadThresholdPoints: z.number(),
    horseRaceClosenessPoints: z.number(),
    horseRaceSource: citation.nullable(),
  }),
  items: z.array(reviewItemSchema),
  horseRaces: z.array(
    z.object({ id: z.string(), applicationIds: z.array(z.string()), reason: z.string(), markedAt: instant }),
  ),
  progress: z.array(
    z.object({ panelIndex: z.number(), places: z.number(), submitted: z.number(), open: z.number() }),
  ),
  /** What the caller may do now; an action left out comes with its reason in `blocked`. */
  allowedActions: z.array(z.enum(reviewPlanActions)),
  blocked: z.array(
    z.object({ action: z.enum(reviewPlanActions), reasonZh: z.string(), reasonEn: z.string() }),
  ),
});
export type ReviewPlanDto = z.infer<typeof reviewPlanSchema>;

/** A call whose applications passed the formal check, with its plan if there is one. */
export const reviewableCallSchema = z.object({
  callId: z.string(),
  callName: z.string(),
  guideId: z.string(),
  guideTitle: z.string(),
  program: z.string(),
  passed: z.number(),
  organiser: z.enum(reviewOrganisers).nullable(),
  mayOrganise: z.boolean(),
  plan: z.object({ id: z.string(), status: z.enum(reviewPlanStates) }).nullable(),
});
export const reviewableCallList = z.object({ items: z.array(reviewableCallSchema) });

export const overrideBody = z
  .object({ expertId: z.uuid(), reason: z.string().trim().min(2).max(500) })
  .strict();
export const reasonBody = z.object({ reason: z.string().trim().min(2).max(500) }).strict();
export const horseRaceBody = z
  .object({
    applicationIds: z.array(z.uuid()).min(2).max(10),
    routesDiffer: z.literal(true),
    reason: z.string().trim().min(2).max(1000),
  })
  .strict();
export const siteVisitBody = z
  .object({
    applicationId: z.uuid(),
    visitedOn: z.iso.date(),
    members: z.array(z.string().trim().min(1).max(50)).min(1).max(20),
    findings: z.string().trim().min(2).max(5000),
    result: z.enum(["pass", "concerns", "fail"]),
  })
  .strict();

export const entrustmentBody = z
  .object({
    agencyName: z.string().trim().min(2).max(200),
    callIds: z.array(z.uuid()).min(1).max(50),
    periodFrom: z.iso.date(),
    periodUntil: z.iso.date(),
    scope: z.string().trim().min(2).max(1000),
  })
  .strict();
export const entrustmentSchema = entrustmentBody.extend({ id: z.string(), recordedAt: instant });
export const entrustmentList = z.object({ items: z.array(entrustmentSchema) });

/** The expert's side. */
export const myReviewAssignment = z.object({
  id: z.string(),
  status: z.enum(reviewAssignmentStates),
  applicationId: z.string(),
  number: z.string(),
  title: z.string(),
  unitName: z.string(),
  partnerNames: z.array(z.string()),
  teamNames: z.array(z.string()),
  submittedAt: instant.nullable(),
  declineReason: z.enum(declineReasons).nullable(),
});
export const myReviewPlan = z.object({
  planId: z.string(),
  callName: z.string(),
  guideTitle: z.string(),
  scoringDeadline: instant,
  commitmentText: z.string(),
  commitmentSignedAt: instant.nullable(),
  assignments: z.array(myReviewAssignment),
});
export const myReviewList = z.object({ items: z.array(myReviewPlan) });

export const declineBody = z
  .object({ reason: z.enum(declineReasons), note: z.string().trim().max(500).default("") })
  .strict();
export const declareConflictBody = z.object({ note: z.string().trim().min(2).max(500) }).strict();
export const sheetBody = scoreSheetSchema;

/** One assigned application as its expert sees it: personal data masked, no other expert's scores. */
export const reviewWorkSchema = z.object({
  id: z.string(),
  status: z.enum(reviewAssignmentStates),
  planId: z.string(),
  scoringDeadline: instant,
  criteria: z.array(z.object({ nameZh: z.string(), weight: z.number() })),
  sheet: scoreSheetSchema.nullable(),
  total: z.number().nullable(),
  application: z.object({
    number: z.string(),
    title: z.string(),
    unitName: z.string(),
    requestedFen: z.number(),
    basic: z.record(z.string(), z.string()),
    content: z.record(z.string(), z.string()),
    targets: z.array(
      z.object({ kind: z.string(), description: z.string(), value: z.number(), unit: z.string() }),
    ),
    team: z.array(
      z.object({
        name: z.string(),
        role: z.string(),
        title: z.string(),
        idNumberMasked: z.string().nullable(),
      }),
    ),
    partners: z.array(z.object({ name: z.string(), role: z.string() })),
  }),
  conflictReasons: z.array(z.enum(conflictReasons)),
});
export type ReviewWorkDto = z.infer<typeof reviewWorkSchema>;

/** 申请回避: an applicant keeps a unit's experts, or one person, away from its application. */
export const avoidanceBody = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("unit"),
      uscc: z.string().trim().length(18),
      note: z.string().trim().min(2).max(500),
    })
    .strict(),
  z
    .object({
      kind: z.literal("person"),
      name: z.string().trim().min(1).max(50),
      idNumber: z.string().trim().max(18),
      note: z.string().trim().min(2).max(500),
    })
    .strict(),
]);
export const avoidanceList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(["unit", "person"]),
      unitName: z.string().nullable(),
      uscc: z.string().nullable(),
      name: z.string().nullable(),
      idNumberMasked: z.string().nullable(),
      note: z.string(),
      at: instant,
    }),
  ),
  /** Whether a declaration is still taken (until the invitations go out). */
  open: z.boolean(),
});
