/**
 * A text as the duplicate check sees it: the original string and its kept words (stop words and
 * punctuation already removed by the tokenizer) with their places in the string, so that a match
 * can be highlighted in the text the applicant wrote.
 */

/** A half-open range of UTF-16 code units, `text.slice(start, end)`. */
export interface CharRange {
  start: number;
  end: number;
}

export interface WordToken extends CharRange {
  /** The normalized word compared across texts (e.g. full-width Latin folded, lower case). */
  word: string;
}

export interface TokenizedText {
  text: string;
  /** In text order, not overlapping. */
  tokens: readonly WordToken[];
}

export interface SentenceSpan extends CharRange {
  tokens: readonly WordToken[];
}

// 。！？； and their half-width forms, and the line break.
function isSentenceEnd(code: number): boolean {
  return (
    code === 0x3002 ||
    code === 0xff01 ||
    code === 0xff1f ||
    code === 0xff1b ||
    code === 0x21 ||
    code === 0x3f ||
    code === 0x3b ||
    code === 0x0a
  );
}

function isSpace(code: number): boolean {
  return (
    code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x3000 || code === 0xfeff
  );
}

/** Sentences split after 。！？； (and their half-width forms) and at line breaks, trimmed of spaces. */
export function sentenceRanges(text: string): CharRange[] {
  const out: CharRange[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isSentenceEnd(code)) continue;
    push(code === 0x0a ? i : i + 1);
    start = i + 1;
  }
  push(text.length);
  return out;
}

/** The sentences of a text with the kept words that start inside each; sentences without words are dropped. */
export function sentencesOf(doc: TokenizedText): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let t = 0;
  for (const range of sentenceRanges(doc.text)) {
    while (t < doc.tokens.length && (doc.tokens[t] as WordToken).start < range.start) t++;
    const from = t;
    while (t < doc.tokens.length && (doc.tokens[t] as WordToken).start < range.end) t++;
    if (t > from) out.push({ ...range, tokens: doc.tokens.slice(from, t) });
  }
  return out;
}

/** The words of each sentence, the input of `shingleHashes`. */
export function sentenceWords(doc: TokenizedText): string[][] {
  return sentencesOf(doc).map((s) => s.tokens.map((t) => t.word));
}
