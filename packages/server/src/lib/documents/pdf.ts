import fs from "node:fs";
import { createRequire } from "node:module";
import { DomainError } from "@luoshu/domain";
import PDFDocument from "pdfkit";

/**
 * Shared PDF pieces on pdfkit: an A4 page with Noto Sans SC embedded (pdfkit subsets it to the
 * glyphs used, so a document carries tens of kilobytes of font, not the 10 MB TTF), headings,
 * label/value blocks and tables that wrap their cells and repeat their header across pages, and a
 * running header and page numbers stamped on every page at the end.
 */

export type Pdf = PDFKit.PDFDocument;

const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
  bold: "@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf",
} as const;
let fonts: Record<keyof typeof FONT_FILES, Buffer> | undefined;
/** The TTFs are 10 MB each: read once per thread (a render worker loads them as it starts), not per document. */
export function loadFonts(): Record<keyof typeof FONT_FILES, Buffer> {
  fonts ??= {
    regular: fs.readFileSync(require.resolve(FONT_FILES.regular)),
    bold: fs.readFileSync(require.resolve(FONT_FILES.bold)),
  };
  return fonts;
}

export const FONT = { regular: "cjk", bold: "cjk-bold" } as const;
export const COLOR = { text: "#1f1f1f", muted: "#666666", rule: "#8c8c8c", fill: "#f0f2f5" } as const;
export const MARGIN = { top: 72, bottom: 64, left: 56, right: 56 } as const;
const BODY_SIZE = 10.5;

export interface PdfMeta {
  title: string;
  subject?: string;
  /** Passed in rather than read from the clock, so a document is reproducible and testable. */
  generatedAt: Date;
  /** The page budget; past it rendering stops with DOCUMENT_TOO_LARGE. */
  maxPages?: number;
}

/**
 * About twice the pages of the largest application the content schema accepts (305, every text at
 * its limit; see test/maximal-draft.ts). Only a degenerate layout passes it, such as thousands of
 * one-character paragraphs, and no one reads such a document.
 */
export const MAX_PAGES = 600;

export interface PdfWriter {
  doc: Pdf;
  /** Stamps header and page numbers on every page, ends the document and returns its bytes. */
  finish(stamp?: PageStamp): Promise<Buffer>;
}

export interface PageStamp {
  /** One line at the top left of every page, cut with an ellipsis where it would meet the right part. */
  header?: string;
  /** Printed whole at the top right (e.g. the application number), never cut. */
  headerRight?: string;
  /** Small lines at the bottom of every page, above the page number. */
  footerLines?: string[];
}

export function createPdf(meta: PdfMeta): PdfWriter {
  const doc = new PDFDocument({
    size: "A4",
    margins: { ...MARGIN },
    bufferPages: true,
    lang: "zh-CN",
    displayTitle: true,
    info: {
      Title: meta.title,
      Subject: meta.subject,
      Creator: "洛书 Luoshu",
      CreationDate: meta.generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const maxPages = meta.maxPages ?? MAX_PAGES;
  let pages = 1;
  doc.on("pageAdded", () => {
    // Thrown from pdfkit's addPage, so the render stops at once instead of finishing first.
    if (++pages > maxPages) {
      throw new DomainError({
        code: "DOCUMENT_TOO_LARGE",
        messageZh: `文档超过 ${maxPages} 页，无法生成，请精简内容后再导出。`,
        messageEn: `The document runs past ${maxPages} pages; shorten it and export again.`,
        details: { maxPages },
      });
    }
  });
  doc.registerFont(FONT.regular, loadFonts().regular);
  doc.registerFont(FONT.bold, loadFonts().bold);
  doc.font(FONT.regular).fontSize(BODY_SIZE).fillColor(COLOR.text);
  return {
    doc,
    async finish(stamp = {}) {
      stampPages(doc, stamp);
      doc.end();
      return done;
    },
  };
}

/**
 * pdfkit wraps a run without a break opportunity ("xxxx…", a pasted hash or sequence) by measuring
 * the rest of the run again for every line it cuts off, so its cost grows with the square of the
 * run: one 20,000-character field took 19 s. A space after every 100 characters of such a run gives
 * the line breaker a place to break, at the price of a narrow gap where it falls inside a line (the
 * font has no zero-width space: that would print a box). Text with a space or a Chinese character
 * within every 100 characters, as prose has, is left as it is.
 */
const LONG_RUN =
  /[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]{100}(?=[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef])/g;
function breakable(text: string): string {
  return text.replace(LONG_RUN, "$& ");
}

export function contentWidth(doc: Pdf): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function pageBottom(doc: Pdf): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page unless `height` more points fit on this one. */
export function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > pageBottom(doc)) doc.addPage();
}

export function heading(doc: Pdf, text: string, level: 1 | 2 = 1): void {
  const size = level === 1 ? 13 : 11.5;
  // Keep a heading with at least two lines of what follows it.
  ensureSpace(doc, size * 1.6 + BODY_SIZE * 4);
  doc.moveDown(level === 1 ? 0.8 : 0.5);
  doc.x = doc.page.margins.left;
  doc
    .font(FONT.bold)
    .fontSize(size)
    .fillColor(COLOR.text)
    .text(breakable(text), { width: contentWidth(doc) });
  doc.moveDown(0.3);
  doc.font(FONT.regular).fontSize(BODY_SIZE);
}

export function paragraph(doc: Pdf, text: string, options: { indent?: boolean; size?: number } = {}): void {
  doc.x = doc.page.margins.left;
  doc
    .font(FONT.regular)
    .fontSize(options.size ?? BODY_SIZE)
    .fillColor(COLOR.text)
    .text(breakable(text), {
      width: contentWidth(doc),
      lineGap: 3,
      paragraphGap: 4,
      // Chinese paragraphs open with a two-character indent.
      indent: options.indent === false ? 0 : (options.size ?? BODY_SIZE) * 2,
    });
}

export interface Column {
  header: string;
  /** Share of the content width; the shares of a table are normalised to fill it. */
  width: number;
  align?: "left" | "center" | "right";
}

const CELL_PAD = 4;

/**
 * The height a row needs, but never more than a page holds below a table header: a row is not split
 * across pages, so a cell longer than a page is cut with an ellipsis instead of spilling over the
 * footer. Long prose belongs in paragraphs, which flow across pages.
 */
function rowHeight(doc: Pdf, cells: readonly string[], widths: readonly number[], bold: boolean): number {
  doc.font(bold ? FONT.bold : FONT.regular).fontSize(9.5);
  let height = 0;
  cells.forEach((cell, i) => {
    const w = (widths[i] ?? 0) - 2 * CELL_PAD;
    height = Math.max(height, doc.heightOfString(breakable(cell) || " ", { width: w, lineGap: 1.5 }));
  });
  const pageRoom = doc.page.height - doc.page.margins.top - doc.page.margins.bottom - 40;
  return Math.min(height + 2 * CELL_PAD, pageRoom);
}

function drawRow(
  doc: Pdf,
  cells: readonly string[],
  widths: readonly number[],
  columns: readonly Column[],
  style: { bold: boolean; fill?: string },
): void {
  const height = rowHeight(doc, cells, widths, style.bold);
  const y = doc.y;
  let x = doc.page.margins.left;
  cells.forEach((cell, i) => {
    const w = widths[i] ?? 0;
    if (style.fill) doc.rect(x, y, w, height).fill(style.fill);
    doc.rect(x, y, w, height).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
    doc
      .fillColor(COLOR.text)
      .font(style.bold ? FONT.bold : FONT.regular)
      .fontSize(9.5)
      .text(breakable(cell), x + CELL_PAD, y + CELL_PAD, {
        width: w - 2 * CELL_PAD,
        align: style.bold ? "center" : (columns[i]?.align ?? "left"),
        lineGap: 1.5,
        height: height - 2 * CELL_PAD,
        ellipsis: true,
      });
    x += w;
  });
  doc.x = doc.page.margins.left;
  doc.y = y + height;
}

/**
 * A ruled table over the full content width whose header repeats on every page it runs onto.
 * `totalRows` follow the body on a shaded ground.
 */
export function table(
  doc: Pdf,
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  options: { totalRows?: readonly (readonly string[])[]; emptyText?: string } = {},
): void {
  const share = columns.reduce((sum, c) => sum + c.width, 0);
  const widths = columns.map((c) => (contentWidth(doc) * c.width) / share);
  const headers = columns.map((c) => c.header);
  const header = () => drawRow(doc, headers, widths, columns, { bold: true, fill: COLOR.fill });
  const body = rows.length > 0 ? rows : [[options.emptyText ?? "（无）", ...columns.slice(1).map(() => "")]];
  ensureSpace(doc, rowHeight(doc, headers, widths, true) + rowHeight(doc, body[0] ?? [], widths, false));
  header();
  const all = [
    ...body.map((cells) => ({ cells, total: false })),
    ...(options.totalRows ?? []).map((cells) => ({ cells, total: true })),
  ];
  for (const { cells, total } of all) {
    if (doc.y + rowHeight(doc, cells, widths, total) > pageBottom(doc)) {
      doc.addPage();
      header();
    }
    if (total) drawRow(doc, cells, widths, columns, { bold: false, fill: COLOR.fill });
    else drawRow(doc, cells, widths, columns, { bold: false });
  }
  doc.moveDown(0.5);
}

/** Label/value pairs as a two-column ruled table (two pairs a row when `pairsPerRow` is 2). */
export function fieldTable(doc: Pdf, fields: readonly [string, string][], pairsPerRow: 1 | 2 = 1): void {
  const columns: Column[] =
    pairsPerRow === 1
      ? [
          { header: "", width: 1 },
          { header: "", width: 3.2 },
        ]
      : [
          { header: "", width: 1 },
          { header: "", width: 1.6 },
          { header: "", width: 1 },
          { header: "", width: 1.6 },
        ];
  const share = columns.reduce((sum, c) => sum + c.width, 0);
  const widths = columns.map((c) => (contentWidth(doc) * c.width) / share);
  for (let i = 0; i < fields.length; i += pairsPerRow) {
    const cells = fields.slice(i, i + pairsPerRow).flat();
    while (cells.length < columns.length) cells.push("");
    ensureSpace(doc, rowHeight(doc, cells, widths, false));
    const y = doc.y;
    // Shade the label cells first, then draw the row over them.
    let x = doc.page.margins.left;
    widths.forEach((w, j) => {
      if (j % 2 === 0) doc.rect(x, y, w, rowHeight(doc, cells, widths, false)).fill(COLOR.fill);
      x += w;
    });
    drawRow(doc, cells, widths, columns, { bold: false });
  }
  doc.moveDown(0.5);
}

/** "2025-03-01 14:05" in China time, whatever the server's zone. */
export function formatChinaDateTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
}

/** `text` cut to one line of `width` with an ellipsis: a running header must never wrap. */
function fitLine(doc: Pdf, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  const chars = Array.from(text);
  while (chars.length > 0 && doc.widthOfString(`${chars.join("")}…`) > width) chars.pop();
  return `${chars.join("")}…`;
}

function stampPages(doc: Pdf, stamp: PageStamp): void {
  const { start, count } = doc.bufferedPageRange();
  // The same lines on every page: fitted once, not once per page (a 300-character header cost
  // seconds over a few hundred pages).
  const fitted = new Map<string, string>();
  const fit = (text: string, width: number) => {
    const key = `${width}:${text}`;
    const line = fitted.get(key) ?? fitLine(doc, text, width);
    fitted.set(key, line);
    return line;
  };
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Writing inside the margins would make pdfkit break to a new page; lift them while stamping.
    const margins = { ...doc.page.margins };
    doc.page.margins = { top: 0, bottom: 0, left: margins.left, right: margins.right };
    const width = doc.page.width - margins.left - margins.right;
    doc.font(FONT.regular).fontSize(8).fillColor(COLOR.muted);
    if (stamp.header || stamp.headerRight) {
      const right = stamp.headerRight ?? "";
      const rightWidth = right ? doc.widthOfString(right) : 0;
      if (stamp.header) {
        const leftWidth = width - (right ? rightWidth + 16 : 0);
        doc.text(fit(stamp.header, leftWidth), margins.left, 30, {
          width: leftWidth,
          lineBreak: false,
        });
      }
      if (right) doc.text(right, margins.left + width - rightWidth, 30, { lineBreak: false });
      doc
        .moveTo(margins.left, 44)
        .lineTo(margins.left + width, 44)
        .lineWidth(0.5)
        .strokeColor(COLOR.rule)
        .stroke();
    }
    const pageLine = `第 ${i - start + 1} 页 / 共 ${count} 页`;
    const lines = [...(stamp.footerLines ?? []), pageLine];
    const lineHeight = 11;
    let y = doc.page.height - 24 - lineHeight * lines.length;
    for (const line of lines) {
      doc.text(fit(line, width), margins.left, y, { width, align: "center", lineBreak: false });
      y += lineHeight;
    }
    doc.page.margins = margins;
  }
  doc.fillColor(COLOR.text);
}
