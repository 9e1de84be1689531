import { roleNames } from "@luoshu/domain";
import { useQuery } from "@tanstack/react-query";
import { Card, Col, Empty, Row, Skeleton, Statistic, Typography } from "antd";
import { Link } from "react-router-dom";
import { fetchWorkspace } from "../../api/workspace";
import { pickLang, useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { useCurrentUser } from "../auth/session";
import { NotificationsCard } from "./NotificationsCard";

/** Links from the server may point at pages not built yet; internal ones go through the router. */
function TaskLink({ link, children }: { link: string; children: React.ReactElement }) {
  return link.startsWith("/") && !link.startsWith("/api") ? <Link to={link}>{children}</Link> : children;
}

export function WorkspacePage() {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const query = useQuery({ queryKey: ["workspace"], queryFn: fetchWorkspace });
  const roleText = me.roles.map((r) => pickLang(lang, roleNames[r]?.zh, roleNames[r]?.en) || r).join("、");

  return (
    <div data-testid="page-workspace">
      <PageHeader title={t("工作台", "Workspace")} />
      <Typography.Paragraph type="secondary">
        {t(
          `${me.displayName}，您好。当前身份：${roleText}`,
          `Hello, ${me.displayName}. Signed in as: ${roleText}`,
        )}
      </Typography.Paragraph>
      <ErrorAlert error={query.error} />
      {query.isPending && <Skeleton active />}
      {query.data && query.data.tasks.length === 0 && (
        <Empty description={t("暂无待办事项", "Nothing waiting for you")} />
      )}
      <Row gutter={[16, 16]}>
        {query.data?.tasks.map((task) => (
          <Col key={task.key} xs={24} sm={12} lg={8} xl={6}>
            <TaskLink link={task.link}>
              <Card hoverable data-testid={`task-${task.key}`}>
                {/* A count shows as a number, 0 included; a link-only tile says where it goes. */}
                <Statistic
                  title={pickLang(lang, task.titleZh, task.titleEn)}
                  value={task.count ?? t("打开", "Open")}
                />
              </Card>
            </TaskLink>
          </Col>
        ))}
      </Row>
      <div style={{ marginTop: 24 }}>
        <NotificationsCard />
      </div>
    </div>
  );
}
