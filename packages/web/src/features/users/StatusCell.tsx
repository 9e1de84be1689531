import { App, Popconfirm, Space, Switch, Tag, Tooltip } from "antd";
import { errorText } from "../../api/client";
import type { User } from "../../api/users";
import { useLocale } from "../../app/locale";
import { useSetStatus } from "./hooks";

export function StatusCell({ user, editable }: { user: User; editable: boolean }) {
  const { lang, t } = useLocale();
  const { message } = App.useApp();
  const mutation = useSetStatus();
  const active = user.status === "active";
  const next = active ? "disabled" : "active";

  const toggle = () =>
    mutation.mutate(
      { id: user.id, status: next },
      {
        onSuccess: () => message.success(active ? t("已停用", "Disabled") : t("已启用", "Enabled")),
        onError: (err) => message.error(errorText(err, lang)),
      },
    );

  return (
    <Space size={4}>
      {editable ? (
        <Popconfirm
          title={
            active ? t("确定停用该用户？", "Disable this user?") : t("确定启用该用户？", "Enable this user?")
          }
          onConfirm={toggle}
        >
          <Switch
            size="small"
            checked={active}
            loading={mutation.isPending}
            checkedChildren={t("启用", "On")}
            unCheckedChildren={t("停用", "Off")}
            data-testid={`user-status-${user.username}`}
          />
        </Popconfirm>
      ) : (
        <Tag color={active ? "green" : "default"}>{active ? t("启用", "Active") : t("停用", "Disabled")}</Tag>
      )}
      {user.mustChangePassword && (
        <Tooltip title={t("仍在使用管理员设置的初始密码", "Still on the password an administrator set")}>
          <Tag color="orange">{t("待首次改密", "Password change due")}</Tag>
        </Tooltip>
      )}
    </Space>
  );
}
