import { z } from "zod";
import { citeSource, type Policy } from "../policy/policy.schema.ts";
import { DomainError } from "../shared/errors.ts";
import type { ReviewCriterion } from "./review-plan.ts";

/**
 * 专家评分: each criterion of the guide scored 0–100 in whole points; an expert's weighted total is
 * Σ score × weight / 100, kept in hundredths of a point so that every sum and mean is an integer.
 */
export const criterionScoreRange = { min: 0, max: 100 } as const;

export const scoreSheetSchema = z
  .object({
    /** One entry per criterion, in the plan's order; null while not scored yet (a saved draft). */
    scores: z.array(z.int().min(criterionScoreRange.min).max(criterionScoreRange.max).nullable()).max(20),
    comment: z.string().max(5000).default(""),
  })
  .strict();
export type ScoreSheet = z.infer<typeof scoreSheetSchema>;

/** What is missing before a sheet may be submitted: a score per criterion and a comment. */
export function submissionGaps(criteria: readonly ReviewCriterion[], sheet: ScoreSheet): string[] {
  const gaps: string[] = [];
  if (sheet.scores.length !== criteria.length) gaps.push("scores");
  for (let i = 0; i < criteria.length; i++) {
    if (sheet.scores[i] == null) gaps.push(`scores.${i}`);
  }
  if (sheet.comment.trim().length === 0) gaps.push("comment");
  return gaps;
}

/** Refuses a sheet whose scores do not line up with the plan's criteria. */
export function checkSheetShape(criteria: readonly ReviewCriterion[], sheet: ScoreSheet): void {
  if (sheet.scores.length > criteria.length) {
    throw new DomainError({
      code: "VALIDATION",
      messageZh: `评审指标共 ${criteria.length} 项，收到 ${sheet.scores.length} 个分数。`,
      messageEn: `There are ${criteria.length} criteria; got ${sheet.scores.length} scores.`,
      path: "scores",
    });
  }
}

/** Σ score × weight, in hundredths of a point (weights add up to 100, so at most 10,000). */
export function weightedTotal(
  criteria: readonly ReviewCriterion[],
  scores: readonly (number | null)[],
): number {
  return criteria.reduce((sum, c, i) => sum + (scores[i] ?? 0) * c.weight, 0);
}

export interface ReviewResult {
  /** Each submitted expert's weighted total, hundredths, in submission order. */
  totals: number[];
  /** The totals left out as the highest and the lowest (indices into totals). */
  dropped: number[];
  /** Mean of the totals kept, hundredths, rounded half up; null without a submitted review. */
  mean: number | null;
  /** Highest minus lowest total, hundredths. */
  spread: number;
  /** The spread is above the policy's threshold: the panel discusses it. */
  spreadFlagged: boolean;
}

export function aggregate(totals: readonly number[], policy: Pick<Policy, "expertReview">): ReviewResult {
  const rules = policy.expertReview;
  if (totals.length === 0) return { totals: [], dropped: [], mean: null, spread: 0, spreadFlagged: false };
  const dropped: number[] = [];
  if (totals.length >= rules.trimFromReviews.value) {
    let hi = 0;
    let lo = 0;
    totals.forEach((t, i) => {
      if (t > (totals[hi] ?? 0)) hi = i;
      if (t < (totals[lo] ?? 0)) lo = i;
    });
    // With every total equal, hi and lo are the same review: drop the first and the last instead.
    dropped.push(hi, hi === lo ? totals.length - 1 : lo);
  }
  const kept = totals.filter((_, i) => !dropped.includes(i));
  const sum = kept.reduce((s, t) => s + t, 0);
  const mean = Math.floor((2 * sum + kept.length) / (2 * kept.length));
  const spread = Math.max(...totals) - Math.min(...totals);
  return {
    totals: [...totals],
    dropped,
    mean,
    spread,
    spreadFlagged: spread > rules.spreadThresholdPoints.value * 100,
  };
}

export interface RankedEntry<T> {
  item: T;
  result: ReviewResult;
  /** 1 for the best mean; equal means share a rank. */
  rank: number | null;
}

/** Best mean first; applications without a submitted review last, unranked. */
export function rank<T extends { id: string; number: string }>(
  entries: readonly { item: T; result: ReviewResult }[],
): RankedEntry<T>[] {
  const sorted = [...entries].sort(
    (a, b) =>
      (b.result.mean ?? -1) - (a.result.mean ?? -1) ||
      b.result.totals.length - a.result.totals.length ||
      a.item.number.localeCompare(b.item.number),
  );
  let previous: number | null = null;
  let previousRank = 0;
  return sorted.map((e, i) => {
    if (e.result.mean === null) return { ...e, rank: null };
    const r = e.result.mean === previous ? previousRank : i + 1;
    previous = e.result.mean;
    previousRank = r;
    return { ...e, rank: r };
  });
}

/**
 * 赛马 (LY-REFORM §三(三)2; DT-RULES §14): results close to each other whose technical routes the
 * officer has marked as different may be selected in parallel. Refuses a group the program does
 * not allow, that is not close enough, or that lacks a reviewed mean.
 */
export function checkHorseRace(
  policy: Pick<Policy, "expertReview" | "programs">,
  program: string,
  means: readonly (number | null)[],
): { source: ReturnType<typeof citeSource>; closeness: ReturnType<typeof citeSource> } {
  const mode = policy.programs
    .find((p) => p.code === program)
    ?.selectionModes.find((m) => m.mode === "horseRace");
  if (!mode) {
    throw new DomainError({
      code: "HORSE_RACE_NOT_ALLOWED",
      messageZh: "本计划类别不采取“赛马制”。",
      messageEn: "This program does not run horse races.",
    });
  }
  const closeness = policy.expertReview.horseRaceClosenessPoints;
  const known = means.filter((m): m is number => m !== null);
  if (known.length < 2 || known.length !== means.length) {
    throw new DomainError({
      code: "HORSE_RACE_NOT_CLOSE",
      messageZh: "“赛马”需要两个及以上已有评审结果的项目。",
      messageEn: "A horse race needs two or more reviewed applications.",
    });
  }
  const gap = Math.max(...known) - Math.min(...known);
  if (gap > closeness.value * 100) {
    throw new DomainError({
      code: "HORSE_RACE_NOT_CLOSE",
      messageZh: `所选项目得分相差 ${(gap / 100).toFixed(2)} 分，超过“结论接近”的 ${closeness.value} 分。`,
      messageEn: `The results are ${(gap / 100).toFixed(2)} points apart, more than the ${closeness.value} points that count as close.`,
      ...citeSource(closeness.source),
    });
  }
  return { source: citeSource(mode.source), closeness: citeSource(closeness.source) };
}
