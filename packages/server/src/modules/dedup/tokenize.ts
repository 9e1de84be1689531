import type { TokenizedText, WordToken } from "@luoshu/domain";
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";

/**
 * Chinese word segmentation for the duplicate check. The dictionary takes ~200 ms to load, so it
 * loads once per process, on first use. The same text gives the same words in every process,
 * which the rebuilt-at-start index relies on.
 */
let jieba: Jieba | undefined;

function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

// Function words and fillers that every application uses; kept, they would make unrelated texts
// look alike and drown the shared content words when highlighting.
const STOP_WORDS = new Set(
  (
    "的 地 得 了 着 过 和 与 及 以及 等 等等 在 对 对于 为 为了 是 将 以 把 被 由 于 之 其 其中 并 并且 或 或者 而 也 " +
    "就 都 所 该 本 各 有 从 向 到 至 中 上 下 内 个 这 那 此 这些 那些 这个 我们 我 你 他 它 进行 通过 " +
    "一 一个 一些 要 能 可 可以 应 应当 不 如 如果 因此 同时 及其 方面 有关 相关 进一步 主要 " +
    "a an the of and or to in on for with by is are be as at from this that"
  ).split(" "),
);

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Full-width Latin letters, digits and the ideographic space become their ASCII forms, one code
 * unit for one, so that "ＡＩ" and "AI" are the same word and character offsets stay valid.
 */
function foldWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (ch) =>
    ch === "\u3000" ? " " : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** jieba's raw segmentation: every piece, punctuation and spaces included, joining back to `text`. */
export function segment(text: string): string[] {
  return segmenter().cut(text, true);
}

/** The kept words of a text, with their places in the original string (see TokenizedText). */
export function tokenize(text: string): TokenizedText {
  const folded = foldWidth(text);
  const tokens: WordToken[] = [];
  let at = 0;
  for (const piece of segmenter().cut(folded, true)) {
    // jieba returns pieces that concatenate back to its input; the search only guards that.
    const start = folded.startsWith(piece, at) ? at : folded.indexOf(piece, at);
    if (start < 0) continue;
    at = start + piece.length;
    const word = piece.toLowerCase();
    if (!WORD_CHAR.test(word) || STOP_WORDS.has(word)) continue;
    tokens.push({ word, start, end: at });
  }
  return { text, tokens };
}
