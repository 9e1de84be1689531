import type { PreparedInstance } from "./assignment-candidates.ts";
import {
  type AugmentFailure,
  FlowNetwork,
  type FrozenNetwork,
  initialPotentials,
  SuccessiveShortestPaths,
} from "./min-cost-flow.ts";

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
 */
export interface NetworkShape {
  readonly scale: number;
  readonly pairCap: number;
  /** A gadget node for every (application, unit), also for single candidates (randomized mode). */
  readonly alwaysGadget?: boolean;
}

export interface SolvedFlow {
  readonly ok: true;
  /** Candidate pairs in network order, and the flow on each (0..scale). */
  readonly pairApp: Int32Array;
  readonly pairExpert: Int32Array;
  readonly pairFlow: Int32Array;
  /** Dual prices (see AssignmentCertificate), from the final potentials. */
  readonly applicationPrices: Float64Array;
  readonly expertPrices: Float64Array;
  /** Gadget nodes as (application, unit number) with their price π(source) − π(node). */
  readonly gadgetApp: Int32Array;
  readonly gadgetUnit: Int32Array;
  readonly gadgetPrice: Float64Array;
  /** The network with its final flow, and each candidate pair's arc in it. */
  readonly network: FrozenNetwork;
  readonly pairArc: Int32Array;
  readonly augmentations: number;
  readonly settledNodes: number;
}

export interface FailedFlow {
  readonly ok: false;
  readonly applicationIndices: number[];
  readonly expertIndices: number[];
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

export function solveFlow(
  p: PreparedInstance,
  mark: Uint8Array,
  shape: NetworkShape,
): SolvedFlow | FailedFlow {
  const { n, m, k, minLoad, maxLoad, expertUnit } = p;
  const { scale, pairCap } = shape;
  const unitCount = new Int32Array(p.unitNames.length);
  const unitStamp = new Int32Array(p.unitNames.length).fill(-1);
  const unitNode = new Int32Array(p.unitNames.length);
  // First pass: count candidates and gadget nodes, so the network is allocated once.
  let pairs = 0;
  let gadgets = 0;
  for (let i = 0; i < n; i++) {
    const base = i * m;
    for (let j = 0; j < m; j++) {
      if (!mark[base + j]) continue;
      pairs++;
      const u = expertUnit[j] as number;
      if (unitStamp[u] !== i) {
        unitStamp[u] = i;
        unitCount[u] = 0;
      }
      unitCount[u] = (unitCount[u] as number) + 1;
      if (unitCount[u] === (shape.alwaysGadget ? 1 : 2)) gadgets++;
    }
  }
  const SOURCE = 0;
  const expertNode = (j: number) => 1 + j;
  const appNode = (i: number) => 1 + m + i;
  const net = new FlowNetwork(1 + m + n + gadgets, m + pairs + gadgets);
  // Arcs go in tails-first topological order (source, experts, gadgets) for initialPotentials.
  for (let j = 0; j < m; j++) net.addArc(SOURCE, expertNode(j), (maxLoad - minLoad) * scale, 0);
  const pairApp = new Int32Array(pairs);
  const pairExpert = new Int32Array(pairs);
  const pairArc = new Int32Array(pairs);
  let next = 1 + m + n;
  let x = 0;
  unitStamp.fill(-1);
  const gadgetArcs: number[] = [];
  const gadgetApp = new Int32Array(gadgets);
  const gadgetUnit = new Int32Array(gadgets);
  for (let i = 0; i < n; i++) {
    const base = i * m;
    const row = p.instance.affinity[i] as ArrayLike<number>;
    // Recount this application's units (the first pass's counts were overwritten).
    for (let j = 0; j < m; j++) {
      if (!mark[base + j]) continue;
      const u = expertUnit[j] as number;
      if (unitStamp[u] !== i) {
        unitStamp[u] = i;
        unitCount[u] = 0;
        unitNode[u] = -1;
      }
      unitCount[u] = (unitCount[u] as number) + 1;
    }
    gadgetArcs.length = 0;
    for (let j = 0; j < m; j++) {
      if (!mark[base + j]) continue;
      const u = expertUnit[j] as number;
      const cost = -(row[j] as number);
      let arc: number;
      if (unitCount[u] === 1 && !shape.alwaysGadget) {
        arc = net.addArc(expertNode(j), appNode(i), Math.min(pairCap, scale), cost);
      } else {
        if (unitNode[u] === -1) {
          gadgetApp[next - 1 - m - n] = i;
          gadgetUnit[next - 1 - m - n] = u;
          unitNode[u] = next++;
          gadgetArcs.push(unitNode[u] as number);
        }
        arc = net.addArc(expertNode(j), unitNode[u] as number, pairCap, cost);
      }
      pairApp[x] = i;
      pairExpert[x] = j;
      pairArc[x] = arc;
      x++;
    }
    for (const g of gadgetArcs) net.addArc(g, appNode(i), scale, 0);
  }
  const frozen = net.freeze();
  const excess = new Int32Array(frozen.nodeCount);
  excess[SOURCE] = (n * k - m * minLoad) * scale;
  for (let j = 0; j < m; j++) excess[expertNode(j)] = minLoad * scale;
  for (let i = 0; i < n; i++) excess[appNode(i)] = -k * scale;
  const potential = initialPotentials(frozen);
  const ssp = new SuccessiveShortestPaths(frozen, excess, potential);
  // One reviewer per application per round: applications compete for the best experts in turns,
  // which keeps the later augmenting paths short.
  let failure: AugmentFailure | null = null;
  for (let r = 1; r <= k && !failure; r++) {
    for (let i = 0; i < n && !failure; i++) failure = ssp.satisfy(appNode(i), -(k - r) * scale);
  }
  if (failure) {
    const applicationIndices: number[] = [];
    const expertIndices: number[] = [];
    for (const v of failure.reached) {
      if (v >= 1 && v <= m) expertIndices.push(v - 1);
      else if (v > m && v <= m + n) applicationIndices.push(v - 1 - m);
    }
    return {
      ok: false,
      applicationIndices: applicationIndices.sort((a, b) => a - b),
      expertIndices: expertIndices.sort((a, b) => a - b),
    };
  }
  const pairFlow = new Int32Array(pairs);
  for (let y = 0; y < pairs; y++) pairFlow[y] = frozen.residual[(pairArc[y] as number) ^ 1] as number;
  // u_i = π(source) − π(application i) and p_j = π(expert j) − π(source): with reduced costs
  // −a_ij + π(expert) − π(next node) ≥ 0 on every residual arc, these satisfy the LP's dual
  // constraints and complementary slackness (see AssignmentCertificate); per unit of `scale`.
  const ps = potential[SOURCE] as number;
  const applicationPrices = new Float64Array(n);
  for (let i = 0; i < n; i++) applicationPrices[i] = ps - (potential[appNode(i)] as number);
  const expertPrices = new Float64Array(m);
  for (let j = 0; j < m; j++) expertPrices[j] = (potential[expertNode(j)] as number) - ps;
  const gadgetPrice = new Float64Array(gadgets);
  for (let g = 0; g < gadgets; g++) gadgetPrice[g] = ps - (potential[1 + m + n + g] as number);
  return {
    ok: true,
    pairApp,
    pairExpert,
    pairFlow,
    applicationPrices,
    expertPrices,
    gadgetApp,
    gadgetUnit,
    gadgetPrice,
    network: frozen,
    pairArc,
    augmentations: ssp.augmentations,
    settledNodes: ssp.settledTotal,
  };
}
