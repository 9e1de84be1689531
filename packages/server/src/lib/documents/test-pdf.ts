import { getDocumentProxy } from "unpdf";

/** Reads a generated PDF back as a viewer would: per page, its text and where each piece sits. */
export interface PdfPageText {
  text: string;
  width: number;
  items: { str: string; x: number; y: number; width: number }[];
}

export async function readPdf(bytes: Buffer): Promise<PdfPageText[]> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const pages: PdfPageText[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    const items = content.items
      .filter((i) => "str" in i && i.str.trim() !== "")
      .map((i) => {
        const item = i as { str: string; transform: number[]; width: number };
        return { str: item.str, x: item.transform[4] ?? 0, y: item.transform[5] ?? 0, width: item.width };
      });
    pages.push({ text: items.map((i) => i.str).join(""), width: page.view[2] ?? 0, items });
  }
  await pdf.destroy();
  return pages;
}

/** All text with spaces and the non-breaking characters normalised, for plain `toContain` checks. */
export function plain(pages: readonly PdfPageText[]): string {
  return pages
    .map((p) => p.text)
    .join("\n")
    .replaceAll("\u2011", "-")
    .replace(/[\s\u00a0]+/g, "");
}
