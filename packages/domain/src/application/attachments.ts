import { commitmentScanCode } from "./application.ts";

/**
 * The largest attachment accepted, in bytes: the server refuses a larger one before reading its
 * content, and the web names the limit beside the upload button and refuses such a file before
 * sending it.
 */
export const attachmentMaxBytes = 20 * 1024 * 1024;

/**
 * The types an attachment may be. The server tells them apart by content (never by name); the
 * extensions are what a file picker offers and what the web checks a chosen file's name against.
 */
export const attachmentTypes = {
  pdf: { mime: "application/pdf", labelZh: "PDF", labelEn: "PDF", extensions: [".pdf"] },
  png: { mime: "image/png", labelZh: "PNG 图片", labelEn: "PNG image", extensions: [".png"] },
  jpg: { mime: "image/jpeg", labelZh: "JPEG 图片", labelEn: "JPEG image", extensions: [".jpg", ".jpeg"] },
  docx: {
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    labelZh: "Word 文档（.docx）",
    labelEn: "Word document (.docx)",
    extensions: [".docx"],
  },
  xlsx: {
    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    labelZh: "Excel 表格（.xlsx）",
    labelEn: "Excel workbook (.xlsx)",
    extensions: [".xlsx"],
  },
} as const;

export type AttachmentExt = keyof typeof attachmentTypes;

const scanTypes: readonly AttachmentExt[] = ["pdf", "png", "jpg"];
const documentTypes: readonly AttachmentExt[] = ["pdf", "png", "jpg", "docx", "xlsx"];

/** The signed commitment letter is a scan (PDF or image); the guide's own attachments may also be Word or Excel files. */
export function attachmentTypesFor(code: string): readonly AttachmentExt[] {
  return code === commitmentScanCode ? scanTypes : documentTypes;
}

/** A size as people read it: `512 B`, `3.4 KB`, `20.0 MB`. */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}
