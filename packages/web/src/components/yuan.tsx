import { Input, type InputProps } from "antd";
import type { Rule } from "antd/es/form";
import { type Lang, pickLang, useLocale } from "../app/locale";
import { parseYuan } from "../features/budget/parseYuan";

/** An amount typed in 元: decimal keyboard, the unit after it. */
export function YuanInput(props: InputProps) {
  const { t } = useLocale();
  return <Input inputMode="decimal" suffix={t("元", "CNY")} {...props} />;
}

/** A form rule for an amount typed in 元, checked by the domain's exact parser. */
export function yuanRule(lang: Lang): Rule {
  return {
    validator: (_, v: string | undefined) => {
      const p = parseYuan(v ?? "");
      return p.ok ? Promise.resolve() : Promise.reject(new Error(pickLang(lang, p.messageZh, p.messageEn)));
    },
  };
}
