import { fmix32, hashString } from "./hash.ts";

/**
 * A text becomes the set of its word shingles (runs of `size` consecutive words), each stored as a
 * 32-bit hash in a sorted, duplicate-free Uint32Array so that sets intersect by a linear merge.
 *
 * Shingles never cross a sentence boundary: reordering sentences, a classic way of disguising a
 * resubmitted application, then leaves the set unchanged. A sentence shorter than `size` words
 * still counts, as one shingle of all its words.
 *
 * Two different shingles share a hash with probability 2^-32 per pair. For two texts of a few
 * thousand shingles that happens in about one comparison in a few hundred and moves their
 * similarity by one shingle (under 0.001), which is why the verification on these sets is called
 * exact.
 */
export const DEFAULT_SHINGLE_SIZE = 2;

const WORD_SEED = 0x6c756f73;

function combine(hashes: readonly number[], from: number, count: number): number {
  let x = count;
  for (let j = from; j < from + count; j++) {
    x = Math.imul(x ^ (hashes[j] as number), 0x9e3779b1);
    x ^= x >>> 15;
  }
  return fmix32(x);
}

/** A sorted copy without repeats, the form every set operation here expects. */
export function toShingleSet(values: readonly number[] | Uint32Array): Uint32Array {
  const sorted = Uint32Array.from(values).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i] as number;
  }
  return sorted.slice(0, n);
}

export function shingleHashes(
  sentences: readonly (readonly string[])[],
  size = DEFAULT_SHINGLE_SIZE,
): Uint32Array {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`shingle size must be a positive integer: ${size}`);
  const out: number[] = [];
  for (const words of sentences) {
    if (words.length === 0) continue;
    const hashes = words.map((w) => hashString(w, WORD_SEED));
    if (hashes.length < size) {
      out.push(combine(hashes, 0, hashes.length));
      continue;
    }
    for (let i = 0; i + size <= hashes.length; i++) out.push(combine(hashes, i, size));
  }
  return toShingleSet(out);
}
