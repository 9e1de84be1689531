import { describe, expect, it } from "vitest";
import { createPdf, paragraph, table } from "./pdf.ts";
import { plain, readPdf } from "./test-pdf.ts";

const generatedAt = new Date("2025-03-18T06:30:00Z");

async function render(text: string): Promise<{ ms: number; bytes: Buffer }> {
  const started = performance.now();
  const writer = createPdf({ title: "t", subject: "s", generatedAt });
  paragraph(writer.doc, text);
  table(writer.doc, [{ header: "说明", width: 1 }], [[text.slice(0, 2000)]]);
  const bytes = await writer.finish();
  return { ms: performance.now() - started, bytes };
}

describe("pdf", () => {
  it("wraps a 20,000-character run without a break as fast as Chinese text of that length, losing nothing", async () => {
    const run = "x".repeat(20_000);
    await render("预热"); // fonts and glyph tables
    const chinese = await render("研究内容".repeat(5_000));
    const unbroken = await render(run);
    // pdfkit alone measured the rest of such a run again for every line: seconds, against tens of ms.
    expect(unbroken.ms).toBeLessThan(chinese.ms * 4);
    // Every character is printed: the paragraph's and the table cell's.
    expect(plain(await readPdf(unbroken.bytes)).match(/x/g)?.length).toBe(22_000);
  });

  it("stops at its page budget with DOCUMENT_TOO_LARGE", async () => {
    const { doc } = createPdf({ title: "t", subject: "s", generatedAt, maxPages: 2 });
    doc.addPage();
    expect(() => doc.addPage()).toThrow(expect.objectContaining({ code: "DOCUMENT_TOO_LARGE" }));
  });
});
