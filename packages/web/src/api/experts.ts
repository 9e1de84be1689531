import type {
  DisciplineDto,
  ExpertDto,
  ExpertImportProblemDto,
  ExpertImportReportDto,
  ExpertImportResultDto,
  ExpertListQuery,
  ExpertSelfBody,
  Page,
} from "@luoshu/contract";
import { apiFetch } from "./client";

export type Expert = ExpertDto;
export type ExpertQuery = ExpertListQuery;
export type ExpertImportReport = ExpertImportReportDto;
export type ExpertImportProblem = ExpertImportProblemDto;
export type ExpertImportResult = ExpertImportResultDto;
export type ExpertSelfInput = ExpertSelfBody;
export type Discipline = DisciplineDto;

export function fetchExperts(q: ExpertQuery): Promise<Page<Expert>> {
  return apiFetch("/experts", { query: q });
}

export function fetchDisciplines(): Promise<{ source: string; items: Discipline[] }> {
  return apiFetch("/disciplines");
}

export function setSuspension(id: string, suspend: boolean, reason: string): Promise<Expert> {
  return apiFetch(`/experts/${id}/${suspend ? "suspend" : "reinstate"}`, {
    method: "POST",
    body: { reason },
  });
}

export function dryRunImport(file: File): Promise<ExpertImportReport> {
  return apiFetch("/experts/import/dry-run", { method: "POST", body: file });
}

export function commitImport(file: File): Promise<ExpertImportResult> {
  return apiFetch("/experts/import/commit", { method: "POST", body: file });
}

export function fetchOwnExpert(): Promise<Expert> {
  return apiFetch("/experts/me");
}

export function updateOwnExpert(input: ExpertSelfInput): Promise<Expert> {
  return apiFetch("/experts/me", { method: "PATCH", body: input });
}

/** Downloads are plain links: the session cookie goes with them. */
export const expertTemplateUrl = "/api/experts/import/template.xlsx";
export function expertExportUrl(q: Omit<ExpertQuery, "page" | "pageSize">): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q))
    if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  const qs = params.toString();
  return `/api/experts/export.xlsx${qs ? `?${qs}` : ""}`;
}
