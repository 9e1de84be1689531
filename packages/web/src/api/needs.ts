import type { CityCode, NeedState } from "@luoshu/domain";
import { apiFetch } from "./client";
import type { Page } from "./types";

/** A need as the bureau sees it: what the public typed (without the contact), and its triage. */
export interface Need extends Omit<PublicNeedInput, "city" | "submitterContact"> {
  id: string;
  cityCode: CityCode;
  status: NeedState;
  statusZh: string;
  mergedInto: string | null;
  decisionReason: string | null;
  createdAt: string;
}

export interface NeedQuery {
  page: number;
  pageSize: number;
  status?: NeedState;
}

export interface PublicNeedInput {
  city: CityCode;
  title: string;
  field: string;
  problem: string;
  expectedIndicators: string;
  coFundingFen: number;
  submitterName: string;
  submitterContact: string;
}

export type TriageDecision =
  | { event: "accept"; reason?: string }
  | { event: "merge"; into: string; reason?: string }
  | { event: "reject"; reason: string };

export function fetchNeeds(q: NeedQuery): Promise<Page<Need>> {
  return apiFetch("/needs", { query: { ...q } });
}

export function triageNeed(id: string, decision: TriageDecision): Promise<Need> {
  return apiFetch(`/needs/${encodeURIComponent(id)}/triage`, { method: "POST", body: decision });
}

/** Public and rate-limited; works signed in or not. */
export function submitPublicNeed(input: PublicNeedInput): Promise<Need> {
  return apiFetch("/public/needs", { method: "POST", body: input });
}
