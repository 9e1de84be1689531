import type { FrozenNetwork } from "./min-cost-flow.ts";

/**
 * Feasibility before cost: Dinic's maximum flow from the nodes with excess to the nodes with
 * deficit, ignoring costs. Cost scaling needs a network that has a feasible flow (otherwise its
 * prices fall without end), and when the candidate graph has none, the residual graph of a maximum
 * flow says where: the nodes that can still reach an unmet deficit are a Hall violator, a group of
 * applications whose experts are all used up.
 */

/** Routes as much excess to the deficits as the network allows, in place. Returns the units routed. */
export function maxFlow(net: FrozenNetwork, excess: Int32Array): number {
  const { heads, residual, start, adjacency, nodeCount: n } = net;
  const level = new Int32Array(n);
  const current = new Int32Array(n);
  const queue = new Int32Array(n);
  const pathArcs = new Int32Array(n);
  let routed = 0;
  for (;;) {
    // Levels by breadth-first search from every node with excess.
    level.fill(-1);
    let tail = 0;
    for (let v = 0; v < n; v++) {
      if ((excess[v] as number) > 0) {
        level[v] = 0;
        queue[tail++] = v;
      }
    }
    let reachedDeficit = false;
    for (let h = 0; h < tail; h++) {
      const v = queue[h] as number;
      if ((excess[v] as number) < 0) reachedDeficit = true;
      for (let k = start[v] as number, end = start[v + 1] as number; k < end; k++) {
        const e = adjacency[k] as number;
        if ((residual[e] as number) <= 0) continue;
        const w = heads[e] as number;
        if (level[w] !== -1) continue;
        level[w] = (level[v] as number) + 1;
        queue[tail++] = w;
      }
    }
    if (!reachedDeficit) return routed;
    for (let v = 0; v < n; v++) current[v] = start[v] as number;
    // Blocking flow: depth-first along level-increasing arcs, iteratively (paths can be long).
    for (let h = 0; h < tail; h++) {
      const s = queue[h] as number;
      if (level[s] !== 0) break;
      while ((excess[s] as number) > 0) {
        let depth = 0;
        let v = s;
        let found = false;
        while (!found) {
          if (v !== s && (excess[v] as number) < 0) {
            found = true;
            break;
          }
          const end = start[v + 1] as number;
          let k = current[v] as number;
          for (; k < end; k++) {
            const e = adjacency[k] as number;
            if ((residual[e] as number) > 0 && level[heads[e] as number] === (level[v] as number) + 1) break;
          }
          current[v] = k;
          if (k < end) {
            const e = adjacency[k] as number;
            pathArcs[depth++] = e;
            v = heads[e] as number;
            continue;
          }
          // Dead end: no flow passes v in this phase any more.
          level[v] = -2;
          if (depth === 0) break;
          const back = pathArcs[--depth] as number;
          v = heads[back ^ 1] as number;
          current[v] = (current[v] as number) + 1;
        }
        if (!found) break;
        let amount = Math.min(excess[s] as number, -(excess[v] as number));
        for (let d = 0; d < depth; d++) amount = Math.min(amount, residual[pathArcs[d] as number] as number);
        for (let d = 0; d < depth; d++) {
          const e = pathArcs[d] as number;
          residual[e] = (residual[e] as number) - amount;
          residual[e ^ 1] = (residual[e ^ 1] as number) + amount;
        }
        excess[s] = (excess[s] as number) - amount;
        excess[v] = (excess[v] as number) + amount;
        routed += amount;
      }
    }
  }
}

/** Every node with a residual path to one of `targets` (the targets included), in search order. */
export function nodesReaching(net: FrozenNetwork, targets: readonly number[]): number[] {
  const { heads, residual, start, adjacency, nodeCount: n } = net;
  const seen = new Uint8Array(n);
  const order: number[] = [];
  for (const t of targets) {
    if (seen[t]) continue;
    seen[t] = 1;
    order.push(t);
  }
  for (let h = 0; h < order.length; h++) {
    const y = order[h] as number;
    for (let k = start[y] as number, end = start[y + 1] as number; k < end; k++) {
      // Arc e leaves y; its partner e ^ 1 enters y from x, usable while it has residual room.
      const r = (adjacency[k] as number) ^ 1;
      if ((residual[r] as number) <= 0) continue;
      const x = heads[r ^ 1] as number;
      if (seen[x]) continue;
      seen[x] = 1;
      order.push(x);
    }
  }
  return order;
}
