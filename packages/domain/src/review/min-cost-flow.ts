/**
 * Min-cost flow by successive shortest paths with node potentials (Johnson's reweighting), for the
 * reviewer assignment. The assignment solves by cost scaling (assignment-cost-scaling.ts) and
 * uses this for the exact finish: routing the small imbalances left after the last scaling phase,
 * and the few arcs a pricing round adds. Written for that network's shape: many deficit nodes
 * (applications), several excess nodes (the experts' minimum loads and one source for the rest).
 *
 * Each augmentation runs Dijkstra BACKWARD from one deficit node over residual arcs with reduced
 * costs and stops at the first excess node it settles. Stopping early is what makes it fast: after
 * cost scaling the nearest excess is a few ε away and the search settles a handful of nodes.
 * Potentials move only for the settled nodes (π(v) += D − d(v), D the distance of the excess node
 * found), which keeps every residual reduced cost non-negative without touching the whole graph.
 *
 * The potentials at the end are the dual prices of the flow LP: every residual arc has a
 * non-negative reduced cost, which is exactly the optimality certificate the assignment extracts.
 * Costs are floats (affinities); reduced costs a rounding error pushes below zero are read as zero,
 * and the certificate checker decides, to its tolerance, whether the result is optimal.
 */

/** The residual network: arcs come in pairs, e forward and e ^ 1 its reverse. */
export class FlowNetwork {
  readonly nodeCount: number;
  private arcCount = 0;
  private heads: Int32Array;
  private caps: Int32Array;
  private costs: Float64Array;

  constructor(nodeCount: number, expectedArcs = 16) {
    this.nodeCount = nodeCount;
    const size = Math.max(2, expectedArcs * 2);
    this.heads = new Int32Array(size);
    this.caps = new Int32Array(size);
    this.costs = new Float64Array(size);
  }

  /** Adds the arc u → v and returns its id (even); its reverse is id ^ 1. */
  addArc(u: number, v: number, capacity: number, cost: number): number {
    if (this.arcCount + 2 > this.heads.length) this.grow();
    const e = this.arcCount;
    this.heads[e] = v;
    this.caps[e] = capacity;
    this.costs[e] = cost;
    this.heads[e + 1] = u;
    this.caps[e + 1] = 0;
    this.costs[e + 1] = -cost;
    this.arcCount += 2;
    return e;
  }

  private grow(): void {
    const size = this.heads.length * 2;
    const heads = new Int32Array(size);
    heads.set(this.heads);
    const caps = new Int32Array(size);
    caps.set(this.caps);
    const costs = new Float64Array(size);
    costs.set(this.costs);
    this.heads = heads;
    this.caps = caps;
    this.costs = costs;
  }

  /** Freezes the arcs into adjacency lists (compressed rows) for the solver. */
  freeze(): FrozenNetwork {
    const m = this.arcCount;
    const heads = this.heads.slice(0, m);
    const tails = new Int32Array(m);
    for (let e = 0; e < m; e++) tails[e] = heads[e ^ 1] as number;
    const start = new Int32Array(this.nodeCount + 1);
    for (let e = 0; e < m; e++) {
      const slot = (tails[e] as number) + 1;
      start[slot] = (start[slot] as number) + 1;
    }
    for (let v = 0; v < this.nodeCount; v++) start[v + 1] = (start[v + 1] as number) + (start[v] as number);
    const fill = start.slice(0, this.nodeCount);
    const adjacency = new Int32Array(m);
    for (let e = 0; e < m; e++) {
      const t = tails[e] as number;
      adjacency[fill[t] as number] = e;
      fill[t] = (fill[t] as number) + 1;
    }
    return {
      nodeCount: this.nodeCount,
      heads,
      residual: this.caps.slice(0, m),
      costs: this.costs.slice(0, m),
      start,
      adjacency,
    };
  }
}

export interface FrozenNetwork {
  readonly nodeCount: number;
  /** heads[e]: the node arc e points to; its tail is heads[e ^ 1]. */
  readonly heads: Int32Array;
  /** Residual capacity, changed in place by the solver; the flow on forward arc e is residual[e ^ 1]. */
  readonly residual: Int32Array;
  readonly costs: Float64Array;
  readonly start: Int32Array;
  readonly adjacency: Int32Array;
}

export interface AugmentFailure {
  /** The deficit node no excess could reach. */
  readonly node: number;
  /** Every node the failed search reached: the part of the network that lacks supply. */
  readonly reached: number[];
}

/**
 * The solver state over a frozen network: excess per node (supply positive, demand negative) and
 * potentials. `potential` must start with non-negative reduced costs on every residual arc.
 */
export class SuccessiveShortestPaths {
  readonly net: FrozenNetwork;
  readonly excess: Int32Array;
  readonly potential: Float64Array;
  /** Nodes settled over all searches: a measure of the work done. */
  settledTotal = 0;
  augmentations = 0;
  private readonly dist: Float64Array;
  private readonly parent: Int32Array;
  private readonly seen: Int32Array;
  private readonly done: Int32Array;
  private readonly heapNodes: Int32Array;
  private readonly heapPos: Int32Array;
  private heapSize = 0;
  private stamp = 0;
  private readonly settled: number[] = [];

  constructor(net: FrozenNetwork, excess: Int32Array, potential: Float64Array) {
    this.net = net;
    this.excess = excess;
    this.potential = potential;
    const n = net.nodeCount;
    this.dist = new Float64Array(n);
    this.parent = new Int32Array(n);
    this.seen = new Int32Array(n);
    this.done = new Int32Array(n);
    this.heapNodes = new Int32Array(n);
    this.heapPos = new Int32Array(n);
  }

  /**
   * Raises node t's excess to `target` (≤ 0; 0 meets the whole demand) by shortest augmenting
   * paths. Returns null when done, or the failure
   * (the nodes the last search reached) when no excess node can reach t any more.
   */
  satisfy(t: number, target = 0): AugmentFailure | null {
    while ((this.excess[t] as number) < target) {
      const s = this.search(t);
      if (s < 0) return { node: t, reached: [...this.settled] };
      this.augment(s, t, target);
    }
    return null;
  }

  /** Backward Dijkstra from t; returns the first excess node settled, or −1. */
  private search(t: number): number {
    const { heads, residual, costs, start, adjacency } = this.net;
    const pot = this.potential;
    const dist = this.dist;
    const stamp = ++this.stamp;
    this.settled.length = 0;
    this.heapSize = 0;
    dist[t] = 0;
    this.seen[t] = stamp;
    this.parent[t] = -1;
    this.push(t);
    let found = -1;
    while (this.heapSize > 0) {
      const y = this.pop();
      this.done[y] = stamp;
      this.settled.push(y);
      if (y !== t && (this.excess[y] as number) > 0) {
        found = y;
        break;
      }
      const dy = dist[y] as number;
      const py = pot[y] as number;
      for (let k = start[y] as number, end = start[y + 1] as number; k < end; k++) {
        // Arc e leaves y; its partner r = e ^ 1 is the arc x → y, usable while it has residual room.
        const r = (adjacency[k] as number) ^ 1;
        if ((residual[r] as number) <= 0) continue;
        const x = heads[r ^ 1] as number;
        if (this.done[x] === stamp) continue;
        let rc = (costs[r] as number) + (pot[x] as number) - py;
        if (rc < 0) rc = 0;
        const nd = dy + rc;
        if (this.seen[x] !== stamp) {
          this.seen[x] = stamp;
          dist[x] = nd;
          this.parent[x] = r;
          this.push(x);
        } else if (nd < (dist[x] as number)) {
          dist[x] = nd;
          this.parent[x] = r;
          this.siftUp(this.heapPos[x] as number);
        }
      }
    }
    this.settledTotal += this.settled.length;
    if (found < 0) return -1;
    // Reweight the settled nodes so that every residual arc keeps a non-negative reduced cost and
    // the path just found has reduced cost zero (its reverse arcs too, once flow moves).
    const D = dist[found] as number;
    for (const v of this.settled) pot[v] = (pot[v] as number) + D - (dist[v] as number);
    return found;
  }

  private augment(s: number, t: number, target: number): void {
    const { heads, residual } = this.net;
    let amount = Math.min(this.excess[s] as number, target - (this.excess[t] as number));
    for (let v = s; v !== t; ) {
      const e = this.parent[v] as number;
      amount = Math.min(amount, residual[e] as number);
      v = heads[e] as number;
    }
    for (let v = s; v !== t; ) {
      const e = this.parent[v] as number;
      residual[e] = (residual[e] as number) - amount;
      residual[e ^ 1] = (residual[e ^ 1] as number) + amount;
      v = heads[e] as number;
    }
    this.excess[s] = (this.excess[s] as number) - amount;
    this.excess[t] = (this.excess[t] as number) + amount;
    this.augmentations++;
  }

  // An indexed binary min-heap on dist, so a shorter distance moves a node up instead of adding a copy.
  private push(v: number): void {
    const i = this.heapSize++;
    this.heapNodes[i] = v;
    this.heapPos[v] = i;
    this.siftUp(i);
  }

  private pop(): number {
    const top = this.heapNodes[0] as number;
    const last = this.heapNodes[--this.heapSize] as number;
    if (this.heapSize > 0) {
      this.heapNodes[0] = last;
      this.heapPos[last] = 0;
      this.siftDown(0);
    }
    return top;
  }

  private siftUp(i: number): void {
    const nodes = this.heapNodes;
    const dist = this.dist;
    const v = nodes[i] as number;
    const d = dist[v] as number;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const u = nodes[p] as number;
      if ((dist[u] as number) <= d) break;
      nodes[i] = u;
      this.heapPos[u] = i;
      i = p;
    }
    nodes[i] = v;
    this.heapPos[v] = i;
  }

  private siftDown(i: number): void {
    const nodes = this.heapNodes;
    const dist = this.dist;
    const size = this.heapSize;
    const v = nodes[i] as number;
    const d = dist[v] as number;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && (dist[nodes[c + 1] as number] as number) < (dist[nodes[c] as number] as number))
        c++;
      const u = nodes[c] as number;
      if ((dist[u] as number) >= d) break;
      nodes[i] = u;
      this.heapPos[u] = i;
      i = c;
    }
    nodes[i] = v;
    this.heapPos[v] = i;
  }
}
