import { type AttachmentExt, attachmentTypes, formatBytes } from "@luoshu/domain";
import { fileTypeFromBuffer } from "file-type";
import { getDocumentProxy } from "unpdf";

/**
 * The type of an upload is read from its bytes, never from its name or the browser's Content-Type:
 * both are chosen by the sender. `file-type` reads magic numbers and, for ZIP containers, the
 * `[Content_Types].xml` part that names the main document, which is how Office itself tells a
 * .docx from a .xlsx (the entry names `word/`, `xl/` are its fallback when that part is unreadable).
 * The accepted types (`attachmentTypes`) live in the domain, which the web reads too.
 */
export { type AttachmentExt, attachmentTypes, formatBytes };

export interface SniffedType {
  mime: string;
  ext: AttachmentExt;
}

function isAttachmentExt(ext: string): ext is AttachmentExt {
  return Object.hasOwn(attachmentTypes, ext);
}

/**
 * One of the accepted attachment types, or null for anything else — including macro-enabled
 * Office files (.docm, .xlsm), legacy .doc/.xls, plain ZIPs and text, which are never accepted.
 */
export async function sniffType(bytes: Uint8Array): Promise<SniffedType | null> {
  if (bytes.length === 0) return null;
  const found = await fileTypeFromBuffer(bytes);
  if (!found || !isAttachmentExt(found.ext)) return null;
  return { mime: attachmentTypes[found.ext].mime, ext: found.ext };
}

export type AttachmentCheck =
  | { ok: true; type: SniffedType; size: number }
  | {
      ok: false;
      code: "ATTACHMENT_EMPTY" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_MISMATCH";
      messageZh: string;
      messageEn: string;
      /** What the bytes turned out to be, when one of the known types. */
      detected?: SniffedType;
    };

/**
 * `allowed` lists extensions ("pdf", "docx") or MIME types; `maxBytes` is checked before the bytes
 * are parsed, so an oversized upload costs no ZIP walk.
 */
export async function checkAttachment(
  bytes: Uint8Array,
  options: { allowed: readonly string[]; maxBytes: number },
): Promise<AttachmentCheck> {
  const allowedExts = Object.entries(attachmentTypes)
    .filter(([ext, t]) => options.allowed.includes(ext) || options.allowed.includes(t.mime))
    .map(([ext]) => ext as AttachmentExt);
  const listZh = allowedExts.map((e) => attachmentTypes[e].labelZh).join("、") || "（无）";
  const listEn = allowedExts.map((e) => attachmentTypes[e].labelEn).join(", ") || "(none)";

  if (bytes.length === 0) {
    return { ok: false, code: "ATTACHMENT_EMPTY", messageZh: "文件为空", messageEn: "The file is empty" };
  }
  if (bytes.length > options.maxBytes) {
    return {
      ok: false,
      code: "ATTACHMENT_TOO_LARGE",
      messageZh: `文件过大：${formatBytes(bytes.length)}，上限为 ${formatBytes(options.maxBytes)}`,
      messageEn: `File too large: ${formatBytes(bytes.length)}, the limit is ${formatBytes(options.maxBytes)}`,
    };
  }
  const type = await sniffType(bytes);
  const unreadable = type?.ext === "pdf" ? await unreadablePdf(bytes) : null;
  if (type && !unreadable && allowedExts.includes(type.ext)) return { ok: true, type, size: bytes.length };
  const actualZh = unreadable?.zh ?? (type ? attachmentTypes[type.ext].labelZh : "无法识别或不受支持的格式");
  const actualEn =
    unreadable?.en ?? (type ? attachmentTypes[type.ext].labelEn : "an unrecognised or unsupported format");
  return {
    ok: false,
    code: "ATTACHMENT_TYPE_MISMATCH",
    messageZh: `类型不符：仅接受 ${listZh}；该文件的实际内容：${actualZh}`,
    messageEn: `Type not accepted: only ${listEn} allowed; the file's actual content: ${actualEn}`,
    ...(type && !unreadable ? { detected: type } : {}),
  };
}

/**
 * Why bytes that start like a PDF are not one a reviewer can open, or null when they are. The magic
 * bytes "%PDF-" prove nothing (anything may follow them), and a trailer check ("startxref", "%%EOF")
 * proves little more: three lines appended to an executable pass it, while real scanners' files with
 * a damaged cross-reference table, which every viewer opens, fail it. So the file is opened with
 * pdf.js (through unpdf), the reader Firefox uses: it must load, have a page, and its first page must
 * load. pdf.js reads only the structure here (cross-reference table, catalogue, page tree), not the
 * page contents, which costs milliseconds even for a large file.
 */
async function unreadablePdf(bytes: Uint8Array): Promise<{ zh: string; en: string } | null> {
  try {
    // A copy: pdf.js may take over (detach) the buffer it is given.
    const doc = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    try {
      if (doc.numPages < 1) return { zh: "没有页面的 PDF", en: "a PDF without pages" };
      await doc.getPage(1);
      return null;
    } finally {
      await doc.destroy();
    }
  } catch (error) {
    if ((error as Error).name === "PasswordException")
      return { zh: "加密的 PDF（需要密码才能打开）", en: "an encrypted PDF (it needs a password to open)" };
    return {
      zh: "无法打开的 PDF（文件结构损坏，或为以 PDF 文件头伪装的其他内容）",
      en: "a PDF that cannot be opened (its structure is broken, or it is other content behind a PDF header)",
    };
  }
}
