import { z } from "zod";
import { basisPoints, sourceSchema, text } from "./source.schema.ts";

/**
 * 跟踪服务 (DT-RULES §14(五); LY-FUNDS §10, §13(一)): the unit reports the project's progress and
 * spending as required, and where the city pays a node after a mid-term assessment, experts score
 * the project at mid-term. How often the unit reports and how far a budget line may drift before it
 * must be explained are the city's settings: the documents require the reports, not their rhythm.
 */
export const trackingSchema = z.strictObject({
  progressReports: z.strictObject({
    /** A report falls due every this many months from the project's start, before its end. */
    intervalMonths: z.strictObject({ value: z.int().min(1).max(24), source: sourceSchema }),
    /**
     * A line whose spending to date differs from its budget's share for the time elapsed by more than
     * this share of the line (or that is overspent) is explained in the report.
     */
    varianceBp: z.strictObject({ value: basisPoints, source: sourceSchema }),
    source: sourceSchema,
  }),
  /** 期中评估 (LY-FUNDS §13(一)); null where the city's documents set none. */
  midTerm: z
    .strictObject({
      /** The scorecard: whole-point scores 0–100 per criterion, weights adding up to 100. */
      scorecard: z.strictObject({
        criteria: z
          .array(z.strictObject({ nameZh: text, nameEn: text, weight: z.int().min(1).max(100) }))
          .min(1)
          .max(20)
          .refine((cs) => cs.reduce((s, c) => s + c.weight, 0) === 100, "the weights add up to 100"),
        source: sourceSchema,
      }),
      /** The panel's mean weighted total (whole points) at or above which the assessment passes. */
      passMark: z.strictObject({ value: z.int().min(0).max(100), source: sourceSchema }),
      /** How many experts sit on the panel, at least. */
      panelSize: z.strictObject({ value: z.int().min(1).max(15), source: sourceSchema }),
      source: sourceSchema,
    })
    .nullable(),
});
export type TrackingRules = z.infer<typeof trackingSchema>;
export type MidTermRules = NonNullable<TrackingRules["midTerm"]>;
