import { useMutation } from "@tanstack/react-query";
import { App, Form, Input, Modal } from "antd";
import { changePassword } from "../../api/auth";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { applyFieldErrors } from "../../components/formErrors";

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { lang, t } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mutation = useMutation({ mutationFn: changePassword });

  const submit = async () => {
    const v = await form.validateFields();
    mutation.mutate(
      { currentPassword: v.currentPassword, newPassword: v.newPassword },
      {
        onSuccess: () => {
          message.success(t("密码已修改", "Password changed"));
          form.resetFields();
          onClose();
        },
        onError: (err) => applyFieldErrors(form, err, lang, ["currentPassword", "newPassword"]),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t("修改密码", "Change password")}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      {mutation.error && <ErrorAlert error={mutation.error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical">
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
      </Form>
    </Modal>
  );
}
