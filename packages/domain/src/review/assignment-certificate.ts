import type { AssignmentCertificate, AssignmentInstance, IndexPair } from "./assignment.types.ts";

/**
 * The optimality checker. It trusts nothing the solver computed: it rebuilds the conflicts from the
 * instance, checks that the pairs are a feasible assignment, then checks the dual prices against
 * EVERY application × expert pair (pruned ones included) with the LP's optimality conditions:
 *
 *   dual feasibility     u_i + p_j + g_{i,unit(j)} ≥ a_ij for every non-conflicted pair; g ≥ 0
 *   complementary slack  equality on assigned pairs; p_j > 0 only at maxLoad, p_j < 0 only at
 *                        minLoad; g_iv > 0 only where application i has an expert of unit v
 *
 * together with the duality gap. A feasible assignment with such prices is optimal for the LP, and
 * so for the integer problem. Deliberately plain code, kept apart from the solver (it shares only
 * the types), so that a solver bug cannot hide in it.
 */
export interface CertificateCheck {
  readonly ok: boolean;
  /** The objective recomputed from the pairs. */
  readonly objective: number;
  readonly dualObjective: number;
  /** The first violations found, in English. */
  readonly violations: readonly string[];
  readonly violationCount: number;
  /** Application × expert pairs whose dual constraint was checked. */
  readonly pairsChecked: number;
}

export interface CheckOptions {
  /** The objective the solver claims; checked against the recomputed one. */
  readonly claimedObjective?: number;
  /** Relative tolerance (default 1e-9), times max(1, the largest |affinity|). */
  readonly tolerance?: number;
}

const MAX_REPORTED = 20;

export function checkAssignmentCertificate(
  instance: AssignmentInstance,
  pairs: readonly IndexPair[],
  certificate: AssignmentCertificate,
  options: CheckOptions = {},
): CertificateCheck {
  const n = instance.applications.length;
  const m = instance.experts.length;
  const k = instance.reviewersPerApplication;
  const { minLoad, maxLoad } = instance;
  const violations: string[] = [];
  let violationCount = 0;
  const fail = (message: string) => {
    violationCount++;
    if (violations.length < MAX_REPORTED) violations.push(message);
  };
  const appId = (i: number) => String(instance.applications[i]?.id ?? i);
  const expertId = (j: number) => String(instance.experts[j]?.id ?? j);
  const aff = (i: number, j: number) => (instance.affinity[i] as ArrayLike<number>)[j] as number;

  let scale = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) scale = Math.max(scale, Math.abs(aff(i, j)));
  const tol = (options.tolerance ?? 1e-9) * Math.max(1, scale);

  // Conflicts, from the instance alone.
  const unitNumber = new Map<string, number>();
  const unitOf = (name: string) => {
    let u = unitNumber.get(name);
    if (u === undefined) {
      u = unitNumber.size;
      unitNumber.set(name, u);
    }
    return u;
  };
  const expertUnit = instance.experts.map((e) => unitOf(e.unitId));
  const explicit = new Uint8Array(n * m);
  for (const [i, j] of instance.conflicts) explicit[i * m + j] = 1;
  const appUnits = instance.applications.map((a) => new Set(a.unitIds.map(unitOf)));
  const conflicted = (i: number, j: number) =>
    explicit[i * m + j] === 1 || (appUnits[i] as Set<number>).has(expertUnit[j] as number);

  // Primal feasibility.
  const assigned = new Uint8Array(n * m);
  const perApp = new Int32Array(n);
  const load = new Int32Array(m);
  const unitTaken = new Map<string, number>();
  let objective = 0;
  for (const pair of pairs) {
    const [i, j] = pair;
    if (!Number.isInteger(i) || !Number.isInteger(j) || i < 0 || i >= n || j < 0 || j >= m) {
      fail(`pair [${i}, ${j}] is outside the instance`);
      continue;
    }
    if (assigned[i * m + j]) {
      fail(`pair (${appId(i)}, ${expertId(j)}) is listed twice`);
      continue;
    }
    assigned[i * m + j] = 1;
    perApp[i] = (perApp[i] as number) + 1;
    load[j] = (load[j] as number) + 1;
    objective += aff(i, j);
    if (conflicted(i, j)) fail(`conflicted pair (${appId(i)}, ${expertId(j)}) is assigned`);
    const key = `${i}:${expertUnit[j]}`;
    const before = unitTaken.get(key) ?? 0;
    unitTaken.set(key, before + 1);
    if (before === 1) fail(`application ${appId(i)} has two experts of unit ${instance.experts[j]?.unitId}`);
  }
  for (let i = 0; i < n; i++)
    if (perApp[i] !== k) fail(`application ${appId(i)} has ${perApp[i]} reviewers, not ${k}`);
  for (let j = 0; j < m; j++) {
    const l = load[j] as number;
    if (l < minLoad || l > maxLoad)
      fail(`expert ${expertId(j)} has load ${l}, outside [${minLoad}, ${maxLoad}]`);
  }
  if (
    options.claimedObjective !== undefined &&
    !(Math.abs(options.claimedObjective - objective) <= tol * (pairs.length + 1))
  )
    fail(`claimed objective ${options.claimedObjective} but the pairs sum to ${objective}`);

  // Dual feasibility and complementary slackness.
  const u = certificate.applicationPrices;
  const p = certificate.expertPrices;
  if (u.length !== n || p.length !== m) {
    fail(`certificate has ${u.length} application and ${p.length} expert prices for ${n} × ${m}`);
    return { ok: false, objective, dualObjective: Number.NaN, violations, violationCount, pairsChecked: 0 };
  }
  let dualObjective = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(u[i] as number)) fail(`application ${appId(i)} price is not finite`);
    dualObjective += k * (u[i] as number);
  }
  for (let j = 0; j < m; j++) {
    const pj = p[j] as number;
    if (!Number.isFinite(pj)) fail(`expert ${expertId(j)} price is not finite`);
    if (pj > tol && load[j] !== maxLoad)
      fail(`expert ${expertId(j)} has price ${pj} > 0 but load ${load[j]} < maxLoad`);
    if (pj < -tol && load[j] !== minLoad)
      fail(`expert ${expertId(j)} has price ${pj} < 0 but load ${load[j]} > minLoad`);
    dualObjective += pj >= 0 ? maxLoad * pj : minLoad * pj;
  }
  const g: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  for (const [i, unitId, price] of certificate.unitPrices) {
    if (!Number.isInteger(i) || i < 0 || i >= n || !Number.isFinite(price)) {
      fail(`unit price [${i}, ${unitId}, ${price}] is invalid`);
      continue;
    }
    const v = unitOf(unitId);
    const prices = g[i] as Map<number, number>;
    if (prices.has(v)) fail(`unit price (${appId(i)}, ${unitId}) is listed twice`);
    prices.set(v, price);
    if (price < -tol) fail(`unit price (${appId(i)}, ${unitId}) is negative: ${price}`);
    if (price > tol && !unitTaken.has(`${i}:${v}`))
      fail(`unit price (${appId(i)}, ${unitId}) is positive but the application has no expert of that unit`);
    dualObjective += price;
  }
  // Every pair. One application at a time, its units and unit prices are spread into arrays by unit
  // number: the same test as conflicted() and g.get(), without a hash look-up per pair.
  let pairsChecked = 0;
  const ownUnit = new Uint8Array(unitNumber.size);
  const unitPrice = new Float64Array(unitNumber.size);
  for (let i = 0; i < n; i++) {
    const prices = g[i] as Map<number, number>;
    const units = appUnits[i] as Set<number>;
    for (const v of units) ownUnit[v] = 1;
    for (const [v, price] of prices) unitPrice[v] = price;
    const row = instance.affinity[i] as ArrayLike<number>;
    const ui = u[i] as number;
    for (let j = 0; j < m; j++) {
      const v = expertUnit[j] as number;
      if (ownUnit[v] === 1 || explicit[i * m + j] === 1) continue;
      pairsChecked++;
      const slack = ui + (p[j] as number) + (unitPrice[v] as number) - (row[j] as number);
      if (slack < -tol) fail(`pair (${appId(i)}, ${expertId(j)}) violates its dual constraint by ${-slack}`);
      else if (assigned[i * m + j] && slack > tol)
        fail(`assigned pair (${appId(i)}, ${expertId(j)}) is not tight: reduced cost ${slack}`);
    }
    for (const v of units) ownUnit[v] = 0;
    for (const v of prices.keys()) unitPrice[v] = 0;
  }
  const gapTolerance = tol * (pairs.length + m + certificate.unitPrices.length + 1);
  if (!(Math.abs(dualObjective - objective) <= gapTolerance))
    fail(`duality gap ${dualObjective - objective} (primal ${objective}, dual ${dualObjective})`);
  return { ok: violationCount === 0, objective, dualObjective, violations, violationCount, pairsChecked };
}
