import { policySchema } from "@luoshu/domain";
import { z } from "zod";
import { cityCode } from "./shared.ts";

export const namedPlaceSchema = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() });
export type NamedPlace = z.infer<typeof namedPlaceSchema>;

export const districtQuery = z.object({ city: cityCode.optional() }).strict();

export const policySummarySchema = z.object({
  id: z.string(),
  city: cityCode,
  version: z.string(),
  effectiveFrom: z.string(),
  cityNameZh: z.string(),
  cityNameEn: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
});
export type PolicySummary = z.infer<typeof policySummarySchema>;

export const policyParams = z.object({ city: z.string().max(32), version: z.string().max(32) }).strict();

/** A whole policy version, every rule with its citation: the domain's own schema. */
export const policyResponseSchema = policySchema;
export type PolicyDto = z.infer<typeof policyResponseSchema>;
