import { targetKindNames } from "@luoshu/domain";
import { Col, Input, InputNumber } from "antd";
import { useLocale } from "../../../app/locale";
import { lengthLimit } from "../../../components/lengthLimit";
import { nameOptions } from "../../../components/options";
import { Select } from "../../../components/Select";
import { ListSection } from "./ListSection";
import { ProblemItem, SectionProblems } from "./problems";

export function TargetsSection({ disabled }: { disabled?: boolean }) {
  const { lang, t } = useLocale();
  const description = lengthLimit(500, t);
  const unit = lengthLimit(20, t);
  return (
    <ListSection
      name="targets"
      title={t("三、考核指标", "3. Measurable targets")}
      testId="section-targets"
      disabled={disabled}
      notice={<SectionProblems match={(p) => p === "targets"} testId="problems-targets" />}
      newItem={() => ({ kind: "paper", description: "", value: 1, unit: "" })}
      renderRow={(f, i) => (
        <>
          <Col xs={12} md={5}>
            <ProblemItem path={`targets.${i}.kind`} name={[f.name, "kind"]} label={t("类型", "Kind")}>
              <Select options={nameOptions(targetKindNames, lang)} data-testid={`target-kind-${i}`} />
            </ProblemItem>
          </Col>
          <Col xs={24} md={11}>
            <ProblemItem
              path={`targets.${i}.description`}
              name={[f.name, "description"]}
              label={t("指标内容", "Description")}
              rules={[description.rule]}
            >
              <Input count={description.count} data-testid={`target-description-${i}`} />
            </ProblemItem>
          </Col>
          <Col xs={6} md={4}>
            <ProblemItem path={`targets.${i}.value`} name={[f.name, "value"]} label={t("数量", "Value")}>
              <InputNumber min={0} style={{ width: "100%" }} data-testid={`target-value-${i}`} />
            </ProblemItem>
          </Col>
          <Col xs={6} md={4}>
            <ProblemItem
              path={`targets.${i}.unit`}
              name={[f.name, "unit"]}
              label={t("单位", "Unit")}
              rules={[unit.rule]}
            >
              <Input
                count={unit.count}
                placeholder={t("篇、项、万元", "items")}
                data-testid={`target-unit-${i}`}
              />
            </ProblemItem>
          </Col>
        </>
      )}
    />
  );
}
