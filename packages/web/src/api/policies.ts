import type { PolicySummary } from "@luoshu/contract";
import type { BudgetCategory, Policy, Program, Source } from "@luoshu/domain";
import { apiFetch } from "./client";

// The detail response is the domain's own policy schema (the contract's policyResponseSchema).
export type { IndirectCostRule, Policy, PostSubsidyRule } from "@luoshu/domain";
export type { PolicySummary };
export type PolicySource = Source;
export type PolicyProgram = Program;
export type PolicyCategory = BudgetCategory;

export function fetchPolicies(): Promise<PolicySummary[]> {
  return apiFetch("/policies");
}

export function fetchPolicy(city: string, version: string): Promise<Policy> {
  return apiFetch(`/policies/${encodeURIComponent(city)}/${encodeURIComponent(version)}`);
}
