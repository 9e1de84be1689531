import {
  agreementFloor,
  alignPassages,
  createMinHasher,
  DEFAULT_SHINGLE_SIZE,
  jaccardMayReach,
  LshIndex,
  type LshParameters,
  lshNumPerm,
  lshParameters,
  type MinHasher,
  type PassagePair,
  sentenceWords,
  shingleHashes,
  shingleSimilarity,
  type TokenizedText,
} from "@luoshu/domain";
import { tokenize as jiebaTokenize } from "./tokenize.ts";

/**
 * The in-memory duplicate-check index (查重, LY-FUNDS §17), one per city. It is a cache: the
 * database holds every text, the server rebuilds the index from it at start and keeps it in step
 * with `upsert`/`remove`; losing it loses nothing (see design notes, "Several instances").
 *
 * A text is its title on a line of its own followed by its body (see `dedupText`), compared as a
 * set of word bigrams within sentences; similarity is Jaccard on those sets. Jaccard 0.3 between
 * texts of equal length means they share about 46 % of their word bigrams: a copy with a third of
 * its sentences replaced and the rest lightly reworded still scores above it (see bench:dedup).
 */

export type DedupKind = "application" | "project";

export interface DedupRow {
  /** Unique within the city across both kinds; a project filed under its application's id replaces it. */
  id: string;
  cityId: string;
  kind: DedupKind;
  title: string;
  /**
   * The applicant's own writing (abstract, research content, targets) joined by line breaks. Leave
   * out the form's headings and any text every application of a call repeats: shared by all, they
   * only raise the similarity of unrelated texts.
   */
  text: string;
}

export interface DedupMatch {
  id: string;
  kind: DedupKind;
  /** Jaccard similarity of the two texts' shingle sets, exact. */
  similarity: number;
  /** Share of the queried text's shingles found in this one. */
  containment: number;
  /** The indexed text the `b` side of the passages points into (title, line break, body). */
  text: string;
  /** Overlapping passages, `a` in the queried text and `b` in `text`. */
  passages: PassagePair[];
}

export interface DedupQueryOptions {
  threshold: number;
  /** Most matches to return, best first; default 10. */
  limit?: number;
  /** The queried application's own id, so it does not match itself. */
  excludeId?: string;
}

export interface DedupIndexOptions {
  /**
   * The lowest threshold the LSH banding is tuned for: a pair exactly at it is found with
   * probability ≥ 0.99 (bands) less 0.001 (signature check), pairs above it more often. A query
   * below it falls back to a full exact scan: slow, but it misses nothing.
   */
  indexThreshold?: number;
  numPerm?: number;
  seed?: number;
  shingleSize?: number;
  tokenize?: (text: string) => TokenizedText;
}

export const DEFAULT_INDEX_THRESHOLD = 0.3;
/** Signature length unless the threshold needs more for two-row bands (see `lshNumPerm`). */
export const DEFAULT_INDEX_NUM_PERM = 128;

export function dedupText(row: Pick<DedupRow, "title" | "text">): string {
  return `${row.title}\n${row.text}`;
}

interface Entry {
  id: string;
  kind: DedupKind;
  text: string;
  shingles: Uint32Array;
}

interface CityIndex {
  lsh: LshIndex;
  entries: Map<string, Entry>;
}

export class DedupIndex {
  readonly indexThreshold: number;
  readonly banding: LshParameters;
  private readonly minHasher: MinHasher;
  private readonly shingleSize: number;
  private readonly tokenize: (text: string) => TokenizedText;
  private readonly cities = new Map<string, CityIndex>();

  constructor(options: DedupIndexOptions = {}) {
    this.indexThreshold = options.indexThreshold ?? DEFAULT_INDEX_THRESHOLD;
    this.minHasher = createMinHasher({
      numPerm: options.numPerm ?? Math.max(DEFAULT_INDEX_NUM_PERM, lshNumPerm(this.indexThreshold)),
      seed: options.seed,
    });
    this.shingleSize = options.shingleSize ?? DEFAULT_SHINGLE_SIZE;
    this.tokenize = options.tokenize ?? jiebaTokenize;
    this.banding = lshParameters(this.indexThreshold, this.minHasher.numPerm);
  }

  get numPerm(): number {
    return this.minHasher.numPerm;
  }

  /** Forgets everything and indexes `rows`, e.g. all applications and projects read at start. */
  rebuild(rows: Iterable<DedupRow>): void {
    this.cities.clear();
    for (const row of rows) this.upsert(row);
  }

  upsert(row: DedupRow): void {
    const city = this.city(row.cityId);
    const text = dedupText(row);
    const shingles = this.shinglesOfDoc(this.tokenize(text));
    city.entries.set(row.id, { id: row.id, kind: row.kind, text, shingles });
    // A text without words can match nothing; kept out of the buckets so they do not pile up in one.
    if (shingles.length > 0) city.lsh.add(row.id, this.minHasher.signature(shingles));
    else city.lsh.remove(row.id);
  }

  remove(cityId: string, id: string): boolean {
    const city = this.cities.get(cityId);
    if (!city?.entries.delete(id)) return false;
    city.lsh.remove(id);
    return true;
  }

  has(cityId: string, id: string): boolean {
    return this.cities.get(cityId)?.entries.has(id) ?? false;
  }

  size(cityId: string): number {
    return this.cities.get(cityId)?.entries.size ?? 0;
  }

  /** Indexed texts the LSH buckets propose for `text`, and how many of those pass the signature check (diagnostics). */
  explain(cityId: string, text: string, options: DedupQueryOptions): { candidates: number; checked: number } {
    const city = this.cities.get(cityId);
    const shingles = this.shinglesOfDoc(this.tokenize(text));
    if (!city || shingles.length === 0) return { candidates: 0, checked: 0 };
    const signature = this.minHasher.signature(shingles);
    const minAgreements = agreementFloor(options.threshold, this.minHasher.numPerm);
    const others = (ids: string[]) => ids.filter((id) => id !== options.excludeId).length;
    const candidates = others(city.lsh.candidates(signature));
    const checked = others(city.lsh.candidates(signature, { minAgreements }));
    return { candidates, checked };
  }

  /**
   * The indexed texts at least `threshold` similar to `text`, best first, with passages. Candidates
   * come from the LSH buckets, pass a signature check, and are then verified on the exact sets.
   */
  query(cityId: string, text: string, options: DedupQueryOptions): DedupMatch[] {
    const city = this.cities.get(cityId);
    const doc = this.tokenize(text);
    const shingles = this.shinglesOfDoc(doc);
    if (!city || shingles.length === 0) return [];
    const signature = this.minHasher.signature(shingles);
    // Below the tuned threshold the banding would miss pairs, so every text is checked exactly.
    const ids =
      options.threshold < this.indexThreshold
        ? city.entries.keys()
        : city.lsh.candidates(signature, {
            minAgreements: agreementFloor(options.threshold, this.minHasher.numPerm),
          });
    const scored: { entry: Entry; similarity: number; containment: number }[] = [];
    for (const id of ids) {
      const entry = city.entries.get(id);
      if (!entry || id === options.excludeId) continue;
      const s = shingleSimilarity(shingles, entry.shingles);
      if (s.jaccard >= options.threshold)
        scored.push({ entry, similarity: s.jaccard, containment: s.containment });
    }
    scored.sort((x, y) => y.similarity - x.similarity || (x.entry.id < y.entry.id ? -1 : 1));
    return scored.slice(0, options.limit ?? 10).map(({ entry, similarity, containment }) => ({
      id: entry.id,
      kind: entry.kind,
      similarity,
      containment,
      text: entry.text,
      passages: alignPassages(doc, this.tokenize(entry.text)),
    }));
  }

  /** The shingle set the index holds for a text; shared, not to be modified (for the benchmark's exact ground truth). */
  shingleSet(cityId: string, id: string): Uint32Array | undefined {
    return this.cities.get(cityId)?.entries.get(id)?.shingles;
  }

  /**
   * The exact answer by comparing `text` with every indexed text of the city: what `query` must
   * agree with. O(corpus); for tests and the benchmark, not for requests.
   */
  scan(
    cityId: string,
    text: string,
    options: Pick<DedupQueryOptions, "threshold" | "excludeId">,
  ): { id: string; similarity: number }[] {
    const city = this.cities.get(cityId);
    const shingles = this.shinglesOfDoc(this.tokenize(text));
    if (!city) return [];
    const out: { id: string; similarity: number }[] = [];
    for (const entry of city.entries.values()) {
      if (entry.id === options.excludeId || !jaccardMayReach(shingles, entry.shingles, options.threshold))
        continue;
      const { jaccard } = shingleSimilarity(shingles, entry.shingles);
      if (jaccard >= options.threshold) out.push({ id: entry.id, similarity: jaccard });
    }
    return out.sort((x, y) => y.similarity - x.similarity || (x.id < y.id ? -1 : 1));
  }

  private shinglesOfDoc(doc: TokenizedText): Uint32Array {
    return shingleHashes(sentenceWords(doc), this.shingleSize);
  }

  private city(cityId: string): CityIndex {
    let city = this.cities.get(cityId);
    if (!city) {
      city = {
        lsh: new LshIndex(this.banding),
        entries: new Map(),
      };
      this.cities.set(cityId, city);
    }
    return city;
  }
}
