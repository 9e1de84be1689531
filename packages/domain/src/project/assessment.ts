import type { Role } from "../identity/roles.ts";
import { citeSource } from "../policy/source.schema.ts";
import type { MidTermRules } from "../policy/tracking.schema.ts";
import { weightedTotal } from "../review/scoring.ts";
import { DomainError } from "../shared/errors.ts";
import { defineMachine } from "../shared/machine.ts";

/**
 * 期中评估 (LY-FUNDS §13(一)): the bureau convenes a panel from the expert pool (no expert with a
 * conflict with the project's unit), each expert scores the city's scorecard, and once all have, the
 * bureau concludes: the panel's mean decides whether the assessment passes, which releases the node
 * paid after it; held, the bureau may convene another. Acceptance will reuse the panel.
 */
export const assessmentStates = ["convened", "passed", "held"] as const;
export type AssessmentState = (typeof assessmentStates)[number];

const bureau: readonly Role[] = ["programOfficer"];

export const assessmentMachine = defineMachine({
  name: "assessment",
  states: assessmentStates,
  labels: {
    convened: { zh: "专家评估中", en: "with the panel" },
    passed: { zh: "评估通过", en: "passed" },
    held: { zh: "评估未通过，暂缓拨付", en: "not passed, payment held" },
  },
  transitions: {
    pass: { from: ["convened"], to: "passed", roles: bureau },
    hold: { from: ["convened"], to: "held", roles: bureau },
  },
});

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
  event: "pass" | "hold" | null;
}

/** The panel's result: everyone scored, then the mean against the city's pass mark. */
export function assessmentOutcome(rules: MidTermRules, sheets: readonly PanelSheet[]): AssessmentOutcome {
  const totals = sheets.flatMap((s) => (s.scores ? [weightedTotal(rules.scorecard.criteria, s.scores)] : []));
  const mean =
    totals.length === 0
      ? null
      : Math.floor((totals.reduce((a, b) => a + b, 0) * 2 + totals.length) / (2 * totals.length));
  const complete = sheets.length > 0 && totals.length === sheets.length;
  return {
    totals,
    mean,
    event: complete && mean !== null ? (mean >= rules.passMark.value * 100 ? "pass" : "hold") : null,
  };
}

/** Refuses a panel smaller than the city's size or naming an expert twice. */
export function checkPanel(rules: MidTermRules, expertIds: readonly string[]): void {
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
export function checkScores(rules: MidTermRules, scores: readonly number[]): void {
  const n = rules.scorecard.criteria.length;
  if (scores.length !== n || scores.some((s) => !Number.isInteger(s) || s < 0 || s > 100))
    throw new DomainError({
      code: "VALIDATION",
      path: "scores",
      messageZh: `请为全部 ${n} 项指标打分（0–100 的整数）。`,
      messageEn: `Score all ${n} criteria in whole points from 0 to 100.`,
    });
}
