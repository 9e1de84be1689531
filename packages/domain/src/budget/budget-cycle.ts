import type { Role } from "../identity/roles.ts";
import {
  type BudgetCycleRules,
  type BudgetCycleStep,
  budgetCycleSteps,
  citeSource,
  type Policy,
} from "../policy/policy.schema.ts";
import { DomainError } from "../shared/errors.ts";

/**
 * 两上两下 (LY-FUNDS §11): a budget year's four steps in order — the bureau's proposal (due 30
 * September of the year before), finance's control number, the bureau's adjusted draft with its
 * performance targets (due end of November, LY-FUNDS §23), finance's approved budget. Each is recorded
 * once, with its day, document and amount; the approved figure is what the ledger enforces.
 */
export interface CycleRecord {
  on: string;
  docNumber: string;
  amountFen: number;
  note: string;
  by: string;
  at: string;
}
export type CycleRecords = Partial<Record<BudgetCycleStep, CycleRecord>>;

export interface PerformanceTarget {
  program: string;
  indicator: string;
  target: string;
}

/** The city's budget steps, or a refusal where its documents set none (Datong: finance sets the figure). */
export function budgetCycleOf(policy: Policy): BudgetCycleRules {
  if (!policy.budgetCycle) {
    throw new DomainError({
      code: "DECISION_NOT_APPLICABLE",
      messageZh: `${policy.cityNameZh}的政策文件未规定“两上两下”预算程序；预算控制数由市财政局直接下达。`,
      messageEn: `${policy.cityNameEn}'s documents set no two-up-two-down budget steps; finance sets the figure directly.`,
    });
  }
  return policy.budgetCycle;
}

/** The first step not yet recorded, or null once the budget is approved. */
export const nextCycleStep = (records: CycleRecords): BudgetCycleStep | null =>
  budgetCycleSteps.find((s) => !records[s]) ?? null;

const actorRole: Record<"bureau" | "finance", Role> = { bureau: "programOfficer", finance: "financeOfficer" };

/** Each step with its due day (in the year before the budget's), whether recorded, and whether overdue. */
export function cycleSchedule(rules: BudgetCycleRules, year: number, records: CycleRecords, today: string) {
  return rules.steps.map((s) => {
    const due = s.dueBefore ? `${year - 1}-${s.dueBefore}` : null;
    const record = records[s.code] ?? null;
    return {
      code: s.code,
      actor: s.actor,
      nameZh: s.nameZh,
      nameEn: s.nameEn,
      due,
      record,
      overdue: !record && due !== null && today > due,
      source: citeSource(s.source),
    };
  });
}

/** Whether the caller records the next step: the bureau's officer or the finance officer, by the step. */
export function mayRecordStep(rules: BudgetCycleRules, records: CycleRecords, roles: readonly Role[]) {
  const next = nextCycleStep(records);
  const step = rules.steps.find((s) => s.code === next);
  return step !== undefined && roles.includes(actorRole[step.actor]);
}

/**
 * A step recorded: only the next one, by its actor, on a day not after today, with its document and
 * amount; the draft (二上) carries the program-level performance targets (LY-FUNDS §23).
 */
export function checkCycleStep(
  rules: BudgetCycleRules,
  records: CycleRecords,
  step: BudgetCycleStep,
  input: {
    roles: readonly Role[];
    on: string;
    today: string;
    performanceTargets: readonly PerformanceTarget[];
  },
): void {
  const next = nextCycleStep(records);
  const rule = rules.steps.find((s) => s.code === step);
  if (!rule) throw new DomainError({ code: "VALIDATION", path: "step" });
  if (!input.roles.includes(actorRole[rule.actor])) throw new DomainError({ code: "FORBIDDEN" });
  if (step !== next) {
    const expected = rules.steps.find((s) => s.code === next);
    throw new DomainError({
      code: "INVALID_TRANSITION",
      messageZh: next ? `须按“两上两下”顺序办理，下一步为：${expected?.nameZh}。` : "该年度预算已批复。",
      messageEn: next
        ? `The steps go in order; next is: ${expected?.nameEn}.`
        : "The year's budget is approved.",
      ...(rule.source.kind === "clause" ? { clause: `${rule.source.doc} ${rule.source.clause}` } : {}),
    });
  }
  if (input.on > input.today) {
    throw new DomainError({
      code: "VALIDATION",
      path: "on",
      messageZh: "办理日期不能晚于今天。",
      messageEn: "The day cannot be after today.",
    });
  }
  if (step === "secondUp" && input.performanceTargets.length === 0) {
    const src = rules.performanceTargets.source;
    throw new DomainError({
      code: "VALIDATION",
      path: "performanceTargets",
      messageZh: "报送预算草案须同步填报绩效目标。",
      messageEn: "The draft carries its performance targets.",
      ...(src.kind === "clause" ? { clause: `${src.doc} ${src.clause}` } : {}),
    });
  }
}
