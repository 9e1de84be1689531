import { bidStates, calendarDateSchema, challengeStates, fenSchema, instantSchema } from "@luoshu/domain";
import { z } from "zod";
import { citation, instant, longText } from "./shared.ts";

/** 揭榜挂帅 (DT-RULES §15; LY-REFORM §三(三)2): challenge lists, bids, shortlist, notice, agreement, award. */

export const challengeBody = z
  .object({
    program: z.string().min(1).max(40),
    title: longText(2, 200),
    requirements: longText(10, 4000),
    technicalIndicators: longText(5, 4000),
    performanceTargets: longText(5, 4000),
    governmentFundingFen: fenSchema,
    enterpriseCoFundingFen: fenSchema,
    demandUnitId: z.uuid(),
    bidDeadline: instantSchema,
  })
  .strict();

export const challengeEvents = [
  "publish",
  "shortlist",
  "recordCityGovernment",
  "startNotice",
  "closeNotice",
  "coSign",
  "recordAgreement",
  "announce",
  "cancel",
] as const;

export const challengeEventBody = z
  .object({
    bidIds: z.array(z.uuid()).max(20).optional(),
    signedOn: calendarDateSchema.optional(),
    /** The city government's approval (LY-REFORM §三(二)1): its date, with `docNumber`. */
    approvedOn: calendarDateSchema.optional(),
    docNumber: z.string().trim().min(2).max(100).optional(),
  })
  .strict();

export const bidBody = z.object({ leaderName: longText(2, 50), approach: longText(10, 4000) }).strict();
export const negotiationBody = z
  .object({ record: longText(10, 4000), agreementSignedOn: calendarDateSchema })
  .strict();

export const challengeBidDto = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  leaderName: z.string(),
  approach: z.string(),
  status: z.enum(bidStates),
  negotiation: z.object({ record: z.string(), agreementSignedOn: z.string(), at: instant }).nullable(),
  amountFen: z.number().nullable(),
  projectNumber: z.string().nullable(),
  submittedAt: instant,
});

export const challengeDto = z.object({
  id: z.string(),
  program: z.string(),
  programName: z.string(),
  year: z.number(),
  title: z.string(),
  requirements: z.string(),
  technicalIndicators: z.string(),
  performanceTargets: z.string(),
  governmentFundingFen: z.number(),
  enterpriseCoFundingFen: z.number(),
  demandUnitId: z.string(),
  demandUnitName: z.string(),
  bidDeadline: instant,
  status: z.enum(challengeStates),
  noticeEndsAt: instant.nullable(),
  agreement: z.object({ signedOn: z.string(), docNumber: z.string() }).nullable(),
  /** The steps of the city's decision this program takes beside the notice, each with its clause. */
  steps: z.object({ cityGovernment: citation.nullable(), coSign: citation.nullable() }),
  cityGovernment: z.object({ approvedOn: z.string(), docNumber: z.string() }).nullable(),
  coSigned: z.object({ byName: z.string(), at: instant }).nullable(),
  announcedAt: instant.nullable(),
  source: citation,
  /** The bureau sees every bid; a unit its own. */
  bids: z.array(challengeBidDto),
  allowedActions: z.array(z.enum([...challengeEvents, "bid", "recordNegotiation"])),
  blocked: z.array(z.object({ action: z.string(), reasonZh: z.string(), reasonEn: z.string() })),
});
export type ChallengeDto = z.infer<typeof challengeDto>;

/** What the public reads: the challenge list while open, the shortlist in notice, the award. */
export const publicChallengeDto = z.object({
  id: z.string(),
  cityNameZh: z.string(),
  title: z.string(),
  requirements: z.string(),
  technicalIndicators: z.string(),
  performanceTargets: z.string(),
  governmentFundingFen: z.number(),
  enterpriseCoFundingFen: z.number(),
  demandUnitName: z.string(),
  bidDeadline: instant,
  status: z.enum(challengeStates),
  noticeEndsAt: instant.nullable(),
  shortlist: z.array(
    z.object({ unitName: z.string(), leaderName: z.string(), projectNumber: z.string().nullable() }),
  ),
  source: citation,
});
export type PublicChallengeDto = z.infer<typeof publicChallengeDto>;
