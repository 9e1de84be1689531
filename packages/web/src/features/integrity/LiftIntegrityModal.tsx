import { integrityKindNames } from "@luoshu/domain";
import { Alert, Descriptions, Form, Input } from "antd";
import type { IntegrityRecord } from "../../api/integrity";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { lengthLimit, trimmed } from "../../components/lengthLimit";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { useLiftIntegrityRecord } from "./hooks";

interface Values {
  reason: string;
}

/**
 * 解除 (移出黑名单): an integrity record ends by a recorded decision with its reason. The record stays,
 * marked lifted; from then the application gates no longer find it.
 */
export function LiftIntegrityModal({
  record: r,
  onClose,
}: {
  record: IntegrityRecord | null;
  onClose: () => void;
}) {
  const { lang, t } = useLocale();
  const confirmAct = useConfirmAct();
  const state = useFormModal({
    open: r !== null,
    onClose,
    mutation: useLiftIntegrityRecord(),
    toVariables: (v: Values) => ({ id: r?.id ?? "", body: { reason: v.reason.trim() } }),
    fields: ["reason"],
    successText: t("诚信记录已解除", "Integrity record lifted"),
  });
  const subject = r ? (r.subject === "unit" ? (r.unitNameZh ?? "") : (r.personName ?? "")) : "";
  const kind = r ? integrityKindNames[r.kind][lang] : "";
  const consequence = r?.blocksApplications
    ? t(
        `解除后，申报资格审查不再依据本记录拒绝${subject}的申报。`,
        `Once lifted, the application checks no longer refuse ${subject} on this record.`,
      )
    : t("解除后，本记录不再生效。", "Once lifted, the record is no longer in force.");
  const origin = r?.originId
    ? t(
        "本记录由项目撤销决定或处理措施产生；项目页上的处理措施记录不因此改变。",
        "This record was left by a project's revocation or sanction; the project page's record of it does not change.",
      )
    : null;
  const modal = withConfirmation(state, (v) =>
    r
      ? confirmAct({
          title: t(`解除${subject}的${kind}？`, `Lift the ${kind.toLowerCase()} of ${subject}?`),
          content: t(
            `${consequence}记录本身保留并标明已解除及理由（${v.reason.trim()}）。解除不能撤回，记入审计日志。`,
            `${consequence} The record stays, marked lifted with the reason (${v.reason.trim()}). It cannot be withdrawn and is audited.`,
          ),
          okText: t("解除", "Lift"),
          testId: "integrity-lift-confirm",
          danger: true,
        })
      : Promise.resolve(false),
  );
  const reason = lengthLimit(2000, t);

  return (
    <FormModal
      modal={modal}
      title={t("解除诚信记录", "Lift an integrity record")}
      okText={t("下一步", "Next")}
      submitTestId="integrity-lift-submit"
      formTestId="integrity-lift-form"
    >
      {r && (
        <Descriptions
          size="small"
          bordered
          column={1}
          style={{ marginBottom: 16 }}
          styles={{ label: { whiteSpace: "nowrap" } }}
          items={[
            { key: "subject", label: t("对象", "Subject"), children: subject },
            { key: "kind", label: t("类别", "Kind"), children: kind },
            {
              key: "period",
              label: t("期间", "Period"),
              children: `${r.fromDate} ～ ${r.untilDate ?? t("长期", "no end")}`,
            },
            { key: "reason", label: t("事由", "Reason"), children: r.reason },
            { key: "clause", label: t("依据", "Clause"), children: r.clause },
          ]}
        />
      )}
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        message={consequence}
        description={origin}
        data-testid="integrity-lift-consequence"
      />
      <Form.Item
        name="reason"
        label={t("解除理由", "Reason for lifting")}
        rules={[
          { required: true, whitespace: true, message: t("请填写解除理由", "Enter the reason") },
          { min: 2, transform: trimmed, message: t("至少 2 个字", "At least 2 characters") },
          reason.rule,
        ]}
      >
        <Input.TextArea rows={3} count={reason.count} data-testid="integrity-lift-reason" />
      </Form.Item>
    </FormModal>
  );
}
