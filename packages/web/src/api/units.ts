import type { UnitKind } from "@luoshu/domain";
import { apiFetch } from "./client";
import type { Page, Unit } from "./types";

export interface UnitQuery {
  page: number;
  pageSize: number;
  keyword?: string;
  kind?: UnitKind;
  district?: string;
  /** Platform administrators only; everyone else is held to their own city by the server. */
  city?: string;
}

export interface UnitInput {
  cityCode?: string;
  uscc: string;
  nameZh: string;
  kind: UnitKind;
  districtCode: string;
  legalRepresentative: string;
}

export function fetchUnits(q: UnitQuery): Promise<Page<Unit>> {
  return apiFetch("/units", { query: { ...q } });
}

export function createUnit(input: UnitInput): Promise<Unit> {
  return apiFetch("/units", { method: "POST", body: input });
}

export function updateUnit(id: string, input: Partial<UnitInput>): Promise<Unit> {
  return apiFetch(`/units/${encodeURIComponent(id)}`, { method: "PATCH", body: input });
}
