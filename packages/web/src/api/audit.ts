import type { AuditEntryDto, AuditListFilter, AuditListQuery, AuditVerdictDto, Page } from "@luoshu/contract";
import { apiFetch } from "./client";

export type AuditEntry = AuditEntryDto;
export type AuditVerifyResult = AuditVerdictDto;

export function fetchAudit(q: AuditListQuery): Promise<Page<AuditEntry>> {
  return apiFetch("/audit", { query: q });
}

export type AuditFilter = AuditListFilter;

/** The export is a plain link: the session cookie goes with it; the same filters as the list. */
export function auditExportUrl(f: AuditFilter): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) params.set(k, String(v));
  const qs = params.toString();
  return `/api/audit/export.xlsx${qs ? `?${qs}` : ""}`;
}

export function verifyAudit(): Promise<AuditVerifyResult> {
  return apiFetch("/audit/verify");
}
