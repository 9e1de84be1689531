import { Col, DatePicker, Form, Input, InputNumber, Space, Switch, Tag } from "antd";
import { useLocale } from "../../app/locale";
import { ListSection } from "../applications/form/ListSection";

const pickerFormat = "YYYY-MM-DD HH:mm";

function CriteriaSum() {
  const { t } = useLocale();
  const criteria = Form.useWatch<{ weight?: number }[] | undefined>("criteria");
  const sum = (criteria ?? []).reduce((s, c) => s + (Number(c?.weight) || 0), 0);
  return (
    <Tag color={sum === 100 ? "green" : "red"} data-testid="guide-criteria-sum">
      {t(`权重合计 ${sum}（应为 100）`, `Weights add up to ${sum} (must be 100)`)}
    </Tag>
  );
}

/** Directions, criteria, attachments, checklist and calls: the lists of a guide. */
export function GuideListsFields() {
  const { t } = useLocale();
  const required = [{ required: true }];
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <ListSection
        name="calls"
        title={t("申报批次（北京时间）", "Calls (Beijing time)")}
        testId="guide-calls-edit"
        min={1}
        newItem={() => ({ nameZh: "" })}
        renderRow={(f, i) => (
          <>
            <Col xs={24} md={6}>
              <Form.Item name={[f.name, "nameZh"]} label={t("批次名称", "Name")} rules={required}>
                <Input data-testid={`guide-call-name-${i}`} />
              </Form.Item>
            </Col>
            <Col xs={12} md={9}>
              <Form.Item name={[f.name, "opensAt"]} label={t("开始时间", "Opens")} rules={required}>
                <DatePicker
                  showTime={{ format: "HH:mm" }}
                  format={pickerFormat}
                  style={{ width: "100%" }}
                  data-testid={`guide-call-opens-${i}`}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={9}>
              <Form.Item name={[f.name, "closesAt"]} label={t("截止时间", "Closes")} rules={required}>
                <DatePicker
                  showTime={{ format: "HH:mm" }}
                  format={pickerFormat}
                  style={{ width: "100%" }}
                  data-testid={`guide-call-closes-${i}`}
                />
              </Form.Item>
            </Col>
          </>
        )}
      />
      <ListSection
        name="directions"
        title={t("支持方向", "Directions")}
        testId="guide-directions"
        min={1}
        newItem={() => ({ titleZh: "", descriptionZh: "" })}
        renderRow={(f, i) => (
          <>
            <Col xs={24} md={8}>
              <Form.Item
                name={[f.name, "titleZh"]}
                label={t("方向名称", "Direction")}
                rules={[...required, { min: 2 }]}
              >
                <Input data-testid={`guide-direction-title-${i}`} />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item name={[f.name, "descriptionZh"]} label={t("说明", "Description")}>
                <Input.TextArea
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  data-testid={`guide-direction-desc-${i}`}
                />
              </Form.Item>
            </Col>
          </>
        )}
      />
      <ListSection
        name="criteria"
        title={t("评审指标", "Review criteria")}
        testId="guide-criteria"
        min={1}
        extra={<CriteriaSum />}
        newItem={() => ({ nameZh: "", weight: 10 })}
        renderRow={(f, i) => (
          <>
            <Col xs={16} md={18}>
              <Form.Item name={[f.name, "nameZh"]} label={t("指标", "Criterion")} rules={required}>
                <Input data-testid={`guide-criterion-name-${i}`} />
              </Form.Item>
            </Col>
            <Col xs={8} md={6}>
              <Form.Item name={[f.name, "weight"]} label={t("权重", "Weight")} rules={required}>
                <InputNumber
                  min={1}
                  max={100}
                  style={{ width: "100%" }}
                  data-testid={`guide-criterion-weight-${i}`}
                />
              </Form.Item>
            </Col>
          </>
        )}
      />
      <ListSection
        name="requiredAttachments"
        title={t("附件要求", "Attachments")}
        testId="guide-attachments"
        newItem={() => ({ nameZh: "", required: false })}
        renderRow={(f, i) => (
          <>
            <Col xs={16} md={18}>
              <Form.Item name={[f.name, "nameZh"]} label={t("附件名称", "Attachment")} rules={required}>
                <Input data-testid={`guide-attachment-name-${i}`} />
              </Form.Item>
            </Col>
            <Col xs={8} md={6}>
              <Form.Item name={[f.name, "required"]} label={t("必需", "Required")} valuePropName="checked">
                <Switch data-testid={`guide-attachment-required-${i}`} />
              </Form.Item>
            </Col>
          </>
        )}
      />
      <ListSection
        name="formalChecklist"
        title={t("形式审查清单", "Formal checklist")}
        testId="guide-checklist"
        min={1}
        newItem={() => ({ textZh: "" })}
        renderRow={(f, i) => (
          <Col span={24}>
            <Form.Item
              name={[f.name, "textZh"]}
              label={t("审查项", "Item")}
              rules={[...required, { min: 2 }]}
            >
              <Input data-testid={`guide-checklist-text-${i}`} />
            </Form.Item>
          </Col>
        )}
      />
    </Space>
  );
}
