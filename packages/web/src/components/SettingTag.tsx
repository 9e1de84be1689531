import type { RuleSetting } from "@luoshu/domain";
import { Tag } from "antd";
import { useLocale } from "../app/locale";

/** Where no clause backs a rule: the city's own setting or the guide's, said instead of a citation. */
export function SettingTag({ setting }: { setting: RuleSetting }) {
  const { t } = useLocale();
  return (
    <Tag color="orange" data-testid={`setting-${setting}`}>
      {setting === "city" ? t("本市设定", "City setting") : t("本指南设定", "Guide setting")}
    </Tag>
  );
}
