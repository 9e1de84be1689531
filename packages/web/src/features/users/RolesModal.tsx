import { type Role, roleNames } from "@luoshu/domain";
import { App, Checkbox, Modal, Space } from "antd";
import { useEffect, useState } from "react";
import type { User } from "../../api/users";
import { pickLang, useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useSetRoles } from "./hooks";

const allRoles = Object.keys(roleNames) as Role[];

/** Which combinations are allowed (三员分立 etc.) is the server's decision; its refusal is shown as is. */
export function RolesModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { lang, t } = useLocale();
  const { message } = App.useApp();
  const [selected, setSelected] = useState<Role[]>([]);
  const mutation = useSetRoles();

  useEffect(() => {
    setSelected(user?.roles ?? []);
    mutation.reset();
  }, [user, mutation.reset]);

  const submit = () => {
    if (!user) return;
    mutation.mutate(
      { id: user.id, roles: selected },
      {
        onSuccess: () => {
          message.success(t("角色已更新", "Roles updated"));
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open={user !== null}
      title={`${t("分配角色", "Assign roles")} · ${user?.displayName ?? ""}`}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      okButtonProps={{ "data-testid": "roles-submit" }}
    >
      {mutation.error && <ErrorAlert error={mutation.error} style={{ marginBottom: 16 }} />}
      <Checkbox.Group value={selected} onChange={(v) => setSelected(v as Role[])} data-testid="roles-form">
        <Space direction="vertical">
          {allRoles.map((r) => (
            <Checkbox key={r} value={r} data-testid={`role-${r}`}>
              {pickLang(lang, roleNames[r].zh, roleNames[r].en)}
            </Checkbox>
          ))}
        </Space>
      </Checkbox.Group>
    </Modal>
  );
}
