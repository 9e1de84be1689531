import { MinusCircleOutlined, PlusOutlined, SaveOutlined } from "@ant-design/icons";
import {
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Radio,
  Row,
  Space,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import type { ReactNode } from "react";
import { useLocale } from "../../app/locale";
import { lengthLimit } from "../../components/lengthLimit";
import { Select } from "../../components/Select";
import { disciplineLabel } from "../experts/disciplineLabel";
import { useDisciplines } from "../experts/hooks";
import { GuardedButton } from "./GuardedButton";
import { newPanelKey, type SettingsValues } from "./planSettings";

/**
 * 评审方案: panels with their disciplines, reviewers per application, the experts' loads, the mode
 * and the deadline. Editable only while the plan allows `edit`; otherwise shown read-only. Enter in
 * a field saves nothing (the form has no onFinish): saving is the button's.
 */
export function PlanSettingsCard({
  form,
  editable,
  editBlocked,
  onValuesChange,
  onSave,
  saving,
  status,
}: {
  form: FormInstance<SettingsValues>;
  editable: boolean;
  editBlocked: string | null;
  onValuesChange: () => void;
  onSave: () => void;
  saving: boolean;
  status: ReactNode;
}) {
  const { lang, t } = useLocale();
  const disciplines = useDisciplines();
  const panelName = lengthLimit(100, t);
  const mode = Form.useWatch("mode", form);
  const options = disciplines.data?.items.map((d) => ({
    value: d.code,
    label: disciplineLabel(d.code, lang),
  }));

  return (
    <Card
      size="small"
      title={t("评审方案设置", "Plan settings")}
      data-testid="review-settings"
      extra={
        <Space wrap>
          {status}
          <GuardedButton
            type="primary"
            icon={<SaveOutlined />}
            onClick={onSave}
            loading={saving}
            blockedReason={editable ? null : editBlocked}
            testId="review-settings-save"
          >
            {t("保存方案", "Save")}
          </GuardedButton>
        </Space>
      }
    >
      {!editable && editBlocked && (
        <Typography.Paragraph type="secondary" data-testid="review-settings-blocked">
          {editBlocked}
        </Typography.Paragraph>
      )}
      <Form
        form={form}
        layout="vertical"
        disabled={!editable}
        onValuesChange={onValuesChange}
        data-testid="review-settings-form"
      >
        <Form.List name="panels">
          {(fields, { add, remove }) => (
            <div data-testid="review-panels">
              {fields.map((f, i) => (
                <Row key={f.key} gutter={12} align="top" data-testid={`review-panel-${i}`}>
                  <Col xs={24} md={7}>
                    <Form.Item
                      name={[f.name, "nameZh"]}
                      label={t(`第 ${i + 1} 评审组名称`, `Panel ${i + 1} name`)}
                      rules={[{ required: true, whitespace: true }, panelName.rule]}
                    >
                      <Input count={panelName.count} data-testid={`review-panel-name-${i}`} />
                    </Form.Item>
                  </Col>
                  <Col xs={22} md={15}>
                    <Form.Item
                      name={[f.name, "disciplines"]}
                      label={t(
                        `第 ${i + 1} 评审组学科（GB/T 13745）`,
                        `Panel ${i + 1} disciplines (GB/T 13745)`,
                      )}
                      rules={[{ required: true, type: "array" }]}
                    >
                      <Select
                        mode="multiple"
                        maxCount={20}
                        optionFilterProp="label"
                        loading={disciplines.isPending}
                        options={options}
                        data-testid={`review-panel-disciplines-${i}`}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={2} md={2} style={{ paddingTop: 30 }}>
                    {editable && fields.length > 1 && (
                      <Button
                        type="text"
                        icon={<MinusCircleOutlined />}
                        aria-label={t(`删除第 ${i + 1} 评审组`, `Remove panel ${i + 1}`)}
                        onClick={() => {
                          remove(f.name);
                          onValuesChange();
                        }}
                        data-testid={`review-panel-remove-${i}`}
                      />
                    )}
                  </Col>
                </Row>
              ))}
              {editable && fields.length < 20 && (
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => {
                    add({ key: newPanelKey(), nameZh: "", disciplines: [] });
                    onValuesChange();
                  }}
                  style={{ marginBottom: 16 }}
                  data-testid="review-panel-add"
                >
                  {t("增加评审组", "Add a panel")}
                </Button>
              )}
              {editable && fields.length > 1 && (
                <Typography.Paragraph type="secondary">
                  {t(
                    "删除评审组后，原属该组的申报书归入第 1 组；各申报书所属评审组可在下方排名表中调整，随方案一并保存。",
                    "Applications of a removed panel go to panel 1; each application's panel is chosen in the ranking below and saved with the plan.",
                  )}
                </Typography.Paragraph>
              )}
            </div>
          )}
        </Form.List>
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Form.Item
              name="reviewersPerApplication"
              label={t("每份申报书专家人数", "Reviewers per application")}
              rules={[{ required: true }]}
            >
              <InputNumber min={1} max={15} precision={0} style={{ width: "100%" }} data-testid="review-k" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="minLoad"
              label={t("每位专家最少评审（份）", "Least per expert")}
              rules={[{ required: true }]}
            >
              <InputNumber
                min={0}
                max={500}
                precision={0}
                style={{ width: "100%" }}
                data-testid="review-min-load"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="maxLoad"
              label={t("每位专家最多评审（份）", "Most per expert")}
              dependencies={["minLoad"]}
              rules={[
                { required: true },
                ({ getFieldValue }) => ({
                  validator: (_, max: number | null) => {
                    const min = getFieldValue("minLoad") as number | null;
                    return max == null || min == null || min <= max
                      ? Promise.resolve()
                      : Promise.reject(new Error(t("不能少于最少评审份数", "Must not be below the least")));
                  },
                }),
              ]}
            >
              <InputNumber
                min={1}
                max={500}
                precision={0}
                style={{ width: "100%" }}
                data-testid="review-max-load"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="scoringDeadline"
              label={t("评审截止时间（北京时间）", "Scores due (Beijing time)")}
              rules={[
                { required: true },
                {
                  validator: (_, d: Dayjs | undefined) =>
                    !d || !editable || d.isAfter(dayjs())
                      ? Promise.resolve()
                      : Promise.reject(new Error(t("截止时间须晚于现在", "Must be in the future"))),
                },
              ]}
            >
              <DatePicker
                showTime={{ format: "HH:mm" }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: "100%" }}
                data-testid="review-deadline"
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="mode" label={t("分配方式", "Mode")}>
              <Radio.Group data-testid="review-mode">
                <Radio value="optimal" data-testid="review-mode-optimal">
                  {t("最优匹配（可验证）", "Optimal (verified)")}
                </Radio>
                <Radio value="random" data-testid="review-mode-random">
                  {t("随机抽取（限制单对概率）", "Random draw (pair cap)")}
                </Radio>
              </Radio.Group>
            </Form.Item>
          </Col>
          {mode === "random" && (
            <Col xs={12} md={6}>
              <Form.Item
                name="pairCapPercent"
                label={t("单对专家与申报书的概率上限（%）", "Cap on one pair's probability (%)")}
                rules={[{ required: true }]}
              >
                <InputNumber
                  min={1}
                  max={100}
                  precision={0}
                  style={{ width: "100%" }}
                  data-testid="review-pair-cap"
                />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Typography.Text type="secondary">
          {mode === "random"
            ? t(
                "随机抽取：在满足人数、负荷和回避约束的前提下随机分配，任何一位专家评审某份申报书的概率不超过上限；抽取的随机种子随结果记录。",
                "Random draw: experts are drawn at random within the numbers, loads and conflicts, no pair more likely than the cap; the seed is recorded with the result.",
              )
            : t(
                "最优匹配：按学科与研究方向的匹配度求总匹配度最高的分配，结果附最优性证书并经独立校验。",
                "Optimal: the assignment with the highest total affinity (discipline and keywords), with an optimality certificate checked independently.",
              )}
        </Typography.Text>
      </Form>
    </Card>
  );
}
