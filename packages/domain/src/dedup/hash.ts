/**
 * 32-bit hashing for the duplicate check. Every process must compute the same shingles and
 * signatures from the same text (the index is rebuilt from the database on each server), so all
 * hashing is seeded and deterministic, and stays in 32-bit integer arithmetic (Math.imul) because
 * it runs over every word of every application.
 */

/** MurmurHash3's finalizer: a bijection on 32-bit integers in which every input bit moves every output bit. */
export function fmix32(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

function mixBlock(h: number, block: number): number {
  let k = Math.imul(block, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  const x = h ^ k;
  return (Math.imul((x << 13) | (x >>> 19), 5) + 0xe6546b64) | 0;
}

/** MurmurHash3 (x86, 32-bit) over the UTF-16 code units of `s`, two units per block. */
export function hashString(s: string, seed = 0): number {
  let h = seed | 0;
  const n = s.length;
  let i = 0;
  for (; i + 1 < n; i += 2) h = mixBlock(h, s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16));
  if (i < n) {
    let k = Math.imul(s.charCodeAt(i), C1);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, C2);
  }
  return fmix32(h ^ n);
}

/** A small seeded generator (splitmix32) for the MinHash permutations: same seed, same permutations. */
export function seededRandom(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    return fmix32(state);
  };
}
