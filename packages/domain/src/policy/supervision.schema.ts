import { z } from "zod";
import { sourceSchema } from "./source.schema.ts";

/**
 * 科技监督 (LY-PLAN §七(四)): a random spot check of projects each cycle, and "at most one inspection
 * per project per cycle" over every inspection the platform records. The plan names the practice;
 * the rate and the cycle are the city's settings. Absent where the city's documents have none (Datong).
 */
export const supervisionSchema = z.strictObject({
  spotCheck: z.strictObject({
    /** The share of eligible projects drawn each cycle, in per cent (rounded up to whole projects). */
    ratePercent: z.strictObject({ value: z.int().min(1).max(100), source: sourceSchema }),
    /** 一个周期: the calendar year (China time). */
    cycle: z.strictObject({ unit: z.literal("year"), source: sourceSchema }),
    source: sourceSchema,
  }),
  /** 一个周期“最多查一次”: spot checks, audits and finance checks together. */
  atMostOncePerCycle: z.strictObject({ source: sourceSchema }),
});
export type SupervisionRules = z.infer<typeof supervisionSchema>;
