import type { Page, UnitCreateBody, UnitDto, UnitListQuery, UnitUpdateBody } from "@luoshu/contract";
import { apiFetch } from "./client";

export type Unit = UnitDto;
export type UnitQuery = UnitListQuery;
export type UnitInput = UnitCreateBody;
export type { UnitUpdateBody };

export function fetchUnits(q: UnitQuery): Promise<Page<Unit>> {
  return apiFetch("/units", { query: { ...q } });
}

export function createUnit(input: UnitInput): Promise<Unit> {
  return apiFetch("/units", { method: "POST", body: input });
}

export function updateUnit(id: string, input: UnitUpdateBody): Promise<Unit> {
  return apiFetch(`/units/${encodeURIComponent(id)}`, { method: "PATCH", body: input });
}
