/**
 * Policy shapes as the web reads them. They mirror packages/domain/src/policy/policy.schema.ts but
 * every field is optional on purpose: policy files are data that evolves, and the browser must
 * still render what it can rather than crash on a section it does not know yet.
 */
import { apiFetch } from "./client";

export type PolicySource =
  | { kind: "clause"; doc?: string; clause?: string; textZh?: string }
  | { kind: "citySetting"; noteZh?: string; noteEn?: string };

export interface PolicySummary {
  city: string;
  version: string;
  cityNameZh?: string;
  cityNameEn?: string;
  titleZh?: string;
  titleEn?: string;
  effectiveFrom?: string;
}

export interface PolicyProgram {
  code: string;
  nameZh?: string;
  nameEn?: string;
  fundingMode?: string;
  yearlyCap?: { count?: number; source?: PolicySource };
  perProjectCapFen?: { amountFen?: number; lumpSum?: boolean; source?: PolicySource };
  selectionModes?: { mode: string; source?: PolicySource }[];
  subKinds?: { code: string; nameZh?: string; nameEn?: string }[];
  source?: PolicySource;
}

export interface PolicyCategory {
  code: string;
  group?: string;
  nameZh?: string;
  nameEn?: string;
  rules?: { kind: string; noteZh?: string; noteEn?: string; source?: PolicySource }[];
  source?: PolicySource;
}

export type IndirectCostRule =
  | {
      kind: "tiers";
      tiers?: { upToFen: number | null; rateBp: number }[];
      theoreticalRateBp?: number;
      source?: PolicySource;
    }
  | { kind: "unspecified"; noteZh?: string; noteEn?: string };

export interface GradeRule {
  ratioBp?: number;
  capFen?: number;
  source?: PolicySource;
}

export type PostSubsidyRule =
  | { kind: "byGrade"; programs?: string[]; grades?: Partial<Record<string, GradeRule>> }
  | { kind: "none"; noteZh?: string; noteEn?: string };

export interface ApprovalRule {
  approver?: string;
  source?: PolicySource;
}

export interface Policy extends PolicySummary {
  documents?: { code: string; docNumber?: string; titleZh?: string; issued?: string }[];
  programs?: PolicyProgram[];
  budget?: { categories?: PolicyCategory[] };
  indirectCost?: IndirectCostRule;
  postSubsidy?: PostSubsidyRule;
  changeApprovals?: {
    legalPerson?: ApprovalRule;
    principalInvestigator?: ApprovalRule;
    budgetAdjustment?: { equipment?: ApprovalRule; other?: ApprovalRule };
    extension?: ApprovalRule;
  };
  eligibility?: { code: string; descriptionZh?: string; descriptionEn?: string; source?: PolicySource }[];
  duplicateCheck?: { similarityThreshold?: number; source?: PolicySource };
}

export async function fetchPolicies(): Promise<PolicySummary[]> {
  // accept a bare array or a list envelope: the list endpoint's wrapper is not pinned down
  const body = await apiFetch<PolicySummary[] | { items?: PolicySummary[]; policies?: PolicySummary[] }>(
    "/policies",
  );
  if (Array.isArray(body)) return body;
  return body.items ?? body.policies ?? [];
}

export function fetchPolicy(city: string, version: string): Promise<Policy> {
  return apiFetch(`/policies/${encodeURIComponent(city)}/${encodeURIComponent(version)}`);
}
