import {
  applicationActions,
  applicationContentSchema,
  applicationEvents,
  applicationInputSchema,
  applicationStates,
  commitmentSchema,
  instantSchema as deadline,
  eventDetailsSchema,
  storedMemberSchema,
  unitKinds,
} from "@luoshu/domain";
import { z } from "zod";
import { violationSchema } from "./budget.ts";
import { cityCode, instant, pageOf, pageQuery } from "./shared.ts";

export const applicationSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  cityCode,
  callId: z.string(),
  guideId: z.string(),
  unitId: z.string(),
  unitNameZh: z.string().nullable(),
  unitKind: z.enum(unitKinds).nullable(),
  districtCode: z.string(),
  title: z.string(),
  status: z.enum(applicationStates),
  statusZh: z.string(),
  statusEn: z.string(),
  requestedFen: z.number(),
  revision: z.number(),
  districtRank: z.number().nullable(),
  returnDeadline: instant.nullable(),
  submittedAt: instant.nullable(),
  updatedAt: instant,
});
export type ApplicationSummaryDto = z.infer<typeof applicationSummarySchema>;

/** A member as the server shows it: the ID number only masked, with age and youth at the call's date. */
export const memberViewSchema = storedMemberSchema
  .omit({ idNumberCipher: true, idNumberDigest: true })
  .extend({ age: z.number().nullable(), youth: z.boolean() });
export type MemberView = z.infer<typeof memberViewSchema>;

export const applicationContentViewSchema = applicationContentSchema.extend({
  team: z.array(memberViewSchema),
});
export type ApplicationContentView = z.infer<typeof applicationContentViewSchema>;

export const applicationSchema = applicationSummarySchema.extend({
  content: applicationContentViewSchema,
  commitment: commitmentSchema,
  piUserId: z.string().nullable(),
  policyVersion: z.string(),
  /** Lifecycle events the caller may fire now. */
  allowedEvents: z.array(z.enum(applicationEvents)),
  /** Other actions the caller may take now: edit, upload, confirm, export, check duplicates. */
  allowedActions: z.array(z.enum(applicationActions)),
});
export type ApplicationDto = z.infer<typeof applicationSchema>;

export const applicationListFilter = z
  .object({
    callId: z.uuid().optional(),
    guideId: z.uuid().optional(),
    status: z.enum(applicationStates).optional(),
    /** Only those the applicant can edit now (drafts and returned ones): the workspace's "my drafts". */
    editable: z.stringbool().optional(),
    district: z.string().max(12).optional(),
    kind: z.enum(unitKinds).optional(),
    keyword: z.string().max(100).optional(),
  })
  .strict();
export const applicationListQuery = applicationListFilter.extend(pageQuery);
export type ApplicationListQuery = z.output<typeof applicationListQuery>;
export const applicationPage = pageOf(applicationSummarySchema);

export const applicationCreateBody = z
  .object({ callId: z.uuid(), title: z.string().trim().min(2).max(200) })
  .strict();
export type ApplicationCreateBody = z.input<typeof applicationCreateBody>;

/** The draft as typed: a member's full ID number only when set or replaced; absent keeps the stored one. */
export const applicationContentBody = applicationInputSchema;
export type ApplicationContentBody = z.input<typeof applicationContentBody>;

export const saveResultSchema = z.object({
  application: applicationSchema,
  problems: z.array(violationSchema),
});
export type SaveResultDto = z.infer<typeof saveResultSchema>;

/** What would refuse a submission now (empty when it would go through), judged without submitting. */
export const submissionCheckSchema = z.object({ violations: z.array(violationSchema) });
export type SubmissionCheckDto = z.infer<typeof submissionCheckSchema>;

export const commitmentBody = z.object({ as: z.enum(["pi", "unit"]) }).strict();
export type CommitmentBody = z.input<typeof commitmentBody>;

export const attachmentParams = z
  .object({ id: z.uuid(), code: z.string().regex(/^[a-zA-Z][\w-]{0,31}$/) })
  .strict();
export const attachmentSchema = z.object({
  id: z.string(),
  code: z.string(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number(),
  sha256: z.string(),
  uploadedAt: instant,
});
export type AttachmentDto = z.infer<typeof attachmentSchema>;

const checklist = z
  .array(
    z.object({ code: z.string().max(32), ok: z.boolean(), note: z.string().max(500).optional() }).strict(),
  )
  .max(30);
export type ChecklistAnswer = z.infer<typeof checklist>[number];
const reason = z.string().trim().max(2000);

export const districtReviewBody = z.discriminatedUnion("event", [
  z
    .object({
      event: z.literal("recommend"),
      rank: z.number().int().min(1).max(10000),
      reason: reason.optional(),
    })
    .strict(),
  z.object({ event: z.literal("districtReturn"), reason, deadline }).strict(),
  z.object({ event: z.literal("districtReject"), reason }).strict(),
]);
export type DistrictReviewBody = z.input<typeof districtReviewBody>;

export const formalCheckBody = z.discriminatedUnion("event", [
  z.object({ event: z.literal("formalPass"), checklist, reason: reason.optional() }).strict(),
  z.object({ event: z.literal("formalReturn"), reason, deadline, checklist: checklist.optional() }).strict(),
  z.object({ event: z.literal("formalReject"), reason, checklist: checklist.optional() }).strict(),
]);
export type FormalCheckBody = z.input<typeof formalCheckBody>;

export const historySchema = z.object({
  events: z.array(
    z.object({
      event: z.enum(applicationEvents),
      fromState: z.enum(applicationStates),
      toState: z.enum(applicationStates),
      revision: z.number(),
      actorRole: z.string().nullable(),
      reason: z.string().nullable(),
      details: eventDetailsSchema.nullable(),
      at: instant,
    }),
  ),
  revisions: z.array(
    z.object({
      revision: z.number(),
      submittedAt: instant,
      contentHash: z.string(),
      changes: z.array(z.object({ path: z.string(), before: z.json(), after: z.json() })),
    }),
  ),
});
export type HistoryDto = z.infer<typeof historySchema>;

const charRange = z.object({ start: z.number(), end: z.number() });
const passageSide = charRange.extend({ highlights: z.array(charRange) });

/** 查重 (LY-FUNDS §17): the closest earlier texts of the same city and the decisions recorded on them. */
export const duplicateCheckSchema = z.object({
  threshold: z.number(),
  clause: z.string(),
  text: z.string(),
  matches: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      status: z.enum(applicationStates).nullable(),
      /** An approved project (立项), not only an application. */
      funded: z.boolean(),
      similarity: z.number(),
      containment: z.number(),
      text: z.string(),
      passages: z.array(z.object({ similarity: z.number(), a: passageSide, b: passageSide })),
    }),
  ),
  decisions: z.array(
    z.object({
      matchId: z.string(),
      decision: z.enum(["duplicate", "notDuplicate"]),
      reason: z.string(),
      similarityBp: z.number(),
      decidedAt: instant,
    }),
  ),
});
export type DuplicateCheckDto = z.infer<typeof duplicateCheckSchema>;

export const duplicateDecisionBody = z
  .object({
    matchId: z.uuid(),
    decision: z.enum(["duplicate", "notDuplicate"]),
    reason: z.string().trim().min(2).max(2000),
    similarity: z.number().min(0).max(1),
  })
  .strict();
export type DuplicateDecisionBody = z.input<typeof duplicateDecisionBody>;
