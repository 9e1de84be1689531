import { seededRandom } from "./hash.ts";

/**
 * MinHash signatures: for each of `numPerm` seeded hash functions, the smallest hash over a
 * text's shingles. Two signatures agree at a position with probability equal to the Jaccard
 * similarity of the two sets, so the share of agreeing positions estimates it with standard error
 * sqrt(J(1-J)/numPerm).
 *
 * Each hash function is an xor with a seed followed by two multiply-xorshift rounds of MurmurHash3's
 * finalizer; shingles are already well-mixed 32-bit hashes, and this keeps the hot loop (every
 * shingle times every function) to a handful of 32-bit operations with no BigInt.
 */
export const DEFAULT_NUM_PERM = 128;
export const DEFAULT_MINHASH_SEED = 0x1f2e3d4c;

export interface MinHasher {
  readonly numPerm: number;
  readonly seed: number;
  /** The signature of a shingle set; an empty set gives all 0xffffffff (it matches nothing useful). */
  signature(shingles: Uint32Array): Uint32Array;
}

export function createMinHasher(options: { numPerm?: number; seed?: number } = {}): MinHasher {
  const numPerm = options.numPerm ?? DEFAULT_NUM_PERM;
  const seed = options.seed ?? DEFAULT_MINHASH_SEED;
  if (!Number.isInteger(numPerm) || numPerm < 1)
    throw new RangeError(`numPerm must be a positive integer: ${numPerm}`);
  const next = seededRandom(seed);
  const seeds = new Int32Array(numPerm);
  for (let i = 0; i < numPerm; i++) seeds[i] = next() | 0;

  function signature(shingles: Uint32Array): Uint32Array {
    const sig = new Uint32Array(numPerm).fill(0xffffffff);
    for (let s = 0; s < shingles.length; s++) {
      const x = shingles[s] as number;
      for (let i = 0; i < numPerm; i++) {
        let h = x ^ (seeds[i] as number);
        h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
        h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
        h = (h ^ (h >>> 16)) >>> 0;
        if (h < (sig[i] as number)) sig[i] = h;
      }
    }
    return sig;
  }

  return { numPerm, seed, signature };
}

/** The number of positions where two signatures of the same MinHasher agree. */
export function agreements(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new RangeError("signatures of different lengths");
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same;
}

/** The share of positions where two signatures of the same MinHasher agree: the Jaccard estimate. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  return a.length === 0 ? 0 : agreements(a, b) / a.length;
}

/**
 * The fewest agreeing positions a candidate needs to be worth an exact check. The agreements of a
 * pair with Jaccard J are Binomial(numPerm, J), so a pair exactly at the threshold falls below this
 * floor with probability at most `maxMiss`; pairs above it, less often still. Comparing two
 * signatures costs far less than intersecting two shingle sets, and at low thresholds the LSH
 * buckets hand over thousands of weak candidates.
 */
export function agreementFloor(threshold: number, numPerm: number, maxMiss = 0.001): number {
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`threshold must be in (0, 1]: ${threshold}`);
  if (threshold === 1) return numPerm;
  // Walk the binomial distribution upwards, P(X = k) from P(X = k - 1).
  const ratio = threshold / (1 - threshold);
  let pmf = (1 - threshold) ** numPerm;
  let cdf = 0;
  for (let k = 0; k <= numPerm; k++) {
    if (cdf + pmf > maxMiss) return k;
    cdf += pmf;
    pmf *= ((numPerm - k) / (k + 1)) * ratio;
  }
  return numPerm;
}
