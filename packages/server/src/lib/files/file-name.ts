import { DomainError } from "@luoshu/domain";

export const maxFileNameLength = 200;

/**
 * Characters a file name shown to reviewers must not carry: control characters (NUL included), and
 * the bidirectional controls (U+061C, U+200E/U+200F, U+202A–U+202E, U+2066–U+2069), with which
 * "报告\u202Efdp.exe" displays as "报告exe.pdf".
 */
const forbidden = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

function refused(messageZh: string, messageEn: string): DomainError {
  return new DomainError({
    code: "VALIDATION",
    path: "x-file-name",
    messageZh: `文件名有误：${messageZh}`,
    messageEn: `Bad file name: ${messageEn}`,
  });
}

/**
 * The file name of an upload from its `x-file-name` header, which carries it URI-encoded (a header
 * is Latin-1, a name may be Chinese). An absent header gives `fallback`. A name is refused, never
 * repaired: an escape that does not decode to UTF-8, a raw non-ASCII header, control or bidi
 * characters, and names longer than 200 characters (cutting one could split a character).
 */
export function fileNameFromHeader(header: string | string[] | undefined, fallback: string): string {
  const raw = Array.isArray(header) ? header[0] : header;
  if (raw === undefined) return fallback;
  if (/[^\u0020-\u007e]/.test(raw))
    throw refused(
      "请求头 x-file-name 须为 URI 编码（encodeURIComponent）的文本。",
      "the x-file-name header must be URI-encoded (encodeURIComponent).",
    );
  let name: string;
  try {
    name = decodeURIComponent(raw);
  } catch {
    throw refused(
      `百分号编码无效，不是有效的 UTF-8 文本（${raw.slice(0, 40)}）。`,
      `a broken percent escape, not valid UTF-8 text (${raw.slice(0, 40)}).`,
    );
  }
  if (name.trim() === "") throw refused("文件名为空。", "the name is empty.");
  if (forbidden.test(name))
    throw refused(
      "含有控制字符或文字方向控制字符（如 U+202E），不予接受。",
      "it contains a control or text-direction character (such as U+202E), which is not accepted.",
    );
  if ([...name].length > maxFileNameLength)
    throw refused(
      `长度超过 ${maxFileNameLength} 个字符，请改短后再上传。`,
      `it is longer than ${maxFileNameLength} characters; shorten it and upload again.`,
    );
  return name;
}
