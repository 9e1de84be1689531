import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { costScaling, repairToOptimal } from "./assignment-cost-scaling.ts";
import { maxFlow, nodesReaching } from "./assignment-max-flow.ts";
import { FlowNetwork, type FrozenNetwork } from "./min-cost-flow.ts";

/**
 * The flow engine on random networks, against a textbook reference: successive shortest paths with
 * Bellman-Ford from a super source (slow, but with nothing in common with the code under test).
 * Networks are acyclic in their forward arcs (arcs go from lower to higher node numbers, as in the
 * assignment network), so the empty flow has no negative cycle and the reference is exact.
 */
interface Arc {
  readonly from: number;
  readonly to: number;
  readonly cap: number;
  readonly cost: number;
}
interface RandomNetwork {
  readonly nodes: number;
  readonly arcs: Arc[];
  readonly supply: number[];
}

const network = fc
  .record({
    nodes: fc.integer({ min: 2, max: 12 }),
    arcCount: fc.integer({ min: 1, max: 40 }),
    integral: fc.boolean(),
    seed: fc.integer(),
  })
  .map(({ nodes, arcCount, integral, seed }): RandomNetwork => {
    let s = seed >>> 0;
    const next = () => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
    const arcs: Arc[] = [];
    for (let a = 0; a < arcCount; a++) {
      const from = Math.floor(next() * (nodes - 1));
      const to = from + 1 + Math.floor(next() * (nodes - 1 - from));
      const cost = integral ? Math.floor(next() * 9) - 4 : next() * 2 - 1;
      arcs.push({ from, to, cap: Math.floor(next() * 5), cost });
    }
    // Supplies at low-numbered nodes, demands at high-numbered ones, balanced.
    const supply = new Array<number>(nodes).fill(0);
    for (let u = 0; u < 3; u++) {
      const amount = Math.floor(next() * 4);
      const from = Math.floor(next() * Math.ceil(nodes / 2));
      const to = nodes - 1 - Math.floor(next() * Math.floor(nodes / 2));
      supply[from] = (supply[from] as number) + amount;
      supply[to] = (supply[to] as number) - amount;
    }
    return { nodes, arcs, supply };
  });

function frozen(g: RandomNetwork): FrozenNetwork {
  const net = new FlowNetwork(g.nodes, g.arcs.length);
  for (const a of g.arcs) net.addArc(a.from, a.to, a.cap, a.cost);
  return net.freeze();
}

/** Reference: the minimum cost, or null when the supplies cannot all be routed. */
function reference(g: RandomNetwork): number | null {
  const S = g.nodes;
  const T = g.nodes + 1;
  const edges: { to: number; cap: number; cost: number }[] = [];
  const add = (u: number, v: number, cap: number, cost: number) => {
    edges.push({ to: v, cap, cost }, { to: u, cap: 0, cost: -cost });
  };
  for (const a of g.arcs) add(a.from, a.to, a.cap, a.cost);
  let need = 0;
  g.supply.forEach((b, v) => {
    if (b > 0) add(S, v, b, 0);
    if (b < 0) add(v, T, -b, 0);
    if (b > 0) need += b;
  });
  const tail = (e: number) => (edges[e ^ 1] as { to: number }).to;
  let cost = 0;
  while (need > 0) {
    const dist = new Array<number>(g.nodes + 2).fill(Number.POSITIVE_INFINITY);
    const via = new Array<number>(g.nodes + 2).fill(-1);
    dist[S] = 0;
    for (let round = 0; round < g.nodes + 2; round++)
      edges.forEach((e, id) => {
        const d = (dist[tail(id)] as number) + e.cost;
        if (e.cap > 0 && d < (dist[e.to] as number) - 1e-12) {
          dist[e.to] = d;
          via[e.to] = id;
        }
      });
    if (dist[T] === Number.POSITIVE_INFINITY) return null;
    let amount = need;
    for (let v = T; v !== S; v = tail(via[v] as number))
      amount = Math.min(amount, (edges[via[v] as number] as { cap: number }).cap);
    for (let v = T; v !== S; v = tail(via[v] as number)) {
      (edges[via[v] as number] as { cap: number }).cap -= amount;
      (edges[(via[v] as number) ^ 1] as { cap: number }).cap += amount;
    }
    cost += amount * (dist[T] as number);
    need -= amount;
  }
  return cost;
}

function flowCost(g: RandomNetwork, net: FrozenNetwork): number {
  let cost = 0;
  g.arcs.forEach((a, x) => {
    cost += a.cost * (net.residual[2 * x + 1] as number);
  });
  return cost;
}

describe("cost scaling with the exact finish", () => {
  it("finds the minimum cost the reference finds, with no negative reduced cost left", () => {
    fc.assert(
      fc.property(network, fc.integer({ min: 0, max: 3 }), (g, warmth) => {
        const net = frozen(g);
        const excess = Int32Array.from(g.supply);
        maxFlow(net, excess);
        const best = reference(g);
        if (excess.some((x) => x !== 0)) {
          expect(best).toBeNull();
          return;
        }
        expect(best).not.toBeNull();
        // Start from zero potentials, or random ones (a warm start from a poor guess).
        const potential = new Float64Array(g.nodes);
        if (warmth > 0) for (let v = 0; v < g.nodes; v++) potential[v] = Math.sin(v * warmth) * warmth;
        costScaling(net, excess, potential, { finalEpsilon: 1e-7, startEpsilon: warmth > 0 ? 4 : undefined });
        const finish = repairToOptimal(net, excess, potential, 1e-12);
        expect(finish.failure).toBeNull();
        expect(finish.complete).toBe(true);
        expect([...excess].every((x) => x === 0)).toBe(true);
        expect(flowCost(g, net)).toBeCloseTo(best as number, 9);
        for (let e = 0; e < net.heads.length; e++) {
          if ((net.residual[e] as number) <= 0) continue;
          const rc =
            (net.costs[e] as number) +
            (potential[net.heads[e ^ 1] as number] as number) -
            (potential[net.heads[e] as number] as number);
          expect(rc).toBeGreaterThanOrEqual(-1e-9);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("the exact finish alone repairs a flow whose reduced costs went negative", () => {
    fc.assert(
      fc.property(network, (g) => {
        const net = frozen(g);
        const excess = Int32Array.from(g.supply);
        maxFlow(net, excess);
        if (excess.some((x) => x !== 0)) return;
        // Potentials 0: every arc with a negative cost is violated until the finish saturates it.
        const potential = new Float64Array(g.nodes);
        const finish = repairToOptimal(net, excess, potential, 1e-12);
        expect(finish.failure).toBeNull();
        expect(flowCost(g, net)).toBeCloseTo(reference(g) as number, 9);
      }),
      { numRuns: 300 },
    );
  });
});

describe("cost scaling on a network without a feasible flow", () => {
  it("stops with an error instead of lowering prices for ever", () => {
    // Node 0 supplies 2, node 3 demands 2, but only one unit can pass 0 → 1 → 3; the rest loops 0 → 2.
    const net = new FlowNetwork(4, 3);
    net.addArc(0, 1, 1, -1);
    net.addArc(1, 3, 5, 0);
    net.addArc(0, 2, 5, -2);
    const frozenNet = net.freeze();
    const excess = Int32Array.from([2, 0, 0, -2]);
    maxFlow(frozenNet, excess);
    expect([...excess]).toEqual([1, 0, 0, -1]);
    expect(() => costScaling(frozenNet, excess, new Float64Array(4), { finalEpsilon: 1e-7 })).toThrow(
      /no feasible flow/,
    );
  });
});

describe("maximum flow", () => {
  it("routes all supply exactly when the reference can, and otherwise names a group no supply reaches", () => {
    fc.assert(
      fc.property(network, (g) => {
        const net = frozen(g);
        const excess = Int32Array.from(g.supply);
        maxFlow(net, excess);
        const short = [...excess.keys()].filter((v) => (excess[v] as number) < 0);
        expect(short.length === 0).toBe(reference(g) !== null);
        if (short.length === 0) return;
        // The nodes that can still reach a short node hold no excess: the flow is maximal.
        for (const v of nodesReaching(net, short)) expect(excess[v] as number).toBeLessThanOrEqual(0);
      }),
      { numRuns: 400 },
    );
  });
});
