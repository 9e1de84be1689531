import { Alert, Form, Input } from "antd";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { lengthLimit } from "../../components/lengthLimit";
import { useReopenAssignment } from "./hooks";
import type { Replacing } from "./OverrideModal";

/** 退回重评: a submitted review goes back to its expert, for a reason the expert is told. */
export function ReopenModal({
  planId,
  reopening,
  onClose,
}: {
  planId: string;
  reopening: Replacing | null;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const modal = useFormModal({
    open: reopening !== null,
    onClose,
    mutation: useReopenAssignment(planId),
    toVariables: (v: { reason: string }) => ({
      assignmentId: reopening?.row.id ?? "",
      reason: v.reason.trim(),
    }),
    fields: ["reason"],
    successText: t("已退回专家重评", "Sent back to the expert"),
  });
  const reason = lengthLimit(500, t);
  const name = reopening?.row.expert.displayName ?? "";

  return (
    <FormModal
      modal={modal}
      title={t(
        `退回 ${name} 对 ${reopening?.item.number ?? ""} 的评审意见？`,
        `Reopen ${name}'s review of ${reopening?.item.number ?? ""}?`,
      )}
      submitTestId="reopen-confirm"
      formTestId="reopen-form"
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="reopen-consequence"
        message={t(
          `${name} 已提交的评审意见将退回修改，其总分在重新提交前不计入平均分和排名；专家会收到通知和退回理由。此操作记入审计日志。`,
          `${name}'s submitted review goes back for revision; the total leaves the mean and the ranking until it is submitted again. The expert is notified with the reason. The action is audited.`,
        )}
      />
      <Form.Item
        name="reason"
        label={t("退回理由（专家可见）", "Reason (shown to the expert)")}
        rules={[{ required: true, whitespace: true }, { min: 2 }, reason.rule]}
      >
        <Input.TextArea rows={3} count={reason.count} data-testid="reopen-reason" />
      </Form.Item>
    </FormModal>
  );
}
