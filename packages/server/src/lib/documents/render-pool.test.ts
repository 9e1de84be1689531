import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { sampleApplication, sampleCommitmentLetter } from "../../test/document-samples.ts";
import type { ApplicationPdfData } from "./application-pdf.ts";
import { MAX_PAGES } from "./pdf.ts";
import { createRenderPool, type DocumentRenderer, maxInputChars } from "./render-pool.ts";
import { plain, readPdf } from "./test-pdf.ts";

const pools: DocumentRenderer[] = [];
const pool = (options?: Parameters<typeof createRenderPool>[0]) => {
  const created = createRenderPool(options);
  pools.push(created);
  return created;
};
afterAll(() => Promise.all(pools.map((p) => p.close())));

/** Six research sections at the content schema's 20,000 characters: seconds of pdfkit. */
const large: ApplicationPdfData = {
  ...sampleApplication,
  research: Array.from({ length: 6 }, (_, i) => ({
    titleZh: `（${i + 1}）研究内容`,
    body: "围绕高端轴承材料开展研究，建立组织与性能的定量关系模型。\n".repeat(700),
  })),
};

describe("the render pool", () => {
  it("renders each kind of document from plain data on a worker thread", async () => {
    const documents = pool({ threads: 1 });
    const letter = await documents.render("commitmentLetter", sampleCommitmentLetter);
    expect(plain(await readPdf(letter))).toContain("项目申报承诺书");
    const list = await documents.render("applicationList", {
      rows: [],
      options: { filtersDescription: "状态=已提交", generatedAt: sampleCommitmentLetter.generatedAt },
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(list as unknown as ArrayBuffer);
    expect(String(book.worksheets[0]?.getCell(1, 1).value)).toContain("状态=已提交");
  });

  it("refuses an input past its size budget before rendering, saying how large it is", async () => {
    const documents = pool({ maxInputChars: { commitmentLetter: 100 } });
    await expect(documents.render("commitmentLetter", sampleCommitmentLetter)).rejects.toMatchObject({
      code: "DOCUMENT_TOO_LARGE",
      details: { maxChars: 100, chars: JSON.stringify(sampleCommitmentLetter).length },
    });
    expect(JSON.stringify(large).length).toBeLessThan(maxInputChars.applicationPdf);
  });

  it("stops a PDF at its page budget on the worker and answers why", async () => {
    // Thirty thousand one-character paragraphs: cheap lines, past the page budget.
    const endless = {
      ...sampleApplication,
      research: [{ titleZh: "研究内容", body: "研\n".repeat(30_000) }],
    };
    const documents = pool({ threads: 1 });
    await expect(documents.render("applicationPdf", endless)).rejects.toMatchObject({
      code: "DOCUMENT_TOO_LARGE",
      details: { maxPages: MAX_PAGES },
    });
  });

  it("answers DOCUMENTS_BUSY at once when its queue is full, and renders what it took", async () => {
    // A long timeout: on a busy machine the one thread renders the two slowly.
    const documents = pool({ threads: 1, maxQueue: 1, timeoutMs: 300_000 });
    const taken = [documents.render("applicationPdf", large), documents.render("applicationPdf", large)];
    await expect(documents.render("applicationPdf", large)).rejects.toMatchObject({ code: "DOCUMENTS_BUSY" });
    for (const bytes of await Promise.all(taken)) expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    // The queue empties as renders finish: the pool takes work again.
    expect((await documents.render("commitmentLetter", sampleCommitmentLetter)).length).toBeGreaterThan(0);
  }, 300_000);

  it("stops a render that takes longer than its timeout", async () => {
    const documents = pool({ threads: 1, timeoutMs: 200 });
    await expect(documents.render("applicationPdf", large)).rejects.toMatchObject({
      code: "DOCUMENT_TIMEOUT",
      details: { timeoutMs: 200 },
    });
  });
});
