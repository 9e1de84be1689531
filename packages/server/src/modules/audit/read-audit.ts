import type { AuditListFilter } from "@luoshu/contract";
import { auditActionLabel, auditEntityLabel } from "@luoshu/domain";
import type { DocumentRenderer } from "../../lib/documents/render-pool.ts";
import type { AuditFilter, AuditRepository } from "./audit.repository.ts";

type Deps = { repos: { audit: Pick<AuditRepository, "list" | "verify" | "seal" | "exportRows"> } };

/** The export's row limit: the newest records that match, the sheet says how many matched in all. */
export const auditExportLimit = 5000;
const jsonCell = 1000;

const filterOf = (f: AuditListFilter): AuditFilter => ({
  ...f,
  from: f.from ? new Date(f.from) : undefined,
  to: f.to ? new Date(f.to) : undefined,
});

/** Audit records, newest first, filtered: only the auditor reads them (三员分立). */
export function listAudit(deps: Deps, input: { filter: AuditListFilter; page: number; pageSize: number }) {
  return deps.repos.audit.list(filterOf(input.filter), input.page, input.pageSize);
}

/** The filtered records as .xlsx, rendered on a worker thread like every other document. */
export async function exportAudit(
  deps: Deps & { documents: DocumentRenderer },
  input: { filter: AuditListFilter; now: Date },
) {
  const { rows, total } = await deps.repos.audit.exportRows(filterOf(input.filter), auditExportLimit);
  const f = input.filter;
  const described = [
    f.actor && `操作人：${f.actor}`,
    f.action && `操作：${auditActionLabel(f.action).zh}`,
    f.entityType && `对象类型：${auditEntityLabel(f.entityType).zh}`,
    f.from && `自 ${f.from}`,
    f.to && `至 ${f.to}`,
  ]
    .filter(Boolean)
    .join("；");
  const text = (v: unknown) => (v === null || v === undefined ? "" : JSON.stringify(v).slice(0, jsonCell));
  return deps.documents.render("auditList", {
    rows: rows.map((r) => ({ ...r, before: text(r.before), after: text(r.after) })),
    options: { filtersDescription: described, total, generatedAt: input.now },
  });
}

/** Walks the SM3 chain; what has just been committed is chained first, so the answer is about the whole log. */
export async function verifyAudit(deps: Deps, input: { now: Date }) {
  await deps.repos.audit.seal({ wait: true });
  return deps.repos.audit.verify({ now: input.now });
}
