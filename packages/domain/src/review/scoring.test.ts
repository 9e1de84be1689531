import { describe, expect, it } from "vitest";
import { datong, luoyang } from "../application/test/submission-fixtures.ts";
import { DomainError } from "../shared/errors.ts";
import type { ReviewCriterion } from "./review-plan.ts";
import {
  aggregate,
  checkHorseRace,
  checkSheetShape,
  type ReviewResult,
  rank,
  scoreSheetSchema,
  submissionGaps,
  weightedTotal,
} from "./scoring.ts";

const criteria: ReviewCriterion[] = [
  { nameZh: "创新性", weight: 40 },
  { nameZh: "可行性", weight: 35 },
  { nameZh: "预期效益", weight: 25 },
];

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a DomainError");
}

describe("scoreSheetSchema", () => {
  it("accepts whole scores from 0 to 100, and null for a criterion not scored yet", () => {
    expect(scoreSheetSchema.parse({ scores: [0, 100, null], comment: "好" })).toEqual({
      scores: [0, 100, null],
      comment: "好",
    });
  });

  it("defaults the comment to empty for a saved draft", () => {
    expect(scoreSheetSchema.parse({ scores: [] }).comment).toBe("");
  });

  it.each([[-1], [101], [50.5], [Number.NaN]])("refuses the score %s", (score) => {
    expect(scoreSheetSchema.safeParse({ scores: [80, score] }).success).toBe(false);
  });

  it("refuses unknown fields and more than 20 scores", () => {
    expect(scoreSheetSchema.safeParse({ scores: [80], total: 80 }).success).toBe(false);
    expect(scoreSheetSchema.safeParse({ scores: new Array(21).fill(80) }).success).toBe(false);
  });
});

describe("submissionGaps and checkSheetShape", () => {
  it("finds nothing missing in a sheet scored on every criterion, with a comment", () => {
    expect(submissionGaps(criteria, { scores: [80, 70, 60], comment: "结论明确" })).toEqual([]);
  });

  it("names each criterion not scored and a blank comment", () => {
    expect(submissionGaps(criteria, { scores: [80, null, 60], comment: "  " })).toEqual([
      "scores.1",
      "comment",
    ]);
  });

  it("reports a sheet shorter than the criteria, with each missing place", () => {
    expect(submissionGaps(criteria, { scores: [80], comment: "ok" })).toEqual([
      "scores",
      "scores.1",
      "scores.2",
    ]);
  });

  it("refuses more scores than criteria, and lets a shorter draft through", () => {
    const e = errorOf(() => checkSheetShape(criteria, { scores: [1, 2, 3, 4], comment: "" }));
    expect([e.code, e.path]).toEqual(["VALIDATION", "scores"]);
    expect(() => checkSheetShape(criteria, { scores: [1], comment: "" })).not.toThrow();
  });
});

describe("weightedTotal", () => {
  it("is Σ score × weight in hundredths of a point", () => {
    // 80 × 40 + 70 × 35 + 60 × 25 = 3200 + 2450 + 1500 = 7150, i.e. 71.50 points
    expect(weightedTotal(criteria, [80, 70, 60])).toBe(7150);
  });

  it("is 10,000 for full marks and 0 for none", () => {
    expect(weightedTotal(criteria, [100, 100, 100])).toBe(10_000);
    expect(weightedTotal(criteria, [0, 0, 0])).toBe(0);
  });

  it("counts a criterion not scored as 0", () => {
    expect(weightedTotal(criteria, [80, null])).toBe(3200);
  });
});

describe("aggregate", () => {
  it("trims from 5 reviews in both cities", () => {
    expect(luoyang.expertReview.trimFromReviews.value).toBe(5);
    expect(datong.expertReview.trimFromReviews.value).toBe(5);
  });

  it("has no mean without a submitted review", () => {
    expect(aggregate([], luoyang)).toEqual({
      totals: [],
      dropped: [],
      mean: null,
      spread: 0,
      spreadFlagged: false,
    });
  });

  it("keeps every total below the trim count", () => {
    const r = aggregate([9000, 7000, 8000, 6000], luoyang);
    expect(r.dropped).toEqual([]);
    expect(r.mean).toBe(7500);
  });

  it("drops one highest and one lowest total from 5 reviews on", () => {
    const r = aggregate([9000, 7000, 8000, 8500, 6000], datong);
    expect(r.dropped).toEqual([0, 4]);
    // (7000 + 8000 + 8500) / 3 = 7833.33…
    expect(r.mean).toBe(7833);
    expect(r.totals).toEqual([9000, 7000, 8000, 8500, 6000]);
  });

  it("drops only one of several equal highest or lowest totals", () => {
    const r = aggregate([9000, 6000, 9000, 6000, 7500], luoyang);
    expect(r.dropped).toHaveLength(2);
    expect(r.dropped).toEqual([0, 1]);
    expect(r.mean).toBe(7500);
  });

  it("drops two distinct reviews when every total is equal", () => {
    const r = aggregate([8000, 8000, 8000, 8000, 8000], luoyang);
    expect(r.dropped).toEqual([0, 4]);
    expect(r.mean).toBe(8000);
  });

  it("rounds the mean half up", () => {
    expect(aggregate([8000, 8001], luoyang).mean).toBe(8001);
    expect(aggregate([1, 1, 1, 2], luoyang).mean).toBe(1);
    expect(aggregate([1, 2, 2, 2], luoyang).mean).toBe(2);
  });

  it("flags a spread above the threshold of 20 points (2000 hundredths), not one equal to it", () => {
    expect(luoyang.expertReview.spreadThresholdPoints.value).toBe(20);
    expect(aggregate([6000, 8000], luoyang)).toMatchObject({ spread: 2000, spreadFlagged: false });
    expect(aggregate([6000, 8001], luoyang)).toMatchObject({ spread: 2001, spreadFlagged: true });
  });

  it("measures the spread over all totals, the dropped ones included", () => {
    expect(aggregate([9000, 7000, 8000, 8500, 6000], luoyang)).toMatchObject({
      spread: 3000,
      spreadFlagged: true,
    });
  });
});

describe("rank", () => {
  const entry = (number: string, mean: number | null, reviews = 5) => {
    const result: ReviewResult = {
      totals: new Array(mean === null ? 0 : reviews).fill(mean ?? 0),
      dropped: [],
      mean,
      spread: 0,
      spreadFlagged: false,
    };
    return { item: { id: number, number }, result };
  };

  it("puts the best mean first and lets equal means share a rank, skipping the next", () => {
    const ranked = rank([entry("N1", 8000), entry("N2", 9000), entry("N3", 8000), entry("N4", 7000)]);
    expect(ranked.map((r) => [r.item.number, r.rank])).toEqual([
      ["N2", 1],
      ["N1", 2],
      ["N3", 2],
      ["N4", 4],
    ]);
  });

  it("lists applications without a submitted review last, with rank null", () => {
    const ranked = rank([entry("N1", null), entry("N2", 0), entry("N3", 6000)]);
    expect(ranked.map((r) => [r.item.number, r.rank])).toEqual([
      ["N3", 1],
      ["N2", 2],
      ["N1", null],
    ]);
  });

  it("orders equal means by more reviews, then by number", () => {
    const ranked = rank([entry("N3", 8000, 5), entry("N1", 8000, 3), entry("N2", 8000, 5)]);
    expect(ranked.map((r) => r.item.number)).toEqual(["N2", "N3", "N1"]);
    expect(ranked.every((r) => r.rank === 1)).toBe(true);
  });
});

describe("checkHorseRace", () => {
  it("refuses a program without a horse-race selection mode (Luoyang soft science)", () => {
    expect(errorOf(() => checkHorseRace(luoyang, "softScience", [8000, 8100])).code).toBe(
      "HORSE_RACE_NOT_ALLOWED",
    );
    expect(errorOf(() => checkHorseRace(luoyang, "noSuchProgram", [8000, 8100])).code).toBe(
      "HORSE_RACE_NOT_ALLOWED",
    );
  });

  it("accepts results within 3 points (300 hundredths) and returns the clause", () => {
    expect(luoyang.expertReview.horseRaceClosenessPoints.value).toBe(3);
    expect(checkHorseRace(luoyang, "publicWelfare", [8000, 8300, 8150])).toEqual({
      source: { clause: "LY-REFORM §三(三)2" },
      closeness: { setting: "city" },
    });
    expect(checkHorseRace(datong, "softScience", [7000, 7299]).source).toEqual({ clause: "DT-RULES §14" });
  });

  it("refuses a gap over the closeness, citing it as a city setting", () => {
    const e = errorOf(() => checkHorseRace(luoyang, "publicWelfare", [8000, 8301]));
    expect([e.code, e.setting]).toEqual(["HORSE_RACE_NOT_CLOSE", "city"]);
    expect(e.message).toContain("3.01 points apart");
  });

  it("refuses fewer than two results and any application without a reviewed mean", () => {
    expect(errorOf(() => checkHorseRace(datong, "keyRnd", [8000])).code).toBe("HORSE_RACE_NOT_CLOSE");
    expect(errorOf(() => checkHorseRace(datong, "keyRnd", [8000, null, 8100])).code).toBe(
      "HORSE_RACE_NOT_CLOSE",
    );
  });
});
