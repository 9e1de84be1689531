import { renderApplicationPdf } from "./application-pdf.ts";
import { solveReviewAssignment } from "./assignment-job.ts";
import { type AuditListOptions, type AuditListRow, renderAuditList } from "./audit-xlsx.ts";
import { renderCommitmentLetter } from "./commitment-letter.ts";
import { parseExpertSheet, renderExpertList, renderExpertTemplate } from "./expert-xlsx.ts";
import { renderLedgerBook } from "./ledger-xlsx.ts";
import { renderTaskBookDocx } from "./task-book-docx.ts";
import { renderTaskBookPdf } from "./task-book-pdf.ts";
import { type ApplicationListOptions, type ApplicationListRow, renderApplicationList } from "./xlsx.ts";

/**
 * Every document the server renders, by name: the render worker (render-worker.mjs) runs them and
 * callers ask the pool (render-pool.ts) for them by that name. Each takes one argument of plain data,
 * because it crosses to a worker thread by structured clone (no class instances or functions; dates
 * survive), and gives the file's bytes.
 */
export const renderers = {
  applicationPdf: renderApplicationPdf,
  commitmentLetter: renderCommitmentLetter,
  taskBookPdf: renderTaskBookPdf,
  taskBookDocx: renderTaskBookDocx,
  ledgerBook: renderLedgerBook,
  applicationList: ({
    rows,
    options,
  }: {
    rows: readonly ApplicationListRow[];
    options: ApplicationListOptions;
  }) => renderApplicationList(rows, options),
  auditList: ({ rows, options }: { rows: readonly AuditListRow[]; options: AuditListOptions }) =>
    renderAuditList(rows, options),
  expertTemplate: renderExpertTemplate,
  expertList: renderExpertList,
  /** Not a document but a spreadsheet read: the same threads, the same budget; answers JSON bytes. */
  expertSheet: parseExpertSheet,
  /** Not a document either: a reviewer assignment solved off the request thread; answers JSON bytes. */
  reviewAssignment: solveReviewAssignment,
};
