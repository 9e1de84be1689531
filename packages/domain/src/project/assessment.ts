import type { Role } from "../identity/roles.ts";
import type { PerformanceGrade } from "../policy/policy.schema.ts";
import { citeSource } from "../policy/source.schema.ts";
import type { AcceptanceRules, MidTermRules } from "../policy/tracking.schema.ts";
import { weightedTotal } from "../review/scoring.ts";
import { DomainError } from "../shared/errors.ts";
import { defineMachine } from "../shared/machine.ts";

/**
 * 期中评估 (LY-FUNDS §13(一)) and 结题验收 (DT-RULES §23; LY-FUNDS §23): the bureau convenes a panel
 * from the expert pool (no expert with a conflict with the project's unit), each expert scores the
 * city's scorecard, and once all have, the bureau concludes as the panel's mean calls for. A mid-term
 * passes (releasing the node paid after it) or is held, and another may be convened; an acceptance
 * passes with the grade its mean earns or fails. The bureau may defer an acceptance at any time, for
 * materials the unit is to supplement.
 */
export const assessmentKinds = ["midTerm", "acceptance"] as const;
export type AssessmentKind = (typeof assessmentKinds)[number];

export const assessmentStates = ["convened", "passed", "held", "failed", "deferred", "withdrawn"] as const;
export type AssessmentState = (typeof assessmentStates)[number];

const bureau: readonly Role[] = ["programOfficer"];

export const assessmentMachine = defineMachine({
  name: "assessment",
  states: assessmentStates,
  labels: {
    convened: { zh: "专家评估中", en: "with the panel" },
    passed: { zh: "通过", en: "passed" },
    held: { zh: "未通过，暂缓拨付", en: "not passed, payment held" },
    failed: { zh: "验收不通过", en: "failed" },
    deferred: { zh: "暂缓验收，待补充材料", en: "deferred for more materials" },
    withdrawn: { zh: "已撤回（项目已终止或撤销）", en: "withdrawn: the project was closed" },
  },
  transitions: {
    pass: { from: ["convened"], to: "passed", roles: bureau },
    hold: { from: ["convened"], to: "held", roles: bureau },
    fail: { from: ["convened"], to: "failed", roles: bureau },
    defer: { from: ["convened"], to: "deferred", roles: bureau },
    // a project terminated or revoked while its panel sits: whichever bureau closed it ends the panel
    withdraw: { from: ["convened"], to: "withdrawn", roles: ["programOfficer", "financeOfficer"] },
  },
});
export type AssessmentEvent = keyof typeof assessmentMachine.transitions;

/** The conclusions each kind has: a mid-term passes or holds; an acceptance passes, fails or waits. */
export const conclusionsOf: Record<AssessmentKind, readonly AssessmentEvent[]> = {
  midTerm: ["pass", "hold"],
  acceptance: ["pass", "fail", "defer"],
};

export type PanelRules = MidTermRules | AcceptanceRules;

/** 绩效评价等级 from the panel's mean (hundredths) by the city's lowest mean of each grade. */
export function gradeOf(rules: AcceptanceRules, mean: number): PerformanceGrade {
  const g = rules.grades;
  if (mean >= g.excellent * 100) return "excellent";
  if (mean >= g.good * 100) return "good";
  if (mean >= g.pass * 100) return "pass";
  return "fail";
}

export interface PanelSheet {
  expertId: string;
  /** null until the expert submits. */
  scores: readonly number[] | null;
}

export interface AssessmentOutcome {
  /** Each submitted expert's weighted total, hundredths of a point. */
  totals: number[];
  /** Mean of the totals, hundredths, rounded half up; null before any is submitted. */
  mean: number | null;
  /** The event the mean calls for once every expert has scored; null while any has not. */
  event: "pass" | "hold" | "fail" | null;
  /** An acceptance's grade by the mean, once every expert has scored. */
  grade: PerformanceGrade | null;
}

/**
 * The panel's result: everyone scored, then the mean against the city's pass mark (a mid-term) or
 * its grades (an acceptance, which fails below the pass grade).
 */
export function assessmentOutcome(rules: PanelRules, sheets: readonly PanelSheet[]): AssessmentOutcome {
  const totals = sheets.flatMap((s) => (s.scores ? [weightedTotal(rules.scorecard.criteria, s.scores)] : []));
  const mean =
    totals.length === 0
      ? null
      : Math.floor((totals.reduce((a, b) => a + b, 0) * 2 + totals.length) / (2 * totals.length));
  if (!(sheets.length > 0 && totals.length === sheets.length) || mean === null)
    return { totals, mean, event: null, grade: null };
  if ("passMark" in rules)
    return { totals, mean, event: mean >= rules.passMark.value * 100 ? "pass" : "hold", grade: null };
  const grade = gradeOf(rules, mean);
  return { totals, mean, event: grade === "fail" ? "fail" : "pass", grade };
}

/** Refuses a panel smaller than the city's size or naming an expert twice. */
export function checkPanel(rules: PanelRules, expertIds: readonly string[]): void {
  if (new Set(expertIds).size !== expertIds.length)
    throw new DomainError({
      code: "VALIDATION",
      path: "expertIds",
      messageZh: "同一专家不能重复列入评估组。",
      messageEn: "An expert is named twice.",
    });
  if (expertIds.length < rules.panelSize.value)
    throw new DomainError({
      code: "VALIDATION",
      path: "expertIds",
      messageZh: `评估专家组不少于 ${rules.panelSize.value} 人。`,
      messageEn: `The panel has at least ${rules.panelSize.value} experts.`,
      ...citeSource(rules.panelSize.source),
    });
}

/** Refuses a sheet that does not score every criterion in whole points 0–100. */
export function checkScores(rules: PanelRules, scores: readonly number[]): void {
  const n = rules.scorecard.criteria.length;
  if (scores.length !== n || scores.some((s) => !Number.isInteger(s) || s < 0 || s > 100))
    throw new DomainError({
      code: "VALIDATION",
      path: "scores",
      messageZh: `请为全部 ${n} 项指标打分（0–100 的整数）。`,
      messageEn: `Score all ${n} criteria in whole points from 0 to 100.`,
    });
}
