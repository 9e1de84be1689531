import type {
  BudgetCheckBody,
  BudgetCheckResultDto,
  PostSubsidyBody,
  PostSubsidyResultDto,
} from "@luoshu/contract";
import { apiFetch } from "./client";

/** Budget lines for one city; the server picks the policy in force there. */
export type BudgetCheckRequest = BudgetCheckBody;
export type BudgetCheckResult = BudgetCheckResultDto;
export type PostSubsidyRequest = PostSubsidyBody;
export type PostSubsidyResponse = PostSubsidyResultDto;

export function checkBudget(input: BudgetCheckRequest, signal?: AbortSignal): Promise<BudgetCheckResult> {
  return apiFetch("/budget/check", { method: "POST", body: input, signal });
}

export function computePostSubsidy(input: PostSubsidyRequest): Promise<PostSubsidyResponse> {
  return apiFetch("/budget/post-subsidy", { method: "POST", body: input });
}
