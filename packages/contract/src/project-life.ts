import {
  approvers,
  calendarDateSchema,
  changeKinds,
  changeStates,
  closureKinds,
  closureStates,
  fenSchema,
  revocationGrounds,
  sanctionAuthorities,
  sanctionKinds,
  terminationGrounds,
} from "@luoshu/domain";
import { z } from "zod";
import { citation, instant, longText } from "./shared.ts";

/** 终止、撤销与处理措施 (DT-RULES §20–22; LY-FUNDS §25): how a project ends early and what it answers for. */

export const closureGrounds = [
  ...terminationGrounds,
  ...revocationGrounds,
  "sanction",
  "acceptance",
] as const;
export const closureEvents = ["approve", "refuse"] as const;
export const projectLifeActions = [
  "requestChange",
  "decideChange",
  "applyTermination",
  "decideTermination",
  "revoke",
  "recordReturn",
  "imposeSanction",
] as const;

const signature = z.object({ at: instant, byName: z.string() });

export const closureDto = z.object({
  id: z.string(),
  kind: z.enum(closureKinds),
  ground: z.enum(closureGrounds),
  status: z.enum(closureStates),
  reason: z.string(),
  spentFen: z.number().nullable(),
  requested: signature,
  decided: signature.extend({ note: z.string().nullable() }).nullable(),
  /** Released to the year's budget at the decision. */
  releaseFen: z.number().nullable(),
  /** Due back from the unit: the unspent balance (termination, settlement) or everything held (revocation). */
  dueFen: z.number().nullable(),
  /** What has come back since the decision, and what is still outstanding. */
  settledFen: z.number(),
  outstandingFen: z.number(),
  source: citation.nullable(),
});
export type ClosureDto = z.infer<typeof closureDto>;

export const sanctionDto = z.object({
  id: z.string(),
  kind: z.enum(sanctionKinds),
  authority: z.enum(sanctionAuthorities),
  fromDate: z.string(),
  untilDate: z.string().nullable(),
  reason: z.string(),
  source: citation,
  imposed: signature,
  lifted: signature.extend({ reason: z.string() }).nullable(),
  /** In force today (China time), not lifted. */
  inForce: z.boolean(),
  actions: z.array(z.enum(["lift"])),
});
export type SanctionDto = z.infer<typeof sanctionDto>;

const budgetLine = z.object({
  category: z.string(),
  amountFen: z.number(),
  purchaseFen: z.number().optional(),
  note: z.string().optional(),
});
const changeValue = z.union([
  z.object({ legalPersonName: z.string() }),
  z.object({ piUserId: z.string().nullable(), piName: z.string().nullable() }),
  z.object({ lines: z.array(budgetLine) }),
  z.object({ endDate: z.string().nullable() }),
]);

export const changeEvents = ["approve", "refuse"] as const;

export const changeDto = z.object({
  id: z.string(),
  kind: z.enum(changeKinds),
  before: changeValue,
  after: changeValue,
  reason: z.string(),
  status: z.enum(changeStates),
  /** Who decides it by the city's policy: the bureau, the unit, or the PI. */
  decider: z.enum(approvers),
  source: citation,
  requested: signature,
  decided: signature.extend({ note: z.string().nullable() }).nullable(),
  actions: z.array(z.enum(changeEvents)),
});
export type ChangeDto = z.infer<typeof changeDto>;

const deciderRule = z.object({ decider: z.enum(approvers), source: citation });

export const projectLifeDto = z.object({
  closedAs: z.enum(["terminated", "revoked"]).nullable(),
  /** Whether payments are suspended now (LY-FUNDS §25). */
  suspended: z.boolean(),
  closures: z.array(closureDto),
  sanctions: z.array(sanctionDto),
  changes: z.array(changeDto),
  /** The budget and the end date as effective changes left them. */
  currentBudget: z.array(budgetLine),
  endDate: z.string().nullable(),
  /** What the project's city allows, with the clauses, for the forms. */
  rules: z.object({
    terminationGrounds: z.array(z.enum(terminationGrounds)),
    terminationSource: citation,
    balanceRule: z.enum(["returnToTreasury", "staysWithUnit"]),
    balanceSource: citation,
    revocationGrounds: z.array(z.enum(revocationGrounds)),
    revocationSource: citation,
    listing: z.object({
      kind: z.enum(["blacklist", "eligibilityBan"]),
      subjects: z.array(z.enum(["unit", "principalInvestigator"])),
      years: z.number().nullable(),
      source: citation,
    }),
    sanctionKinds: z.array(z.enum(sanctionKinds)),
    sanctionAuthorities: z.array(z.enum(sanctionAuthorities)),
    sanctionSource: citation,
    /** Who decides each change in the project's city (DT-RULES §19; LY-FUNDS §18). */
    changeDeciders: z.object({
      legalPerson: deciderRule,
      principalInvestigator: deciderRule,
      budgetEquipment: deciderRule,
      budgetOther: deciderRule,
      extension: deciderRule,
    }),
  }),
  actions: z.array(z.enum(projectLifeActions)),
});
export type ProjectLifeDto = z.infer<typeof projectLifeDto>;

export const terminationBody = z
  .object({
    ground: z.enum(terminationGrounds),
    reason: longText(10, 4000),
    /** What the unit has spent of the money paid to it, for the balance to return. */
    spentFen: fenSchema,
  })
  .strict();

/** A change as the unit (or, where it decides, the PI) asks for or records it. */
export const changeRequestBody = z.discriminatedUnion("kind", [
  z
    .object({ kind: z.literal("legalPerson"), reason: longText(10, 4000), legalPersonName: longText(1, 50) })
    .strict(),
  z
    .object({ kind: z.literal("principalInvestigator"), reason: longText(10, 4000), piUserId: z.uuid() })
    .strict(),
  z
    .object({
      kind: z.literal("budgetAdjustment"),
      reason: longText(10, 4000),
      lines: z
        .array(
          z
            .object({
              category: z.string().trim().min(1).max(40),
              amountFen: fenSchema,
              purchaseFen: fenSchema.optional(),
              note: longText(0, 500).optional(),
            })
            .strict(),
        )
        .min(1)
        .max(30),
    })
    .strict(),
  z
    .object({ kind: z.literal("extension"), reason: longText(10, 4000), endDate: calendarDateSchema })
    .strict(),
]);
export type ChangeRequestBody = z.infer<typeof changeRequestBody>;

export const closureDecisionBody = z.object({ note: longText(2, 2000) }).strict();

export const revocationBody = z
  .object({ ground: z.enum(revocationGrounds), reason: longText(10, 4000) })
  .strict();

/** The unit's return of a balance or a recovered amount, with the treasury's reference. */
export const closureReturnBody = z
  .object({ amountFen: fenSchema.refine((n) => n > 0, "a positive amount"), reference: longText(2, 100) })
  .strict();

export const sanctionBody = z
  .object({
    kind: z.enum(sanctionKinds),
    authority: z.enum(sanctionAuthorities),
    fromDate: calendarDateSchema,
    untilDate: calendarDateSchema.nullable().default(null),
    reason: longText(10, 4000),
  })
  .strict();

export const liftSanctionBody = z.object({ reason: longText(2, 2000) }).strict();

/** Termination applications waiting for the bureau's decision. */
export const closureWaitingDto = z.object({
  projectId: z.string(),
  number: z.string(),
  title: z.string(),
  closure: closureDto,
});
export type ClosureWaitingDto = z.infer<typeof closureWaitingDto>;
