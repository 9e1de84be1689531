import { BellOutlined } from "@ant-design/icons";
import { Badge, Button, Dropdown, Typography } from "antd";
import { pickLang, useLocale } from "../../app/locale";
import { formatDateTime } from "../../components/time";
import { useNotifications } from "./useNotifications";

/** The header's bell: how many notifications are unread, and the newest ten one click away. */
export function NotificationBell() {
  const { lang, t } = useLocale();
  const { list, unread, open } = useNotifications();
  const newest = (list.data ?? []).slice(0, 10);
  const label = t(`消息通知，${unread} 条未读`, `Notifications, ${unread} unread`);

  return (
    <Dropdown
      trigger={["click"]}
      menu={{
        items:
          newest.length === 0
            ? [{ key: "none", disabled: true, label: t("暂无通知", "No notifications") }]
            : newest.map((n) => ({
                key: n.id,
                label: (
                  <div data-testid={`bell-item-${n.id}`} style={{ maxWidth: 360, whiteSpace: "normal" }}>
                    <Typography.Text strong={!n.read}>
                      {!n.read && <Badge status="processing" />} {pickLang(lang, n.titleZh, n.titleEn)}
                    </Typography.Text>
                    <br />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(n.createdAt)}
                    </Typography.Text>
                  </div>
                ),
              })),
        onClick: ({ key }) => {
          const n = newest.find((x) => x.id === key);
          if (n) open(n);
        },
      }}
    >
      <Button type="text" aria-label={label} title={label} data-testid="notification-bell">
        <Badge count={unread} size="small" data-testid="notification-bell-count">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Dropdown>
  );
}
