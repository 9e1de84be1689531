import type { AssignmentInstance, AssignmentResult, IndexPair } from "./assignment.types.ts";
import {
  countingObstacles,
  type PreparedInstance,
  prepareInstance,
  selectCandidates,
  widenCandidates,
} from "./assignment-candidates.ts";
import { capacityShort, type SolvedFlow, solveFlow } from "./assignment-network.ts";

/**
 * The exact reviewer assignment (issue 13, "Assignment (optimal, with proof)"): maximise total
 * affinity with k reviewers per application, loads within [minLoad, maxLoad], no conflicted pair and
 * at most one expert of a unit per application, solved as a min-cost flow (assignment-network.ts).
 *
 * Speed comes from solving on a sparse candidate graph (each application's best experts, each
 * expert's best applications). Exactness comes from pricing: the flow's dual prices are checked
 * against EVERY non-conflicted pair; a pruned pair whose reduced cost shows it could improve the
 * objective is added and the flow solved again (a cutting loop), until none does. The result
 * carries the prices as a certificate that checkAssignmentCertificate verifies without trusting
 * any of this.
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

export function solveAssignment(instance: AssignmentInstance, options: SolveOptions = {}): AssignmentResult {
  const p = prepareInstance(instance);
  const obstacles = countingObstacles(p);
  if (obstacles.length > 0) return { feasible: false, reasons: obstacles };
  let perApplication = options.perApplication ?? 4 * p.k;
  let perExpert = options.perExpert ?? p.minLoad + 2 * p.k;
  const maxRounds = options.maxPricingRounds ?? 20;
  let mark = selectCandidates(p, perApplication, perExpert);
  let dense = perApplication >= p.m || perExpert >= p.n;
  let added = 0;
  let augmentations = 0;
  let settledNodes = 0;
  for (let round = 1; ; round++) {
    const flow = solveFlow(p, mark, { scale: 1, pairCap: 1 });
    if (!flow.ok) {
      if (dense) return capacityShort(flow);
      ({ perApplication, perExpert, dense } = widenCandidates(p, mark, { perApplication, perExpert }));
      continue;
    }
    augmentations += flow.augmentations;
    settledNodes += flow.settledNodes;
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
    let candidatePairs = 0;
    for (let x = 0; x < mark.length; x++) candidatePairs += mark[x] as number;
    return {
      feasible: true,
      pairs,
      objective,
      certificate: {
        applicationPrices: flow.applicationPrices,
        expertPrices: flow.expertPrices,
        unitPrices: unitPrices.list,
      },
      stats: { candidatePairs, rounds: round, augmentations, settledNodes, addedByPricing: added },
    };
  }
}

interface UnitPrices {
  readonly list: [number, string, number][];
  /** For pricing: per application, unit number → price. */
  readonly byApplication: Map<number, number>[];
}

/**
 * g_iv for each application's assigned units: a_ij − u_i − p_j for its assigned expert j of unit v,
 * which makes assigned pairs tight. It is ≥ 0 because the pair's path to the application has a
 * non-positive reduced cost once it carries flow.
 */
function unitPricesOf(p: PreparedInstance, flow: SolvedFlow): UnitPrices {
  const list: [number, string, number][] = [];
  const byApplication: Map<number, number>[] = Array.from({ length: p.n }, () => new Map());
  for (let y = 0; y < flow.pairFlow.length; y++) {
    if ((flow.pairFlow[y] as number) <= 0) continue;
    const i = flow.pairApp[y] as number;
    const j = flow.pairExpert[y] as number;
    const a = (p.instance.affinity[i] as ArrayLike<number>)[j] as number;
    const g = a - (flow.applicationPrices[i] as number) - (flow.expertPrices[j] as number);
    const u = p.expertUnit[j] as number;
    list.push([i, p.unitNames[u] as string, g]);
    (byApplication[i] as Map<number, number>).set(u, g);
  }
  return { list, byApplication };
}

/**
 * Adds to the candidate graph every pruned, non-conflicted pair whose dual constraint
 * u_i + p_j + g_{i,unit(j)} ≥ a_ij fails: the pairs that could improve the objective. Returns how
 * many were added (0: the candidate solution is optimal for the full instance).
 */
function priceOutPrunedPairs(
  p: PreparedInstance,
  mark: Uint8Array,
  flow: SolvedFlow,
  prices: UnitPrices,
): number {
  const { n, m, conflicted, expertUnit } = p;
  const tol = PRICING_TOLERANCE * Math.max(1, p.scale);
  let added = 0;
  // The unit prices of one application at a time, in an array by unit number (0 where not listed).
  const unitPrice = new Float64Array(p.unitNames.length);
  for (let i = 0; i < n; i++) {
    const row = p.instance.affinity[i] as ArrayLike<number>;
    const ui = flow.applicationPrices[i] as number;
    const g = prices.byApplication[i] as Map<number, number>;
    for (const [u, price] of g) unitPrice[u] = price;
    const base = i * m;
    for (let j = 0; j < m; j++) {
      if (mark[base + j] || conflicted[base + j]) continue;
      const slack =
        ui +
        (flow.expertPrices[j] as number) +
        (unitPrice[expertUnit[j] as number] as number) -
        (row[j] as number);
      if (slack < -tol) {
        mark[base + j] = 1;
        added++;
      }
    }
    for (const u of g.keys()) unitPrice[u] = 0;
  }
  return added;
}
