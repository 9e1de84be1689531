import { z } from "zod";
import { basisPoints, camelCode, sourceSchema, text } from "./source.schema.ts";

/**
 * 跟踪服务 (DT-RULES §14(五); LY-FUNDS §10, §13(一)): the unit reports the project's progress and
 * spending as required, and where the city pays a node after a mid-term assessment, experts score
 * the project at mid-term. How often the unit reports and how far a budget line may drift before it
 * must be explained are the city's settings: the documents require the reports, not their rhythm.
 */
/** The scorecard: whole-point scores 0–100 per criterion, weights adding up to 100. */
const scorecard = z.strictObject({
  criteria: z
    .array(z.strictObject({ nameZh: text, nameEn: text, weight: z.int().min(1).max(100) }))
    .min(1)
    .max(20)
    .refine((cs) => cs.reduce((s, c) => s + c.weight, 0) === 100, "the weights add up to 100"),
  source: sourceSchema,
});
/** How many experts sit on a panel, at least. */
const panelSize = z.strictObject({ value: z.int().min(1).max(15), source: sourceSchema });

export const trackingSchema = z.strictObject({
  progressReports: z.strictObject({
    /** A report falls due every this many months from the project's start, before its end. */
    intervalMonths: z.strictObject({ value: z.int().min(1).max(24), source: sourceSchema }),
    /**
     * A line whose spending to date differs from its budget's share for the time elapsed by more than
     * this share of the line (or that is overspent) is explained in the report.
     */
    varianceBp: z.strictObject({ value: basisPoints, source: sourceSchema }),
    /**
     * Whether a node payment after the first share waits until the reports due before it are
     * approved: the documents pay nodes "to projects that meet the requirements" (LY-FUNDS §13(一))
     * without naming the reports, so this is the city's setting.
     */
    holdNodes: z.strictObject({ value: z.boolean(), source: sourceSchema }),
    source: sourceSchema,
  }),
  /** 期中评估 (LY-FUNDS §13(一)); null where the city's documents set none. */
  midTerm: z
    .strictObject({
      scorecard,
      /** The panel's mean weighted total (whole points) at or above which the assessment passes. */
      passMark: z.strictObject({ value: z.int().min(0).max(100), source: sourceSchema }),
      panelSize,
      source: sourceSchema,
    })
    .nullable(),
  /**
   * 结题验收 and 绩效评价 (DT-RULES §23; LY-FUNDS §19, §23): experts score the project against its task
   * book; the panel's mean gives the grade, and anything below the pass grade fails.
   */
  acceptance: z.strictObject({
    scorecard,
    panelSize,
    /** The lowest panel mean (whole points) of each grade; below `pass` is 不合格. */
    grades: z
      .strictObject({
        excellent: z.int().min(1).max(100),
        good: z.int().min(1).max(100),
        pass: z.int().min(1).max(100),
        source: sourceSchema,
      })
      .refine((g) => g.excellent > g.good && g.good > g.pass, "excellent above good above pass"),
    /** What becomes of the balance once the project passes (LY-FUNDS §19: it stays with the unit). */
    balance: z.strictObject({ rule: z.enum(["returnToTreasury", "staysWithUnit"]), source: sourceSchema }),
    source: sourceSchema,
  }),
  /**
   * 后补助资金使用 (LY-FUNDS §20): what a paid post-subsidy may be used for. The unit decides its uses
   * within S&T activities; the purposes the clause forbids cite it, and the list of allowed purposes
   * the unit picks from is the city's setting. Null where the city pays no post-subsidy.
   */
  subsidyUse: z
    .strictObject({
      purposes: z
        .array(
          z.strictObject({
            code: camelCode,
            nameZh: text,
            nameEn: text,
            /** A use the clause forbids: accepted as the unit reports it, flagged with the clause. */
            forbidden: z.boolean(),
            source: sourceSchema,
          }),
        )
        .min(1)
        .max(40),
      source: sourceSchema,
    })
    .nullable(),
});
export type TrackingRules = z.infer<typeof trackingSchema>;
export type MidTermRules = NonNullable<TrackingRules["midTerm"]>;
export type AcceptanceRules = TrackingRules["acceptance"];
export type SubsidyUseRules = NonNullable<TrackingRules["subsidyUse"]>;
