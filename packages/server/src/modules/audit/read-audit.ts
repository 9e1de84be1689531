import type { AuditRepository } from "./audit.repository.ts";

type Deps = { repos: { audit: Pick<AuditRepository, "list" | "verify" | "seal"> } };

/** Audit records, newest first: only the auditor reads them (三员分立). */
export function listAudit(deps: Deps, input: { page: number; pageSize: number }) {
  return deps.repos.audit.list(input.page, input.pageSize);
}

/** Walks the SM3 chain; what has just been committed is chained first, so the answer is about the whole log. */
export async function verifyAudit(deps: Deps, input: { now: Date }) {
  await deps.repos.audit.seal({ wait: true });
  return deps.repos.audit.verify({ now: input.now });
}
