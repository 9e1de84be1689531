import { apiFetch } from "./client";
import type { BudgetCheckRequest, BudgetCheckResult, PostSubsidyRequest, PostSubsidyResult } from "./types";

export function checkBudget(input: BudgetCheckRequest, signal?: AbortSignal): Promise<BudgetCheckResult> {
  return apiFetch("/budget/check", { method: "POST", body: input, signal });
}

export function computePostSubsidy(input: PostSubsidyRequest): Promise<PostSubsidyResult> {
  return apiFetch("/budget/post-subsidy", { method: "POST", body: input });
}
