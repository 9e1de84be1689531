import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { chinaDateOf, type Policy } from "@luoshu/domain";
import { Alert, Button, Col, DatePicker, Form, Input, Row, Typography } from "antd";
import type { BudgetCycle } from "../../api/fundPush";
import { pickLang, useLocale } from "../../app/locale";
import { dateStringProps } from "../../components/dateField";
import { FormModal, useFormModal } from "../../components/FormModal";
import { lengthLimit, trimmed } from "../../components/lengthLimit";
import { wan } from "../../components/money";
import { codeOptions } from "../../components/options";
import { Select } from "../../components/Select";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { fenOfCheckedWan, WanInput, wanRule } from "../decisions/wan";
import { useRecordBudgetStep } from "../fund/hooks";

interface Target {
  program?: string;
  indicator?: string;
  target?: string;
}

interface Values {
  on: string;
  docNumber: string;
  amount: string;
  note?: string;
  targets?: Target[];
}

type Step = BudgetCycle["steps"][number];

export const actorNames = {
  bureau: { zh: "市科技局", en: "S&T bureau" },
  finance: { zh: "市财政局", en: "Finance bureau" },
} as const;

/**
 * 办理一步: the day, the document and the amount of the year's next 两上两下 step (LY-FUNDS §11);
 * 二上 carries the program-level performance targets set with the draft (LY-FUNDS §23).
 */
export function StepModal({
  cycle,
  policy,
  onClose,
}: {
  cycle: BudgetCycle | null;
  policy: Policy | undefined;
  onClose: () => void;
}) {
  const { lang, t } = useLocale();
  const confirmAct = useConfirmAct();
  const step: Step | undefined = cycle?.steps.find((s) => s.code === cycle.next);
  const withTargets = step?.code === "secondUp";
  const name = step ? pickLang(lang, step.nameZh, step.nameEn) : "";
  const state = useFormModal({
    open: cycle !== null,
    onClose,
    mutation: useRecordBudgetStep(),
    toVariables: (v: Values) => ({
      year: cycle?.year ?? 0,
      step: step?.code ?? "firstUp",
      body: {
        on: v.on,
        docNumber: v.docNumber.trim(),
        amountFen: fenOfCheckedWan(v.amount),
        note: v.note?.trim() ?? "",
        performanceTargets: withTargets
          ? (v.targets ?? []).map((x) => ({
              program: x.program ?? "",
              indicator: (x.indicator ?? "").trim(),
              target: (x.target ?? "").trim(),
            }))
          : [],
      },
    }),
    fields: ["on", "docNumber", "amountFen", "note", "performanceTargets"],
    successText: t(`已登记${name}`, `${name} recorded`),
  });
  const modal = withConfirmation(state, (v) => {
    const amount = wan(fenOfCheckedWan(v.amount), lang);
    const count = withTargets ? (v.targets ?? []).length : 0;
    const last = step?.code === "secondDown";
    return confirmAct({
      title: t(`登记 ${cycle?.year} 年度${name}？`, `Record ${name} for ${cycle?.year}?`),
      content: t(
        `${cycle?.year} 年度预算“${step?.nameZh}”按 ${v.on}、文号 ${v.docNumber.trim()}、金额 ${amount} 登记${count > 0 ? `，连同 ${count} 项项目绩效目标` : ""}。${last ? "四步办结，该年度预算按此数下达。" : "随后由对方办理下一步。"}登记后不能修改或撤回，记入审计日志。`,
        `${cycle?.year}'s ${step?.nameEn} is recorded on ${v.on}, document ${v.docNumber.trim()}, ${amount}${count > 0 ? `, with ${count} performance target(s)` : ""}. ${last ? "The four steps are done and the year's budget is set at this amount." : "The other side then takes the next step."} It cannot be changed or withdrawn and is audited.`,
      ),
      okText: t(`登记${name}`, `Record ${name}`),
      testId: "cycle-step-confirm",
    });
  });
  const doc = lengthLimit(100, t);
  const note = lengthLimit(2000, t);
  const indicator = lengthLimit(200, t);
  const target = lengthLimit(200, t);
  const today = chinaDateOf(new Date());
  const programs = codeOptions(policy?.programs, lang);

  return (
    <FormModal
      modal={modal}
      title={t(`办理 ${cycle?.year ?? ""} 年度${name}`, `${name} for ${cycle?.year ?? ""}`)}
      okText={t("下一步", "Next")}
      submitTestId="cycle-step-submit"
      formTestId="cycle-step-form"
    >
      {step && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t(
            `${actorNames[step.actor].zh}办理“${step.nameZh}”${step.due ? `，应于 ${step.due} 前完成` : ""}${step.overdue ? "（已逾期）" : ""}。`,
            `${actorNames[step.actor].en} records ${step.nameEn}${step.due ? `, due ${step.due}` : ""}${step.overdue ? " (overdue)" : ""}.`,
          )}
        />
      )}
      <Form.Item
        name="on"
        label={t("办理日期", "Day")}
        rules={[{ required: true, message: t("请选择日期", "Choose the day") }]}
        extra={t("不晚于今天", "Not after today")}
        {...dateStringProps}
      >
        <DatePicker
          style={{ width: "100%" }}
          disabledDate={(d) => d.format("YYYY-MM-DD") > today}
          data-testid="cycle-step-on"
        />
      </Form.Item>
      <Form.Item
        name="docNumber"
        label={t("文件文号", "Document number")}
        rules={[
          { required: true, whitespace: true, message: t("请填写文号", "Enter the document number") },
          { min: 2, transform: trimmed, message: t("至少 2 个字", "At least 2 characters") },
          doc.rule,
        ]}
      >
        <Input count={doc.count} autoComplete="off" data-testid="cycle-step-doc" />
      </Form.Item>
      <Form.Item
        name="amount"
        label={t("金额（万元）", "Amount (×10k CNY)")}
        required
        rules={[
          wanRule(lang, true),
          {
            validator: (_, v: string | undefined) =>
              v && fenOfCheckedWan(v) <= 0
                ? Promise.reject(new Error(t("金额须大于零", "More than zero")))
                : Promise.resolve(),
          },
        ]}
      >
        <WanInput autoComplete="off" data-testid="cycle-step-amount" />
      </Form.Item>
      <Form.Item
        name="note"
        label={t("说明（可选）", "Note (optional)")}
        rules={[
          { min: 2, transform: trimmed, message: t("至少 2 个字", "At least 2 characters") },
          note.rule,
        ]}
      >
        <Input.TextArea rows={2} count={note.count} data-testid="cycle-step-note" />
      </Form.Item>
      {withTargets && (
        <>
          <Typography.Title level={5}>{t("项目绩效目标", "Program performance targets")}</Typography.Title>
          <Form.List
            name="targets"
            rules={[
              {
                validator: async (_, v: Target[] | undefined) => {
                  if (!v || v.length === 0)
                    throw new Error(
                      t(
                        "二上须随预算草案报送项目绩效目标，请至少添加一项",
                        "The draft carries at least one performance target",
                      ),
                    );
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((f, i) => (
                  <Row key={f.key} gutter={8} align="top" wrap={false} data-testid={`cycle-target-${i}`}>
                    <Col flex="170px">
                      <Form.Item
                        name={[f.name, "program"]}
                        label={t("专项", "Program")}
                        rules={[{ required: true, message: t("请选择专项", "Choose the program") }]}
                      >
                        <Select<string>
                          options={programs}
                          placeholder={t("选择专项", "Choose")}
                          popupMatchSelectWidth={false}
                          data-testid={`cycle-target-${i}-program`}
                        />
                      </Form.Item>
                    </Col>
                    <Col flex="auto">
                      <Form.Item
                        name={[f.name, "indicator"]}
                        label={t("绩效指标", "Indicator")}
                        rules={[
                          {
                            required: true,
                            whitespace: true,
                            message: t("请填写指标", "Enter the indicator"),
                          },
                          { min: 2, transform: trimmed, message: t("至少 2 个字", "At least 2 characters") },
                          indicator.rule,
                        ]}
                      >
                        <Input autoComplete="off" data-testid={`cycle-target-${i}-indicator`} />
                      </Form.Item>
                    </Col>
                    <Col flex="110px">
                      <Form.Item
                        name={[f.name, "target"]}
                        label={t("目标值", "Target")}
                        rules={[
                          {
                            required: true,
                            whitespace: true,
                            message: t("请填写目标值", "Enter the target"),
                          },
                          target.rule,
                        ]}
                      >
                        <Input autoComplete="off" data-testid={`cycle-target-${i}-target`} />
                      </Form.Item>
                    </Col>
                    <Col flex="32px">
                      <Button
                        type="text"
                        icon={<DeleteOutlined />}
                        aria-label={t(`删除第 ${i + 1} 项绩效目标`, `Remove target ${i + 1}`)}
                        onClick={() => remove(f.name)}
                        style={{ marginTop: 30 }}
                      />
                    </Col>
                  </Row>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({})}
                  block
                  data-testid="cycle-target-add"
                >
                  {t("添加绩效目标", "Add a target")}
                </Button>
                <Form.ErrorList errors={errors} />
              </>
            )}
          </Form.List>
        </>
      )}
    </FormModal>
  );
}
