import { FEN_PER_WAN_YUAN } from "@luoshu/domain";
import { Input, type InputProps } from "antd";
import type { Rule } from "antd/es/form";
import { type Lang, pickLang, useLocale } from "../../app/locale";
import { type Parsed, parseYuan } from "../budget/parseYuan";

/**
 * Amounts typed in 万元 (how the bureau writes grants), exactly: the decimal point moves four places
 * as text and the domain's yuan parser does the rest, so no float ever touches a grant. Six decimals
 * in 万元 are one fen.
 */
export function parseWan(text: string): Parsed {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, fen: undefined };
  const m = /^(\d+)(?:\.(\d+))?$/.exec(trimmed);
  if (!m) return parseYuan(trimmed); // the domain parser says what is wrong with it
  const frac = m[2] ?? "";
  if (frac.length > 6)
    return {
      ok: false,
      messageZh: `金额最多保留六位小数（精确到分）：${trimmed}`,
      messageEn: `At most six decimals (one fen): ${trimmed}`,
    };
  const six = frac.padEnd(6, "0");
  return parseYuan(`${m[1]}${six.slice(0, 4)}.${six.slice(4)}`);
}

/** The fen of a 万元 text a form rule (`wanRule`) has already accepted; 0 when empty. */
export function fenOfCheckedWan(text: string): number {
  const p = parseWan(text);
  return p.ok ? (p.fen ?? 0) : 0;
}

/** Fen as 万元 text for an input: exact, no trailing zeros ("12.5", "3"). */
export function fenToWanText(fen: number): string {
  const whole = Math.trunc(fen / FEN_PER_WAN_YUAN);
  const rest = String(fen % FEN_PER_WAN_YUAN)
    .padStart(6, "0")
    .replace(/0+$/, "");
  return rest ? `${whole}.${rest}` : String(whole);
}

/** A form rule for an amount typed in 万元; `required` refuses an empty one. */
export function wanRule(lang: Lang, required = false): Rule {
  return {
    validator: (_, v: string | undefined) => {
      const p = parseWan(v ?? "");
      if (!p.ok) return Promise.reject(new Error(pickLang(lang, p.messageZh, p.messageEn)));
      if (required && p.fen === undefined)
        return Promise.reject(new Error(pickLang(lang, "请填写金额", "Enter the amount")));
      return Promise.resolve();
    },
  };
}

/** An amount typed in 万元: decimal keyboard, the unit after it. */
export function WanInput(props: InputProps) {
  const { t } = useLocale();
  return <Input inputMode="decimal" suffix={t("万元", "×10k CNY")} {...props} />;
}
