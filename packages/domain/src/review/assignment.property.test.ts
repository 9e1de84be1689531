import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { solveAssignment } from "./assignment.ts";
import { checkAssignmentCertificate } from "./assignment-certificate.ts";
import { bruteForce, lpOptimum, pairsViolatingRules, smallInstance } from "./test/assignment-fixtures.ts";
import { uniformInstance } from "./test/random-instance.ts";

// Candidate graphs from "every pair" down to one expert per application, so that the pricing loop
// (pruned pairs added back when their reduced cost says they improve the objective) is exercised.
const candidateOptions = fc.record({
  perApplication: fc.integer({ min: 1, max: 4 }),
  perExpert: fc.integer({ min: 0, max: 2 }),
});

describe("solveAssignment on random small instances", () => {
  it("matches the LP optimum from HiGHS, and its certificate verifies", async () => {
    await fc.assert(
      fc.asyncProperty(smallInstance(), candidateOptions, async (instance, options) => {
        const result = solveAssignment(instance, options);
        const lp = await lpOptimum(instance);
        if (!result.feasible) {
          expect(lp).toBeNull();
          expect(result.reasons.length).toBeGreaterThan(0);
          return;
        }
        expect(lp).not.toBeNull();
        expect(Math.abs(result.objective - (lp as number))).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(lp as number)),
        );
        const check = checkAssignmentCertificate(instance, result.pairs, result.certificate, {
          claimedObjective: result.objective,
        });
        expect(check.violations).toEqual([]);
        expect(check.ok).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("matches HiGHS with arbitrary float affinities on larger instances, where cost scaling and pricing do real work", async () => {
    const sized = fc.record({
      n: fc.integer({ min: 5, max: 40 }),
      m: fc.integer({ min: 4, max: 25 }),
      k: fc.integer({ min: 1, max: 4 }),
      units: fc.integer({ min: 4, max: 12 }),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    });
    await fc.assert(
      fc.asyncProperty(sized, candidateOptions, async ({ n, m, k, units, seed }, options) => {
        const instance = uniformInstance(n, m, k, units, seed);
        const result = solveAssignment(instance, options);
        const lp = await lpOptimum(instance);
        if (!result.feasible) {
          expect(lp).toBeNull();
          return;
        }
        expect(Math.abs(result.objective - (lp as number))).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(lp as number)),
        );
        const check = checkAssignmentCertificate(instance, result.pairs, result.certificate, {
          claimedObjective: result.objective,
        });
        expect(check.violations).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it("matches exhaustive search, feasible or not", () => {
    fc.assert(
      fc.property(smallInstance({ maxApps: 4, maxExperts: 5 }), candidateOptions, (instance, options) => {
        const result = solveAssignment(instance, options);
        const best = bruteForce(instance);
        if (best === null) {
          expect(result.feasible).toBe(false);
          return;
        }
        expect(result.feasible).toBe(true);
        if (result.feasible) expect(result.objective).toBeCloseTo(best, 9);
      }),
      { numRuns: 200 },
    );
  });

  it("never assigns a conflicted pair (explicit or same unit) and never two experts of one unit", () => {
    fc.assert(
      fc.property(smallInstance(), candidateOptions, (instance, options) => {
        const result = solveAssignment(instance, options);
        if (result.feasible) expect(pairsViolatingRules(instance, result.pairs)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
