import { Space, Table, type TableColumnsType, Typography } from "antd";
import { Link } from "react-router-dom";
import type { ClosureWaiting } from "../../api/projectLife";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { yuan } from "../../components/money";
import { PageHeader } from "../../components/PageHeader";
import { formatDateTime } from "../../components/time";
import { Citation } from "../reviews/HorseRaceModal";
import { useClosuresWaiting } from "./hooks";
import { closureGroundNames } from "./labels";

/**
 * 待审定的终止申请 (DT-RULES §20): the units' applications to terminate their projects, waiting for
 * the bureau. Each links to its project's page, where the officer decides with the consequences.
 */
export function ClosuresWaitingPage() {
  const { lang, t } = useLocale();
  const waiting = useClosuresWaiting(true);
  const columns: TableColumnsType<ClosureWaiting> = [
    {
      title: t("项目编号", "Number"),
      dataIndex: "number",
      width: 150,
      render: (n: string, c) => (
        <Link to={`/projects/${c.projectId}`} data-testid={`closure-waiting-${c.projectId}`}>
          <code>{n}</code>
        </Link>
      ),
    },
    { title: t("项目名称", "Title"), dataIndex: "title" },
    {
      title: t("事由", "Ground"),
      key: "ground",
      render: (_, c) => (
        <Space size={4} wrap>
          <span>{closureGroundNames[c.closure.ground][lang]}</span>
          <Citation source={c.closure.source} />
        </Space>
      ),
    },
    {
      title: t("理由", "Reason"),
      key: "reason",
      width: 320,
      render: (_, c) => <span style={{ whiteSpace: "pre-wrap" }}>{c.closure.reason}</span>,
    },
    {
      title: t("已支出金额", "Spent"),
      key: "spent",
      align: "right",
      render: (_, c) => <span style={{ whiteSpace: "nowrap" }}>{yuan(c.closure.spentFen)}</span>,
    },
    {
      title: t("申请人与时间", "Applied by, at"),
      key: "requested",
      render: (_, c) => (
        <Space direction="vertical" size={0} style={{ whiteSpace: "nowrap" }}>
          <Typography.Text type="secondary">{c.closure.requested.byName}</Typography.Text>
          <Typography.Text type="secondary">{formatDateTime(c.closure.requested.at)}</Typography.Text>
        </Space>
      ),
    },
  ];
  return (
    <div data-testid="page-project-closures">
      <PageHeader title={t("待审定的终止申请", "Terminations to decide")} />
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        <Typography.Text type="secondary">
          {t(
            "承担单位申请终止的项目，待市科技局审定；点击项目编号在项目页面办理。",
            "Projects whose units applied to terminate them, waiting for the bureau; open a project to decide.",
          )}
        </Typography.Text>
        <ErrorAlert error={waiting.error} />
        <Table
          rowKey={(c) => c.closure.id}
          loading={waiting.isPending}
          dataSource={waiting.data?.items}
          columns={columns}
          pagination={false}
          scroll={{ x: 900 }}
          data-testid="closures-waiting"
          locale={{ emptyText: t("没有待审定的终止申请", "No termination is waiting") }}
        />
      </Space>
    </div>
  );
}
