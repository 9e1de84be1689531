import type { PreparedInstance } from "./assignment-candidates.ts";
import { FlowNetwork, type FrozenNetwork } from "./min-cost-flow.ts";

/**
 * The assignment network's layout (see assignment-network.ts for its shape): nodes are the
 * source (0), experts (1 + j), applications (1 + m + i), then one gadget node per (application,
 * unit) with two or more candidates, by application. Arc 2j is source → expert j.
 */
export const SOURCE = 0;
export const expertNode = (j: number) => 1 + j;
export const appNode = (m: number, i: number) => 1 + m + i;

/** See assignment-network.ts. */
export interface NetworkShape {
  readonly scale: number;
  readonly pairCap: number;
  /** A gadget node for every (application, unit), also for single candidates (randomized mode). */
  readonly alwaysGadget?: boolean;
}

/** What a warm start takes over from the previous solution (a SolvedFlow). */
export interface PreviousSolution {
  readonly pairApp: Int32Array;
  readonly pairExpert: Int32Array;
  readonly pairFlow: Int32Array;
  readonly potential: Float64Array;
  readonly gadgetApp: Int32Array;
  readonly gadgetUnit: Int32Array;
}

export interface Layout {
  readonly net: FrozenNetwork;
  /** Supply per node: the source's share, each expert's minLoad, each application's −k. */
  readonly supply: Int32Array;
  readonly pairApp: Int32Array;
  readonly pairExpert: Int32Array;
  readonly pairArc: Int32Array;
  readonly gadgetApp: Int32Array;
  readonly gadgetUnit: Int32Array;
  /** The arc gadget g → its application. */
  readonly gadgetArc: Int32Array;
}

export function buildLayout(p: PreparedInstance, mark: Uint8Array, shape: NetworkShape): Layout {
  const { n, m, k, minLoad, maxLoad, expertUnit } = p;
  const { scale, pairCap } = shape;
  const marked = markedPairs(mark);
  const pairs = marked.length;
  // Per application, how many of its candidates each unit has: a unit with two or more (or any,
  // with alwaysGadget) gets a gadget node. Candidates come in application order.
  const unitCount = new Int32Array(p.unitNames.length);
  const unitNode = new Int32Array(p.unitNames.length);
  const gadgetsOf = new Int32Array(n);
  const single = shape.alwaysGadget ? 0 : 1;
  for (let from = 0; from < pairs; ) {
    const i = Math.floor((marked[from] as number) / m);
    let to = from;
    while (to < pairs && (marked[to] as number) < (i + 1) * m) to++;
    for (let x = from; x < to; x++) {
      const u = expertUnit[(marked[x] as number) - i * m] as number;
      unitCount[u] = (unitCount[u] as number) + 1;
      if (unitCount[u] === single + 1) gadgetsOf[i] = (gadgetsOf[i] as number) + 1;
    }
    for (let x = from; x < to; x++) unitCount[expertUnit[(marked[x] as number) - i * m] as number] = 0;
    from = to;
  }
  let gadgets = 0;
  for (let i = 0; i < n; i++) gadgets += gadgetsOf[i] as number;
  const net = new FlowNetwork(1 + m + n + gadgets, m + pairs + gadgets);
  // Source arcs first: arc 2j is source → expert j.
  for (let j = 0; j < m; j++) net.addArc(SOURCE, expertNode(j), (maxLoad - minLoad) * scale, 0);
  const pairApp = new Int32Array(pairs);
  const pairExpert = new Int32Array(pairs);
  const pairArc = new Int32Array(pairs);
  const gadgetApp = new Int32Array(gadgets);
  const gadgetUnit = new Int32Array(gadgets);
  const gadgetArc = new Int32Array(gadgets);
  let next = 1 + m + n;
  for (let from = 0; from < pairs; ) {
    const i = Math.floor((marked[from] as number) / m);
    const row = p.instance.affinity[i] as ArrayLike<number>;
    let to = from;
    while (to < pairs && (marked[to] as number) < (i + 1) * m) to++;
    for (let x = from; x < to; x++) {
      const u = expertUnit[(marked[x] as number) - i * m] as number;
      unitCount[u] = (unitCount[u] as number) + 1;
      unitNode[u] = -1;
    }
    const firstGadget = next;
    for (let x = from; x < to; x++) {
      const j = (marked[x] as number) - i * m;
      const u = expertUnit[j] as number;
      const cost = -(row[j] as number);
      if ((unitCount[u] as number) <= single) {
        pairArc[x] = net.addArc(expertNode(j), appNode(m, i), Math.min(pairCap, scale), cost);
      } else {
        if (unitNode[u] === -1) {
          gadgetApp[next - 1 - m - n] = i;
          gadgetUnit[next - 1 - m - n] = u;
          unitNode[u] = next++;
        }
        pairArc[x] = net.addArc(expertNode(j), unitNode[u] as number, pairCap, cost);
      }
      pairApp[x] = i;
      pairExpert[x] = j;
    }
    for (let x = from; x < to; x++) unitCount[expertUnit[(marked[x] as number) - i * m] as number] = 0;
    for (let g = firstGadget; g < next; g++)
      gadgetArc[g - 1 - m - n] = net.addArc(g, appNode(m, i), scale, 0);
    from = to;
  }
  const supply = new Int32Array(1 + m + n + gadgets);
  supply[SOURCE] = (n * k - m * minLoad) * scale;
  for (let j = 0; j < m; j++) supply[expertNode(j)] = minLoad * scale;
  for (let i = 0; i < n; i++) supply[appNode(m, i)] = -k * scale;
  return { net: net.freeze(), supply, pairApp, pairExpert, pairArc, gadgetApp, gadgetUnit, gadgetArc };
}

/**
 * The marked positions i·m + j in increasing order. The array is mostly zeros, so it is read four
 * bytes at a time where it is aligned.
 */
function markedPairs(mark: Uint8Array): Int32Array {
  const total = mark.length;
  const words = mark.byteOffset % 4 === 0 ? new Uint32Array(mark.buffer, mark.byteOffset, total >> 2) : null;
  const wordBytes = words ? words.length * 4 : 0;
  let count = 0;
  if (words) {
    for (let w = 0; w < words.length; w++) {
      if (words[w] === 0) continue;
      for (let x = 4 * w; x < 4 * w + 4; x++) if (mark[x]) count++;
    }
  }
  for (let x = wordBytes; x < total; x++) if (mark[x]) count++;
  const out = new Int32Array(count);
  let c = 0;
  if (words) {
    for (let w = 0; w < words.length; w++) {
      if (words[w] === 0) continue;
      for (let x = 4 * w; x < 4 * w + 4; x++) if (mark[x]) out[c++] = x;
    }
  }
  for (let x = wordBytes; x < total; x++) if (mark[x]) out[c++] = x;
  return out;
}

/**
 * Puts the previous solution's flow on the (wider) network and takes over its potentials: a new
 * gadget node starts at its application's potential, which gives its arcs the reduced costs the
 * direct arc it replaces had. Every old arc keeps a non-negative reduced cost; only new pair arcs
 * can be negative (that is why pricing added them).
 */
export function carryOver(
  p: PreparedInstance,
  layout: Layout,
  warm: PreviousSolution,
  excess: Int32Array,
  potential: Float64Array,
): void {
  const { n, m } = p;
  const { heads, residual } = layout.net;
  const flowOf = new Map<number, number>();
  for (let y = 0; y < warm.pairFlow.length; y++) {
    const f = warm.pairFlow[y] as number;
    if (f > 0) flowOf.set((warm.pairApp[y] as number) * m + (warm.pairExpert[y] as number), f);
  }
  const move = (e: number, f: number) => {
    residual[e] = (residual[e] as number) - f;
    residual[e ^ 1] = (residual[e ^ 1] as number) + f;
    excess[heads[e ^ 1] as number] = (excess[heads[e ^ 1] as number] as number) - f;
    excess[heads[e] as number] = (excess[heads[e] as number] as number) + f;
  };
  for (let y = 0; y < layout.pairArc.length; y++) {
    const f = flowOf.get((layout.pairApp[y] as number) * m + (layout.pairExpert[y] as number));
    if (f) move(layout.pairArc[y] as number, f);
  }
  for (let g = 0; g < layout.gadgetArc.length; g++) {
    const inflow = excess[1 + m + n + g] as number;
    if (inflow > 0) move(layout.gadgetArc[g] as number, inflow);
  }
  for (let j = 0; j < m; j++) {
    const short = -(excess[expertNode(j)] as number);
    if (short > 0) move(2 * j, short);
  }
  const old = warm.potential;
  for (let v = 0; v <= m + n; v++) potential[v] = old[v] as number;
  const oldGadget = new Map<number, number>();
  const units = p.unitNames.length;
  for (let g = 0; g < warm.gadgetApp.length; g++)
    oldGadget.set((warm.gadgetApp[g] as number) * units + (warm.gadgetUnit[g] as number), 1 + m + n + g);
  for (let g = 0; g < layout.gadgetApp.length; g++) {
    const i = layout.gadgetApp[g] as number;
    const before = oldGadget.get(i * units + (layout.gadgetUnit[g] as number));
    potential[1 + m + n + g] =
      before === undefined ? (old[appNode(m, i)] as number) : (old[before] as number);
  }
}
