import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkRecommendation, checkReturn } from "./district-review.rules.ts";

describe("checkRecommendation", () => {
  it("accepts a recommendation within the quota", () => {
    expect(checkRecommendation({ quota: 3, alreadyRecommended: 2, rank: 3 })).toEqual([]);
  });

  it("accepts any number of recommendations when the guide sets no quota", () => {
    expect(checkRecommendation({ quota: undefined, alreadyRecommended: 10_000, rank: 1 })).toEqual([]);
  });

  it("DISTRICT_QUOTA_FULL once the quota is used, as the guide's own setting with no clause", () => {
    for (const alreadyRecommended of [3, 4]) {
      const v = checkRecommendation({ quota: 3, alreadyRecommended, rank: 1 });
      expect(v).toEqual([expect.objectContaining({ code: "DISTRICT_QUOTA_FULL", setting: "guide" })]);
      expect(v[0]?.clause).toBeUndefined();
      expect(v[0]?.messageZh).toContain("本指南设定");
      expect(v[0]?.messageZh).toContain("3 项");
    }
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])("refuses rank %s", (rank) => {
    expect(checkRecommendation({ quota: undefined, alreadyRecommended: 0, rank })).toEqual([
      expect.objectContaining({ code: "VALIDATION", path: "rank" }),
    ]);
  });

  it("reports a full quota and a bad rank together", () => {
    expect(checkRecommendation({ quota: 1, alreadyRecommended: 1, rank: 0 }).map((v) => v.code)).toEqual([
      "DISTRICT_QUOTA_FULL",
      "VALIDATION",
    ]);
  });

  it("the quota is full exactly when alreadyRecommended ≥ quota", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.nat(2000),
        fc.integer({ min: 1, max: 1000 }),
        (quota, done, rank) => {
          const full = checkRecommendation({ quota, alreadyRecommended: done, rank }).some(
            (v) => v.code === "DISTRICT_QUOTA_FULL",
          );
          expect(full).toBe(done >= quota);
        },
      ),
    );
  });
});

describe("checkReturn", () => {
  const now = new Date("2026-04-01T10:00:00+08:00");
  const later = new Date("2026-04-08T17:00:00+08:00");

  it("accepts a reason and a deadline in the future", () => {
    expect(checkReturn({ reason: "预算说明不足", deadline: later, now })).toEqual([]);
  });

  it.each(["", " ", "缺", "  缺  "])("refuses the reason %j", (reason) => {
    expect(checkReturn({ reason, deadline: later, now })).toEqual([
      expect.objectContaining({ code: "VALIDATION", path: "reason" }),
    ]);
  });

  it("refuses a missing deadline, one at now, and one in the past", () => {
    for (const deadline of [null, now, new Date(now.getTime() - 1)]) {
      expect(checkReturn({ reason: "请补充", deadline, now })).toEqual([
        expect.objectContaining({ code: "VALIDATION", path: "deadline" }),
      ]);
    }
    expect(checkReturn({ reason: "请补充", deadline: new Date(now.getTime() + 1), now })).toEqual([]);
  });

  it("reports both problems together", () => {
    expect(checkReturn({ reason: "", deadline: null, now }).map((v) => v.path)).toEqual([
      "reason",
      "deadline",
    ]);
  });
});
