import { BellOutlined } from "@ant-design/icons";
import { Badge, Button, Card, Empty, List, Skeleton, Typography } from "antd";
import type { Notification } from "../../api/notifications";
import { pickLang, useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { formatDateTime } from "../../components/time";
import { useNotifications } from "./useNotifications";

/** What changed for the user (decisions on their applications…), newest first; opening one marks it read. */
export function NotificationsCard() {
  const { lang, t } = useLocale();
  const { list, unread, open } = useNotifications();

  return (
    <Card
      size="small"
      data-testid="notifications"
      title={
        <Badge count={unread} size="small" offset={[8, 0]}>
          <span>
            <BellOutlined /> {t("消息通知", "Notifications")}
          </span>
        </Badge>
      }
    >
      <ErrorAlert error={list.error} />
      {list.isPending && <Skeleton active paragraph={{ rows: 2 }} />}
      {list.data && list.data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("暂无通知", "No notifications")} />
      ) : (
        <List<Notification>
          size="small"
          dataSource={list.data ?? []}
          renderItem={(n) => (
            <List.Item
              data-testid={`notification-${n.id}`}
              actions={[
                <Button key="open" type="link" size="small" onClick={() => open(n)}>
                  {t("查看", "Open")}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Typography.Text strong={!n.read}>
                    {!n.read && <Badge status="processing" />} {pickLang(lang, n.titleZh, n.titleEn)}
                  </Typography.Text>
                }
                description={formatDateTime(n.createdAt)}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
