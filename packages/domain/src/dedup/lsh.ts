import { agreements } from "./minhash.ts";

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

/**
 * The fewest signature values for bands of `rows` rows to find a pair at the threshold with
 * `minProbability`. Below about 0.3 the usual 128 values would force one-row bands, which make
 * every text sharing a single minimum a candidate.
 */
export function lshNumPerm(threshold: number, rows = 2, minProbability = 0.99): number {
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`threshold must be in (0, 1]: ${threshold}`);
  if (threshold === 1) return rows;
  return rows * Math.ceil(Math.log(1 - minProbability) / Math.log(1 - threshold ** rows));
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
 * Texts live in numbered slots. A bucket keeps a lone slot as a plain number and switches to an
 * array on the second: most buckets hold one text, and an array per bucket would multiply the
 * index's memory. A query marks the slots it has seen with a per-query number, so a text met in
 * several buckets costs one array write rather than a string-keyed set insertion.
 */
type Bucket = number | number[];

export interface CandidateOptions {
  /**
   * Drop candidates whose signatures agree in fewer positions (see `agreementFloor`): comparing
   * signatures is much cheaper than intersecting shingle sets.
   */
  minAgreements?: number;
}

export class LshIndex {
  readonly bands: number;
  readonly rows: number;
  private readonly buckets: Map<number, Bucket>[];
  private readonly slotById = new Map<string, number>();
  private readonly ids: (string | undefined)[] = [];
  private readonly signatures: (Uint32Array | undefined)[] = [];
  private readonly bandKeys: (Int32Array | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  private marks = new Int32Array(0);
  private query = 0;

  constructor({ bands, rows }: LshParameters) {
    if (!(Number.isInteger(bands) && bands >= 1 && Number.isInteger(rows) && rows >= 1)) {
      throw new RangeError(`bands and rows must be positive integers: ${bands} × ${rows}`);
    }
    this.bands = bands;
    this.rows = rows;
    this.buckets = Array.from({ length: bands }, () => new Map<number, Bucket>());
  }

  get size(): number {
    return this.slotById.size;
  }

  has(id: string): boolean {
    return this.slotById.has(id);
  }

  /** Adds or replaces the signature filed under `id`; the index keeps `signature`, so do not change it afterwards. */
  add(id: string, signature: Uint32Array): void {
    this.checkLength(signature);
    this.remove(id);
    const slot = this.freeSlots.pop() ?? this.ids.length;
    const keys = new Int32Array(this.bands);
    for (let b = 0; b < this.bands; b++) {
      const key = bandKey(signature, b, this.rows);
      keys[b] = key;
      const map = this.buckets[b] as Map<number, Bucket>;
      const bucket = map.get(key);
      if (bucket === undefined) map.set(key, slot);
      else if (typeof bucket === "number") map.set(key, [bucket, slot]);
      else bucket.push(slot);
    }
    this.ids[slot] = id;
    this.signatures[slot] = signature;
    this.bandKeys[slot] = keys;
    this.slotById.set(id, slot);
  }

  remove(id: string): boolean {
    const slot = this.slotById.get(id);
    if (slot === undefined) return false;
    const keys = this.bandKeys[slot] as Int32Array;
    for (let b = 0; b < this.bands; b++) {
      const map = this.buckets[b] as Map<number, Bucket>;
      const key = keys[b] as number;
      const bucket = map.get(key);
      if (bucket === slot) map.delete(key);
      else if (Array.isArray(bucket)) {
        const at = bucket.indexOf(slot);
        if (at >= 0) bucket.splice(at, 1);
        if (bucket.length === 1) map.set(key, bucket[0] as number);
      }
    }
    this.ids[slot] = undefined;
    this.signatures[slot] = undefined;
    this.bandKeys[slot] = undefined;
    this.slotById.delete(id);
    this.freeSlots.push(slot);
    return true;
  }

  /** Every id sharing at least one band with `signature` (and passing `minAgreements`), each once. */
  candidates(signature: Uint32Array, options: CandidateOptions = {}): string[] {
    this.checkLength(signature);
    const minAgreements = options.minAgreements ?? 0;
    const marks = this.nextQueryMarks();
    const query = this.query;
    const found: string[] = [];
    const visit = (slot: number) => {
      if (marks[slot] === query) return;
      marks[slot] = query;
      if (minAgreements > 0 && agreements(signature, this.signatures[slot] as Uint32Array) < minAgreements)
        return;
      found.push(this.ids[slot] as string);
    };
    for (let b = 0; b < this.bands; b++) {
      const bucket = (this.buckets[b] as Map<number, Bucket>).get(bandKey(signature, b, this.rows));
      if (typeof bucket === "number") visit(bucket);
      else if (bucket) for (const slot of bucket) visit(slot);
    }
    return found;
  }

  private nextQueryMarks(): Int32Array {
    if (this.marks.length < this.ids.length) {
      const grown = new Int32Array(Math.max(1024, this.ids.length * 2));
      grown.set(this.marks);
      this.marks = grown;
    }
    if (this.query === 0x7fffffff) {
      this.marks.fill(0);
      this.query = 0;
    }
    this.query++;
    return this.marks;
  }

  private checkLength(signature: Uint32Array): void {
    if (signature.length < this.bands * this.rows) {
      throw new RangeError(
        `signature has ${signature.length} values; the index needs ${this.bands * this.rows}`,
      );
    }
  }
}
