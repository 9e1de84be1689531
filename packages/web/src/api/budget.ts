import type {
  BudgetCheckResult,
  BudgetInput,
  CityCode,
  computePostSubsidy as domainPostSubsidy,
  PostSubsidyResult,
} from "@luoshu/domain";
import { apiFetch } from "./client";

/** The domain's budget input for one city; the server picks the policy in force there. */
export type BudgetCheckRequest = BudgetInput & { city: CityCode };

/** The domain's post-subsidy input (program, grade, verified R&D spend) for one city. */
export type PostSubsidyRequest = Parameters<typeof domainPostSubsidy>[1] & { city: CityCode };

/** The server's response schema leaves out the source, which the policy page already shows. */
export type PostSubsidyResponse = Omit<PostSubsidyResult, "source">;

export function checkBudget(input: BudgetCheckRequest, signal?: AbortSignal): Promise<BudgetCheckResult> {
  return apiFetch("/budget/check", { method: "POST", body: input, signal });
}

export function computePostSubsidy(input: PostSubsidyRequest): Promise<PostSubsidyResponse> {
  return apiFetch("/budget/post-subsidy", { method: "POST", body: input });
}
