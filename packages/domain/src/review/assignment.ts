import type { AssignmentInstance, AssignmentResult, IndexPair } from "./assignment.types.ts";
import {
  candidateBudgets,
  countingObstacles,
  type PreparedInstance,
  prepareInstance,
  selectCandidates,
  widenWhereShort,
} from "./assignment-candidates.ts";
import { capacityShort, type SolvedFlow, solveFlow } from "./assignment-network.ts";

/**
 * The exact reviewer assignment (issue 13, "Assignment (optimal, with proof)"): maximise total
 * affinity with k reviewers per application, loads within [minLoad, maxLoad], no conflicted pair and
 * at most one expert of a unit per application, solved as a min-cost flow (assignment-network.ts).
 *
 * Speed comes from solving on a sparse candidate graph (each application's best experts, each
 * expert's best applications). Where that graph cannot carry the flow, it is widened only around
 * the applications that fell short (assignment-candidates.ts, widenWhereShort). Exactness comes
 * from pricing: the flow's dual prices are checked against EVERY non-conflicted pair; a pruned pair
 * whose reduced cost shows it could improve the objective is added and the flow solved again,
 * warm from the previous flow and prices (a cutting loop), until none does. The result carries the
 * prices as a certificate that checkAssignmentCertificate verifies without trusting any of this.
 */
export interface SolveOptions {
  /** Candidate experts per application before pricing (default 4k). */
  readonly perApplication?: number;
  /** Candidate applications per expert before pricing (default minLoad + 2k). */
  readonly perExpert?: number;
  /** Pricing rounds before falling back to every pair (default 20). */
  readonly maxPricingRounds?: number;
}

/** Relative tolerance of the solver's own pricing, tighter than the checker's 1e-9. */
const PRICING_TOLERANCE = 1e-11;

/** Local widenings before the candidate graph becomes every pair (each adds at least one pair). */
const MAX_WIDENINGS = 12;

/**
 * When pricing finds violated pairs, pairs within this much (relative to the largest |affinity|)
 * of violating join them: the re-solve moves the prices, and on the bench most pairs that violate
 * in the next round were this close before, so one round catches what would take several.
 */
const PRICING_MARGIN = 0.01;

export function solveAssignment(instance: AssignmentInstance, options: SolveOptions = {}): AssignmentResult {
  const p = prepareInstance(instance);
  const obstacles = countingObstacles(p);
  if (obstacles.length > 0) return { feasible: false, reasons: obstacles };
  const perApplication = options.perApplication ?? 4 * p.k;
  const perExpert = options.perExpert ?? p.minLoad + 2 * p.k;
  const maxRounds = options.maxPricingRounds ?? 20;
  let mark = selectCandidates(p, perApplication, perExpert);
  let dense = perApplication >= p.m || perExpert >= p.n;
  const budgets = candidateBudgets(p, perApplication, perExpert);
  let added = 0;
  const work = { augmentations: 0, settledNodes: 0, pushes: 0, relabels: 0 };
  // The last solution, to warm-start the next round from once pricing has added pairs.
  let warm: SolvedFlow | undefined;
  let shortRounds = 0;
  for (let round = 1; ; round++) {
    const flow = solveFlow(p, mark, { scale: 1, pairCap: 1 }, warm);
    if (!flow.ok) {
      if (dense) return capacityShort(flow);
      shortRounds++;
      if (shortRounds > MAX_WIDENINGS || widenWhereShort(p, mark, budgets, flow) === 0) {
        mark = selectCandidates(p, p.m, p.n);
        dense = true;
      }
      continue;
    }
    warm = flow;
    work.augmentations += flow.augmentations;
    work.settledNodes += flow.settledNodes;
    work.pushes += flow.pushes;
    work.relabels += flow.relabels;
    const unitPrices = unitPricesOf(p, flow);
    const violations = dense ? 0 : priceOutPrunedPairs(p, mark, flow, unitPrices);
    if (violations > 0) {
      added += violations;
      if (round >= maxRounds) {
        mark = selectCandidates(p, p.m, p.n);
        dense = true;
      }
      continue;
    }
    const pairs: IndexPair[] = [];
    let objective = 0;
    for (let y = 0; y < flow.pairFlow.length; y++) {
      if ((flow.pairFlow[y] as number) <= 0) continue;
      const i = flow.pairApp[y] as number;
      const j = flow.pairExpert[y] as number;
      pairs.push([i, j]);
      objective += (p.instance.affinity[i] as ArrayLike<number>)[j] as number;
    }
    return {
      feasible: true,
      pairs,
      objective,
      certificate: {
        applicationPrices: flow.applicationPrices,
        expertPrices: flow.expertPrices,
        unitPrices: unitPrices.list,
      },
      stats: { candidatePairs: flow.pairApp.length, rounds: round, ...work, addedByPricing: added },
    };
  }
}

interface UnitPrices {
  readonly list: [number, string, number][];
  /** For pricing, by application: its assigned units at [start[i], start[i + 1]) with their prices. */
  readonly start: Int32Array;
  readonly unit: Int32Array;
  readonly price: Float64Array;
}

/**
 * g_iv for each application's assigned units: a_ij − u_i − p_j for its assigned expert j of unit v,
 * which makes assigned pairs tight. It is ≥ 0 because the pair's path to the application has a
 * non-positive reduced cost once it carries flow.
 */
function unitPricesOf(p: PreparedInstance, flow: SolvedFlow): UnitPrices {
  const list: [number, string, number][] = [];
  const start = new Int32Array(p.n + 1);
  const unit: number[] = [];
  const price: number[] = [];
  // Candidate pairs come in application order, so each application's units are contiguous.
  for (let y = 0; y < flow.pairFlow.length; y++) {
    if ((flow.pairFlow[y] as number) <= 0) continue;
    const i = flow.pairApp[y] as number;
    const j = flow.pairExpert[y] as number;
    const a = (p.instance.affinity[i] as ArrayLike<number>)[j] as number;
    const g = a - (flow.applicationPrices[i] as number) - (flow.expertPrices[j] as number);
    const u = p.expertUnit[j] as number;
    list.push([i, p.unitNames[u] as string, g]);
    unit.push(u);
    price.push(g);
    start[i + 1] = (start[i + 1] as number) + 1;
  }
  for (let i = 0; i < p.n; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  return { list, start, unit: Int32Array.from(unit), price: Float64Array.from(price) };
}

/**
 * Adds to the candidate graph every pruned, non-conflicted pair whose dual constraint
 * u_i + p_j + g_{i,unit(j)} ≥ a_ij fails: the pairs that could improve the objective, and when
 * there are any, those within PRICING_MARGIN of failing. Returns how many were added (0: the
 * candidate solution is optimal for the full instance).
 */
function priceOutPrunedPairs(
  p: PreparedInstance,
  mark: Uint8Array,
  flow: SolvedFlow,
  prices: UnitPrices,
): number {
  const { n, m, conflicted, expertUnit } = p;
  const tol = PRICING_TOLERANCE * Math.max(1, p.scale);
  const margin = PRICING_MARGIN * Math.max(1, p.scale);
  const expertPrices = flow.expertPrices;
  let added = 0;
  // Near misses, kept until the pass shows whether anything failed (at most n·k of them).
  const near = new Int32Array(n * p.k);
  let nearCount = 0;
  // The unit prices of one application at a time, in an array by unit number (0 where not listed).
  const unitPrice = new Float64Array(p.unitNames.length);
  for (let i = 0; i < n; i++) {
    const row = p.instance.affinity[i] as ArrayLike<number>;
    const ui = flow.applicationPrices[i] as number;
    const from = prices.start[i] as number;
    const to = prices.start[i + 1] as number;
    for (let s = from; s < to; s++) unitPrice[prices.unit[s] as number] = prices.price[s] as number;
    const base = i * m;
    for (let j = 0; j < m; j++) {
      if (mark[base + j] || conflicted[base + j]) continue;
      const slack =
        ui +
        (expertPrices[j] as number) +
        (unitPrice[expertUnit[j] as number] as number) -
        (row[j] as number);
      if (slack >= margin) continue;
      if (slack < -tol) {
        mark[base + j] = 1;
        added++;
      } else if (nearCount < near.length) near[nearCount++] = base + j;
    }
    for (let s = from; s < to; s++) unitPrice[prices.unit[s] as number] = 0;
  }
  if (added > 0) {
    for (let x = 0; x < nearCount; x++) mark[near[x] as number] = 1;
    added += nearCount;
  }
  return added;
}
