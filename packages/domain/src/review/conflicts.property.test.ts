import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { datong, luoyang } from "../application/test/submission-fixtures.ts";
import type { Policy } from "../policy/policy.schema.ts";
import { solveAssignment } from "./assignment.ts";
import type { AssignmentInstance } from "./assignment.types.ts";
import {
  type ConflictApplication,
  type ConflictExpert,
  conflictsOf,
  type DeclaredRelation,
} from "./conflicts.ts";
import { aggregate } from "./scoring.ts";
import { bestFill, type SlotCandidate, type SlotHolder, slotViolations } from "./slot.ts";
import { pairsViolatingRules } from "./test/assignment-fixtures.ts";

// Random small worlds of applications, experts and declared relations, with every conflict taken
// from conflictsOf: the solver and the one-place fill must both keep conflicted pairs apart.

const today = "2026-03-15";
// A city's name, so that a counterexample prints short; its policy is policies[city].
const policies: Record<string, Pick<Policy, "expertReview">> = { luoyang, datong };
const city = fc.constantFrom("luoyang", "datong");

/** Days from 2019 to 2026, and the look-back's boundary (three years before today) more often. */
const day = fc.oneof(
  fc
    .integer({ min: 0, max: 365 * 7 })
    .map((d) => new Date(Date.UTC(2019, 0, 1) + d * 86_400_000).toISOString().slice(0, 10)),
  fc.constantFrom("2023-03-14", "2023-03-15", "2023-03-16"),
);

const uscc = (unit: string) => `USCC-${unit}`;
const digest = (j: number) => `digest-E${j}`;

const world = (apps: { min: number; max: number }, experts: { min: number; max: number }) =>
  fc
    .record({
      units: fc.integer({ min: 2, max: 6 }),
      n: fc.integer(apps),
      m: fc.integer(experts),
    })
    .chain(({ units, n, m }) => {
      const expertUnit = fc.integer({ min: 0, max: units - 1 }).map((u) => `u${u}`);
      // Three units more than the experts': applicants and partners without an expert in the pool.
      const anyUnit = fc.integer({ min: 0, max: units + 2 }).map((u) => `u${u}`);
      const expertIndex = fc.integer({ min: 0, max: m - 1 });
      const application = fc.record({
        unitId: anyUnit,
        partnerUnitIds: fc.uniqueArray(anyUnit, { maxLength: 1 }),
        partnerUsccs: fc.uniqueArray(anyUnit.map(uscc), { maxLength: 1 }),
        team: fc.uniqueArray(expertIndex, { maxLength: 1 }),
      });
      const expert = fc.record({
        unitId: expertUnit,
        hasUscc: fc.boolean(),
        hasDigest: fc.boolean(),
        formerUnits: fc.array(fc.record({ unitId: anyUnit, leftOn: day }), { maxLength: 1 }),
      });
      const byExpert = fc.record({
        declaredBy: fc.constant("expert" as const),
        expertId: expertIndex.map((j) => `E${j}`),
        applicationId: fc.option(fc.integer({ min: 0, max: n - 1 }).map((i) => `A${i}`)),
        unitId: fc.option(anyUnit),
      });
      const byApplicant = fc.record({
        declaredBy: fc.constant("applicant" as const),
        applicationId: fc.integer({ min: 0, max: n - 1 }).map((i) => `A${i}`),
        expertUnitId: fc.option(anyUnit),
        idNumberDigest: fc.option(expertIndex.map(digest)),
      });
      return fc.record({
        applications: fc
          .array(application, { minLength: n, maxLength: n })
          .map((as) =>
            as.map(({ team, ...a }, i) => ({ id: `A${i}`, ...a, teamIdDigests: team.map(digest) })),
          ),
        experts: fc.array(expert, { minLength: m, maxLength: m }).map((es) =>
          es.map(({ hasUscc, hasDigest, ...e }, j) => ({
            id: `E${j}`,
            ...e,
            unitUscc: hasUscc ? uscc(e.unitId) : null,
            idNumberDigest: hasDigest ? digest(j) : null,
          })),
        ),
        declared: fc.array(fc.oneof(byExpert, byApplicant), { maxLength: 4 }),
      });
    });

type World = {
  applications: readonly ConflictApplication[];
  experts: readonly ConflictExpert[];
  declared: readonly DeclaredRelation[];
};
const conflictedPairs = (w: World, p: Pick<Policy, "expertReview">): [number, number][] =>
  w.applications.flatMap((a, i) =>
    w.experts.flatMap((e, j) =>
      conflictsOf(e, a, w.declared, { today, policy: p }).length > 0 ? [[i, j] as [number, number]] : [],
    ),
  );

describe("conflicts kept by the solver", () => {
  const smallWorld = world({ min: 2, max: 8 }, { min: 3, max: 15 });
  const assignment = smallWorld.chain((w) =>
    fc.record({
      world: fc.constant(w),
      city,
      minLoad: fc.integer({ min: 0, max: 1 }),
      maxLoad: fc.integer({ min: 1, max: w.applications.length }),
      affinity: fc.array(
        fc.array(fc.integer({ min: 0, max: 20 }), {
          minLength: w.experts.length,
          maxLength: w.experts.length,
        }),
        { minLength: w.applications.length, maxLength: w.applications.length },
      ),
    }),
  );

  it("never assigns a pair for which conflictsOf gives a reason, whenever it finds an assignment", () => {
    let feasible = 0;
    let conflictedSeen = 0;
    fc.assert(
      fc.property(assignment, ({ world: w, city: c, minLoad, maxLoad, affinity }) => {
        const p = policies[c] as Pick<Policy, "expertReview">;
        const conflicts = conflictedPairs(w, p);
        conflictedSeen += conflicts.length;
        const instance: AssignmentInstance = {
          reviewersPerApplication: 2,
          minLoad: Math.min(minLoad, maxLoad),
          maxLoad,
          applications: w.applications.map((a) => ({ id: a.id, unitIds: [a.unitId, ...a.partnerUnitIds] })),
          experts: w.experts.map((e) => ({ id: e.id, unitId: e.unitId })),
          affinity: affinity.map((row) => row.map((x) => x / 20)),
          conflicts,
        };
        const result = solveAssignment(instance);
        if (!result.feasible) return;
        feasible += 1;
        for (const [i, j] of result.pairs) {
          const a = w.applications[i] as ConflictApplication;
          const e = w.experts[j] as ConflictExpert;
          expect(conflictsOf(e, a, w.declared, { today, policy: p })).toEqual([]);
        }
        expect(pairsViolatingRules(instance, result.pairs)).toEqual([]);
      }),
      { numRuns: 400 },
    );
    // The property says something only if the solver often succeeds and conflicts do occur.
    // (Typically about a quarter of the runs are feasible, and some 40 % of the pairs conflicted.)
    expect(feasible).toBeGreaterThan(40);
    expect(conflictedSeen).toBeGreaterThan(1000);
  });
});

describe("conflicts kept by an override (one place filled by hand or from the pool)", () => {
  type Candidate = SlotCandidate & { affinity: number };
  /** One application's place: holders from the pool, every expert a candidate with conflictsOf's reasons. */
  const slot = world({ min: 1, max: 3 }, { min: 3, max: 15 }).chain((w) =>
    fc
      .record({
        city,
        applicationIndex: fc.integer({ min: 0, max: w.applications.length - 1 }),
        holderIndices: fc.uniqueArray(fc.integer({ min: 0, max: w.experts.length - 1 }), { maxLength: 3 }),
        maxLoad: fc.integer({ min: 1, max: 4 }),
        states: fc.array(
          fc.record({
            // Mostly available, so that the other constraints decide.
            assignable: fc.integer({ min: 0, max: 4 }).map((x) => x > 0),
            load: fc.integer({ min: 0, max: 5 }),
            affinity: fc.integer({ min: 0, max: 10 }),
          }),
          { minLength: w.experts.length, maxLength: w.experts.length },
        ),
      })
      .map(({ city: name, applicationIndex, holderIndices, maxLoad, states }) => {
        const p = policies[name] as Pick<Policy, "expertReview">;
        const application = w.applications[applicationIndex] as ConflictApplication;
        const holders: SlotHolder[] = holderIndices.map((j) => {
          const e = w.experts[j] as ConflictExpert;
          return { expertId: e.id, unitId: e.unitId };
        });
        const candidates = w.experts.map((e, j): Candidate => {
          const s = states[j] as { assignable: boolean; load: number; affinity: number };
          const conflicts = conflictsOf(e, application, w.declared, { today, policy: p });
          return {
            expertId: e.id,
            unitId: e.unitId,
            assignable: s.assignable,
            load: s.load,
            conflicts,
            affinity: s.affinity / 10,
          };
        });
        /** The constraints written out again, independently of slot.ts. */
        const free = (c: Candidate) =>
          c.conflicts.length === 0 &&
          c.assignable &&
          !holders.some((h) => h.expertId === c.expertId || h.unitId === c.unitId) &&
          c.load < maxLoad;
        return { holders, candidates, maxLoad, free };
      }),
  );

  it("bestFill never returns a conflicted, suspended, holding, same-unit or fully loaded candidate", () => {
    fc.assert(
      fc.property(slot, ({ holders, candidates, maxLoad, free }) => {
        const best = bestFill(candidates, holders, maxLoad, (c) => c.affinity);
        if (best === null) {
          expect(candidates.filter(free)).toEqual([]);
          return;
        }
        expect(best.conflicts).toEqual([]);
        expect(best.assignable).toBe(true);
        expect(holders.map((h) => h.expertId)).not.toContain(best.expertId);
        expect(holders.map((h) => h.unitId)).not.toContain(best.unitId);
        expect(best.load).toBeLessThan(maxLoad);
        // And it is the best of the free ones.
        for (const c of candidates.filter(free)) expect(c.affinity).toBeLessThanOrEqual(best.affinity);
      }),
      { numRuns: 400 },
    );
  });

  it("slotViolations refuses every conflicted candidate, once per reason, and only candidates not free", () => {
    fc.assert(
      fc.property(slot, ({ holders, candidates, maxLoad, free }) => {
        for (const c of candidates) {
          const violations = slotViolations(c, holders, maxLoad);
          expect(violations.filter((v) => v.code === "REVIEW_CONFLICT")).toHaveLength(c.conflicts.length);
          if (c.conflicts.length > 0) expect(violations.length).toBeGreaterThan(0);
          expect(violations.length === 0).toBe(free(c));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("aggregate on random totals", () => {
  const totals = fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 12 });

  it("puts the mean between the lowest and the highest total, and trims exactly two distinct reviews", () => {
    fc.assert(
      fc.property(totals, city, (ts, name) => {
        const p = policies[name] as Pick<Policy, "expertReview">;
        const r = aggregate(ts, p);
        const min = Math.min(...ts);
        const max = Math.max(...ts);
        expect(r.mean).not.toBeNull();
        expect(r.mean as number).toBeGreaterThanOrEqual(min);
        expect(r.mean as number).toBeLessThanOrEqual(max);
        expect(r.spread).toBe(max - min);
        expect(r.spreadFlagged).toBe(max - min > p.expertReview.spreadThresholdPoints.value * 100);
        if (ts.length < p.expertReview.trimFromReviews.value) {
          expect(r.dropped).toEqual([]);
          return;
        }
        expect(r.dropped).toHaveLength(2);
        const [hi, lo] = r.dropped as [number, number];
        expect(hi).not.toBe(lo);
        for (const i of r.dropped) expect(Number.isInteger(i) && i >= 0 && i < ts.length).toBe(true);
        expect(ts[hi]).toBe(max);
        expect(ts[lo]).toBe(min);
      }),
      { numRuns: 500 },
    );
  });
});
