import type { AuditEntryDto, AuditListQuery, AuditVerdictDto, Page } from "@luoshu/contract";
import { apiFetch } from "./client";

export type AuditEntry = AuditEntryDto;
export type AuditVerifyResult = AuditVerdictDto;

export function fetchAudit(q: AuditListQuery): Promise<Page<AuditEntry>> {
  return apiFetch("/audit", { query: q });
}

export function verifyAudit(): Promise<AuditVerifyResult> {
  return apiFetch("/audit/verify");
}
