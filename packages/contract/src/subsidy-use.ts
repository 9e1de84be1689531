import { fenSchema, subsidyUseStates } from "@luoshu/domain";
import { z } from "zod";
import { citation, instant, longText } from "./shared.ts";

/** 后补助资金使用报告 (LY-FUNDS §20): how the unit used a paid post-subsidy. Money is whole fen. */
export const subsidyUseItem = z
  .object({
    purpose: z.string().trim().min(1).max(40),
    amountFen: fenSchema,
    description: longText(2, 2000),
  })
  .strict();

export const subsidyUseBody = z
  .object({ paymentId: z.uuid(), uses: z.array(subsidyUseItem).min(1).max(50) })
  .strict();
export type SubsidyUseBody = z.infer<typeof subsidyUseBody>;

export const subsidyUseEvents = ["acknowledge", "return"] as const;
export type SubsidyUseEvent = (typeof subsidyUseEvents)[number];

/**
 * The bureau's decision: a return says what to correct; acknowledging a report with a forbidden use
 * says what follows (checked by the domain, which knows the flags).
 */
export const subsidyUseDecisionBody = z.object({ note: longText(0, 2000).default("") }).strict();

export const subsidyUsePurposeDto = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  forbidden: z.boolean(),
  citation,
});

export const subsidyUseReportDto = z.object({
  id: z.string(),
  status: z.enum(subsidyUseStates),
  uses: z.array(
    subsidyUseItem.extend({ description: z.string(), forbidden: z.boolean(), citation }).strict(),
  ),
  totalFen: z.number(),
  /** How many uses the city's rules forbid; the bureau sees them first. */
  flagged: z.number(),
  submittedByName: z.string().nullable(),
  submittedAt: instant,
  decidedByName: z.string().nullable(),
  decidedAt: instant.nullable(),
  decisionNote: z.string().nullable(),
});

export const subsidyUseDto = z.object({
  /** The city's purposes with their sources; null where the city pays no post-subsidy. */
  rules: z
    .object({
      purposes: z.array(subsidyUsePurposeDto),
      citation,
      /** The least note the bureau writes to acknowledge a flagged report. */
      flaggedNoteMinLength: z.number(),
    })
    .nullable(),
  /** The project's paid post-subsidies, each with its report and what the caller may do. */
  payments: z.array(
    z.object({
      paymentId: z.string(),
      node: z.string(),
      amountFen: z.number(),
      paidAt: instant.nullable(),
      treasuryRef: z.string().nullable(),
      report: subsidyUseReportDto.nullable(),
      actions: z.array(z.enum(["file", ...subsidyUseEvents])),
    }),
  ),
});
export type SubsidyUseDto = z.infer<typeof subsidyUseDto>;
