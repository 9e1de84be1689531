import { seededRandom } from "./hash.ts";
import { toShingleSet } from "./shingles.ts";
import type { TokenizedText, WordToken } from "./text.ts";

/**
 * Test support (not exported from the package): a stand-in for the server's jieba tokenizer that
 * treats every run of characters between spaces and punctuation as one word.
 */
export function spaceTokenize(text: string): TokenizedText {
  const tokens: WordToken[] = [];
  for (const m of text.matchAll(/[^\s。！？；，、!?;,]+/g)) {
    tokens.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  }
  return { text, tokens };
}

/** Two random shingle sets with `shared` common members and `onlyA`/`onlyB` of their own. */
export function setPair(
  seed: number,
  shared: number,
  onlyA: number,
  onlyB: number,
): [Uint32Array, Uint32Array] {
  const next = seededRandom(seed);
  const seen = new Set<number>();
  const draw = (n: number) => {
    const out: number[] = [];
    while (out.length < n) {
      const x = next();
      if (!seen.has(x)) {
        seen.add(x);
        out.push(x);
      }
    }
    return out;
  };
  const common = draw(shared);
  return [toShingleSet([...common, ...draw(onlyA)]), toShingleSet([...common, ...draw(onlyB)])];
}
