import { Alert, Form, Input } from "antd";
import type { PublicNotice, PublicNoticeEntry } from "../../api/decisions";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { lengthLimit } from "../../components/lengthLimit";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { useRaiseObjection } from "../decisions/hooks";

interface Values {
  name: string;
  contact: string;
  content: string;
}

/**
 * 提出异议: anyone may object to a project in public notice, under their name and with a way to reach
 * them (the bureau contacts them about the outcome; neither is published). Refusals, such as too
 * many objections from one place (429) or a closed notice (422), show the server's message.
 */
export function ObjectionModal({
  notice,
  entry,
  onClose,
}: {
  notice: PublicNotice;
  entry: PublicNoticeEntry | null;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const confirmAct = useConfirmAct();
  const state = useFormModal({
    open: entry !== null,
    onClose,
    mutation: useRaiseObjection(notice.listId),
    toVariables: (v: Values) => ({
      applicationId: entry?.applicationId ?? "",
      name: v.name.trim(),
      contact: v.contact.trim(),
      content: v.content.trim(),
    }),
    fields: ["name", "contact", "content"],
    successText: t(
      "异议已提交，主管部门将核实处理并与您联系",
      "Objection received: the bureau will look into it and contact you",
    ),
  });
  const modal = withConfirmation(state, () =>
    confirmAct({
      title: t("提交异议？", "Submit the objection?"),
      content: t(
        "异议以实名提出，提交后不能修改或撤回；姓名和联系方式仅供主管部门核实，不公开。",
        "Objections are made under your name and cannot be changed or withdrawn; your name and contact are for the bureau only and are not published.",
      ),
      okText: t("提交异议", "Submit"),
      testId: "public-objection-final",
    }),
  );
  const limits = { name: lengthLimit(50, t), contact: lengthLimit(100, t), content: lengthLimit(3000, t) };

  return (
    <FormModal
      modal={modal}
      title={t(`对“${entry?.title ?? ""}”提出异议`, `Object to "${entry?.title ?? ""}"`)}
      okText={t("提交异议", "Submit")}
      submitTestId="public-objection-confirm"
      formTestId="public-objection-form"
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={t(
          `${notice.callName} · ${entry?.unitName ?? ""}；请实名提出，并写明异议的事实和依据。`,
          `${notice.callName} · ${entry?.unitName ?? ""}. Give your name and state the facts and grounds of the objection.`,
        )}
      />
      <Form.Item
        name="name"
        label={t("姓名或单位名称", "Name or organisation")}
        rules={[{ required: true, whitespace: true }, { min: 2 }, limits.name.rule]}
      >
        <Input count={limits.name.count} autoComplete="name" data-testid="public-objection-name" />
      </Form.Item>
      <Form.Item
        name="contact"
        label={t("联系方式", "Contact")}
        rules={[{ required: true, whitespace: true }, { min: 2 }, limits.contact.rule]}
      >
        <Input count={limits.contact.count} data-testid="public-objection-contact" />
      </Form.Item>
      <Form.Item
        name="content"
        label={t("异议内容", "Objection")}
        rules={[
          { required: true, whitespace: true },
          { min: 10, message: t("异议内容至少 10 个字", "At least 10 characters") },
          limits.content.rule,
        ]}
      >
        <Input.TextArea
          autoSize={{ minRows: 4, maxRows: 12 }}
          count={limits.content.count}
          data-testid="public-objection-content"
        />
      </Form.Item>
    </FormModal>
  );
}
