import { Alert, Form, Input } from "antd";
import type { ProposedList, ProposedListEntry } from "../../api/decisions";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { lengthLimit } from "../../components/lengthLimit";
import { useWithdrawEntry } from "./hooks";
import { actionNames } from "./labels";

/** 单位撤回: the unit gave up a selected project; it leaves the list and the first reserve moves up. */
export function WithdrawEntryModal({
  list,
  entry,
  onClose,
}: {
  list: ProposedList;
  entry: ProposedListEntry | null;
  onClose: () => void;
}) {
  const { lang, t } = useLocale();
  const modal = useFormModal({
    open: entry !== null,
    onClose,
    mutation: useWithdrawEntry(list.id),
    toVariables: (v: { reason: string }) => ({
      applicationId: entry?.applicationId ?? "",
      reason: v.reason.trim(),
    }),
    fields: ["reason"],
    successText: t("已登记单位撤回", "Withdrawal recorded"),
  });
  const reason = lengthLimit(1000, t);
  const title = entry?.title ?? "";

  return (
    <FormModal
      modal={modal}
      title={t(`登记“${title}”由申报单位撤回？`, `Record that the unit withdrew "${title}"?`)}
      okText={actionNames.withdrawEntry[lang]}
      submitTestId="entry-withdraw-confirm"
      formTestId="entry-withdraw-form"
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        message={t(
          `“${title}”移出拟立项名单，候补第一名递补为拟立项项目。此操作记入审计日志，不能撤销。`,
          `"${title}" leaves the list and the first reserve moves up into it. The action is audited and cannot be undone.`,
        )}
      />
      <Form.Item
        name="reason"
        label={t("撤回原因", "Reason")}
        rules={[{ required: true, whitespace: true }, { min: 2 }, reason.rule]}
      >
        <Input.TextArea rows={3} count={reason.count} data-testid="entry-withdraw-reason" />
      </Form.Item>
    </FormModal>
  );
}
