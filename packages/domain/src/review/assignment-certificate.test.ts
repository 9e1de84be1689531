import { describe, expect, it } from "vitest";
import { solveAssignment } from "./assignment.ts";
import type { AssignmentCertificate, IndexPair } from "./assignment.types.ts";
import { checkAssignmentCertificate } from "./assignment-certificate.ts";
import { uniformInstance } from "./test/random-instance.ts";

const instance = uniformInstance(40, 25, 3, 8, 11);
const result = solveAssignment(instance);
if (!result.feasible) throw new Error("fixture must be feasible");
const { pairs, certificate, objective } = result;
const check = (p: readonly IndexPair[], c: AssignmentCertificate = certificate, claimed = objective) =>
  checkAssignmentCertificate(instance, p, c, { claimedObjective: claimed });
const aff = (i: number, j: number) => (instance.affinity[i] as number[])[j] as number;
const unit = (j: number) => instance.experts[j]?.unitId;
const conflicted = (i: number, j: number) =>
  instance.conflicts.some(([a, b]) => a === i && b === j) ||
  instance.applications[i]?.unitIds.includes(unit(j) as string);

describe("checkAssignmentCertificate", () => {
  it("accepts the solver's assignment and prices, over every pair", () => {
    const verdict = check(pairs);
    expect(verdict.violations).toEqual([]);
    expect(verdict.ok).toBe(true);
    expect(verdict.pairsChecked).toBeGreaterThan(40 * 25 * 0.8);
    expect(verdict.dualObjective).toBeCloseTo(objective, 9);
  });

  it("rejects a pair swapped for a worse one, even with the objective claimed to match", () => {
    const taken = new Set(pairs.map(([i, j]) => `${i}:${j}`));
    let swapped: IndexPair[] | undefined;
    for (let x = 0; x < pairs.length && !swapped; x++) {
      const [i, j] = pairs[x] as IndexPair;
      for (let other = 0; other < instance.experts.length; other++) {
        const sameUnitFree = pairs.every(([a, b]) => a !== i || b === j || unit(b) !== unit(other));
        if (taken.has(`${i}:${other}`) || conflicted(i, other) || !sameUnitFree || aff(i, other) >= aff(i, j))
          continue;
        swapped = pairs.map((p, y) => (y === x ? ([i, other] as const) : p));
        break;
      }
    }
    if (!swapped) throw new Error("no worse pair to swap in");
    const worse = swapped.reduce((sum, [i, j]) => sum + aff(i, j), 0);
    const verdict = check(swapped, certificate, worse);
    expect(verdict.ok).toBe(false);
  });

  it("rejects tampered prices", () => {
    const lowerApp = Float64Array.from(certificate.applicationPrices);
    lowerApp[3] = (lowerApp[3] as number) - 0.01;
    expect(check(pairs, { ...certificate, applicationPrices: lowerApp }).ok).toBe(false);
    const higherExpert = Float64Array.from(certificate.expertPrices);
    higherExpert[0] = (higherExpert[0] as number) + 0.01;
    expect(check(pairs, { ...certificate, expertPrices: higherExpert }).ok).toBe(false);
    const positive = certificate.unitPrices.findIndex(([, , g]) => g > 1e-6);
    expect(positive).toBeGreaterThanOrEqual(0);
    expect(
      check(pairs, { ...certificate, unitPrices: certificate.unitPrices.filter((_, y) => y !== positive) })
        .ok,
    ).toBe(false);
  });

  it("rejects a wrong claimed objective, a missing pair, a duplicate pair and a conflicted pair", () => {
    expect(check(pairs, certificate, objective + 1e-3).ok).toBe(false);
    expect(check(pairs.slice(1)).ok).toBe(false);
    expect(check([...pairs, pairs[0] as IndexPair]).ok).toBe(false);
    const [ci, cj] = instance.conflicts[0] as IndexPair;
    const withConflict = pairs.map((p) => (p[0] === ci ? ([ci, cj] as const) : p));
    const verdict = check(withConflict);
    expect(verdict.ok).toBe(false);
    expect(verdict.violations.join("\n")).toMatch(/conflicted pair/);
  });
});
