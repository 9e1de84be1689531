import os from "node:os";
import { DomainError, type ErrorInit } from "@luoshu/domain";
import Piscina from "piscina";
import type { renderers } from "./renderers.ts";

/**
 * Documents (PDF, .xlsx) are rendered on worker threads, never on the request thread: the largest
 * application took seconds of CPU in pdfkit, and while it ran every other request waited, health
 * checks included. The pool is bounded three ways so that one applicant cannot take the server:
 * - threads: at most one fewer than the cores, so the request thread keeps a core (a lower priority
 *   for the threads was tried and dropped: on a busy machine it slowed renders several times over);
 * - a queue: with every thread busy and `threads × 8` documents waiting, a request is refused at
 *   once with DOCUMENTS_BUSY (429) instead of waiting behind everyone;
 * - a budget: an input larger than its kind allows is refused before rendering with
 *   DOCUMENT_TOO_LARGE (413), as is a PDF that runs past its page budget (pdf.ts), and a render
 *   (with its wait in the queue) that takes longer than the timeout is stopped with DOCUMENT_TIMEOUT.
 */

export type DocumentKind = keyof typeof renderers;
export type DocumentInput<K extends DocumentKind> = Parameters<(typeof renderers)[K]>[0];

export interface DocumentRenderer {
  render<K extends DocumentKind>(kind: K, input: DocumentInput<K>): Promise<Buffer>;
  /** Stops the workers; documents still waiting or rendering fail. */
  close(): Promise<void>;
}

/**
 * The size budget of each kind, in characters of its input as JSON, checked before rendering. The
 * largest valid application is about 350,000 (every text of the content schema at its limit, see
 * test/maximal-draft.ts); a list export carries up to 5,000 rows of about 400.
 */
export const maxInputChars: Record<DocumentKind, number> = {
  applicationPdf: 800_000,
  commitmentLetter: 50_000,
  // a task book carries the application's targets, milestones, budget and team, not its long texts
  taskBookPdf: 300_000,
  taskBookDocx: 300_000,
  // up to 1,000 projects and their payments, about 400 characters each
  ledgerBook: 2_000_000,
  applicationList: 4_000_000,
  // the audit export: up to 5,000 records with before/after cut to 1,000 characters each
  auditList: 12_000_000,
  expertTemplate: 10_000,
  // up to 500 experts of about 600 characters
  expertList: 4_000_000,
  // an uploaded sheet of at most 2 MB, as base64 (the route refuses a larger file first)
  expertSheet: 3_000_000,
  // affinities of up to 2,000 applications × 500 experts, about six characters each
  reviewAssignment: 8_000_000,
};

export interface RenderPoolOptions {
  threads?: number;
  /** Documents waiting for a thread, beyond those rendering. */
  maxQueue?: number;
  /** From the request to the bytes, waiting included. */
  timeoutMs?: number;
  maxInputChars?: Partial<Record<DocumentKind, number>>;
}

type Outcome = { bytes: Uint8Array } | { error: ErrorInit & { messageZh: string; messageEn: string } };

export function createRenderPool(options: RenderPoolOptions = {}): DocumentRenderer {
  const threads = options.threads ?? Math.max(1, os.availableParallelism() - 1);
  const maxQueue = options.maxQueue ?? threads * 8;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const budgets = { ...maxInputChars, ...options.maxInputChars };
  const pool = new Piscina<{ kind: DocumentKind; input: unknown }, Outcome>({
    filename: new URL("./render-worker.mjs", import.meta.url).href,
    // Threads start with the first document (a few seconds: tsx, the renderers, the fonts) and
    // leave after ten idle minutes, so a server that renders nothing holds no thread.
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: 600_000,
  });
  // Counted here rather than left to piscina's queue, which also counts threads still starting.
  let inFlight = 0;

  return {
    async render(kind, input) {
      const chars = JSON.stringify(input).length;
      if (chars > budgets[kind]) {
        throw new DomainError({
          code: "DOCUMENT_TOO_LARGE",
          messageZh: `文档内容共 ${chars} 字符，超过可生成的上限 ${budgets[kind]} 字符，请精简内容后再导出。`,
          messageEn: `The document's content has ${chars} characters, over the limit of ${budgets[kind]}; shorten it and export again.`,
          details: { chars, maxChars: budgets[kind] },
        });
      }
      if (inFlight >= threads + maxQueue) throw new DomainError({ code: "DOCUMENTS_BUSY" });
      inFlight++;
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        const outcome = await pool.run({ kind, input }, { signal });
        if ("error" in outcome) throw new DomainError(outcome.error);
        return Buffer.from(outcome.bytes.buffer, outcome.bytes.byteOffset, outcome.bytes.byteLength);
      } catch (e) {
        // Piscina stops the thread of a render that is aborted, so a runaway one frees its core.
        if (signal.aborted) throw new DomainError({ code: "DOCUMENT_TIMEOUT", details: { timeoutMs } });
        throw e;
      } finally {
        inFlight--;
      }
    },
    close: () => pool.destroy(),
  };
}
