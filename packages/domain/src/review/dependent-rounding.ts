import type { FrozenNetwork } from "./min-cost-flow.ts";

/**
 * Dependent rounding of a fractional flow (Gandhi, Khuller, Parthasarathy, Srinivasan 2006, in the
 * form OpenReview uses for randomized reviewer assignment), on the whole assignment network so
 * that every constraint survives: loads, k per application and one expert per unit per application
 * are all arc capacities or node balances there.
 *
 * Flows are integers in units of 1/scale; an arc is fractional while its flow is not a multiple of
 * scale. Every node balance is a whole number of units, so a node touching one fractional arc
 * touches at least two: walking from fractional arc to fractional arc always closes a cycle. On the
 * cycle, moving flow one way by α or the other way by β makes at least one more arc whole; taking
 * +α with probability β/(α+β) and −β otherwise leaves every arc's expected flow unchanged. So each
 * arc ends at the floor or ceiling of its fractional flow (every capacity and balance holds) and
 * each pair is drawn with probability exactly its LP value x_ij ≤ q.
 */
export function roundFlow(net: FrozenNetwork, scale: number, random: () => number): Int32Array {
  const arcs = net.heads.length >> 1;
  const flow = new Int32Array(arcs);
  for (let a = 0; a < arcs; a++) flow[a] = net.residual[2 * a + 1] as number;
  const fractional = (a: number) => (flow[a] as number) % scale !== 0;
  const tail = (a: number) => net.heads[2 * a + 1] as number;
  const head = (a: number) => net.heads[2 * a] as number;
  // Fractional arcs per node, both directions; arcs that become whole are skipped lazily (a whole
  // arc is never touched again, so a per-node cursor only moves forward past them).
  const degree = new Int32Array(net.nodeCount + 1);
  for (let a = 0; a < arcs; a++) {
    if (!fractional(a)) continue;
    degree[tail(a) + 1] = (degree[tail(a) + 1] as number) + 1;
    degree[head(a) + 1] = (degree[head(a) + 1] as number) + 1;
  }
  for (let v = 0; v < net.nodeCount; v++) degree[v + 1] = (degree[v + 1] as number) + (degree[v] as number);
  const cursor = degree.slice(0, net.nodeCount);
  const incident = new Int32Array(degree[net.nodeCount] as number);
  const fill = degree.slice(0, net.nodeCount);
  for (let a = 0; a < arcs; a++) {
    if (!fractional(a)) continue;
    for (const v of [tail(a), head(a)]) {
      incident[fill[v] as number] = a;
      fill[v] = (fill[v] as number) + 1;
    }
  }
  /** A fractional arc at v other than `except`, or −1. */
  const nextArc = (v: number, except: number): number => {
    while (
      (cursor[v] as number) < (degree[v + 1] as number) &&
      !fractional(incident[cursor[v] as number] as number)
    )
      cursor[v] = (cursor[v] as number) + 1;
    for (let x = cursor[v] as number; x < (degree[v + 1] as number); x++) {
      const a = incident[x] as number;
      if (a !== except && fractional(a)) return a;
    }
    return -1;
  };
  const onPath = new Int32Array(net.nodeCount).fill(-1);
  const pathNodes: number[] = [];
  const pathArcs: number[] = [];
  for (let first = 0; first < arcs; first++) {
    while (fractional(first)) {
      // Walk from the first arc's tail until a node repeats; the loop from its first visit is a cycle.
      pathNodes.length = 0;
      pathArcs.length = 0;
      let v = tail(first);
      let via = -1;
      for (;;) {
        if ((onPath[v] as number) >= 0) break;
        onPath[v] = pathNodes.length;
        pathNodes.push(v);
        const a = via === -1 ? first : nextArc(v, via);
        if (a < 0)
          throw new Error("dependent rounding: a node with a single fractional arc (balances not whole)");
        pathArcs.push(a);
        via = a;
        v = tail(a) === v ? head(a) : tail(a);
      }
      const from = onPath[v] as number;
      let up = Number.POSITIVE_INFINITY;
      let down = Number.POSITIVE_INFINITY;
      for (let x = from; x < pathArcs.length; x++) {
        const a = pathArcs[x] as number;
        const f = flow[a] as number;
        const toCeil = scale - (f % scale);
        const toFloor = f % scale;
        // Forward along the walk when the arc leaves the node the walk was at.
        if (tail(a) === pathNodes[x]) {
          up = Math.min(up, toCeil);
          down = Math.min(down, toFloor);
        } else {
          up = Math.min(up, toFloor);
          down = Math.min(down, toCeil);
        }
      }
      const delta = random() * (up + down) < down ? up : -down;
      for (let x = from; x < pathArcs.length; x++) {
        const a = pathArcs[x] as number;
        flow[a] = (flow[a] as number) + (tail(a) === pathNodes[x] ? delta : -delta);
      }
      for (const node of pathNodes) onPath[node] = -1;
    }
  }
  return flow;
}
