import { apiFetch } from "./client";
import type { AuditEntry, AuditVerifyResult, Page } from "./types";

export function fetchAudit(q: { page: number; pageSize: number }): Promise<Page<AuditEntry>> {
  return apiFetch("/audit", { query: q });
}

export function verifyAudit(): Promise<AuditVerifyResult> {
  return apiFetch("/audit/verify");
}
