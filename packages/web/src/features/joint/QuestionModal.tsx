import { Alert, Form, Input } from "antd";
import type { Policy } from "../../api/policies";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { lengthLimit, trimmed } from "../../components/lengthLimit";
import { wan } from "../../components/money";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { fenOfCheckedWan, WanInput, wanRule } from "../decisions/wan";
import { SourceBlock } from "../policies/SourceBlock";
import { useSubmitJointQuestion } from "./hooks";

interface Values {
  title: string;
  problem: string;
  expectedOutcome: string;
  funding: string;
}

/**
 * 企业出题 (LY-REFORM §三(一)2): an enterprise states the technical problem it needs solved, what it
 * expects, and what it would put in; the bureau then has experts argue it and scores its priority.
 */
export function QuestionModal({
  open,
  policy,
  onClose,
}: {
  open: boolean;
  policy: Policy | undefined;
  onClose: () => void;
}) {
  const { lang, t } = useLocale();
  const confirmAct = useConfirmAct();
  const state = useFormModal({
    open,
    onClose,
    mutation: useSubmitJointQuestion(),
    toVariables: (v: Values) => ({
      title: v.title.trim(),
      problem: v.problem.trim(),
      expectedOutcome: v.expectedOutcome.trim(),
      enterpriseFundingFen: fenOfCheckedWan(v.funding),
    }),
    fields: ["title", "problem", "expectedOutcome"],
    successText: t("联合科研课题已提出", "Question submitted"),
  });
  const modal = withConfirmation(state, (v) =>
    confirmAct({
      title: t("提出联合科研课题？", "Submit the question?"),
      content: t(
        `本企业提出课题“${v.title.trim()}”，拟投入 ${wan(fenOfCheckedWan(v.funding), lang)}。提交后不能修改；市科技局将组织专家咨询论证，从技术先进性、产业带动性、实施可行性评估需求优先级，决定是否列入重大攻关任务清单。平台不拨付资金。`,
        `Your enterprise asks "${v.title.trim()}" and offers ${wan(fenOfCheckedWan(v.funding), lang)}. It cannot be changed afterwards; the bureau has experts argue it, scores its priority on technical advancement, industrial leverage and feasibility, and decides whether it goes on the task list. The platform pays nothing.`,
      ),
      okText: t("提出课题", "Submit the question"),
      testId: "joint-create-confirm",
    }),
  );
  const title = lengthLimit(200, t);
  const long = lengthLimit(4000, t);
  const longRules = (min: number) => [
    { required: true, whitespace: true },
    { min, transform: trimmed },
    long.rule,
  ];

  return (
    <FormModal
      modal={modal}
      title={t("企业出题：联合科研课题", "Joint research: a new question")}
      okText={t("下一步", "Next")}
      submitTestId="joint-create-submit"
      formTestId="joint-create-form"
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={t(
          "企业“出题目”与专家咨询论证相结合，凝练重大创新课题。",
          "Enterprises set the questions; experts argue them into major research tasks.",
        )}
        description={<SourceBlock source={policy?.decision.jointResearch?.ranking.source} />}
      />
      <Form.Item
        name="title"
        label={t("课题名称", "Title")}
        rules={[{ required: true, whitespace: true }, { min: 2, transform: trimmed }, title.rule]}
      >
        <Input count={title.count} data-testid="joint-form-title" />
      </Form.Item>
      <Form.Item name="problem" label={t("需解决的技术难题", "Problem to solve")} rules={longRules(10)}>
        <Input.TextArea rows={4} count={long.count} data-testid="joint-form-problem" />
      </Form.Item>
      <Form.Item name="expectedOutcome" label={t("预期成果", "Expected outcome")} rules={longRules(5)}>
        <Input.TextArea rows={3} count={long.count} data-testid="joint-form-expected" />
      </Form.Item>
      <Form.Item
        name="funding"
        label={t("企业拟投入（万元）", "Enterprise funding offered (×10k CNY)")}
        required
        rules={[wanRule(lang, true)]}
      >
        <WanInput data-testid="joint-form-funding" />
      </Form.Item>
    </FormModal>
  );
}
