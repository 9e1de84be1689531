import { type AugmentFailure, type FrozenNetwork, SuccessiveShortestPaths } from "./min-cost-flow.ts";

/**
 * Min-cost flow by cost scaling (Goldberg and Tarjan; the push-relabel "refine" of Goldberg's CS2)
 * followed by an exact finish with successive shortest paths.
 *
 * Successive shortest paths alone pays one Dijkstra per unit of flow, and on the assignment
 * network a late Dijkstra settles most of a crowded discipline: applications there compete for
 * the same experts, and every augmentation raises their prices by one small step. Cost scaling
 * settles such price wars in bulk: it keeps a flow ε-optimal (every residual arc has reduced cost
 * ≥ −ε) and divides ε by ALPHA per phase; within a phase, excess is pushed along arcs of negative
 * reduced cost and a node that has none lowers its potential by at least ε, so a crowd of nodes
 * moves its prices together.
 *
 * Costs are floats (affinities need not be multiples of anything), so no ε is small enough to
 * prove optimality by itself. Instead, after the last phase every residual arc that still has a
 * negative reduced cost is saturated, which leaves all reduced costs non-negative and the flow
 * with small imbalances, and successive shortest paths routes those (repairToOptimal). Its
 * searches stop within a few ε of their start, so the finish costs little, and what it ends with
 * is what plain successive shortest paths would certify: a feasible flow and potentials with no
 * negative residual reduced cost.
 *
 * Potentials follow min-cost-flow.ts: the reduced cost of arc x → y is c + π(x) − π(y).
 */

/** ε divides by this per phase (CS2 uses 8 to 16). */
const ALPHA = 10;

export interface ScalingOptions {
  /** ε of the last phase; the exact finish does the rest. */
  readonly finalEpsilon: number;
  /** ε of the first phase (default: the largest |cost|). */
  readonly startEpsilon?: number;
}

export interface ScalingStats {
  phases: number;
  pushes: number;
  relabels: number;
}

/**
 * Runs the refine phases on `net` from its current (pseudo-)flow and `potential`, with `excess`
 * the nodes' supplies less their net outflow. The network must admit a feasible flow (checked
 * beforehand by maxFlow in assignment-max-flow.ts); otherwise prices fall without end, which the
 * bound on how far they may fall turns into an error.
 */
export function costScaling(
  net: FrozenNetwork,
  excess: Int32Array,
  potential: Float64Array,
  options: ScalingOptions,
): ScalingStats {
  const stats: ScalingStats = { phases: 0, pushes: 0, relabels: 0 };
  let largest = 0;
  for (let e = 0; e < net.costs.length; e++) largest = Math.max(largest, Math.abs(net.costs[e] as number));
  let eps = Math.max(options.startEpsilon ?? largest, options.finalEpsilon);
  const refine = new Refine(net, excess, potential, largest);
  for (;;) {
    refine.run(eps, stats);
    stats.phases++;
    if (eps <= options.finalEpsilon) return stats;
    eps = Math.max(eps / ALPHA, options.finalEpsilon);
  }
}

class Refine {
  private readonly current: Int32Array;
  private readonly queue: Int32Array;
  private readonly queued: Uint8Array;
  private readonly distance: Int32Array;
  private readonly settled: Uint8Array;
  private readonly bucketHead: Int32Array;
  private entryNode: Int32Array;
  private entryNext: Int32Array;

  constructor(
    private readonly net: FrozenNetwork,
    private readonly excess: Int32Array,
    private readonly potential: Float64Array,
    private readonly largestCost: number,
  ) {
    const n = net.nodeCount;
    this.current = new Int32Array(n);
    this.queue = new Int32Array(n);
    this.queued = new Uint8Array(n);
    this.distance = new Int32Array(n);
    this.settled = new Uint8Array(n);
    this.bucketHead = new Int32Array(n + 1);
    this.entryNode = new Int32Array(4 * n + 16);
    this.entryNext = new Int32Array(4 * n + 16);
  }

  run(eps: number, stats: ScalingStats): void {
    const { heads, residual, costs, start, adjacency, nodeCount: n } = this.net;
    const { excess, current, queue, queued } = this;
    const pot = this.potential;
    let balanced = true;
    for (let v = 0; v < n && balanced; v++) balanced = excess[v] === 0;
    // Saturate every arc of reduced cost below −ε: the pseudo-flow is then ε-optimal, which is all
    // a phase needs. (Saturating every negative arc, as the textbook refine does, would undo most of
    // the previous phase's flow.)
    let worst = 0;
    for (let v = 0; v < n; v++) {
      const pv = pot[v] as number;
      for (let k = start[v] as number, end = start[v + 1] as number; k < end; k++) {
        const e = adjacency[k] as number;
        const r = residual[e] as number;
        if (r <= 0) continue;
        const w = heads[e] as number;
        const rc = (costs[e] as number) + pv - (pot[w] as number);
        if (-rc > worst) worst = -rc;
        if (rc >= -eps) continue;
        residual[e] = 0;
        residual[e ^ 1] = (residual[e ^ 1] as number) + r;
        excess[v] = (excess[v] as number) - r;
        excess[w] = (excess[w] as number) + r;
      }
    }
    // FIFO over the nodes with excess (a ring buffer: each node is in it at most once).
    let head = 0;
    let size = 0;
    for (let v = 0; v < n; v++) {
      current[v] = start[v] as number;
      queued[v] = 0;
      if ((excess[v] as number) > 0) {
        queue[(head + size++) % n] = v;
        queued[v] = 1;
      }
    }
    // How far potentials may fall before the network is declared to have no feasible flow. In a
    // feasible network a residual path of at most n arcs leads from a node with excess to one with
    // deficit, whose potential has not moved in this phase; ε-optimality along it bounds the fall.
    // From a feasible start that is δ-optimal, by n(δ + ε) (Goldberg and Tarjan); from any start,
    // to n(C + ε) below the lowest starting potential, C the largest |cost|. Doubled for rounding.
    const floor = new Float64Array(n);
    let lowest = Number.POSITIVE_INFINITY;
    for (let x = 0; x < n; x++) lowest = Math.min(lowest, pot[x] as number);
    for (let x = 0; x < n; x++)
      floor[x] = balanced
        ? (pot[x] as number) - 2 * (n + 1) * (worst + eps)
        : lowest - 2 * (n + 1) * (this.largestCost + eps);
    this.priceUpdate(eps);
    let relabelsSinceUpdate = 0;
    while (size > 0) {
      if (relabelsSinceUpdate > UPDATE_EVERY * n) {
        this.priceUpdate(eps);
        relabelsSinceUpdate = 0;
        for (let x = 0; x < n; x++) current[x] = start[x] as number;
      }
      const v = queue[head] as number;
      head = (head + 1) % n;
      size--;
      queued[v] = 0;
      // Discharge v: push along admissible arcs, relabel when none is left.
      while ((excess[v] as number) > 0) {
        const pv = pot[v] as number;
        const end = start[v + 1] as number;
        let k = current[v] as number;
        for (; k < end; k++) {
          const e = adjacency[k] as number;
          const r = residual[e] as number;
          if (r <= 0) continue;
          const w = heads[e] as number;
          if ((costs[e] as number) + pv - (pot[w] as number) >= 0) continue;
          const ex = excess[v] as number;
          const delta = ex < r ? ex : r;
          residual[e] = r - delta;
          residual[e ^ 1] = (residual[e ^ 1] as number) + delta;
          excess[v] = ex - delta;
          const before = excess[w] as number;
          excess[w] = before + delta;
          stats.pushes++;
          if (before <= 0 && before + delta > 0 && !queued[w]) {
            queue[(head + size++) % n] = w;
            queued[w] = 1;
          }
          if (ex === delta) break;
        }
        current[v] = k;
        if ((excess[v] as number) <= 0) break;
        // No admissible arc: lower π(v) so that the cheapest residual arc gets reduced cost −ε.
        let least = Number.POSITIVE_INFINITY;
        for (let q = start[v] as number; q < end; q++) {
          const e = adjacency[q] as number;
          if ((residual[e] as number) <= 0) continue;
          const rc = (costs[e] as number) + pv - (pot[heads[e] as number] as number);
          if (rc < least) least = rc;
        }
        const next = pv - least - eps;
        if (!(next >= (floor[v] as number)))
          throw new Error("cost scaling: potentials fall without end (the network has no feasible flow)");
        pot[v] = next;
        current[v] = start[v] as number;
        stats.relabels++;
        relabelsSinceUpdate++;
      }
    }
  }

  /**
   * Global price update (CS2's price_update): lowers every potential by ε times its distance to a
   * node with deficit, where a residual arc with reduced cost rc counts ⌊rc/ε⌋ + 1 (≥ 0). The
   * reduced costs stay ≥ −ε, and every node with excess gets an admissible path to a deficit, so
   * the pushes that follow go straight instead of relabelling their way there one ε at a time.
   * The search is by buckets of whole distances and stops once every node with excess is settled;
   * the rest fall by the last distance reached (the cap keeps the reduced costs ≥ −ε).
   */
  priceUpdate(eps: number): void {
    const { heads, residual, costs, start, adjacency, nodeCount: n } = this.net;
    const { excess, distance, settled, bucketHead } = this;
    const pot = this.potential;
    const buckets = bucketHead.length;
    bucketHead.fill(-1);
    distance.fill(buckets);
    settled.fill(0);
    let entries = 0;
    let waiting = 0;
    for (let v = 0; v < n; v++) {
      const ex = excess[v] as number;
      if (ex > 0) waiting++;
      else if (ex < 0) {
        distance[v] = 0;
        this.entryNode[entries] = v;
        this.entryNext[entries] = bucketHead[0] as number;
        bucketHead[0] = entries++;
      }
    }
    let level = 0;
    for (; level < buckets && waiting > 0; level++) {
      // Popped from the head, so that nodes added to this same level (arcs of length 0) are seen.
      while ((bucketHead[level] as number) !== -1 && waiting > 0) {
        const x = bucketHead[level] as number;
        bucketHead[level] = this.entryNext[x] as number;
        const y = this.entryNode[x] as number;
        if (settled[y] || distance[y] !== level) continue;
        settled[y] = 1;
        if ((excess[y] as number) > 0) waiting--;
        const py = pot[y] as number;
        for (let k = start[y] as number, end = start[y + 1] as number; k < end; k++) {
          const r = (adjacency[k] as number) ^ 1;
          if ((residual[r] as number) <= 0) continue;
          const v = heads[r ^ 1] as number;
          if (settled[v]) continue;
          const rc = (costs[r] as number) + (pot[v] as number) - py;
          const steps = rc < 0 ? 0 : Math.floor(rc / eps) + 1;
          const d = level + steps;
          if (d >= (distance[v] as number)) continue;
          distance[v] = d;
          if (entries === this.entryNode.length) this.growEntries();
          this.entryNode[entries] = v;
          this.entryNext[entries] = bucketHead[d] as number;
          bucketHead[d] = entries++;
        }
      }
      if (waiting === 0) break;
    }
    const cap = Math.min(level, buckets);
    for (let v = 0; v < n; v++) {
      const d = settled[v] ? (distance[v] as number) : cap;
      if (d > 0) pot[v] = (pot[v] as number) - eps * d;
    }
  }

  private growEntries(): void {
    const node = new Int32Array(this.entryNode.length * 2);
    node.set(this.entryNode);
    const next = new Int32Array(this.entryNext.length * 2);
    next.set(this.entryNext);
    this.entryNode = node;
    this.entryNext = next;
  }
}

/** A global price update after this many relabels per node. */
const UPDATE_EVERY = 1;

/**
 * From a feasible flow and potentials with reduced costs ≥ −ε on residual arcs, to an optimal
 * flow with reduced costs ≥ 0: saturate the arcs below zero, then route the imbalances this made
 * by successive shortest paths (whose potentials keep every reduced cost non-negative).
 * `tolerance` is float rounding: an arc whose reduced cost is −1e-16 because potentials were
 * added up in another order is not worth an augmentation (the search reads it as 0 anyway).
 *
 * `budget` caps the nodes the searches may settle: past it, the repair stops with `complete`
 * false and leaves a pseudo-flow whose reduced costs are all ≥ 0, from which cost scaling can go
 * on (a warm start tries the cheap way first and falls back when violations run deep).
 */
export function repairToOptimal(
  net: FrozenNetwork,
  excess: Int32Array,
  potential: Float64Array,
  tolerance: number,
  budget = Number.POSITIVE_INFINITY,
): {
  readonly complete: boolean;
  readonly augmentations: number;
  readonly settledNodes: number;
  readonly failure: AugmentFailure | null;
} {
  const { heads, residual, costs, start, adjacency, nodeCount: n } = net;
  for (let v = 0; v < n; v++) {
    const pv = potential[v] as number;
    for (let k = start[v] as number, end = start[v + 1] as number; k < end; k++) {
      const e = adjacency[k] as number;
      const r = residual[e] as number;
      if (r <= 0) continue;
      const w = heads[e] as number;
      if ((costs[e] as number) + pv - (potential[w] as number) >= -tolerance) continue;
      residual[e] = 0;
      residual[e ^ 1] = (residual[e ^ 1] as number) + r;
      excess[v] = (excess[v] as number) - r;
      excess[w] = (excess[w] as number) + r;
    }
  }
  const ssp = new SuccessiveShortestPaths(net, excess, potential);
  let failure: AugmentFailure | null = null;
  let complete = true;
  for (let v = 0; v < n && !failure; v++) {
    if ((excess[v] as number) >= 0) continue;
    if (ssp.settledTotal > budget) {
      complete = false;
      break;
    }
    failure = ssp.satisfy(v);
  }
  return { complete, augmentations: ssp.augmentations, settledNodes: ssp.settledTotal, failure };
}
