import { Segmented } from "antd";
import { type Lang, useLocale } from "./locale";

/** 中文 / EN, on the login page and in the header; the choice is remembered by the locale provider. */
export function LanguageSwitch() {
  const { lang, setLang } = useLocale();
  return (
    <Segmented<Lang>
      size="small"
      data-testid="lang-switch"
      value={lang}
      onChange={setLang}
      options={[
        { label: "中文", value: "zh" },
        { label: "EN", value: "en" },
      ]}
    />
  );
}
