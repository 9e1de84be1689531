import fs from "node:fs";
import path from "node:path";
import { seededRandom } from "@luoshu/domain";

/**
 * The synthetic corpus of the duplicate-check benchmark: project texts recombined from clauses of
 * the seed policy documents, and planted near-duplicates of some of them. Deterministic for a seed.
 */

export interface BenchText {
  title: string;
  /** Abstract, research content and targets, one sentence per array element. */
  sections: string[][];
}

export type Random = () => number;

export function createRandom(seed: number): Random {
  const next = seededRandom(seed);
  return () => next() / 2 ** 32;
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

function shuffle<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/** Clauses of the seed documents (split at sentence ends and commas), 6–40 characters, each once. */
export function readSeedClauses(seedsDir: string): string[] {
  const files = fs.existsSync(seedsDir) ? fs.readdirSync(seedsDir).filter((f) => f.endsWith(".txt")) : [];
  if (files.length === 0) {
    throw new Error(
      `bench:dedup needs the seed documents (*.txt) in ${seedsDir}, the shared seeds folder beside the repository (../shared/seeds); it is missing or empty.`,
    );
  }
  const clauses = new Set<string>();
  for (const file of files.sort()) {
    // The seeds are PDF extractions with line breaks inside sentences and page numbers like "— 2 —".
    const text = fs
      .readFileSync(path.join(seedsDir, file), "utf8")
      .replace(/\s+/g, "")
      .replace(/[—-]\d+[—-]/g, "");
    for (const piece of text.split(/[。！？；，、：:,]/)) {
      // Drop list numbering ("5．", "（五）", "——") so that recombined sentences read as prose.
      const clause = piece
        .replace(/^[^\p{Script=Han}\p{L}\p{N}]+/u, "")
        .replace(/^[一二三四五六七八九十\d]+[）)．.、]+/u, "");
      const han = clause.match(/\p{Script=Han}/gu)?.length ?? 0;
      if (clause.length >= 6 && clause.length <= 40 && han >= 4) clauses.add(clause);
    }
  }
  return [...clauses];
}

const TITLE_ENDINGS = ["关键技术研究", "研发及产业化", "应用示范", "技术攻关", "创新平台建设", "集成与推广"];

export function generateText(random: Random, clauses: readonly string[]): BenchText {
  const sentence = () =>
    `${Array.from({ length: between(random, 1, 3) }, () => pick(random, clauses)).join("，")}。`;
  const sentences = (min: number, max: number) => Array.from({ length: between(random, min, max) }, sentence);
  const short = clauses.filter((c) => c.length <= 14);
  return {
    title: `${pick(random, short)}${pick(random, TITLE_ENDINGS)}`,
    sections: [sentences(3, 5), sentences(10, 18), sentences(3, 6)],
  };
}

/**
 * The text the duplicate check compares: the applicant's own writing, one section a paragraph. The
 * form's headings (项目摘要, 研究内容 …) are left out, as the server should leave them out: every
 * application shares them, so they would only add similarity between unrelated texts.
 */
export function renderText(t: BenchText): { title: string; text: string } {
  return { title: t.title, text: t.sections.map((s) => s.join("")).join("\n") };
}

// Near-synonyms an applicant swaps in to disguise a resubmission (变相重复申报).
const SYNONYMS: Record<string, string> = Object.fromEntries(
  (
    "提高:提升 加强:强化 推动:推进 促进:带动 建设:构建 开展:实施 企业:公司 研究:研发 突破:攻克 关键:核心 " +
    "完善:健全 支持:扶持 实现:达到 培育:培养 重点:重要 创新:革新 能力:水平 平台:载体 项目:课题 资金:经费 " +
    "应用:运用 产业:行业 加快:加速 全面:全方位 积极:主动 显著:明显 体系:系统 机制:制度 优化:改进 形成:打造"
  )
    .split(" ")
    .flatMap((pair) => {
      const [a, b] = pair.split(":") as [string, string];
      return [
        [a, b],
        [b, a],
      ];
    }),
);

const HAN_WORD = /^\p{Script=Han}+$/u;

export interface PlantOptions {
  /** Share of the text's characters replaced by new sentences, e.g. 0.1–0.3. */
  rewriteRate: number;
  /** Chance for each word with a listed near-synonym to be replaced by it. */
  synonymRate: number;
  /** Chance for each pair of neighbouring words to trade places. */
  swapRate: number;
}

/**
 * A disguised resubmission of `source`: `rewriteRate` of its characters replaced by new sentences,
 * near-synonyms and swapped neighbouring words in the rest, sentences shuffled within each
 * section, and a new title ending.
 */
export function plantDuplicate(
  random: Random,
  clauses: readonly string[],
  source: BenchText,
  segment: (text: string) => string[],
  options: PlantOptions,
): BenchText {
  const fresh = generateText(random, clauses).sections.flat();
  const sections = source.sections.map((s) => [...s]);
  const places = shuffle(
    random,
    sections.flatMap((s, i) => s.map((_, j) => [i, j] as const)),
  );
  const total = sections.flat().reduce((n, s) => n + s.length, 0);
  const replaced = new Set<string>();
  let rewritten = 0;
  for (const [i, j] of places) {
    if (rewritten >= options.rewriteRate * total) break;
    const section = sections[i] as string[];
    rewritten += (section[j] as string).length;
    section[j] = pick(random, fresh);
    replaced.add(`${i}:${j}`);
  }
  const edit = (sentence: string) => {
    const words = segment(sentence).map((w) => (random() < options.synonymRate ? (SYNONYMS[w] ?? w) : w));
    for (let k = 0; k + 1 < words.length; k++) {
      if (
        random() < options.swapRate &&
        HAN_WORD.test(words[k] as string) &&
        HAN_WORD.test(words[k + 1] as string)
      ) {
        [words[k], words[k + 1]] = [words[k + 1] as string, words[k] as string];
        k++;
      }
    }
    return words.join("");
  };
  return {
    title: source.title.replace(
      /(关键技术研究|研发及产业化|应用示范|技术攻关|创新平台建设|集成与推广)$/,
      () => pick(random, TITLE_ENDINGS),
    ),
    sections: sections.map((s, i) =>
      shuffle(
        random,
        s.map((x, j) => (replaced.has(`${i}:${j}`) ? x : edit(x))),
      ),
    ),
  };
}
