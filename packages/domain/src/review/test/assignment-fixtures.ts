import fc from "fast-check";
import loadHighs from "highs";
import type { AssignmentInstance, IndexPair } from "../assignment.types.ts";
import { assignmentLp } from "../assignment-lp.ts";

/** Small random instances: few units so that unit diversity and conflicts bite, ties in affinity. */
export const smallInstance = (limits: { maxApps?: number; maxExperts?: number } = {}) =>
  fc
    .record({
      n: fc.integer({ min: 1, max: limits.maxApps ?? 6 }),
      m: fc.integer({ min: 1, max: limits.maxExperts ?? 7 }),
      k: fc.integer({ min: 1, max: 3 }),
      units: fc.integer({ min: 1, max: 5 }),
      minLoad: fc.integer({ min: 0, max: 2 }),
      extraLoad: fc.integer({ min: 0, max: 3 }),
      seed: fc.integer(),
    })
    .map(({ n, m, k, units, minLoad, extraLoad, seed }): AssignmentInstance => {
      const next = lcg(seed);
      const pick = (limit: number) => Math.floor(next() * limit);
      const applications = Array.from({ length: n }, (_, i) => ({
        id: `A${i}`,
        unitIds: next() < 0.7 ? [`u${pick(units + 2)}`] : [`u${pick(units + 2)}`, `u${pick(units + 2)}`],
      }));
      const experts = Array.from({ length: m }, (_, j) => ({ id: `E${j}`, unitId: `u${pick(units)}` }));
      // Quarter steps make ties common (degenerate LPs), negatives check that sign is no shortcut.
      const affinity = Array.from({ length: n }, () => Array.from({ length: m }, () => pick(21) / 4 - 1));
      const conflicts: [number, number][] = [];
      for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) if (next() < 0.1) conflicts.push([i, j]);
      return {
        reviewersPerApplication: k,
        minLoad,
        maxLoad: minLoad + extraLoad,
        applications,
        experts,
        affinity,
        conflicts,
      };
    });

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Every feasible assignment, searched exhaustively: the best objective, or null when none. */
export function bruteForce(instance: AssignmentInstance): number | null {
  const n = instance.applications.length;
  const m = instance.experts.length;
  const k = instance.reviewersPerApplication;
  const conflicts = new Set(instance.conflicts.map(([i, j]) => `${i}:${j}`));
  const allowed = (i: number, j: number) =>
    !conflicts.has(`${i}:${j}`) &&
    !(instance.applications[i] as { unitIds: readonly string[] }).unitIds.includes(
      (instance.experts[j] as { unitId: string }).unitId,
    );
  const load = new Array<number>(m).fill(0);
  let best: number | null = null;
  const chooseFor = (i: number, total: number) => {
    if (i === n) {
      if (load.every((l) => l >= instance.minLoad)) best = best === null ? total : Math.max(best, total);
      return;
    }
    const chosen: number[] = [];
    const units = new Set<string>();
    const pick = (from: number, sum: number) => {
      if (chosen.length === k) return chooseFor(i + 1, total + sum);
      for (let j = from; j < m; j++) {
        const unit = (instance.experts[j] as { unitId: string }).unitId;
        if (!allowed(i, j) || units.has(unit) || (load[j] as number) >= instance.maxLoad) continue;
        chosen.push(j);
        units.add(unit);
        load[j] = (load[j] as number) + 1;
        pick(j + 1, sum + ((instance.affinity[i] as number[])[j] as number));
        load[j] = (load[j] as number) - 1;
        units.delete(unit);
        chosen.pop();
      }
    };
    pick(0, 0);
  };
  chooseFor(0, 0);
  return best;
}

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let highs: Promise<Highs> | undefined;

/** The LP optimum from HiGHS, or null when HiGHS proves the LP infeasible. */
export async function lpOptimum(instance: AssignmentInstance, cap = 1): Promise<number | null> {
  highs ??= loadHighs();
  const solver = await highs;
  const lp = assignmentLp(instance, cap);
  // No pair may be assigned at all: infeasible as soon as some application needs a reviewer.
  if (lp.numCols === 0) return null;
  const model = solver.createModel({ ...lp, sense: solver.constants.objectiveSense.maximize });
  try {
    model.run();
    const status = model.getModelStatus();
    if (status === solver.constants.modelStatus.optimal) return model.getObjectiveValue();
    if (status === solver.constants.modelStatus.infeasible) return null;
    throw new Error(`HiGHS status ${status}`);
  } finally {
    model.dispose();
  }
}

/** Every rule an assignment must keep: conflicts, unit diversity, k per application, loads. */
export function pairsViolatingRules(instance: AssignmentInstance, pairs: readonly IndexPair[]): string[] {
  const problems: string[] = [];
  const perApp = new Array<number>(instance.applications.length).fill(0);
  const load = new Array<number>(instance.experts.length).fill(0);
  for (const [i, j] of pairs) {
    perApp[i] = (perApp[i] as number) + 1;
    load[j] = (load[j] as number) + 1;
  }
  perApp.forEach((c, i) => {
    if (c !== instance.reviewersPerApplication) problems.push(`application ${i} has ${c} reviewers`);
  });
  load.forEach((l, j) => {
    if (l < instance.minLoad || l > instance.maxLoad) problems.push(`expert ${j} has load ${l}`);
  });
  const conflicts = new Set(instance.conflicts.map(([i, j]) => `${i}:${j}`));
  const unitsTaken = new Set<string>();
  for (const [i, j] of pairs) {
    const unit = (instance.experts[j] as { unitId: string }).unitId;
    if (conflicts.has(`${i}:${j}`)) problems.push(`explicit conflict ${i}:${j}`);
    if ((instance.applications[i] as { unitIds: readonly string[] }).unitIds.includes(unit))
      problems.push(`same-unit conflict ${i}:${j}`);
    if (unitsTaken.has(`${i}:${unit}`)) problems.push(`two experts of ${unit} on ${i}`);
    unitsTaken.add(`${i}:${unit}`);
  }
  return problems;
}
