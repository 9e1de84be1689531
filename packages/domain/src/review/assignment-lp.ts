import type { AssignmentInstance } from "./assignment.types.ts";

/**
 * The assignment as a plain linear program, for an independent LP solver (HiGHS in the tests and
 * the benchmark) to check the flow solver against. Written straight from the problem statement, not
 * from the flow network:
 *
 *   max Σ a_ij x_ij over non-conflicted pairs, 0 ≤ x_ij ≤ cap (1, or q in the randomized mode)
 *   Σ_j x_ij = k                      per application
 *   minLoad ≤ Σ_i x_ij ≤ maxLoad      per expert
 *   Σ_{j of unit v} x_ij ≤ 1          per application and unit
 *
 * Its constraint matrix is totally unimodular (a flow), so with cap 1 the LP optimum is the
 * integer optimum. The matrix is in compressed columns: one column per pair.
 */
export interface AssignmentLp {
  readonly numCols: number;
  readonly numRows: number;
  readonly colCost: Float64Array;
  readonly colLower: Float64Array;
  readonly colUpper: Float64Array;
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  readonly matrix: {
    readonly format: "csc";
    readonly numRows: number;
    readonly numCols: number;
    readonly starts: Int32Array;
    readonly indices: Int32Array;
    readonly values: Float64Array;
  };
  /** Column c is the pair (colApplication[c], colExpert[c]). */
  readonly colApplication: Int32Array;
  readonly colExpert: Int32Array;
}

export function assignmentLp(instance: AssignmentInstance, cap = 1): AssignmentLp {
  const n = instance.applications.length;
  const m = instance.experts.length;
  const conflicted = new Set<number>(instance.conflicts.map(([i, j]) => i * m + j));
  const columns: [number, number][] = [];
  const unitRows = new Map<string, number>();
  const unitRowOf: number[] = [];
  for (let i = 0; i < n; i++) {
    const own = new Set((instance.applications[i] as { unitIds: readonly string[] }).unitIds);
    for (let j = 0; j < m; j++) {
      const unit = (instance.experts[j] as { unitId: string }).unitId;
      if (own.has(unit) || conflicted.has(i * m + j)) continue;
      const key = `${i}\u0000${unit}`;
      let row = unitRows.get(key);
      if (row === undefined) {
        row = n + m + unitRows.size;
        unitRows.set(key, row);
      }
      columns.push([i, j]);
      unitRowOf.push(row);
    }
  }
  const numCols = columns.length;
  const numRows = n + m + unitRows.size;
  const colCost = new Float64Array(numCols);
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols).fill(cap);
  const colApplication = new Int32Array(numCols);
  const colExpert = new Int32Array(numCols);
  const starts = new Int32Array(numCols + 1);
  const indices = new Int32Array(numCols * 3);
  const values = new Float64Array(numCols * 3).fill(1);
  columns.forEach(([i, j], c) => {
    colCost[c] = (instance.affinity[i] as ArrayLike<number>)[j] as number;
    colApplication[c] = i;
    colExpert[c] = j;
    starts[c + 1] = 3 * (c + 1);
    indices[3 * c] = i;
    indices[3 * c + 1] = n + j;
    indices[3 * c + 2] = unitRowOf[c] as number;
  });
  const rowLower = new Float64Array(numRows);
  const rowUpper = new Float64Array(numRows);
  const k = instance.reviewersPerApplication;
  for (let i = 0; i < n; i++) {
    rowLower[i] = k;
    rowUpper[i] = k;
  }
  for (let j = 0; j < m; j++) {
    rowLower[n + j] = instance.minLoad;
    rowUpper[n + j] = instance.maxLoad;
  }
  for (let r = n + m; r < numRows; r++) {
    rowLower[r] = 0;
    rowUpper[r] = 1;
  }
  return {
    numCols,
    numRows,
    colCost,
    colLower,
    colUpper,
    rowLower,
    rowUpper,
    matrix: { format: "csc", numRows, numCols, starts, indices, values },
    colApplication,
    colExpert,
  };
}
