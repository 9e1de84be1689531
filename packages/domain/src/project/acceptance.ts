import type { Role } from "../identity/roles.ts";
import type { Policy } from "../policy/policy.schema.ts";
import type { Source } from "../policy/source.schema.ts";
import { DomainError, invalidTransition } from "../shared/errors.ts";
import { defineMachine } from "../shared/machine.ts";
import type { BudgetLine } from "./change-request.ts";

/**
 * 结题验收申请 (DT-RULES §18, §23; LY-FUNDS §22–23; LY-PLAN §七(四)): the unit submits, against its task
 * book, the value achieved for every target with evidence, its S&T report (科技报告), the settlement of
 * the project's separate ledger by budget line, and the integrity commitment for acceptance. The
 * bureau's panel scores it (assessment.ts); a deferred acceptance returns to the unit to supplement.
 */
export const acceptanceStates = ["submitted", "returned", "accepted", "failed"] as const;
export type AcceptanceState = (typeof acceptanceStates)[number];

const reporters: readonly Role[] = ["unitAdmin", "principalInvestigator"];
const bureau: readonly Role[] = ["programOfficer"];

export const acceptanceMachine = defineMachine({
  name: "acceptance",
  states: acceptanceStates,
  labels: {
    submitted: { zh: "已提交验收申请", en: "submitted for acceptance" },
    returned: { zh: "暂缓验收，待补充材料", en: "deferred: the unit supplements" },
    accepted: { zh: "验收通过", en: "accepted" },
    failed: { zh: "验收不通过", en: "failed" },
  },
  transitions: {
    resubmit: { from: ["returned"], to: "submitted", roles: reporters },
    defer: { from: ["submitted"], to: "returned", roles: bureau },
    pass: { from: ["submitted"], to: "accepted", roles: bureau },
    fail: { from: ["submitted"], to: "failed", roles: bureau },
  },
});

/**
 * Whether a project's acceptance has concluded (结题): passed, failed, or a filed project closed by its
 * unit (recorded as accepted). A concluded project has nothing left to terminate.
 */
export const acceptanceConcluded = (status: AcceptanceState | null | undefined): boolean =>
  status === "accepted" || status === "failed";

/** The unit's commitment for acceptance (LY-PLAN §七(四): integrity commitments at every stage). */
export const acceptanceCommitmentZh =
  "本单位承诺：所提交的验收材料真实、准确、完整，考核指标完成情况和经费决算如实填报，不存在弄虚作假、抄袭剽窃等科研失信行为。如有不实，愿承担相应责任。";

export interface AcceptanceContent {
  /** The value reached for each task-book target, by its index, with the evidence. */
  achievements: { index: number; achieved: number; evidence: string }[];
  /** 科技报告 (DT-RULES §18): the report's abstract as submitted. */
  report: string;
  /** 经费决算 from the project's separate ledger (LY-FUNDS §22): spent per budget line. */
  settlement: { category: string; spentFen: number }[];
  /** The integrity commitment, confirmed. */
  commitment: true;
}

const invalid = (path: string, zh: string, en: string) =>
  new DomainError({ code: "VALIDATION", path, messageZh: zh, messageEn: en });

/**
 * Refuses materials that leave something out: a target without its achieved value and evidence, a
 * budget line without its settlement, a line unknown to the budget. Answers the settled total.
 */
export function checkAcceptance(
  terms: { targets: readonly { description: string }[]; budget: readonly BudgetLine[] },
  content: AcceptanceContent,
): { settledFen: number } {
  const seen = new Set<number>();
  for (const [i, a] of content.achievements.entries()) {
    if (!terms.targets[a.index] || seen.has(a.index))
      throw invalid(
        `achievements.${i}.index`,
        "任务书中没有该考核指标。",
        "The task book has no such target.",
      );
    seen.add(a.index);
    if (a.evidence.trim().length === 0)
      throw invalid(
        `achievements.${i}.evidence`,
        "请说明完成情况的佐证材料。",
        "Give the evidence for the value.",
      );
  }
  const missed = terms.targets.findIndex((_, i) => !seen.has(i));
  if (missed >= 0)
    throw invalid(
      "achievements",
      `请填报考核指标“${terms.targets[missed]?.description}”的完成值。`,
      `Report the value reached for "${terms.targets[missed]?.description}".`,
    );
  if (content.report.trim().length === 0)
    throw invalid("report", "请提交科技报告摘要。", "Give the S&T report's abstract.");
  const settled = new Map<string, number>();
  for (const [i, s] of content.settlement.entries()) {
    if (!terms.budget.some((l) => l.category === s.category) || settled.has(s.category))
      throw invalid(`settlement.${i}.category`, "预算中没有该科目。", "The budget has no such line.");
    settled.set(s.category, s.spentFen);
  }
  if (terms.budget.some((l) => !settled.has(l.category)))
    throw invalid("settlement", "请填报每个预算科目的决算支出。", "Settle every budget line.");
  return { settledFen: [...settled.values()].reduce((a, b) => a + b, 0) };
}

/**
 * 县区意见 (DT-RULES §17; LY-FUNDS §7–8): the project's district S&T department joins acceptance with
 * its opinion, agreeing or not, which the bureau reads before concluding the panel. It is given while
 * the application waits for the conclusion (submitted), not on a deferred or concluded one; a second
 * opinion replaces the first.
 */
export function checkDistrictOpinion(
  status: AcceptanceState | undefined,
  opinion: { agrees: boolean; opinion: string },
): void {
  if (status !== "submitted")
    throw invalidTransition(
      "项目没有待结论的验收申请，不能提出县区意见。",
      "The project has no acceptance application awaiting its conclusion.",
      { state: status ?? null },
    );
  if (typeof opinion.agrees !== "boolean")
    throw invalid("agrees", "请选择是否同意验收。", "Say whether the district agrees.");
  if (opinion.opinion.trim().length === 0)
    throw invalid("opinion", "请填写县区意见。", "Give the district's opinion.");
}

/**
 * The lines a project settles by: its current budget, or, for a project drawn without an application
 * (a directed commission, an open challenge) whose task book has no budget, the city's budget
 * categories, so that what it spent is still settled line by line (LY-FUNDS §22).
 */
export function settlementLines(policy: Policy, budget: readonly BudgetLine[]): BudgetLine[] {
  return budget.length > 0
    ? [...budget]
    : policy.budget.categories.map((c) => ({ category: c.code, amountFen: 0 }));
}

/** The R&D spend the bureau verifies (核定) is at most what the unit settled. */
export function checkVerifiedRd(verifiedRdFen: number, settledFen: number): void {
  if (verifiedRdFen > settledFen)
    throw invalid(
      "verifiedRdFen",
      "核定的研发经费不能超过单位决算的支出合计。",
      "The verified R&D spend cannot exceed what the unit settled.",
    );
}

/**
 * 自行组织结项 (LY-REFORM §三(三)1): a filed (备案) project — Luoyang's guiding projects, funded by
 * their unit — is closed by its unit, which runs its own acceptance; the platform records it. The
 * clause the program is filed under, or null where the program is not filed.
 */
export function selfClosureSource(policy: Policy, program: string): Source | null {
  const p = policy.programs.find((x) => x.code === program);
  if (p?.fundingMode !== "filing") return null;
  return p.selectionModes.find((m) => m.mode === "filing")?.source ?? p.source;
}
