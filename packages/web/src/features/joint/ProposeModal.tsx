import { Alert, Col, Form, Input, InputNumber, Radio, Row } from "antd";
import type { JointTopic } from "../../api/joint";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { lengthLimit, trimmed } from "../../components/lengthLimit";
import { wan } from "../../components/money";
import { RadioGroup } from "../../components/RadioGroup";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { fenOfCheckedWan, WanInput, wanRule } from "../decisions/wan";
import { useJointEvent } from "./hooks";
import { citationText, jointActionNames } from "./labels";

interface Values {
  leaderName: string;
  plan: string;
  withEnterprise: boolean;
  laboratoryFunding: string;
  enterpriseFunding: string;
  months: number;
}

/**
 * 实验室提出项目 (LY-REFORM §三(二)2, §三(三)4): for a question on the task list the laboratory, alone
 * or with the enterprise, proposes the research: its leader, plan, duration and what each side puts in.
 */
export function ProposeModal({ topic: c, onClose }: { topic: JointTopic | null; onClose: () => void }) {
  const { lang, t } = useLocale();
  const confirmAct = useConfirmAct();
  const state = useFormModal({
    open: c !== null,
    onClose,
    mutation: useJointEvent(),
    toVariables: (v: Values) => ({
      id: c?.id ?? "",
      event: "propose" as const,
      body: {
        leaderName: v.leaderName.trim(),
        plan: v.plan.trim(),
        withEnterprise: v.withEnterprise,
        laboratoryFundingFen: fenOfCheckedWan(v.laboratoryFunding),
        enterpriseFundingFen: fenOfCheckedWan(v.enterpriseFunding),
        months: v.months,
      },
    }),
    fields: ["leaderName", "plan", "withEnterprise", "months"],
    successText: t("联合科研项目已提出", "Project proposed"),
  });
  const modal = withConfirmation(state, (v) => {
    const lab = wan(fenOfCheckedWan(v.laboratoryFunding), lang);
    const ent = wan(fenOfCheckedWan(v.enterpriseFunding), lang);
    return confirmAct({
      title: t("提出联合科研项目？", "Propose the project?"),
      content: t(
        `实验室${v.withEnterprise ? "与需求企业联合" : "独立"}承担“${c?.title ?? ""}”，项目负责人 ${v.leaderName.trim()}，实施期 ${v.months} 个月，实验室投入 ${lab}，企业投入 ${ent}；平台不拨付资金。提交后不能修改，由联合专家委员会评审（${citationText(c?.sources.committee, t)}）。`,
        `The laboratory ${v.withEnterprise ? "with the enterprise" : "alone"} undertakes "${c?.title ?? ""}", led by ${v.leaderName.trim()}, for ${v.months} months, the laboratory putting in ${lab} and the enterprise ${ent}; the platform pays nothing. It cannot be changed afterwards; the joint expert committee reviews it (${citationText(c?.sources.committee, t)}).`,
      ),
      okText: jointActionNames.propose[lang],
      testId: "joint-propose-confirm",
    });
  });
  const leader = lengthLimit(50, t);
  const plan = lengthLimit(4000, t);

  return (
    <FormModal
      modal={modal}
      title={t(`提出联合科研项目：${c?.title ?? ""}`, `Propose the project: ${c?.title ?? ""}`)}
      okText={t("下一步", "Next")}
      submitTestId="joint-propose-submit"
      formTestId="joint-propose-form"
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={t(
          `项目纳入实验室科研项目体系，执行实验室科研项目管理规定（${citationText(c?.sources.management, t)}）；资金由实验室和企业投入，企业出题时拟投入 ${wan(c?.enterpriseFundingFen, lang)}。`,
          `The project joins the laboratory's research system under its rules (${citationText(c?.sources.management, t)}); the laboratory and the enterprise fund it (the enterprise offered ${wan(c?.enterpriseFundingFen, lang)}).`,
        )}
      />
      <Form.Item
        name="leaderName"
        label={t("项目负责人", "Project leader")}
        rules={[{ required: true, whitespace: true }, { min: 2, transform: trimmed }, leader.rule]}
      >
        <Input count={leader.count} data-testid="joint-form-leader" />
      </Form.Item>
      <Form.Item
        name="withEnterprise"
        label={t("承担方式", "Undertaken")}
        rules={[{ required: true, message: t("请选择承担方式", "Choose how it is undertaken") }]}
      >
        <RadioGroup data-testid="joint-form-with-enterprise">
          <Radio value={true}>{t("与需求企业联合", "With the enterprise")}</Radio>
          <Radio value={false}>{t("实验室独立承担", "By the laboratory alone")}</Radio>
        </RadioGroup>
      </Form.Item>
      <Form.Item
        name="plan"
        label={t("研究方案", "Plan")}
        rules={[{ required: true, whitespace: true }, { min: 10, transform: trimmed }, plan.rule]}
      >
        <Input.TextArea rows={5} count={plan.count} data-testid="joint-form-plan" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          <Form.Item
            name="laboratoryFunding"
            label={t("实验室投入（万元）", "Laboratory (×10k CNY)")}
            required
            rules={[wanRule(lang, true)]}
          >
            <WanInput data-testid="joint-form-lab-funding" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item
            name="enterpriseFunding"
            label={t("企业投入（万元）", "Enterprise (×10k CNY)")}
            required
            rules={[wanRule(lang, true)]}
          >
            <WanInput data-testid="joint-form-enterprise-funding" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item
            name="months"
            label={t("实施期（月）", "Duration (months)")}
            rules={[{ required: true, message: t("请填写实施期", "Enter the duration") }]}
          >
            <InputNumber
              min={1}
              max={120}
              precision={0}
              style={{ width: "100%" }}
              data-testid="joint-form-months"
            />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
