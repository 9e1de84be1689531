import { needDecisionSchema, needInputSchema, needStates } from "@luoshu/domain";
import { z } from "zod";
import { cityCode, instant, pageOf, pageQuery } from "./shared.ts";

/** A need as the bureau sees it: what was typed (without the contact) and its triage. */
export const needSchema = z.object({
  id: z.string(),
  cityCode,
  title: z.string(),
  field: z.string(),
  problem: z.string(),
  expectedIndicators: z.string(),
  coFundingFen: z.number(),
  submitterName: z.string(),
  status: z.enum(needStates),
  statusZh: z.string(),
  mergedInto: z.string().nullable(),
  decisionReason: z.string().nullable(),
  createdAt: instant,
});
export type NeedDto = z.infer<typeof needSchema>;

export const publicNeedBody = needInputSchema.extend({ city: cityCode });
export type PublicNeedBody = z.input<typeof publicNeedBody>;

export const needListQuery = z.object({ ...pageQuery, status: z.enum(needStates).optional() }).strict();
/** What a client sends: paging numbers (the server also accepts them as strings). */
export type NeedListQuery = z.output<typeof needListQuery>;

export const needPage = pageOf(needSchema);

export const needTriageBody = needDecisionSchema;
export type NeedTriageBody = z.input<typeof needTriageBody>;
