import { Alert, Descriptions, Form } from "antd";
import type { ProjectDetail } from "../../api/execution";
import type { Closure, ClosureEvent } from "../../api/projectLife";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { yuan } from "../../components/money";
import { RadioGroup } from "../../components/RadioGroup";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { byAt } from "../execution/labels";
import { CitedLabel, TextField } from "./fields";
import { terminationMoneyText } from "./figures";
import { useDecideTermination } from "./hooks";
import { closureEventNames, closureGroundNames } from "./labels";

interface Values {
  event: ClosureEvent;
  note: string;
}

/**
 * 审定终止申请: the bureau approves (the project closes, the unpaid commitment goes back to the year's
 * budget and the balance due is fixed) or refuses (the project goes on). Neither is chosen for it.
 */
export function DecideTerminationModal({
  project: p,
  closure: c,
  onClose,
}: {
  project: ProjectDetail;
  closure: Closure | null;
  onClose: () => void;
}) {
  const { lang, t } = useLocale();
  const confirmAct = useConfirmAct();
  const state = useFormModal({
    open: c !== null,
    onClose,
    mutation: useDecideTermination(p.id),
    toVariables: (v: Values) => ({ event: v.event, body: { note: v.note.trim() } }),
    fields: ["event", "note"],
    successText: t("已审定终止申请", "Termination decided"),
  });
  const spentFen = c?.spentFen ?? 0;
  const money = terminationMoneyText(p, spentFen, lang, t);
  const modal = withConfirmation(state, (v) =>
    confirmAct(
      v.event === "approve"
        ? {
            title: t("同意终止该项目？", "Approve the termination?"),
            content: t(
              `项目 ${p.number}“${p.title}”即告终止，不能恢复，此后不再拨款：${money}。此操作记入审计日志。`,
              `Project ${p.number} "${p.title}" ends now and cannot be reopened; nothing more is paid: ${money}. The action is audited.`,
            ),
            okText: closureEventNames.approve[lang],
            testId: "termination-approve-confirm",
            danger: true,
          }
        : {
            title: t("不予终止？", "Refuse the termination?"),
            content: t(
              `项目 ${p.number} 继续执行，拨款照常；${p.unitName}可另行申请终止。此操作记入审计日志。`,
              `Project ${p.number} goes on and is paid as planned; ${p.unitName} may apply again. The action is audited.`,
            ),
            okText: closureEventNames.refuse[lang],
            testId: "termination-refuse-confirm",
          },
    ),
  );

  return (
    <FormModal
      modal={modal}
      title={t("审定终止申请", "Decide the termination")}
      okText={t("下一步", "Next")}
      submitTestId="termination-decide-submit"
      formTestId="termination-decide-form"
    >
      {c && (
        <Descriptions
          size="small"
          bordered
          column={1}
          style={{ marginBottom: 16 }}
          styles={{ label: { whiteSpace: "nowrap" } }}
          items={[
            { key: "ground", label: t("事由", "Ground"), children: closureGroundNames[c.ground][lang] },
            {
              key: "reason",
              label: t("情况说明", "What happened"),
              children: <span style={{ whiteSpace: "pre-wrap" }}>{c.reason}</span>,
            },
            { key: "spent", label: t("已支出", "Spent"), children: yuan(c.spentFen) },
            { key: "requested", label: t("申请", "Applied"), children: byAt(c.requested) },
          ]}
        />
      )}
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        message={t(`同意终止后：${money}。`, `If approved: ${money}.`)}
      />
      <Form.Item
        name="event"
        label={<CitedLabel text={t("审定结果", "Decision")} source={p.life.rules.terminationSource} />}
        rules={[{ required: true, message: t("请选择审定结果", "Choose a decision") }]}
      >
        <RadioGroup
          data-testid="termination-decision"
          options={(["approve", "refuse"] as const).map((e) => ({
            value: e,
            label: closureEventNames[e][lang],
          }))}
        />
      </Form.Item>
      <TextField
        name="note"
        label={t("审定意见", "Note")}
        min={2}
        max={2000}
        rows={3}
        testId="termination-note"
      />
    </FormModal>
  );
}
