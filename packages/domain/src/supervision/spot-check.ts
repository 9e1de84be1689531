import type { Policy } from "../policy/policy.schema.ts";
import { citeSource } from "../policy/source.schema.ts";
import { chinaDateOf } from "../shared/dates.ts";
import { DomainError } from "../shared/errors.ts";
import { seededUniform } from "../shared/seeded-random.ts";

/**
 * 随机抽查 (LY-PLAN §七(四)): each cycle the bureau draws a share of the projects in execution by a
 * published algorithm with a recorded seed, so that anyone can draw again from the public page and
 * get the same projects. Every inspection the platform records (a spot check, an audit, a finance
 * check) counts towards "at most one per project per cycle", which the database keeps.
 */
export const inspectionKinds = ["spotCheck", "audit", "financeCheck"] as const;
export type InspectionKind = (typeof inspectionKinds)[number];

export const inspectionResults = ["noIssues", "issuesFound"] as const;
export type InspectionResult = (typeof inspectionResults)[number];

/** The algorithm's name as published with each draw; a new algorithm gets a new name. */
export const spotCheckAlgorithm = "mulberry32-fisher-yates-v1";

/** The algorithm in words, as the public page shows it next to the seed and the lists. */
export const spotCheckAlgorithmText = {
  zh: "将待抽查项目编号按字符编码升序排列（共 n 个），以记录的种子初始化 mulberry32 伪随机数发生器；依次对第 i 个位置（i 从 0 开始）取 j = i + ⌊u × (n − i)⌋（u 为发生器的下一个数），交换第 i 与第 j 个编号，直至取满 k = ⌈n × 抽查比例⌉ 个；前 k 个编号即抽中项目。",
  en: "Sort the eligible project numbers by code unit (n of them) and seed mulberry32 with the recorded seed; for each position i from 0, take j = i + ⌊u × (n − i)⌋ with u the generator's next number and swap positions i and j, until k = ⌈n × rate⌉ are placed; the first k numbers are drawn.",
};

/** The number drawn from n eligible projects at a rate in per cent: rounded up, so a rate never draws nothing. */
export const drawSize = (n: number, ratePercent: number): number =>
  Math.min(n, Math.ceil((n * ratePercent) / 100));

/**
 * The draw: the same eligible numbers, rate and seed give the same projects anywhere, in the server
 * or in a browser. Order of the input does not matter; duplicates count once.
 */
export function drawSpotCheck(eligible: readonly string[], ratePercent: number, seed: number): string[] {
  // code-unit order, not a locale's, so that every reader sorts alike
  const pool = [...new Set(eligible)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const k = drawSize(pool.length, ratePercent);
  const next = seededUniform(seed);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j] as string, pool[i] as string];
  }
  return pool.slice(0, k);
}

/** The cycle an instant belongs to: the calendar year in China. */
export const cycleOf = (at: Date): number => Number(chinaDateOf(at).slice(0, 4));

/** The city's supervision rules, or the refusal where its documents set none (Datong). */
export function supervisionOf(policy: Policy) {
  const rules = policy.supervision;
  if (!rules) {
    throw new DomainError({
      code: "DECISION_NOT_APPLICABLE",
      messageZh: `${policy.cityNameZh}的政策文件未规定随机抽查。`,
      messageEn: `${policy.cityNameEn}'s policy documents set no spot checks.`,
    });
  }
  return {
    ratePercent: rules.spotCheck.ratePercent.value,
    rateSource: citeSource(rules.spotCheck.ratePercent.source),
    cycleSource: citeSource(rules.spotCheck.cycle.source),
    source: citeSource(rules.spotCheck.source),
    oncePerCycleSource: citeSource(rules.atMostOncePerCycle.source),
  };
}
