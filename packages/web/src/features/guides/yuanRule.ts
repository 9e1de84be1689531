import type { Rule } from "antd/es/form";
import { type Lang, pickLang } from "../../app/locale";
import { parseYuan } from "../budget/parseYuan";

/** A form rule for an amount typed in 元, checked by the domain's exact parser. */
export function yuanRule(lang: Lang): Rule {
  return {
    validator: (_, v: string | undefined) => {
      const p = parseYuan(v ?? "");
      return p.ok ? Promise.resolve() : Promise.reject(new Error(pickLang(lang, p.messageZh, p.messageEn)));
    },
  };
}
