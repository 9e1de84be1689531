import { Alert } from "antd";
import type { ProjectDetail } from "../../api/execution";
import type { Sanction } from "../../api/projectLife";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { TextField } from "./fields";
import { useLiftSanction } from "./hooks";
import { sanctionAuthorityNames, sanctionKindNames } from "./labels";

interface Values {
  reason: string;
}

/**
 * 解除处理措施: a payment suspension or an eligibility ban ends by the imposing authority's recorded
 * decision, with its reason; a ban's integrity records are lifted with it.
 */
export function LiftSanctionModal({
  project: p,
  sanction: s,
  onClose,
}: {
  project: ProjectDetail;
  sanction: Sanction | null;
  onClose: () => void;
}) {
  const { lang, t } = useLocale();
  const confirmAct = useConfirmAct();
  const state = useFormModal({
    open: s !== null,
    onClose,
    mutation: useLiftSanction(p.id),
    toVariables: (v: Values) => ({ sanctionId: s?.id ?? "", body: { reason: v.reason.trim() } }),
    fields: ["reason"],
    successText: t("已解除处理措施", "Sanction lifted"),
  });
  const consequence = !s
    ? ""
    : s.kind === "paymentSuspension"
      ? t(
          "解除后，如无其他生效的暂停拨款措施，本项目即可照常提出和拨付拨款。",
          "Unless another suspension is in force, the project's payments may then be prepared and paid again.",
        )
      : t(
          `解除后${p.unitName}及项目负责人因此产生的取消申报资格记录同时解除，即可再次申报。`,
          `The eligibility-ban records it left on ${p.unitName} and the PI are lifted with it; they may apply again at once.`,
        );
  const modal = withConfirmation(state, () =>
    s
      ? confirmAct({
          title: t(
            `解除“${sanctionKindNames[s.kind].zh}”？`,
            `Lift the ${sanctionKindNames[s.kind].en.toLowerCase()}?`,
          ),
          content: t(
            `以${sanctionAuthorityNames[s.authority].zh}的名义解除对项目 ${p.number} 的${sanctionKindNames[s.kind].zh}（自 ${s.fromDate} 起）。${consequence}解除不能撤回，记入审计日志。`,
            `For the ${sanctionAuthorityNames[s.authority].en}, you lift the ${sanctionKindNames[s.kind].en.toLowerCase()} on project ${p.number} (from ${s.fromDate}). ${consequence} It cannot be withdrawn and is audited.`,
          ),
          okText: t("解除", "Lift"),
          testId: "sanction-lift-confirm",
        })
      : Promise.resolve(false),
  );

  return (
    <FormModal
      modal={modal}
      title={s ? t(`解除${sanctionKindNames[s.kind].zh}`, `Lift: ${sanctionKindNames[s.kind][lang]}`) : ""}
      okText={t("下一步", "Next")}
      submitTestId="sanction-lift-submit"
      formTestId="sanction-lift-form"
    >
      {s && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={consequence} />}
      <TextField
        name="reason"
        label={t("解除理由", "Reason")}
        min={2}
        max={2000}
        rows={3}
        testId="sanction-lift-reason"
      />
    </FormModal>
  );
}
