import { useMutation } from "@tanstack/react-query";
import { Alert, Form, Input } from "antd";
import { changePassword } from "../../api/auth";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** `forced`: the first login with a password an administrator set; nothing else opens until it changes. */
export function ChangePasswordModal({
  open,
  onClose,
  forced = false,
}: {
  open: boolean;
  onClose: () => void;
  forced?: boolean;
}) {
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
    <FormModal
      modal={modal}
      title={
        forced
          ? t("请先设置您自己的密码", "Choose your own password first")
          : t("修改密码", "Change password")
      }
      closable={!forced}
      submitTestId="change-password-submit"
    >
      {forced && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t(
            "您的初始密码由管理员设置。请设置只有您知道的新密码，之后即可使用系统；您在其他设备上的登录将同时退出。",
            "An administrator set your initial password. Choose one only you know to continue; your sessions on other devices end.",
          )}
        />
      )}
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
