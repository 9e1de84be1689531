import {
  calendarDateSchema,
  directedCommissionStates,
  fenSchema,
  integrityKinds,
  projectOrigins,
  proposedListStates,
  roles,
  ruleSettings,
} from "@luoshu/domain";
import { z } from "zod";
import { citation, instant } from "./shared.ts";

/** 立项决策 (issue 14): proposed lists, collective decision, public notice, objections, co-sign, projects. */

const reason = (max = 1000) => z.string().trim().min(2).max(max);

export const proposedListEvents = [
  "submit",
  "recall",
  "leaderApprove",
  "leaderReturn",
  "recordCityGovernment",
  "startNotice",
  "closeNotice",
  "coSign",
  "financeReturn",
  "issue",
] as const;
export type ProposedListEventName = (typeof proposedListEvents)[number];

export const proposedListActions = [
  "edit",
  "recordCollectiveDecision",
  "withdrawEntry",
  "handleObjection",
  ...proposedListEvents,
] as const;
export type ProposedListAction = (typeof proposedListActions)[number];

export const entryDecisions = ["selected", "reserve", "notSelected", "withdrawn", "removed"] as const;
export const editableEntryDecisions = ["selected", "reserve", "notSelected"] as const;

export const createProposedListBody = z.object({ callId: z.uuid() }).strict();

export const editProposedListBody = z
  .object({
    entries: z
      .array(
        z
          .object({
            applicationId: z.uuid(),
            decision: z.enum(editableEntryDecisions),
            reserveOrder: z.int().min(1).max(999).nullable().default(null),
            departureReason: z.string().trim().max(1000).nullable().default(null),
            amountFen: fenSchema,
          })
          .strict(),
      )
      .max(2000)
      .optional(),
    overCapReason: z.string().trim().max(1000).nullable().optional(),
    youthShareReason: z.string().trim().max(1000).nullable().optional(),
  })
  .strict();
export type EditProposedListBody = z.input<typeof editProposedListBody>;

export const collectiveDecisionBody = z
  .object({
    meeting: reason(200),
    heldOn: calendarDateSchema,
    attendees: reason(1000),
    decision: reason(4000),
  })
  .strict();

/** One body for every step; each step reads what it needs (the city government's date and number). */
export const listEventBody = z
  .object({
    note: z.string().trim().max(1000).nullable().default(null),
    approvedOn: calendarDateSchema.optional(),
    docNumber: z.string().trim().min(2).max(100).optional(),
  })
  .strict();

export const withdrawEntryBody = z.object({ reason: reason() }).strict();
export const handleObjectionBody = z
  .object({ outcome: z.enum(["upheld", "dismissed"]), note: reason() })
  .strict();

const stepRecord = z.object({ by: z.string(), byName: z.string(), at: instant, note: z.string().nullable() });

export const proposedListEntryDto = z.object({
  applicationId: z.string(),
  applicationNumber: z.string(),
  title: z.string(),
  unitName: z.string(),
  piName: z.string(),
  piYouth: z.boolean().nullable(),
  rank: z.number().nullable(),
  mean: z.number().nullable(),
  decision: z.enum(entryDecisions),
  reserveOrder: z.number().nullable(),
  departs: z.boolean(),
  departureReason: z.string().nullable(),
  requestedFen: z.number(),
  amountFen: z.number(),
  noticeEndsAt: instant.nullable(),
  changeNote: z.string().nullable(),
  projectNumber: z.string().nullable(),
  /** 既往科研业绩、信用记录 (LY-REFORM §三(二)1): the unit's and the PI's record on this platform. */
  history: z.object({
    unitProjects: z.number(),
    piProjects: z.number(),
    /** Past grades; one whose failure was found diligent (宽容失败) does not count against them. */
    grades: z.array(z.object({ number: z.string(), grade: z.string(), countsAgainst: z.boolean() })),
    integrityRecords: z.array(
      z.object({
        subject: z.enum(["unit", "person"]),
        kind: z.enum(integrityKinds),
        until: z.string().nullable(),
      }),
    ),
  }),
});

export const objectionDto = z.object({
  id: z.string(),
  applicationId: z.string(),
  title: z.string(),
  name: z.string(),
  contact: z.string(),
  content: z.string(),
  receivedAt: instant,
  status: z.enum(["open", "upheld", "dismissed"]),
  outcome: z.string().nullable(),
  handledAt: instant.nullable(),
});

export const youthShareDto = z.object({
  programs: z.array(z.string()),
  programNames: z.array(z.object({ zh: z.string(), en: z.string() })),
  minPercent: z.number(),
  ageUnder: z.number(),
  young: z.number(),
  total: z.number(),
  percent: z.number().nullable(),
  met: z.boolean(),
  source: citation,
});

export const violationDto = z.object({
  code: z.string(),
  messageZh: z.string(),
  messageEn: z.string(),
  clause: z.string().optional(),
  setting: z.enum(ruleSettings).optional(),
  path: z.string().optional(),
});

export const proposedListDto = z.object({
  id: z.string(),
  callId: z.string(),
  callName: z.string(),
  guideTitle: z.string(),
  program: z.string(),
  programName: z.string(),
  year: z.number(),
  status: z.enum(proposedListStates),
  policyVersion: z.string(),
  steps: z.object({
    collectiveDecision: citation,
    leaderApproval: citation,
    cityGovernment: citation.nullable(),
    publicNotice: z.object({ workingDays: z.number(), source: citation, periodSource: citation }).nullable(),
    coSign: citation.nullable(),
  }),
  path: z.array(z.enum(proposedListEvents)),
  nextEvent: z.enum(proposedListEvents).nullable(),
  waitingFor: z.enum(roles).nullable(),
  overCapReason: z.string().nullable(),
  youthShareReason: z.string().nullable(),
  collectiveDecision: z
    .object({
      meeting: z.string(),
      heldOn: z.string(),
      attendees: z.string(),
      decision: z.string(),
      attachment: z.object({ fileName: z.string(), size: z.number() }).nullable(),
      recordedAt: instant,
    })
    .nullable(),
  leaderApproval: stepRecord.nullable(),
  cityGovernment: stepRecord.extend({ approvedOn: z.string(), docNumber: z.string() }).nullable(),
  coSign: stepRecord.nullable(),
  returned: stepRecord.extend({ role: z.enum(roles) }).nullable(),
  notice: z
    .object({ startedAt: instant, endsAt: instant, uncoveredYears: z.array(z.number()), ended: z.boolean() })
    .nullable(),
  issuedAt: instant.nullable(),
  summary: z.object({
    selected: z.number(),
    reserve: z.number(),
    listFen: z.number(),
    cap: z
      .object({
        count: z.number(),
        inPrinciple: z.boolean(),
        issued: z.number(),
        afterList: z.number(),
        source: citation,
      })
      .nullable(),
    budget: z.object({ controlFen: z.number().nullable(), committedFen: z.number(), source: citation }),
    youthShare: youthShareDto.nullable(),
  }),
  /** What stops the list from going forward now, each with its clause. */
  violations: z.array(violationDto),
  entries: z.array(proposedListEntryDto),
  objections: z.array(objectionDto),
  allowedActions: z.array(z.enum(proposedListActions)),
  blocked: z.array(
    z.object({ action: z.enum(proposedListActions), reasonZh: z.string(), reasonEn: z.string() }),
  ),
});
export type ProposedListDto = z.infer<typeof proposedListDto>;

export const decisionCallDto = z.object({
  callId: z.string(),
  callName: z.string(),
  guideTitle: z.string(),
  program: z.string(),
  programName: z.string(),
  year: z.number(),
  reviewStatus: z.string(),
  list: z
    .object({ id: z.string(), status: z.enum(proposedListStates), waitingFor: z.enum(roles).nullable() })
    .nullable(),
});
export type DecisionCallDto = z.infer<typeof decisionCallDto>;

export const controlNumberDto = z.object({
  year: z.number(),
  amountFen: z.number(),
  docNumber: z.string(),
  committedFen: z.number(),
  setAt: instant,
  source: citation,
});
export type ControlNumberDto = z.infer<typeof controlNumberDto>;
export const setControlNumberBody = z
  .object({ amountFen: fenSchema, docNumber: z.string().trim().min(2).max(100) })
  .strict();
export const yearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) }).strict();

/** 公示 as the public reads it: no login, no contact data, no scores. */
export const publicNoticeDto = z.object({
  listId: z.string(),
  cityNameZh: z.string(),
  callName: z.string(),
  programName: z.string(),
  startedAt: instant,
  endsAt: instant,
  ended: z.boolean(),
  workingDays: z.number(),
  source: citation,
  entries: z.array(
    z.object({
      applicationId: z.string(),
      title: z.string(),
      unitName: z.string(),
      piName: z.string(),
      endsAt: instant,
    }),
  ),
});
export type PublicNoticeDto = z.infer<typeof publicNoticeDto>;

export const raiseObjectionBody = z
  .object({
    applicationId: z.uuid(),
    name: reason(50),
    contact: reason(100),
    content: z.string().trim().min(10).max(3000),
  })
  .strict();

export const projectDto = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  program: z.string(),
  programName: z.string(),
  year: z.number(),
  amountFen: z.number(),
  policyVersion: z.string(),
  approvedOn: z.string(),
  /** 立项 from a proposed list, 备案 (filing) of a guiding project, or 定向委托. */
  origin: z.enum(projectOrigins),
  applicationId: z.string().nullable(),
});
export type ProjectDto = z.infer<typeof projectDto>;

/** What an applicant sees of its own application's review once the list is issued: no expert names. */
export const applicationResultDto = z.object({
  status: z.enum(["approved", "notApproved", "pending"]),
  projectNumber: z.string().nullable(),
  reviews: z.number(),
  mean: z.number().nullable(),
  rank: z.number().nullable(),
  of: z.number(),
});
export type ApplicationResultDto = z.infer<typeof applicationResultDto>;

/** 定向委托 (DT-RULES §14): drafted by the officer, its reasons public before the leader approves it. */
export const directedCommissionBody = z
  .object({
    program: z.string().min(1).max(40),
    title: z.string().trim().min(2).max(200),
    unitId: z.uuid(),
    reason: z.string().min(1).max(40),
    basis: z.string().trim().min(10).max(4000),
    amountFen: fenSchema,
  })
  .strict();
export const directedCommissionEvents = ["publish", "approve", "cancel"] as const;

export const directedCommissionDto = z.object({
  id: z.string(),
  program: z.string(),
  programName: z.string(),
  year: z.number(),
  title: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  reason: z.string(),
  reasonZh: z.string(),
  basis: z.string(),
  amountFen: z.number(),
  status: z.enum(directedCommissionStates),
  noticeStartedAt: instant.nullable(),
  noticeEndsAt: instant.nullable(),
  projectNumber: z.string().nullable(),
  source: citation,
  allowedActions: z.array(z.enum(directedCommissionEvents)),
  blocked: z.array(
    z.object({ action: z.enum(directedCommissionEvents), reasonZh: z.string(), reasonEn: z.string() }),
  ),
});
export type DirectedCommissionDto = z.infer<typeof directedCommissionDto>;

export const publicCommissionDto = z.object({
  id: z.string(),
  cityNameZh: z.string(),
  title: z.string(),
  unitName: z.string(),
  reasonZh: z.string(),
  basis: z.string(),
  noticeStartedAt: instant,
  noticeEndsAt: instant,
  source: citation,
});
export type PublicCommissionDto = z.infer<typeof publicCommissionDto>;
