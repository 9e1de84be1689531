import type { NeedDto, NeedListQuery, NeedTriageBody, Page, PublicNeedBody } from "@luoshu/contract";
import { apiFetch } from "./client";

export type Need = NeedDto;
export type NeedQuery = NeedListQuery;
export type PublicNeedInput = PublicNeedBody;
export type TriageDecision = NeedTriageBody;

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
