import { jointDimensions } from "@luoshu/domain";
import { Alert, Col, Form, Input, InputNumber, Row } from "antd";
import type { JointTopic } from "../../api/joint";
import type { Policy } from "../../api/policies";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { lengthLimit, trimmed } from "../../components/lengthLimit";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { SourceBlock } from "../policies/SourceBlock";
import { useJointEvent } from "./hooks";
import { citationText, dimensionNames, jointActionNames } from "./labels";

interface Values {
  advancement: number;
  leverage: number;
  feasibility: number;
  argument: string;
}

/**
 * 评估需求优先级 (LY-REFORM §三(一)2): the officer scores the question on technical advancement,
 * industrial leverage and feasibility within the city's scale, with the experts' argument; the sum is
 * its priority, which ranks it among the year's questions. It may be assessed again until listed.
 */
export function AssessModal({
  topic: c,
  policy,
  onClose,
}: {
  topic: JointTopic | null;
  policy: Policy | undefined;
  onClose: () => void;
}) {
  const { lang, t } = useLocale();
  const confirmAct = useConfirmAct();
  const rules = policy?.decision.jointResearch;
  const scale = rules?.scoreScale.value ?? 0;
  const state = useFormModal({
    open: c !== null,
    onClose,
    mutation: useJointEvent(),
    toVariables: (v: Values) => ({
      id: c?.id ?? "",
      event: "assess" as const,
      body: {
        scores: { advancement: v.advancement, leverage: v.leverage, feasibility: v.feasibility },
        argument: v.argument.trim(),
      },
    }),
    fields: [...jointDimensions, "argument"],
    successText: t("需求优先级已评估", "Priority assessed"),
  });
  const modal = withConfirmation(state, (v) => {
    const sum = v.advancement + v.leverage + v.feasibility;
    return confirmAct({
      title: t("保存优先级评估？", "Save the assessment?"),
      content: t(
        `“${c?.title ?? ""}”：技术先进性 ${v.advancement}、产业带动性 ${v.leverage}、实施可行性 ${v.feasibility}，需求优先级 ${sum} / ${scale * 3}，按优先级排入本年度课题排名（${citationText(c?.sources.ranking, t)}）。专家咨询论证意见一并记入档案和审计日志；列入或不列入任务清单之前可重新评估。`,
        `"${c?.title ?? ""}": advancement ${v.advancement}, leverage ${v.leverage}, feasibility ${v.feasibility}, priority ${sum} / ${scale * 3}, which ranks it among the year's questions (${citationText(c?.sources.ranking, t)}). The experts' argument goes on file and in the audit log; it may be assessed again until the listing is decided.`,
      ),
      okText: jointActionNames.assess[lang],
      testId: "joint-assess-confirm",
    });
  });
  const argument = lengthLimit(4000, t);

  return (
    <FormModal
      modal={modal}
      title={t(`评估需求优先级：${c?.title ?? ""}`, `Assess the priority: ${c?.title ?? ""}`)}
      okText={t("下一步", "Next")}
      submitTestId="joint-assess-submit"
      formTestId="joint-assess-form"
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={t(
          `每个维度按 0–${scale} 的整数评分，三项之和为需求优先级。`,
          `Each dimension is a whole number from 0 to ${scale}; their sum is the priority.`,
        )}
        description={
          <>
            <SourceBlock source={rules?.ranking.source} />
            <SourceBlock source={rules?.scoreScale.source} />
          </>
        }
      />
      <Row gutter={16}>
        {jointDimensions.map((d) => (
          <Col xs={24} sm={8} key={d}>
            <Form.Item
              name={d}
              label={t(`${dimensionNames[d].zh}（0–${scale}）`, `${dimensionNames[d].en} (0–${scale})`)}
              rules={[{ required: true, message: t("请评分", "Enter the score") }]}
            >
              <InputNumber
                min={0}
                max={scale}
                precision={0}
                step={1}
                style={{ width: "100%" }}
                data-testid={`joint-form-${d}`}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Form.Item
        name="argument"
        label={t("专家咨询论证意见", "The experts' argument")}
        rules={[{ required: true, whitespace: true }, { min: 10, transform: trimmed }, argument.rule]}
      >
        <Input.TextArea rows={5} count={argument.count} data-testid="joint-form-argument" />
      </Form.Item>
    </FormModal>
  );
}
