/**
 * Locality-sensitive hashing by banding: a signature of bands × rows values is cut into `bands`
 * slices; two texts become candidates when any slice is equal. A pair with Jaccard J is a candidate
 * with probability 1 - (1 - J^rows)^bands, an S-curve that is steep around the threshold. A query
 * looks up `bands` buckets instead of scanning the corpus.
 */

export interface LshParameters {
  bands: number;
  rows: number;
}

export function candidateProbability(jaccard: number, { bands, rows }: LshParameters): number {
  return 1 - (1 - jaccard ** rows) ** bands;
}

/**
 * The banding for a threshold: the most rows per band (fewest unrelated candidates to verify) for
 * which a pair exactly at the threshold is still found with at least `minProbability`; pairs
 * above the threshold are found more often still. When even one row per band cannot reach it (few
 * values, low threshold), that most sensitive banding is returned.
 */
export function lshParameters(threshold: number, numPerm: number, minProbability = 0.99): LshParameters {
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`threshold must be in (0, 1]: ${threshold}`);
  let best: LshParameters = { bands: numPerm, rows: 1 };
  for (let rows = 1; rows <= numPerm; rows++) {
    const params = { bands: Math.floor(numPerm / rows), rows };
    if (candidateProbability(threshold, params) >= minProbability) best = params;
  }
  return best;
}

function bandKey(signature: Uint32Array, band: number, rows: number): number {
  let x = band + 1;
  const from = band * rows;
  for (let r = from; r < from + rows; r++) {
    x = Math.imul(x ^ (signature[r] as number), 0x9e3779b1);
    x ^= x >>> 15;
  }
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  // A signed 32-bit key stays a small integer in V8, so the bucket maps hold no boxed numbers.
  return (x ^ (x >>> 16)) | 0;
}

/**
 * Buckets keep a lone id as a plain string and switch to an array on the second id: most buckets
 * hold one text, and an array per bucket would multiply the index's memory.
 */
type Bucket = string | string[];

export class LshIndex {
  readonly bands: number;
  readonly rows: number;
  private readonly buckets: Map<number, Bucket>[];
  private readonly keysById = new Map<string, Int32Array>();

  constructor({ bands, rows }: LshParameters) {
    if (!(Number.isInteger(bands) && bands >= 1 && Number.isInteger(rows) && rows >= 1)) {
      throw new RangeError(`bands and rows must be positive integers: ${bands} × ${rows}`);
    }
    this.bands = bands;
    this.rows = rows;
    this.buckets = Array.from({ length: bands }, () => new Map<number, Bucket>());
  }

  get size(): number {
    return this.keysById.size;
  }

  has(id: string): boolean {
    return this.keysById.has(id);
  }

  /** Adds or replaces the signature filed under `id`. */
  add(id: string, signature: Uint32Array): void {
    this.checkLength(signature);
    this.remove(id);
    const keys = new Int32Array(this.bands);
    for (let b = 0; b < this.bands; b++) {
      const key = bandKey(signature, b, this.rows);
      keys[b] = key;
      const map = this.buckets[b] as Map<number, Bucket>;
      const bucket = map.get(key);
      if (bucket === undefined) map.set(key, id);
      else if (typeof bucket === "string") map.set(key, [bucket, id]);
      else bucket.push(id);
    }
    this.keysById.set(id, keys);
  }

  remove(id: string): boolean {
    const keys = this.keysById.get(id);
    if (!keys) return false;
    for (let b = 0; b < this.bands; b++) {
      const map = this.buckets[b] as Map<number, Bucket>;
      const key = keys[b] as number;
      const bucket = map.get(key);
      if (bucket === id) map.delete(key);
      else if (Array.isArray(bucket)) {
        const at = bucket.indexOf(id);
        if (at >= 0) bucket.splice(at, 1);
        if (bucket.length === 1) map.set(key, bucket[0] as string);
      }
    }
    this.keysById.delete(id);
    return true;
  }

  /** Every id sharing at least one band with `signature`, each once. */
  candidates(signature: Uint32Array): Set<string> {
    this.checkLength(signature);
    const found = new Set<string>();
    for (let b = 0; b < this.bands; b++) {
      const bucket = (this.buckets[b] as Map<number, Bucket>).get(bandKey(signature, b, this.rows));
      if (bucket === undefined) continue;
      if (typeof bucket === "string") found.add(bucket);
      else for (const id of bucket) found.add(id);
    }
    return found;
  }

  private checkLength(signature: Uint32Array): void {
    if (signature.length < this.bands * this.rows) {
      throw new RangeError(
        `signature has ${signature.length} values; the index needs ${this.bands * this.rows}`,
      );
    }
  }
}
