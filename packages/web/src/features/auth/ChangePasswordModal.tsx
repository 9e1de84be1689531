import { useMutation } from "@tanstack/react-query";
import { Form, Input } from "antd";
import { changePassword } from "../../api/auth";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useLocale();
  const modal = useFormModal({
    open,
    onClose,
    mutation: useMutation({ mutationFn: changePassword }),
    toVariables: (v: Values) => ({ currentPassword: v.currentPassword, newPassword: v.newPassword }),
    fields: ["currentPassword", "newPassword"],
    successText: t("密码已修改", "Password changed"),
  });
  return (
    <FormModal modal={modal} title={t("修改密码", "Change password")}>
      <Form.Item
        name="currentPassword"
        label={t("当前密码", "Current password")}
        rules={[{ required: true }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item name="newPassword" label={t("新密码", "New password")} rules={[{ required: true }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t("确认新密码", "Confirm new password")}
        dependencies={["newPassword"]}
        rules={[
          { required: true },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue("newPassword")
                ? Promise.resolve()
                : Promise.reject(new Error(t("两次输入的密码不一致", "The passwords do not match"))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
