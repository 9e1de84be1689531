import {
  budgetCategoryCodes,
  budgetGroups,
  errorCodes,
  fenSchema as fen,
  performanceGrades,
  ruleSettings,
} from "@luoshu/domain";
import { z } from "zod";
import { cityCode } from "./shared.ts";

export const budgetLineSchema = z
  .object({
    category: z.string().max(32),
    amountFen: fen,
    purchaseFen: fen.optional(),
    note: z.string().max(2000).optional(),
  })
  .strict();

export const budgetCheckBody = z
  .object({
    city: cityCode,
    program: z.string().max(64).optional(),
    theoretical: z.boolean().optional(),
    lines: z.array(budgetLineSchema).max(100),
  })
  .strict();
export type BudgetCheckBody = z.input<typeof budgetCheckBody>;

const finding = z.object({
  code: z.enum(errorCodes),
  messageZh: z.string(),
  messageEn: z.string(),
  clause: z.string().optional(),
});
/**
 * A violation of the domain's rules: its code from the one catalogue, its clause when a rule applied,
 * or the setting (city's or guide's) where no clause backs it.
 */
export const violationSchema = finding.extend({
  path: z.string().optional(),
  setting: z.enum(ruleSettings).optional(),
});
const budgetViolation = violationSchema.extend({ category: z.string().optional() });

export const budgetCheckResultSchema = z.object({
  city: cityCode,
  policyVersion: z.string(),
  program: z.string().nullable(),
  directCostFen: z.number(),
  equipmentPurchaseFen: z.number(),
  indirectBaseFen: z.number(),
  indirectCostFen: z.number(),
  indirectCostCapFen: z.number().nullable(),
  totalFen: z.number(),
  categories: z.array(
    z.object({
      category: z.enum(budgetCategoryCodes),
      group: z.enum(budgetGroups),
      nameZh: z.string(),
      nameEn: z.string(),
      amountFen: z.number(),
      findings: z.array(finding),
    }),
  ),
  violations: z.array(budgetViolation),
  /** Caps stated in principle (原则上) that the budget exceeds: shown, not refused. */
  warnings: z.array(budgetViolation),
  appliedClauses: z.array(z.string()),
});
export type BudgetCheckResultDto = z.infer<typeof budgetCheckResultSchema>;

export const postSubsidyBody = z
  .object({
    city: cityCode,
    program: z.string().max(64),
    grade: z.enum(performanceGrades),
    verifiedRdFen: fen,
  })
  .strict();
export type PostSubsidyBody = z.input<typeof postSubsidyBody>;

export const postSubsidyResultSchema = z.object({
  amountFen: z.number(),
  ratioBp: z.number(),
  capFen: z.number().nullable(),
  clause: z.string().nullable(),
});
export type PostSubsidyResultDto = z.infer<typeof postSubsidyResultSchema>;
