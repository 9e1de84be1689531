import type { AssignmentInstance, InfeasibilityReason } from "./assignment.types.ts";

/**
 * The instance in flat arrays for the solver: units as integers, conflicts (explicit, and the
 * expert's unit among the application's units) as one byte per pair, and the candidate graph the
 * flow is solved on. Dense n × m bytes: 10 MB for 5,000 × 2,000, far less than the affinities.
 */
export interface PreparedInstance {
  readonly instance: AssignmentInstance;
  readonly n: number;
  readonly m: number;
  readonly k: number;
  readonly minLoad: number;
  readonly maxLoad: number;
  readonly unitNames: readonly string[];
  /** expertUnit[j]: the unit number of expert j. */
  readonly expertUnit: Int32Array;
  /** conflicted[i * m + j] = 1: the pair may never be assigned. */
  readonly conflicted: Uint8Array;
  /** Largest |affinity|, the scale of the tolerances. */
  readonly scale: number;
}

export function prepareInstance(instance: AssignmentInstance): PreparedInstance {
  const n = instance.applications.length;
  const m = instance.experts.length;
  const unitNumber = new Map<string, number>();
  const unitOf = (name: string) => {
    let u = unitNumber.get(name);
    if (u === undefined) {
      u = unitNumber.size;
      unitNumber.set(name, u);
    }
    return u;
  };
  const expertUnit = new Int32Array(m);
  for (let j = 0; j < m; j++) expertUnit[j] = unitOf((instance.experts[j] as { unitId: string }).unitId);
  const expertsOfUnit = new Map<number, number[]>();
  for (let j = 0; j < m; j++) {
    const u = expertUnit[j] as number;
    const list = expertsOfUnit.get(u);
    if (list) list.push(j);
    else expertsOfUnit.set(u, [j]);
  }
  const conflicted = new Uint8Array(n * m);
  for (let i = 0; i < n; i++) {
    for (const name of (instance.applications[i] as { unitIds: readonly string[] }).unitIds) {
      const u = unitNumber.get(name);
      if (u === undefined) continue;
      for (const j of expertsOfUnit.get(u) ?? []) conflicted[i * m + j] = 1;
    }
  }
  for (const [i, j] of instance.conflicts) conflicted[i * m + j] = 1;
  let scale = 0;
  for (let i = 0; i < n; i++) {
    const row = instance.affinity[i] as ArrayLike<number>;
    for (let j = 0; j < m; j++) {
      const a = Math.abs(row[j] as number);
      if (a > scale) scale = a;
    }
  }
  return {
    instance,
    n,
    m,
    k: instance.reviewersPerApplication,
    minLoad: instance.minLoad,
    maxLoad: instance.maxLoad,
    unitNames: [...unitNumber.keys()],
    expertUnit,
    conflicted,
    scale,
  };
}

/**
 * Reasons that show without solving: counts that no assignment can meet. Empty does not mean
 * feasible (Hall's condition over groups of applications needs the flow to decide).
 */
export function countingObstacles(p: PreparedInstance): InfeasibilityReason[] {
  const reasons: InfeasibilityReason[] = [];
  const slots = p.n * p.k;
  if (slots > p.m * p.maxLoad)
    reasons.push({ code: "slotsExceedCapacity", slots, capacity: p.m * p.maxLoad });
  if (p.m * p.minLoad > slots) reasons.push({ code: "minimumExceedsSlots", slots, minimum: p.m * p.minLoad });
  const seenUnit = new Int32Array(p.unitNames.length).fill(-1);
  const appsOfExpert = new Int32Array(p.m);
  for (let i = 0; i < p.n; i++) {
    let units = 0;
    for (let j = 0; j < p.m; j++) {
      if (p.conflicted[i * p.m + j]) continue;
      appsOfExpert[j] = (appsOfExpert[j] as number) + 1;
      const u = p.expertUnit[j] as number;
      if (seenUnit[u] !== i) {
        seenUnit[u] = i;
        units++;
      }
    }
    if (units < p.k)
      reasons.push({ code: "tooFewUnits", applicationIndex: i, availableUnits: units, required: p.k });
  }
  for (let j = 0; j < p.m; j++) {
    const available = appsOfExpert[j] as number;
    if (available < p.minLoad)
      reasons.push({
        code: "expertBelowMinimum",
        expertIndex: j,
        availableApplications: available,
        required: p.minLoad,
      });
  }
  return reasons;
}

/**
 * The candidate graph: for each application its `perApplication` best non-conflicted experts,
 * widened until they span k + 2 units (so unit diversity can be met without the pruned pairs); for
 * each expert its `perExpert` best applications (so minimum loads can be met). Pricing against the
 * full pair set later adds any pruned pair that could improve the objective.
 */
export function selectCandidates(p: PreparedInstance, perApplication: number, perExpert: number): Uint8Array {
  const { n, m, conflicted, expertUnit } = p;
  const mark = new Uint8Array(n * m);
  if (perApplication >= m || perExpert >= n) {
    for (let x = 0; x < n * m; x++) mark[x] = conflicted[x] ? 0 : 1;
    return mark;
  }
  const heapA = new BoundedMinHeap(perApplication);
  const seenUnit = new Int32Array(p.unitNames.length).fill(-1);
  // One min-heap per expert, kept in flat arrays and filled in the same row-major pass.
  const eKeys = new Float64Array(m * perExpert);
  const eVals = new Int32Array(m * perExpert);
  const eSize = new Int32Array(m);
  for (let i = 0; i < n; i++) {
    const row = p.instance.affinity[i] as ArrayLike<number>;
    heapA.clear();
    for (let j = 0; j < m; j++) {
      if (conflicted[i * m + j]) continue;
      const a = row[j] as number;
      heapA.offer(a, j);
      // Most pairs are not among the expert's best so far: reject them without the call.
      const full = eSize[j] === perExpert;
      if (!full || a > (eKeys[j * perExpert] as number))
        offerFlat(eKeys, eVals, eSize, j * perExpert, perExpert, j, a, i);
    }
    let units = 0;
    for (let h = 0; h < heapA.size; h++) {
      const j = heapA.vals[h] as number;
      mark[i * m + j] = 1;
      const u = expertUnit[j] as number;
      if (seenUnit[u] !== i) {
        seenUnit[u] = i;
        units++;
      }
    }
    if (units < p.k + 2) {
      // Rare: the best experts crowd into few units. Take the best expert of each further unit.
      const order: number[] = [];
      for (let j = 0; j < m; j++) if (!conflicted[i * m + j] && !mark[i * m + j]) order.push(j);
      order.sort((x, y) => (row[y] as number) - (row[x] as number));
      for (const j of order) {
        if (units >= p.k + 2) break;
        const u = expertUnit[j] as number;
        if (seenUnit[u] === i) continue;
        seenUnit[u] = i;
        units++;
        mark[i * m + j] = 1;
      }
    }
  }
  for (let j = 0; j < m; j++)
    for (let h = 0; h < (eSize[j] as number); h++) mark[(eVals[j * perExpert + h] as number) * m + j] = 1;
  return mark;
}

/** Keeps the `capacity` largest keys offered (ties: the first offered). */
class BoundedMinHeap {
  readonly keys: Float64Array;
  readonly vals: Int32Array;
  private readonly sizes = new Int32Array(1);
  constructor(readonly capacity: number) {
    this.keys = new Float64Array(capacity);
    this.vals = new Int32Array(capacity);
  }
  get size(): number {
    return this.sizes[0] as number;
  }
  clear(): void {
    this.sizes[0] = 0;
  }
  offer(key: number, val: number): void {
    offerFlat(this.keys, this.vals, this.sizes, 0, this.capacity, 0, key, val);
  }
}

function offerFlat(
  keys: Float64Array,
  vals: Int32Array,
  sizes: Int32Array,
  base: number,
  capacity: number,
  slot: number,
  key: number,
  val: number,
): void {
  if (capacity === 0) return;
  let size = sizes[slot] as number;
  let i: number;
  if (size < capacity) {
    i = size++;
    sizes[slot] = size;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((keys[base + parent] as number) <= key) break;
      keys[base + i] = keys[base + parent] as number;
      vals[base + i] = vals[base + parent] as number;
      i = parent;
    }
  } else {
    if (key <= (keys[base] as number)) return;
    i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && (keys[base + c + 1] as number) < (keys[base + c] as number)) c++;
      if ((keys[base + c] as number) >= key) break;
      keys[base + i] = keys[base + c] as number;
      vals[base + i] = vals[base + c] as number;
      i = c;
    }
  }
  keys[base + i] = key;
  vals[base + i] = val;
}

/**
 * After a solve on the candidate graph fell short: the candidate graph may be what is short, so
 * the budget doubles (every pair, at the latest) and the wider graph's pairs join `mark`.
 */
export function widenCandidates(
  p: PreparedInstance,
  mark: Uint8Array,
  budget: { perApplication: number; perExpert: number },
): { perApplication: number; perExpert: number; dense: boolean } {
  const perApplication = budget.perApplication * 2;
  const perExpert = budget.perExpert * 2;
  const wider = selectCandidates(p, perApplication, perExpert);
  for (let x = 0; x < mark.length; x++) mark[x] = (mark[x] as number) | (wider[x] as number);
  return { perApplication, perExpert, dense: perApplication >= p.m || perExpert >= p.n };
}

/** Per-application and per-expert candidate budgets, for widening only where the flow fell short. */
export interface CandidateBudgets {
  readonly perApplication: Int32Array;
  readonly perExpert: Int32Array;
}

export function candidateBudgets(
  p: PreparedInstance,
  perApplication: number,
  perExpert: number,
): CandidateBudgets {
  return {
    perApplication: new Int32Array(p.n).fill(perApplication),
    perExpert: new Int32Array(p.m).fill(perExpert),
  };
}

/** Where a maximum flow on the candidate graph fell short (see FailedFlow). */
export interface Shortfall {
  /** Applications that can reach a short one: together they have used up their candidates. */
  readonly starvedApplications: readonly number[];
  /** Experts left with minimum load they could not place. */
  readonly strandedExperts: readonly number[];
  /** Experts outside that group with room left: [expert, places]. */
  readonly expertsWithRoom: readonly (readonly [number, number])[];
}

/**
 * After a maximum flow on the candidate graph fell short, widens the graph only there, so that
 * the rest stays as sparse as it was. First across the cut: each expert with room left gets arcs to
 * its best starved applications (twice its room, at most). Where that adds nothing, the starved
 * applications' and stranded experts' budgets double. Returns how many pairs were added (0:
 * widening cannot help any more, every pair of those rows and columns is in).
 */
export function widenWhereShort(
  p: PreparedInstance,
  mark: Uint8Array,
  budgets: CandidateBudgets,
  short: Shortfall,
): number {
  const { n, m, conflicted } = p;
  let added = 0;
  const take = (x: number) => {
    if (mark[x] || conflicted[x]) return;
    mark[x] = 1;
    added++;
  };
  // One bounded heap per expert with room, in flat arrays, filled row by row (the affinity rows
  // are read in order rather than down a column per expert).
  const experts = short.expertsWithRoom;
  const cap = new Int32Array(experts.length);
  let total = 0;
  for (let x = 0; x < experts.length; x++) {
    cap[x] = Math.min(
      2 * ((experts[x] as readonly [number, number])[1] as number),
      short.starvedApplications.length,
    );
    total += cap[x] as number;
  }
  const base = new Int32Array(experts.length);
  for (let x = 1; x < experts.length; x++) base[x] = (base[x - 1] as number) + (cap[x - 1] as number);
  const keys = new Float64Array(total);
  const vals = new Int32Array(total);
  const sizes = new Int32Array(experts.length);
  for (const i of short.starvedApplications) {
    const row = p.instance.affinity[i] as ArrayLike<number>;
    for (let x = 0; x < experts.length; x++) {
      const j = (experts[x] as readonly [number, number])[0] as number;
      if (mark[i * m + j] || conflicted[i * m + j]) continue;
      offerFlat(keys, vals, sizes, base[x] as number, cap[x] as number, x, row[j] as number, i);
    }
  }
  for (let x = 0; x < experts.length; x++) {
    const j = (experts[x] as readonly [number, number])[0] as number;
    for (let h = 0; h < (sizes[x] as number); h++) take((vals[(base[x] as number) + h] as number) * m + j);
  }
  if (added > 0) return added;
  for (const i of short.starvedApplications) {
    const budget = Math.min(m, Math.max(1, 2 * (budgets.perApplication[i] as number)));
    budgets.perApplication[i] = budget;
    const heap = new BoundedMinHeap(budget);
    const row = p.instance.affinity[i] as ArrayLike<number>;
    for (let j = 0; j < m; j++) if (!conflicted[i * m + j]) heap.offer(row[j] as number, j);
    for (let h = 0; h < heap.size; h++) take(i * m + (heap.vals[h] as number));
  }
  for (const j of short.strandedExperts) {
    const budget = Math.min(n, Math.max(1, 2 * (budgets.perExpert[j] as number)));
    budgets.perExpert[j] = budget;
    const heap = new BoundedMinHeap(budget);
    for (let i = 0; i < n; i++)
      if (!conflicted[i * m + j]) heap.offer((p.instance.affinity[i] as ArrayLike<number>)[j] as number, i);
    for (let h = 0; h < heap.size; h++) take((heap.vals[h] as number) * m + j);
  }
  return added;
}
