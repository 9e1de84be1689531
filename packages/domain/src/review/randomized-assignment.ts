import { seededUniform } from "../shared/seeded-random.ts";
import type { AssignmentInstance, IndexPair, InfeasibilityReason } from "./assignment.types.ts";
import {
  countingObstacles,
  prepareInstance,
  selectCandidates,
  widenCandidates,
} from "./assignment-candidates.ts";
import { capacityShort, type SolvedFlow, solveFlow } from "./assignment-network.ts";
import { roundFlow } from "./dependent-rounding.ts";

/**
 * The randomized assignment (随机抽取 with a guarantee): no pair is drawn with probability above q,
 * and the expected total affinity is the best possible under that cap. First the LP
 *   max Σ a_ij x_ij  with 0 ≤ x_ij ≤ q and the exact mode's constraints
 * is solved as the same min-cost flow with pair capacities q (flows in units of 1/scale so that q
 * is whole), then dependent rounding (dependent-rounding.ts) draws an assignment that keeps every
 * constraint and picks each pair with probability x_ij. The draw depends only on the instance, q
 * and the seed, so anyone can reproduce it from the published inputs.
 */
export interface RandomizedOptions {
  /** The cap on each pair's probability, in (0, 1]. */
  readonly q: number;
  readonly seed: number;
  readonly perApplication?: number;
  readonly perExpert?: number;
}

export type RandomizedResult =
  | {
      readonly feasible: true;
      readonly seed: number;
      /** q as solved: q itself when q × scale is whole for some scale ≤ 1000, else ⌊1000 q⌋ / 1000. */
      readonly q: number;
      readonly pairs: readonly IndexPair[];
      /** The drawn assignment's total affinity. */
      readonly objective: number;
      /** The LP optimum: the draw's expected total affinity. */
      readonly expectedObjective: number;
      /** [applicationIndex, expertIndex, probability] for every pair with a positive probability. */
      readonly probabilities: readonly (readonly [number, number, number])[];
    }
  | { readonly feasible: false; readonly reasons: readonly InfeasibilityReason[] };

const MAX_SCALE = 1000;
const PRICING_TOLERANCE = 1e-11;

export function solveRandomizedAssignment(
  instance: AssignmentInstance,
  options: RandomizedOptions,
): RandomizedResult {
  const { q, seed } = options;
  if (!(q > 0 && q <= 1)) throw new RangeError(`q must lie in (0, 1]: ${q}`);
  let scale = 1;
  while (scale < MAX_SCALE && Math.abs(q * scale - Math.round(q * scale)) > 1e-9) scale++;
  const pairCap =
    Math.abs(q * scale - Math.round(q * scale)) <= 1e-9 ? Math.round(q * scale) : Math.floor(q * scale);
  if (pairCap === 0) throw new RangeError(`q is below 1/${MAX_SCALE}: ${q}`);
  const p = prepareInstance(instance);
  const obstacles = countingObstacles(p);
  if (obstacles.length === 0) obstacles.push(...capObstacles(p, pairCap / scale));
  if (obstacles.length > 0) return { feasible: false, reasons: obstacles };
  let perApplication = options.perApplication ?? Math.ceil((2 * p.k * scale) / pairCap) + p.k;
  let perExpert = options.perExpert ?? p.minLoad * Math.ceil(scale / pairCap) + 2 * p.k;
  const mark = selectCandidates(p, perApplication, perExpert);
  let dense = perApplication >= p.m || perExpert >= p.n;
  let flow: SolvedFlow;
  for (;;) {
    const attempt = solveFlow(p, mark, { scale, pairCap, alwaysGadget: true });
    if (!attempt.ok) {
      if (dense) return capacityShort(attempt);
      ({ perApplication, perExpert, dense } = widenCandidates(p, mark, { perApplication, perExpert }));
      continue;
    }
    if (dense || priceOut(p, mark, attempt) === 0) {
      flow = attempt;
      break;
    }
  }
  const probabilities: [number, number, number][] = [];
  let expectedObjective = 0;
  const affinity = (i: number, j: number) => (instance.affinity[i] as ArrayLike<number>)[j] as number;
  for (let y = 0; y < flow.pairFlow.length; y++) {
    const f = flow.pairFlow[y] as number;
    if (f <= 0) continue;
    const i = flow.pairApp[y] as number;
    const j = flow.pairExpert[y] as number;
    probabilities.push([i, j, f / scale]);
    expectedObjective += (affinity(i, j) * f) / scale;
  }
  const rounded = roundFlow(flow.network, scale, seededUniform(seed));
  const pairs: IndexPair[] = [];
  let objective = 0;
  for (let y = 0; y < flow.pairArc.length; y++) {
    if (rounded[(flow.pairArc[y] as number) >> 1] !== scale) continue;
    const i = flow.pairApp[y] as number;
    const j = flow.pairExpert[y] as number;
    pairs.push([i, j]);
    objective += affinity(i, j);
  }
  return { feasible: true, seed, q: pairCap / scale, pairs, objective, expectedObjective, probabilities };
}

/**
 * Adds pruned pairs whose arc would have a negative reduced cost: −a_ij + π(expert) − π(gadget),
 * in prices p_j + h_iv − a_ij < 0, where h_iv is the (application, unit) gadget's price, or the
 * application's own price where the unit has no gadget yet (a new gadget would sit at its level).
 */
function priceOut(p: ReturnType<typeof prepareInstance>, mark: Uint8Array, flow: SolvedFlow): number {
  const { n, m, conflicted, expertUnit } = p;
  const tol = PRICING_TOLERANCE * Math.max(1, p.scale);
  const gadgetPrice = new Float64Array(p.unitNames.length);
  const stamp = new Int32Array(p.unitNames.length).fill(-1);
  let g = 0;
  let added = 0;
  for (let i = 0; i < n; i++) {
    for (; g < flow.gadgetApp.length && flow.gadgetApp[g] === i; g++) {
      stamp[flow.gadgetUnit[g] as number] = i;
      gadgetPrice[flow.gadgetUnit[g] as number] = flow.gadgetPrice[g] as number;
    }
    const row = p.instance.affinity[i] as ArrayLike<number>;
    const ui = flow.applicationPrices[i] as number;
    for (let j = 0; j < m; j++) {
      const x = i * m + j;
      if (mark[x] || conflicted[x]) continue;
      const u = expertUnit[j] as number;
      const h = stamp[u] === i ? (gadgetPrice[u] as number) : ui;
      if (h + (flow.expertPrices[j] as number) - (row[j] as number) < -tol) {
        mark[x] = 1;
        added++;
      }
    }
  }
  return added;
}

/** What the cap q alone makes impossible, counted per application and per expert. */
function capObstacles(p: ReturnType<typeof prepareInstance>, q: number): InfeasibilityReason[] {
  const reasons: InfeasibilityReason[] = [];
  const perUnit = new Float64Array(p.unitNames.length);
  const stamp = new Int32Array(p.unitNames.length).fill(-1);
  const apps = new Int32Array(p.m);
  for (let i = 0; i < p.n; i++) {
    let reachable = 0;
    for (let j = 0; j < p.m; j++) {
      if (p.conflicted[i * p.m + j]) continue;
      apps[j] = (apps[j] as number) + 1;
      const u = p.expertUnit[j] as number;
      if (stamp[u] !== i) {
        stamp[u] = i;
        perUnit[u] = 0;
      }
      // Each unit contributes at most 1 reviewer; its experts at most q each.
      const before = Math.min(1, perUnit[u] as number);
      perUnit[u] = (perUnit[u] as number) + q;
      reachable += Math.min(1, perUnit[u] as number) - before;
    }
    if (reachable < p.k - 1e-9)
      reasons.push({ code: "capTooLow", kind: "application", index: i, reachable, required: p.k });
  }
  for (let j = 0; j < p.m; j++) {
    const reachable = q * (apps[j] as number);
    if (reachable < p.minLoad - 1e-9)
      reasons.push({ code: "capTooLow", kind: "expert", index: j, reachable, required: p.minLoad });
  }
  return reasons;
}
