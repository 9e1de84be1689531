import { Card, Input } from "antd";
import { useLocale } from "../../../app/locale";
import { lengthLimit } from "../../../components/lengthLimit";
import { ProblemItem } from "./problems";

const parts = [
  { key: "background", zh: "立项背景与意义", en: "Background and significance" },
  { key: "objectives", zh: "研究目标", en: "Objectives" },
  { key: "researchContent", zh: "研究内容", en: "Research content", required: true },
  { key: "technicalRoute", zh: "技术路线", en: "Technical route" },
  { key: "innovation", zh: "创新点", en: "Innovation" },
  { key: "basis", zh: "研究基础与条件", en: "Basis and conditions" },
] as const;

export function ContentSection() {
  const { t } = useLocale();
  const limit = lengthLimit(20000, t);
  return (
    <Card size="small" title={t("二、研究内容", "2. Research content")} data-testid="section-content">
      {parts.map((p) => (
        <ProblemItem
          key={p.key}
          path={`content.${p.key}`}
          name={["content", p.key]}
          label={t(p.zh, p.en)}
          required={"required" in p && p.required}
          rules={[limit.rule]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 12 }}
            count={limit.count}
            data-testid={`app-content-${p.key}`}
          />
        </ProblemItem>
      ))}
    </Card>
  );
}
