import {
  type CharRange,
  type SentenceSpan,
  sentencesOf,
  type TokenizedText,
  type WordToken,
} from "./text.ts";

/**
 * Passage alignment for the officer's side-by-side view: which sentences of one text reappear,
 * possibly reordered or with words changed, in the other, and which words they share.
 *
 * Sentences are compared by the Jaccard similarity of their word sets (not shingles), so a
 * sentence with swapped or replaced words still pairs with its source. Each sentence pairs with
 * at most one sentence of the other text, best pairs first; runs of consecutive pairs on both
 * sides merge into one passage.
 */

export interface PassageSide extends CharRange {
  /** Runs of shared words inside the passage, never crossing a sentence end. */
  highlights: CharRange[];
}

export interface PassagePair {
  /** Jaccard similarity of the two passages' word sets. */
  similarity: number;
  a: PassageSide;
  b: PassageSide;
}

export interface AlignOptions {
  /** Least word-set similarity for two sentences to pair; default 0.5. */
  minSimilarity?: number;
  /** Least number of shared words, so that two three-word headings do not pair on one word; default 3. */
  minSharedWords?: number;
}

interface SentencePair {
  i: number;
  j: number;
  similarity: number;
}

function wordSet(tokens: readonly WordToken[]): Set<string> {
  return new Set(tokens.map((t) => t.word));
}

function setJaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

function pairSentences(
  sa: SentenceSpan[],
  sb: SentenceSpan[],
  minSimilarity: number,
  minShared: number,
): SentencePair[] {
  const wordsA = sa.map((s) => wordSet(s.tokens));
  const wordsB = sb.map((s) => wordSet(s.tokens));
  const postings = new Map<string, number[]>();
  wordsB.forEach((words, j) => {
    for (const w of words) {
      const list = postings.get(w);
      if (list) list.push(j);
      else postings.set(w, [j]);
    }
  });
  const shared = new Int32Array(sb.length);
  const pairs: SentencePair[] = [];
  wordsA.forEach((words, i) => {
    const touched: number[] = [];
    for (const w of words) {
      for (const j of postings.get(w) ?? []) {
        if (shared[j] === 0) touched.push(j);
        shared[j] = (shared[j] as number) + 1;
      }
    }
    for (const j of touched) {
      const n = shared[j] as number;
      shared[j] = 0;
      const similarity = n / (words.size + (wordsB[j] as Set<string>).size - n);
      if (n >= minShared && similarity >= minSimilarity) pairs.push({ i, j, similarity });
    }
  });
  return pairs;
}

function oneToOne(pairs: SentencePair[]): SentencePair[] {
  pairs.sort((p, q) => q.similarity - p.similarity || p.i - q.i || p.j - q.j);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const chosen: SentencePair[] = [];
  for (const p of pairs) {
    if (usedA.has(p.i) || usedB.has(p.j)) continue;
    usedA.add(p.i);
    usedB.add(p.j);
    chosen.push(p);
  }
  return chosen.sort((p, q) => p.i - q.i);
}

function highlights(sentences: readonly SentenceSpan[], other: Set<string>): CharRange[] {
  const out: CharRange[] = [];
  for (const s of sentences) {
    let run: CharRange | undefined;
    for (const t of s.tokens) {
      if (!other.has(t.word)) {
        run = undefined;
      } else if (run) {
        run.end = t.end;
      } else {
        run = { start: t.start, end: t.end };
        out.push(run);
      }
    }
  }
  return out;
}

export function alignPassages(a: TokenizedText, b: TokenizedText, options: AlignOptions = {}): PassagePair[] {
  const sa = sentencesOf(a);
  const sb = sentencesOf(b);
  const chosen = oneToOne(pairSentences(sa, sb, options.minSimilarity ?? 0.5, options.minSharedWords ?? 3));

  const runs: SentencePair[][] = [];
  for (const p of chosen) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && p.i === last.i + 1 && p.j === last.j + 1) run.push(p);
    else runs.push([p]);
  }

  return runs.map((run) => {
    const first = run[0] as SentencePair;
    const last = run.at(-1) as SentencePair;
    const partA = sa.slice(first.i, last.i + 1);
    const partB = sb.slice(first.j, last.j + 1);
    const wordsA = wordSet(partA.flatMap((s) => s.tokens));
    const wordsB = wordSet(partB.flatMap((s) => s.tokens));
    return {
      similarity: setJaccard(wordsA, wordsB),
      a: {
        start: (partA[0] as SentenceSpan).start,
        end: (partA.at(-1) as SentenceSpan).end,
        highlights: highlights(partA, wordsB),
      },
      b: {
        start: (partB[0] as SentenceSpan).start,
        end: (partB.at(-1) as SentenceSpan).end,
        highlights: highlights(partB, wordsA),
      },
    };
  });
}
