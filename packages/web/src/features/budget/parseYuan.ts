import { yuanToFen } from "@luoshu/domain";

export type Parsed =
  | { ok: true; fen: number | undefined }
  | { ok: false; messageZh: string; messageEn: string };

/**
 * Text typed in 元 to fen. Empty means "no amount"; anything else goes through the domain's exact
 * parser so the browser and the server agree on what a valid amount is.
 */
export function parseYuan(text: string): Parsed {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, fen: undefined };
  try {
    return { ok: true, fen: yuanToFen(trimmed) };
  } catch (err) {
    const e = err as { messageZh?: string; message?: string };
    return {
      ok: false,
      messageZh: e.messageZh ?? "请输入有效金额（元），最多两位小数",
      messageEn: e.message ?? "Enter an amount in yuan with at most two decimals",
    };
  }
}
