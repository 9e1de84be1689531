import type { PreparedInstance } from "./assignment-candidates.ts";
import { costScaling, repairToOptimal } from "./assignment-cost-scaling.ts";
import {
  appNode,
  buildLayout,
  carryOver,
  expertNode,
  type Layout,
  type NetworkShape,
  type PreviousSolution,
  SOURCE,
} from "./assignment-layout.ts";
import { maxFlow, nodesReaching } from "./assignment-max-flow.ts";
import type { FrozenNetwork } from "./min-cost-flow.ts";

/**
 * The assignment as a min-cost flow on the candidate pairs:
 *
 *   source ──(maxLoad − minLoad)──▶ expert j ──(pair, cost −a_ij)──▶ (application i, unit v) ──(1)──▶ application i
 *
 * Each expert also supplies its minLoad itself (the standard lower-bound transformation: the
 * source supplies only n·k − m·minLoad), and each application demands k. The (application, unit)
 * node with an outgoing capacity of 1 is the unit-diversity rule: at most one expert of a unit per
 * application. Where an application has a single candidate of a unit, the gadget node is left out
 * and the pair arc goes straight to the application with capacity 1 (same constraint, fewer nodes).
 *
 * `scale` multiplies every demand and bound so that the randomized mode's caps (x ≤ q) are integers:
 * a pair arc then carries at most `pairCap` of `scale` units per reviewer.
 *
 * Solving: a maximum flow first decides feasibility (and, when there is none, which applications
 * are short), then cost scaling and an exact finish (assignment-cost-scaling.ts). After pricing
 * has added pairs, the previous solution is carried over (`warm`): its flow is still feasible and
 * its potentials still fit every old arc, so only the new arcs need repair.
 */

export type { NetworkShape };

export interface SolvedFlow extends PreviousSolution {
  readonly ok: true;
  /** Candidate pairs in network order, and the flow on each (0..scale). */
  readonly pairApp: Int32Array;
  readonly pairExpert: Int32Array;
  readonly pairFlow: Int32Array;
  /** Dual prices (see AssignmentCertificate), from the final potentials. */
  readonly applicationPrices: Float64Array;
  readonly expertPrices: Float64Array;
  /** Gadget nodes as (application, unit number), by application, with their price π(source) − π(node). */
  readonly gadgetApp: Int32Array;
  readonly gadgetUnit: Int32Array;
  readonly gadgetPrice: Float64Array;
  /** The network with its final flow and potentials, and each candidate pair's arc in it. */
  readonly network: FrozenNetwork;
  readonly potential: Float64Array;
  readonly pairArc: Int32Array;
  /** Work done: augmentations and settled nodes of the exact finish, and cost scaling's steps. */
  readonly augmentations: number;
  readonly settledNodes: number;
  readonly pushes: number;
  readonly relabels: number;
}

export interface FailedFlow {
  readonly ok: false;
  /** The first short application's Hall violator: the nodes with a residual path to it. */
  readonly applicationIndices: number[];
  readonly expertIndices: number[];
  /** Every application that can reach a short one, experts left with supply, experts with room (for widening). */
  readonly starvedApplications: number[];
  readonly strandedExperts: number[];
  readonly expertsWithRoom: [number, number][];
}

/** The answer when even every pair cannot carry the flow: the applications and experts the failed search reached. */
export function capacityShort(flow: FailedFlow) {
  return {
    feasible: false as const,
    reasons: [
      {
        code: "capacityShort" as const,
        applicationIndices: flow.applicationIndices,
        expertIndices: flow.expertIndices,
      },
    ],
  };
}

/**
 * ε of cost scaling's last phase, relative to the largest |affinity|. Smaller costs more phases,
 * larger leaves more for the exact finish; 1e-7 balanced the two on the bench instances.
 */
const FINAL_EPSILON = 1e-7;

/**
 * Reduced costs this far below zero (relative to the largest |affinity|) are float rounding, not
 * a better flow: far below the solver's pricing tolerance (1e-11) and the checker's (1e-9).
 */
const ROUNDING = 1e-12;

/**
 * A warm start tries the exact finish alone when at most this share of the nodes have a violated
 * arc, and lets it settle this many nodes per node before cost scaling takes over.
 */
const WARM_REPAIR_ARCS = 0.02;
const WARM_REPAIR_BUDGET = 4;

export function solveFlow(
  p: PreparedInstance,
  mark: Uint8Array,
  shape: NetworkShape,
  warm?: SolvedFlow,
): SolvedFlow | FailedFlow {
  const layout = buildLayout(p, mark, shape);
  const { net } = layout;
  const excess = layout.supply.slice();
  const potential = new Float64Array(net.nodeCount);
  const finalEpsilon = FINAL_EPSILON * Math.max(1, p.scale);
  const tolerance = ROUNDING * Math.max(1, p.scale);
  let scaling = { pushes: 0, relabels: 0 };
  let augmentations = 0;
  let settledNodes = 0;
  if (warm) {
    // Only the arcs pricing added can have negative reduced costs. A few shallow ones: the exact
    // finish alone routes them in short searches. Many or deep ones would send its searches across
    // crowded disciplines, so then (or past a budget) cost scaling takes over. It starts a step
    // below the worst violation: most added arcs are far shallower, and its first phase saturates
    // the deeper ones anyway (on the bench, a fifth fewer pushes than starting at the worst).
    carryOver(p, layout, warm, excess, potential);
    const violated = violations(net, potential, tolerance);
    let repaired = false;
    if (violated.count <= WARM_REPAIR_ARCS * net.nodeCount) {
      const first = repairToOptimal(net, excess, potential, tolerance, WARM_REPAIR_BUDGET * net.nodeCount);
      augmentations += first.augmentations;
      settledNodes += first.settledNodes;
      repaired = first.complete;
    }
    if (!repaired)
      scaling = costScaling(net, excess, potential, { finalEpsilon, startEpsilon: violated.worst / 10 });
  } else {
    maxFlow(net, excess);
    const short = shortfall(p, layout, excess);
    if (short) return short;
    scaling = costScaling(net, excess, potential, { finalEpsilon });
  }
  const finish = repairToOptimal(net, excess, potential, tolerance);
  if (finish.failure) throw new Error("assignment: the exact finish lost a feasible flow");
  augmentations += finish.augmentations;
  settledNodes += finish.settledNodes;
  const { n, m } = p;
  const pairs = layout.pairArc.length;
  const pairFlow = new Int32Array(pairs);
  for (let y = 0; y < pairs; y++) pairFlow[y] = net.residual[(layout.pairArc[y] as number) ^ 1] as number;
  // u_i = π(source) − π(application i) and p_j = π(expert j) − π(source): with reduced costs
  // −a_ij + π(expert) − π(next node) ≥ 0 on every residual arc, these satisfy the LP's dual
  // constraints and complementary slackness (see AssignmentCertificate); per unit of `scale`.
  const ps = potential[SOURCE] as number;
  const applicationPrices = new Float64Array(n);
  for (let i = 0; i < n; i++) applicationPrices[i] = ps - (potential[appNode(m, i)] as number);
  const expertPrices = new Float64Array(m);
  for (let j = 0; j < m; j++) expertPrices[j] = (potential[expertNode(j)] as number) - ps;
  const gadgets = layout.gadgetApp.length;
  const gadgetPrice = new Float64Array(gadgets);
  for (let g = 0; g < gadgets; g++) gadgetPrice[g] = ps - (potential[1 + m + n + g] as number);
  return {
    ok: true,
    pairApp: layout.pairApp,
    pairExpert: layout.pairExpert,
    pairFlow,
    applicationPrices,
    expertPrices,
    gadgetApp: layout.gadgetApp,
    gadgetUnit: layout.gadgetUnit,
    gadgetPrice,
    network: net,
    potential,
    pairArc: layout.pairArc,
    augmentations,
    settledNodes,
    pushes: scaling.pushes,
    relabels: scaling.relabels,
  };
}

/** After the maximum flow: null when every demand is met, else where the network is short. */
function shortfall(p: PreparedInstance, layout: Layout, excess: Int32Array): FailedFlow | null {
  const { n, m } = p;
  const short: number[] = [];
  for (let i = 0; i < n; i++) if ((excess[appNode(m, i)] as number) < 0) short.push(appNode(m, i));
  if (short.length === 0) return null;
  const split = (nodes: number[]) => {
    const applications: number[] = [];
    const experts: number[] = [];
    for (const v of nodes) {
      if (v >= 1 && v <= m) experts.push(v - 1);
      else if (v > m && v <= m + n) applications.push(v - 1 - m);
    }
    return { applications: applications.sort((a, b) => a - b), experts: experts.sort((a, b) => a - b) };
  };
  const first = split(nodesReaching(layout.net, [short[0] as number]));
  const reaching = nodesReaching(layout.net, short);
  const all = split(reaching);
  const inGroup = new Uint8Array(layout.net.nodeCount);
  for (const v of reaching) inGroup[v] = 1;
  const strandedExperts: number[] = [];
  const expertsWithRoom: [number, number][] = [];
  for (let j = 0; j < m; j++) {
    const left = excess[expertNode(j)] as number;
    if (left > 0) strandedExperts.push(j);
    const room = (layout.net.residual[2 * j] as number) + Math.max(0, left);
    if (room > 0 && !inGroup[expertNode(j)]) expertsWithRoom.push([j, room]);
  }
  return {
    ok: false,
    applicationIndices: first.applications,
    expertIndices: first.experts,
    starvedApplications: all.applications,
    strandedExperts,
    expertsWithRoom,
  };
}

/** The residual arcs with a reduced cost below −tolerance: how many, and the most negative (as a positive number). */
function violations(net: FrozenNetwork, potential: Float64Array, tolerance: number) {
  const { heads, residual, costs } = net;
  let count = 0;
  let worst = 0;
  for (let e = 0; e < heads.length; e++) {
    if ((residual[e] as number) <= 0) continue;
    const rc =
      (costs[e] as number) +
      (potential[heads[e ^ 1] as number] as number) -
      (potential[heads[e] as number] as number);
    if (rc >= -tolerance) continue;
    count++;
    if (-rc > worst) worst = -rc;
  }
  return { count, worst };
}
