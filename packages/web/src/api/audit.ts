import type { AuditEntryDto, AuditVerdictDto, Page } from "@luoshu/contract";
import { apiFetch } from "./client";

export type AuditEntry = AuditEntryDto;
export type AuditVerifyResult = AuditVerdictDto;

export function fetchAudit(q: Pick<Page<AuditEntry>, "page" | "pageSize">): Promise<Page<AuditEntry>> {
  return apiFetch("/audit", { query: q });
}

export function verifyAudit(): Promise<AuditVerifyResult> {
  return apiFetch("/audit/verify");
}
