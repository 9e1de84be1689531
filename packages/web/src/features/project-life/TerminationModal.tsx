import type { TerminationGround } from "@luoshu/domain";
import { Alert, Form } from "antd";
import type { ProjectDetail } from "../../api/execution";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { yuan } from "../../components/money";
import { RadioGroup } from "../../components/RadioGroup";
import { YuanInput, yuanRule } from "../../components/yuan";
import { parseYuan } from "../budget/parseYuan";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { CitedLabel, TextField } from "./fields";
import { heldFen, terminationMoneyText } from "./figures";
import { useApplyTermination } from "./hooks";
import { closureGroundNames } from "./labels";

interface Values {
  ground: TerminationGround;
  reason: string;
  spent: string;
}

const fenOf = (text: string | undefined) => {
  const p = parseYuan(text ?? "");
  return p.ok ? (p.fen ?? 0) : 0;
};

/**
 * 申请终止 (DT-RULES §20): the unit applies on one of the grounds its city names, with what it has
 * spent of the money paid, so that the bureau sees the balance to return before deciding.
 */
export function TerminationModal({
  project: p,
  open,
  onClose,
}: {
  project: ProjectDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { lang, t } = useLocale();
  const confirmAct = useConfirmAct();
  const rules = p.life.rules;
  const state = useFormModal({
    open,
    onClose,
    mutation: useApplyTermination(p.id),
    toVariables: (v: Values) => ({ ground: v.ground, reason: v.reason.trim(), spentFen: fenOf(v.spent) }),
    fields: ["ground", "reason"],
    successText: t("已提交终止申请", "Termination applied for"),
  });
  const spent = Form.useWatch("spent", state.form);
  const modal = withConfirmation(state, (v) =>
    confirmAct({
      title: t("提交终止申请？", "Apply to terminate the project?"),
      content: t(
        `代表${p.unitName}申请终止项目 ${p.number}“${p.title}”，事由：${closureGroundNames[v.ground].zh}。申请送市科技局审定，审定期间不能再次申请；同意终止后项目即告终止、不再拨款，${terminationMoneyText(p, fenOf(v.spent), lang, t)}。此操作记入审计日志。`,
        `For ${p.unitName}, you apply to terminate project ${p.number} "${p.title}" on the ground: ${closureGroundNames[v.ground].en}. The bureau decides; meanwhile no other application can be made. Once approved the project ends and nothing more is paid: ${terminationMoneyText(p, fenOf(v.spent), lang, t)}. The action is audited.`,
      ),
      okText: t("提交终止申请", "Apply"),
      testId: "termination-apply-confirm",
      danger: true,
    }),
  );

  return (
    <FormModal
      modal={modal}
      title={t("申请终止项目", "Apply to terminate the project")}
      okText={t("下一步", "Next")}
      submitTestId="termination-apply-submit"
      formTestId="termination-apply-form"
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        message={t(
          `已拨付 ${yuan(p.money.paidFen)}，已退回 ${yuan(p.money.returnedFen)}，未拨付 ${yuan(p.money.leftFen)}。`,
          `Paid ${yuan(p.money.paidFen)}, given back ${yuan(p.money.returnedFen)}, not paid ${yuan(p.money.leftFen)}.`,
        )}
        description={t(
          `同意终止后：${terminationMoneyText(p, fenOf(spent), lang, t)}。`,
          `Once approved: ${terminationMoneyText(p, fenOf(spent), lang, t)}.`,
        )}
      />
      <Form.Item
        name="ground"
        label={<CitedLabel text={t("终止事由", "Ground")} source={rules.terminationSource} />}
        rules={[{ required: true, message: t("请选择终止事由", "Choose a ground") }]}
      >
        <RadioGroup
          data-testid="termination-ground"
          options={rules.terminationGrounds.map((g) => ({ value: g, label: closureGroundNames[g][lang] }))}
        />
      </Form.Item>
      <TextField
        name="reason"
        label={t("情况说明", "What happened")}
        min={10}
        max={4000}
        testId="termination-reason"
      />
      <Form.Item
        name="spent"
        label={<CitedLabel text={t("已支出金额", "Amount spent")} source={rules.balanceSource} />}
        rules={[{ required: true, message: t("请填写已支出金额", "Enter the amount spent") }, yuanRule(lang)]}
        extra={t(
          `已拨付资金中已支出的部分（元），用于计算结余 = 已拨付未退回 ${yuan(heldFen(p))} − 已支出。`,
          `What the unit has spent of the money paid, in yuan; the balance is what it holds (${yuan(heldFen(p))}) less this.`,
        )}
      >
        <YuanInput autoComplete="off" data-testid="termination-spent" />
      </Form.Item>
    </FormModal>
  );
}
