import { type BudgetLineInput, checkBudget } from "../budget/budget.rules.ts";
import type { Role } from "../identity/roles.ts";
import type { Approver, Policy } from "../policy/policy.schema.ts";
import { citeSource } from "../policy/source.schema.ts";
import { DomainError } from "../shared/errors.ts";
import { defineMachine } from "../shared/machine.ts";
import type { Cited } from "./task-book.ts";

/**
 * 变更 (DT-RULES §19; LY-FUNDS §18): the unit's legal person, the PI, a budget adjustment, an
 * extension for technical reasons. Who decides is the city's policy: in Datong the bureau approves
 * each, on the unit's application; in Luoyang an equipment adjustment is the unit's own decision and
 * the other lines the PI's, recorded on the platform without the bureau's approval. A project in the
 * lump-sum pilot (LY-FUNDS §13(一)) adjusts its whole budget itself.
 */
export const changeKinds = ["legalPerson", "principalInvestigator", "budgetAdjustment", "extension"] as const;
export type ChangeKind = (typeof changeKinds)[number];

export const changeStates = ["requested", "approved", "refused", "recorded"] as const;
export type ChangeState = (typeof changeStates)[number];

const bureau: readonly Role[] = ["programOfficer"];

/** A change the bureau decides; one the unit or the PI decides is `recorded` at once. */
export const changeMachine = defineMachine({
  name: "changeRequest",
  states: changeStates,
  labels: {
    requested: { zh: "已申请，待市科技局审批", en: "applied for, awaiting the bureau" },
    approved: { zh: "已批复", en: "approved" },
    refused: { zh: "不予批复", en: "refused" },
    recorded: { zh: "已自主决定并备案", en: "decided by the unit or PI and recorded" },
  },
  transitions: {
    approve: { from: ["requested"], to: "approved", roles: bureau },
    refuse: { from: ["requested"], to: "refused", roles: bureau },
  },
});
export type ChangeEvent = keyof typeof changeMachine.transitions;

/** The role that speaks for each decider. */
export const deciderRole: Record<Approver, Role> = {
  bureau: "programOfficer",
  unit: "unitAdmin",
  principalInvestigator: "principalInvestigator",
};

export type BudgetLine = { category: string; amountFen: number; purchaseFen?: number; note?: string };

/** What a change asks for, and what stood before it, by kind. */
export type ChangeValue =
  | { legalPersonName: string }
  | { piUserId: string | null; piName: string | null }
  | { lines: BudgetLine[] }
  | { endDate: string | null };

/** The budget groups whose lines an adjustment moves (a category whose amount changes). */
export function groupsMoved(policy: Policy, before: readonly BudgetLine[], after: readonly BudgetLine[]) {
  const sum = (lines: readonly BudgetLine[]) => {
    const m = new Map<string, number>();
    for (const l of lines) m.set(l.category, (m.get(l.category) ?? 0) + l.amountFen);
    return m;
  };
  const [b, a] = [sum(before), sum(after)];
  const moved = new Set<"equipment" | "other">();
  for (const c of new Set([...b.keys(), ...a.keys()])) {
    if ((b.get(c) ?? 0) === (a.get(c) ?? 0)) continue;
    const group = policy.budget.categories.find((x) => x.code === c)?.group;
    moved.add(group === "equipment" ? "equipment" : "other");
  }
  return moved;
}

/**
 * Who decides a change, and the rule that says so. A budget adjustment is decided under the equipment
 * rule when it moves the equipment line, under the other rule otherwise.
 */
export function changeDecider(
  policy: Policy,
  kind: ChangeKind,
  budget?: { before: readonly BudgetLine[]; after: readonly BudgetLine[]; lumpSumPilot: Cited | null },
): { decider: Approver; source: Cited } {
  const rules = policy.changeApprovals;
  if (kind !== "budgetAdjustment") {
    const r = rules[kind];
    return { decider: r.approver, source: citeSource(r.source) };
  }
  const moved = groupsMoved(policy, budget?.before ?? [], budget?.after ?? []);
  if (moved.size === 0) {
    throw new DomainError({
      code: "VALIDATION",
      path: "lines",
      messageZh: "调剂后的预算与现行预算相同。",
      messageEn: "The adjusted budget is the same as the current one.",
    });
  }
  // a lump-sum pilot project's unit adjusts the whole budget, but an adjustment still moves something
  if (budget?.lumpSumPilot) return { decider: "unit", source: budget.lumpSumPilot };
  // an adjustment that moves equipment is the equipment rule's (LY-FUNDS §18: the unit holds that
  // right and hands the other lines' to the PI); one among the other lines is the other rule's
  const rule = rules.budgetAdjustment[moved.has("equipment") ? "equipment" : "other"];
  return { decider: rule.approver, source: citeSource(rule.source) };
}

/**
 * 预算调剂 moves money between lines within the project's budget: the total stays, and the adjusted
 * budget is checked again by the city's budget rules (indirect-cost caps…), each finding with its clause.
 */
export function checkAdjustedBudget(
  policy: Policy,
  program: string,
  before: readonly BudgetLine[],
  after: readonly BudgetLineInput[],
) {
  const total = (lines: readonly { amountFen: number }[]) => lines.reduce((s, l) => s + l.amountFen, 0);
  if (total(after) !== total(before)) {
    throw new DomainError({
      code: "VALIDATION",
      path: "lines",
      messageZh: `预算调剂不改变项目预算总额（现为 ${(total(before) / 100).toFixed(2)} 元）。`,
      messageEn: `An adjustment keeps the budget's total (now ¥${(total(before) / 100).toFixed(2)}).`,
      details: { totalFen: total(before), adjustedFen: total(after) },
    });
  }
  const result = checkBudget(policy, { program, lines: [...after] });
  const [first] = result.violations;
  if (first) throw new DomainError({ ...first, details: { violations: result.violations } });
  return result;
}

/** Changes that took effect: approved by the bureau, or decided and recorded by the unit or PI. */
export const changeTookEffect = (status: ChangeState) => status === "approved" || status === "recorded";

/**
 * What the effective changes of a kind left, starting from what the task book set: the latest
 * effective change's value, by the time it took effect.
 */
export function currentValue<T extends ChangeValue>(
  initial: T,
  kind: ChangeKind,
  changes: readonly { kind: ChangeKind; status: ChangeState; after: ChangeValue; decidedAt: Date | null }[],
): T {
  const effective = changes
    .filter((c) => c.kind === kind && changeTookEffect(c.status) && c.decidedAt)
    .sort((a, b) => (a.decidedAt?.getTime() ?? 0) - (b.decidedAt?.getTime() ?? 0));
  return (effective.at(-1)?.after as T | undefined) ?? initial;
}
