import { Alert, Form, Input } from "antd";
import type { Expert } from "../../api/experts";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { lengthLimit } from "../../components/lengthLimit";
import { useSuspension } from "./hooks";

/** Suspending or reinstating an expert: the dialog says what it does and asks for the reason. */
export function SuspensionModal({ expert, onClose }: { expert: Expert | null; onClose: () => void }) {
  const { t } = useLocale();
  const suspend = expert?.status === "active";
  const modal = useFormModal({
    open: expert !== null,
    onClose,
    mutation: useSuspension(),
    toVariables: ({ reason }: { reason: string }) => ({ id: expert?.id ?? "", suspend, reason }),
    fields: ["reason"],
    successText: suspend ? t("已暂停该专家", "Expert suspended") : t("已恢复该专家", "Expert reinstated"),
  });
  const reason = lengthLimit(500, t);
  return (
    <FormModal
      modal={modal}
      title={
        suspend
          ? t(`确认暂停专家 ${expert?.displayName ?? ""}？`, `Suspend ${expert?.displayName ?? ""}?`)
          : t(`确认恢复专家 ${expert?.displayName ?? ""}？`, `Reinstate ${expert?.displayName ?? ""}?`)
      }
      submitTestId="expert-suspension-confirm"
      formTestId="expert-suspension-form"
    >
      <Alert
        type={suspend ? "warning" : "info"}
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="expert-suspension-consequence"
        message={
          suspend
            ? t(
                "暂停后，该专家仍在库中、账号可登录，但任何评审分配都不会再选中该专家，直至恢复。此操作记入审计日志。",
                "Once suspended the expert stays in the pool and can log in, but no review assignment picks them until reinstated. The action is audited.",
              )
            : t(
                "恢复后，该专家可再次被评审分配选中。此操作记入审计日志。",
                "Once reinstated the expert can be assigned again. The action is audited.",
              )
        }
      />
      <Form.Item
        name="reason"
        label={suspend ? t("暂停原因", "Reason for the suspension") : t("恢复原因", "Reason for reinstating")}
        rules={[{ required: true, min: 2 }, reason.rule]}
      >
        <Input.TextArea rows={3} count={reason.count} data-testid="expert-suspension-reason" />
      </Form.Item>
    </FormModal>
  );
}
