/**
 * Exact set similarity on sorted, duplicate-free shingle sets (see shingles.ts). These are the
 * numbers an officer sees; MinHash only decides which texts are worth computing them for.
 */

export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

export interface ShingleSimilarity {
  /** |A ∩ B| / |A ∪ B|: the duplicate-check measure, symmetric. */
  jaccard: number;
  /** |A ∩ B| / |A|: the share of the first text (the application being checked) found in the other. */
  containment: number;
}

/**
 * Empty texts share nothing: two empty sets score 0, not 1, so blank applications are never
 * reported as duplicates of each other.
 */
export function shingleSimilarity(a: Uint32Array, b: Uint32Array): ShingleSimilarity {
  if (a.length === 0 || b.length === 0) return { jaccard: 0, containment: 0 };
  const shared = intersectionSize(a, b);
  return { jaccard: shared / (a.length + b.length - shared), containment: shared / a.length };
}

export function shingleJaccard(a: Uint32Array, b: Uint32Array): number {
  return shingleSimilarity(a, b).jaccard;
}

/**
 * Jaccard can reach `threshold` only when the smaller set is at least `threshold` times the larger
 * one, so a full scan may skip the rest without losing any exact answer.
 */
export function jaccardMayReach(a: Uint32Array, b: Uint32Array, threshold: number): boolean {
  const small = Math.min(a.length, b.length);
  const large = Math.max(a.length, b.length);
  return small > 0 && small >= threshold * large;
}
