import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toShingleSet } from "./shingles.ts";
import { intersectionSize, jaccardMayReach, shingleJaccard, shingleSimilarity } from "./similarity.ts";

const set = fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 200 }).map(toShingleSet);

function naive(a: Uint32Array, b: Uint32Array) {
  const sa = new Set(a);
  const shared = [...b].filter((x) => sa.has(x)).length;
  return { shared, union: a.length + b.length - shared };
}

describe("shingleSimilarity", () => {
  it("intersects like a naive set intersection", () => {
    fc.assert(
      fc.property(set, set, (a, b) => {
        expect(intersectionSize(a, b)).toBe(naive(a, b).shared);
      }),
    );
  });

  it("Jaccard is symmetric, within [0, 1], and exact", () => {
    fc.assert(
      fc.property(set, set, (a, b) => {
        const j = shingleJaccard(a, b);
        expect(j).toBe(shingleJaccard(b, a));
        expect(j).toBeGreaterThanOrEqual(0);
        expect(j).toBeLessThanOrEqual(1);
        const { shared, union } = naive(a, b);
        if (a.length > 0 && b.length > 0) expect(j).toBeCloseTo(shared / union, 12);
      }),
    );
  });

  it("scores identical texts 1 and disjoint texts 0", () => {
    fc.assert(
      fc.property(set, (a) => {
        fc.pre(a.length > 0);
        expect(shingleJaccard(a, a.slice())).toBe(1);
        expect(
          shingleJaccard(
            a,
            a.map((x) => x + 1000),
          ),
        ).toBe(0);
      }),
    );
  });

  it("scores an empty text 0 against anything, itself included", () => {
    const empty = new Uint32Array();
    expect(shingleSimilarity(empty, empty)).toEqual({ jaccard: 0, containment: 0 });
    expect(shingleSimilarity(empty, toShingleSet([1, 2]))).toEqual({ jaccard: 0, containment: 0 });
  });

  it("containment is the share of the first set found in the second, never below Jaccard", () => {
    const a = toShingleSet([1, 2, 3, 4]);
    const b = toShingleSet([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(shingleSimilarity(a, b)).toEqual({ jaccard: 2 / 10, containment: 2 / 4 });
    fc.assert(
      fc.property(set, set, (x, y) => {
        const s = shingleSimilarity(x, y);
        expect(s.containment).toBeGreaterThanOrEqual(s.jaccard);
      }),
    );
  });

  it("jaccardMayReach never rules out a pair that reaches the threshold", () => {
    fc.assert(
      fc.property(set, set, fc.double({ min: 0.01, max: 1, noNaN: true }), (a, b, t) => {
        if (shingleJaccard(a, b) >= t) expect(jaccardMayReach(a, b, t)).toBe(true);
      }),
    );
  });
});
