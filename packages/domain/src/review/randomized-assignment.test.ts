import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { solveRandomizedAssignment } from "./randomized-assignment.ts";
import { lpOptimum, pairsViolatingRules, smallInstance } from "./test/assignment-fixtures.ts";
import { uniformInstance } from "./test/random-instance.ts";

const q = fc.constantFrom(0.5, 0.6, 1 / 3, 0.75, 1);

describe("solveRandomizedAssignment", () => {
  it("solves the capped LP exactly (HiGHS agrees) and every draw keeps every rule", async () => {
    await fc.assert(
      fc.asyncProperty(smallInstance(), q, fc.integer(), async (instance, cap, seed) => {
        const result = solveRandomizedAssignment(instance, { q: cap, seed, perApplication: 2, perExpert: 1 });
        const lp = await lpOptimum(instance, cap);
        if (!result.feasible) {
          expect(lp).toBeNull();
          return;
        }
        expect(lp).not.toBeNull();
        expect(result.expectedObjective).toBeCloseTo(lp as number, 9);
        expect(pairsViolatingRules(instance, result.pairs)).toEqual([]);
        for (const [, , x] of result.probabilities) expect(x).toBeLessThanOrEqual(cap + 1e-12);
      }),
      { numRuns: 100 },
    );
  });

  it("draws each pair with its LP probability, and the same seed draws the same assignment", () => {
    const instance = uniformInstance(8, 10, 2, 5, 3);
    const first = solveRandomizedAssignment(instance, { q: 0.5, seed: 42 });
    if (!first.feasible) throw new Error("fixture must be feasible");
    expect(solveRandomizedAssignment(instance, { q: 0.5, seed: 42 })).toEqual(first);
    const draws = 1500;
    const counts = new Map<string, number>();
    for (let seed = 0; seed < draws; seed++) {
      const r = solveRandomizedAssignment(instance, { q: 0.5, seed });
      if (!r.feasible) throw new Error("infeasible draw");
      for (const [i, j] of r.pairs) counts.set(`${i}:${j}`, (counts.get(`${i}:${j}`) ?? 0) + 1);
    }
    for (const [i, j, x] of first.probabilities) {
      // Five standard errors of a binomial share: a wrong marginal fails, chance almost never does.
      const tolerance = 5 * Math.sqrt((x * (1 - x)) / draws) + 1e-9;
      expect(Math.abs((counts.get(`${i}:${j}`) ?? 0) / draws - x)).toBeLessThanOrEqual(tolerance);
    }
    const drawnOutside = [...counts.keys()].filter(
      (key) => !first.probabilities.some(([i, j]) => `${i}:${j}` === key),
    );
    expect(drawnOutside).toEqual([]);
  });
});
