import zlib from "node:zlib";
import ExcelJS from "exceljs";
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { attachmentTypes, checkAttachment, sniffType } from "./sniff-type.ts";

/** A stored (uncompressed) ZIP: enough to imitate Office files without shipping binary fixtures. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name);
    const data = Buffer.from(text);
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const centralDir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(centralDir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDir, end]);
}

const contentTypes = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${main}"/></Types>`;

const docx = zip({
  "[Content_Types].xml": contentTypes(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
  ),
  "_rels/.rels": "<Relationships/>",
  "word/document.xml": "<w:document/>",
});
const docm = zip({
  "[Content_Types].xml": contentTypes("application/vnd.ms-word.document.macroEnabled.main+xml"),
  "word/document.xml": "<w:document/>",
  "word/vbaProject.bin": "macro",
});
const plainZip = zip({ "readme.txt": "hello", "data/a.csv": "1,2" });
/** A one-page PDF as a real writer makes it (cross-reference table, trailer, startxref, %%EOF). */
function writePdf(options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", ...options });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  doc.text("signed commitment letter");
  doc.end();
  return done;
}
const pdf = await writePdf();
const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
const jpeg = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00,
]);

async function xlsx(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("预算").addRow(["设备费", 1000]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe("sniffType", () => {
  it("recognises PDF, PNG, JPEG, .docx and .xlsx from their bytes", async () => {
    expect(await sniffType(pdf)).toEqual({ ext: "pdf", mime: "application/pdf" });
    expect(await sniffType(png)).toEqual({ ext: "png", mime: "image/png" });
    expect(await sniffType(jpeg)).toEqual({ ext: "jpg", mime: "image/jpeg" });
    expect(await sniffType(docx)).toEqual({ ext: "docx", mime: attachmentTypes.docx.mime });
    expect(await sniffType(await xlsx())).toEqual({ ext: "xlsx", mime: attachmentTypes.xlsx.mime });
  });

  it("answers null for macro-enabled Office files, plain ZIPs, text and nothing", async () => {
    expect(await sniffType(docm)).toBeNull();
    expect(await sniffType(plainZip)).toBeNull();
    expect(await sniffType(Buffer.from("这是一个改名为 .pdf 的文本文件"))).toBeNull();
    expect(await sniffType(Buffer.from("MZ\x90\x00\x03\x00\x00\x00"))).toBeNull();
    expect(await sniffType(Buffer.alloc(0))).toBeNull();
  });
});

describe("checkAttachment of a PDF", () => {
  const options = { allowed: ["pdf"], maxBytes: 1 << 20 };
  const refusal = async (bytes: Buffer) => {
    const result = await checkAttachment(bytes, options);
    if (result.ok) throw new Error("accepted");
    return result;
  };

  it("refuses a PDF header followed by an executable, even with a forged trailer", async () => {
    const exe = Buffer.from(
      "%PDF-1.4\nMZ\x90\x00\x03\x00\x00\x00\x04\x00This program cannot be run in DOS mode",
      "latin1",
    );
    for (const bytes of [exe, Buffer.concat([exe, Buffer.from("\nstartxref\n0\n%%EOF\n")])]) {
      expect(await sniffType(bytes)).toEqual({ ext: "pdf", mime: "application/pdf" });
      const result = await refusal(bytes);
      expect(result.code).toBe("ATTACHMENT_TYPE_MISMATCH");
      expect(result.messageZh).toContain("无法打开的 PDF");
      expect(result.messageEn).toContain("cannot be opened");
      expect(result).not.toHaveProperty("detected");
    }
  });

  it("refuses a PDF without a page tree and an encrypted PDF, saying which", async () => {
    const noPages = Buffer.from("%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
    expect((await refusal(noPages)).messageZh).toContain("无法打开的 PDF");
    const locked = await writePdf({ userPassword: "secret", ownerPassword: "owner" });
    expect((await refusal(locked)).messageZh).toContain("加密的 PDF");
  });

  it("accepts a damaged cross-reference table that readers repair (a scanner's minimal file)", async () => {
    const scan = Buffer.from(
      "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
    );
    expect((await checkAttachment(scan, options)).ok).toBe(true);
  });
});

describe("checkAttachment", () => {
  const options = { allowed: ["pdf", "docx"], maxBytes: 2048 };

  it("accepts an allowed type within the size limit, by extension or by MIME type", async () => {
    expect(await checkAttachment(pdf, options)).toEqual({
      ok: true,
      type: { ext: "pdf", mime: "application/pdf" },
      size: pdf.length,
    });
    const byMime = await checkAttachment(docx, { allowed: [attachmentTypes.docx.mime], maxBytes: 1 << 20 });
    expect(byMime.ok).toBe(true);
  });

  it("refuses a type that is not allowed, naming what was allowed and what was found", async () => {
    const result = await checkAttachment(png, options);
    expect(result).toMatchObject({ ok: false, code: "ATTACHMENT_TYPE_MISMATCH", detected: { ext: "png" } });
    if (result.ok) throw new Error("unreachable");
    expect(result.messageZh).toBe("类型不符：仅接受 PDF、Word 文档（.docx）；该文件的实际内容：PNG 图片");
    expect(result.messageEn).toContain("only PDF, Word document (.docx) allowed");
  });

  it("refuses a renamed file whatever its name claims", async () => {
    const result = await checkAttachment(Buffer.from("not really a pdf"), options);
    expect(result).toMatchObject({ ok: false, code: "ATTACHMENT_TYPE_MISMATCH" });
    if (result.ok) throw new Error("unreachable");
    expect(result.messageZh).toContain("无法识别");
    expect(result).not.toHaveProperty("detected");
  });

  it("refuses a file over the limit before parsing it, and an empty file", async () => {
    const big = Buffer.concat([pdf, Buffer.alloc(2 * 1024 * 1024)]);
    const result = await checkAttachment(big, options);
    expect(result).toMatchObject({ ok: false, code: "ATTACHMENT_TOO_LARGE" });
    if (result.ok) throw new Error("unreachable");
    expect(result.messageZh).toBe("文件过大：2.0 MB，上限为 2.0 KB");
    expect(result.messageEn).toBe("File too large: 2.0 MB, the limit is 2.0 KB");
    expect(await checkAttachment(Buffer.alloc(0), options)).toMatchObject({
      ok: false,
      code: "ATTACHMENT_EMPTY",
    });
  });
});
