import { describe, expect, it } from "vitest";
import { solveAssignment } from "./assignment.ts";
import type { AssignmentInstance, AssignmentResult } from "./assignment.types.ts";
import { describeInfeasibility } from "./assignment.types.ts";
import { checkAssignmentCertificate } from "./assignment-certificate.ts";
import { uniformInstance } from "./test/random-instance.ts";

const instance = (
  over: Partial<AssignmentInstance> & Pick<AssignmentInstance, "affinity">,
): AssignmentInstance => {
  const n = over.affinity.length;
  const m = over.affinity[0]?.length ?? 0;
  return {
    reviewersPerApplication: 1,
    minLoad: 0,
    maxLoad: n,
    applications: Array.from({ length: n }, (_, i) => ({ id: `A${i}`, unitIds: [`applicant${i}`] })),
    experts: Array.from({ length: m }, (_, j) => ({ id: `E${j}`, unitId: `unit${j}` })),
    conflicts: [],
    ...over,
  };
};

function solved(result: AssignmentResult) {
  if (!result.feasible) throw new Error(`infeasible: ${JSON.stringify(result.reasons)}`);
  return result;
}

function certified(i: AssignmentInstance) {
  const result = solved(solveAssignment(i));
  const check = checkAssignmentCertificate(i, result.pairs, result.certificate, {
    claimedObjective: result.objective,
  });
  expect(check.violations).toEqual([]);
  return result;
}

const sorted = (pairs: readonly (readonly [number, number])[]) =>
  [...pairs].map(([i, j]) => [i, j] as const).sort(([ai, aj], [bi, bj]) => ai - bi || aj - bj);

describe("solveAssignment: hand examples with known optima", () => {
  it("takes one expert per unit: the two best experts share a unit, so the second reviewer comes from another", () => {
    const i = instance({
      reviewersPerApplication: 2,
      affinity: [[10, 9, 1]],
      experts: [
        { id: "E0", unitId: "X" },
        { id: "E1", unitId: "X" },
        { id: "E2", unitId: "Y" },
      ],
    });
    const result = certified(i);
    expect(result.objective).toBe(11);
    expect(sorted(result.pairs)).toEqual([
      [0, 0],
      [0, 2],
    ]);
  });

  it("gives the contested expert to the application that gains most from it (maxLoad 1)", () => {
    const result = certified(
      instance({
        maxLoad: 1,
        affinity: [
          [10, 9],
          [10, 1],
        ],
      }),
    );
    expect(result.objective).toBe(19);
    expect(sorted(result.pairs)).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it("meets minLoad even when it costs affinity", () => {
    const result = certified(
      instance({
        minLoad: 1,
        maxLoad: 2,
        affinity: [
          [10, 1],
          [10, 1],
        ],
      }),
    );
    expect(result.objective).toBe(11);
  });

  it("never assigns an expert of the application's own unit or an explicit conflict, however high the affinity", () => {
    const i = instance({
      affinity: [[100, 90, 1]],
      applications: [{ id: "A0", unitIds: ["applicant", "partner"] }],
      experts: [
        { id: "E0", unitId: "partner" },
        { id: "E1", unitId: "other" },
        { id: "E2", unitId: "third" },
      ],
      conflicts: [[0, 1]],
    });
    const result = certified(i);
    expect(result.pairs).toEqual([[0, 2]]);
    expect(result.objective).toBe(1);
  });

  it("prices out pruned pairs: a one-candidate graph ends at the optimum of the full instance", () => {
    const i = uniformInstance(60, 30, 3, 8, 7);
    const dense = certified(i);
    const pruned = solved(solveAssignment(i, { perApplication: 1, perExpert: 0 }));
    expect(pruned.stats.addedByPricing).toBeGreaterThan(0);
    expect(pruned.objective).toBeCloseTo(dense.objective, 9);
    expect(checkAssignmentCertificate(i, pruned.pairs, pruned.certificate).ok).toBe(true);
  });
});

describe("solveAssignment: candidate graphs that fall short", () => {
  it("widens only around the applications that fell short, and still ends at the optimum", () => {
    // Every application ranks experts 0–3 first, but they can take 12 of the 60 reviews: a graph
    // of each application's two best experts cannot carry the flow.
    const n = 30;
    const m = 20;
    const i = instance({
      reviewersPerApplication: 2,
      maxLoad: 3,
      affinity: Array.from({ length: n }, (_, a) =>
        Array.from({ length: m }, (_, e) => (e < 4 ? 10 : 1) + ((a * 7 + e * 13) % 17) / 100),
      ),
    });
    const dense = certified(i);
    const pruned = solved(solveAssignment(i, { perApplication: 2, perExpert: 0 }));
    expect(pruned.stats.rounds).toBeGreaterThan(1);
    expect(pruned.stats.candidatePairs).toBeLessThan((n * m) / 2);
    expect(pruned.objective).toBeCloseTo(dense.objective, 9);
    expect(checkAssignmentCertificate(i, pruned.pairs, pruned.certificate).violations).toEqual([]);
  });
});

describe("solveAssignment: infeasible instances say which applications and why", () => {
  const reasons = (i: AssignmentInstance) => {
    const result = solveAssignment(i);
    if (result.feasible) throw new Error("expected infeasible");
    for (const r of result.reasons) expect(describeInfeasibility(i, r)).toMatch(/\w/);
    return result.reasons;
  };

  it("too few distinct units among the non-conflicted experts", () => {
    const i = instance({
      reviewersPerApplication: 2,
      affinity: [
        [1, 1, 1],
        [1, 1, 1],
      ],
      applications: [
        { id: "A0", unitIds: ["Y"] },
        { id: "A1", unitIds: ["Z"] },
      ],
      experts: [
        { id: "E0", unitId: "X" },
        { id: "E1", unitId: "X" },
        { id: "E2", unitId: "Y" },
      ],
    });
    expect(reasons(i)).toEqual([
      { code: "tooFewUnits", applicationIndex: 0, availableUnits: 1, required: 2 },
    ]);
  });

  it("more review slots than the experts' maximum loads", () => {
    expect(reasons(instance({ maxLoad: 1, affinity: [[1], [1]] }))).toContainEqual({
      code: "slotsExceedCapacity",
      slots: 2,
      capacity: 1,
    });
  });

  it("minimum loads above the work there is", () => {
    expect(reasons(instance({ minLoad: 2, maxLoad: 2, affinity: [[1, 1]] }))).toContainEqual({
      code: "minimumExceedsSlots",
      slots: 1,
      minimum: 4,
    });
  });

  it("an expert conflicted with too many applications to reach minLoad", () => {
    const i = instance({
      minLoad: 1,
      maxLoad: 2,
      affinity: [
        [1, 1],
        [1, 1],
      ],
      conflicts: [
        [0, 1],
        [1, 1],
      ],
    });
    expect(reasons(i)).toContainEqual({
      code: "expertBelowMinimum",
      expertIndex: 1,
      availableApplications: 0,
      required: 1,
    });
  });

  it("Hall's condition: three applications that may only take two experts of load 1", () => {
    const i = instance({
      maxLoad: 1,
      affinity: [
        [1, 1, 1],
        [1, 1, 1],
        [1, 1, 1],
      ],
      conflicts: [
        [0, 2],
        [1, 2],
        [2, 2],
      ],
    });
    const [reason, ...rest] = reasons(i);
    expect(rest).toEqual([]);
    expect(reason?.code).toBe("capacityShort");
    if (reason?.code === "capacityShort") {
      expect(reason.applicationIndices.length).toBeGreaterThan(0);
      expect(reason.expertIndices.every((j) => j < 2)).toBe(true);
    }
  });
});
