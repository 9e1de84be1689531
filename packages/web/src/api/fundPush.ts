import type {
  BudgetCycleDto,
  budgetCycleStepBody,
  FundPushDto,
  fundDecisionBody,
  fundPushBody,
} from "@luoshu/contract";
import type { BudgetCycleStep } from "@luoshu/domain";
import { apiFetch } from "./client";
import type { In } from "./decisions";

/** 基金推送 (LY-REFORM §二(三)): enterprises the bureau pushes to the fund, and the fund's decisions. */
export type FundPush = FundPushDto;
export type FundPushEvent = FundPushDto["actions"][number];
export type FundPushInput = In<typeof fundPushBody>;
export type FundDecisionInput = In<typeof fundDecisionBody>;

export function fetchFundPushes(mine: boolean): Promise<{ items: FundPush[]; total: number }> {
  return apiFetch("/fund-pushes", { query: { mine: mine ? "true" : undefined } });
}

export function pushEnterprise(input: FundPushInput): Promise<FundPush> {
  return apiFetch("/fund-pushes", { method: "POST", body: input });
}

export function decideFundPush(
  id: string,
  event: FundPushEvent,
  input: FundDecisionInput,
): Promise<FundPush> {
  return apiFetch(`/fund-pushes/${encodeURIComponent(id)}/events/${encodeURIComponent(event)}`, {
    method: "POST",
    body: input,
  });
}

/** 两上两下 (LY-FUNDS §11): the budget years' four steps between the bureau and finance. */
export type BudgetCycle = BudgetCycleDto;
export type BudgetCycleInput = In<typeof budgetCycleStepBody>;

export function fetchBudgetCycles(mine: boolean): Promise<{ items: BudgetCycle[]; total: number }> {
  return apiFetch("/budget/cycles", { query: { mine: mine ? "true" : undefined } });
}

export function recordBudgetStep(
  year: number,
  step: BudgetCycleStep,
  input: BudgetCycleInput,
): Promise<BudgetCycle> {
  return apiFetch(`/budget/cycles/${year}/steps/${encodeURIComponent(step)}`, {
    method: "POST",
    body: input,
  });
}
