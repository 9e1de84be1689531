import { Segmented, Space, Table, type TableColumnsType, Tag, Typography } from "antd";
import { Link, useSearchParams } from "react-router-dom";
import type { ProgressInboxItem, ProgressNeed } from "../../api/tracking";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { useCurrentUser } from "../auth/session";
import { useProgressInbox } from "./hooks";
import { needNames, standingColors, standingNames } from "./labels";

/** What each list is, for the line under the tabs. */
const needText: Record<ProgressNeed, { zh: string; en: string }> = {
  file: {
    zh: "两周内到期、已逾期或被退回修改的进展报告，请在项目页面填报。",
    en: "Reports due within two weeks, overdue or returned: file them on the project's page.",
  },
  review: {
    zh: "承担单位已提交、待市科技局审核的进展报告，请在项目页面审核。",
    en: "Reports filed by the units, waiting for the bureau: review them on the project's page.",
  },
  overdue: {
    zh: "已过应报日期仍未提交（或退回后未重新提交）的进展报告。",
    en: "Reports past their due date and not filed (or not filed again once returned).",
  },
};

/**
 * 进展报告 (DT-RULES §14(五); LY-FUNDS §10): the reports in the caller's scope that need something —
 * to file (the unit, the PI), to review (the bureau), overdue (everyone) — as the workspace's tiles
 * count them; `?need=` chooses the list, and each row opens its project.
 */
export function ProgressInboxPage() {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const [params, setParams] = useSearchParams();
  const needs: ProgressNeed[] = [
    ...(me.permissions.includes("progress.report") ? (["file"] as const) : []),
    ...(me.permissions.includes("progress.review") ? (["review"] as const) : []),
    "overdue",
  ];
  const asked = params.get("need") as ProgressNeed | null;
  const need: ProgressNeed = asked && needs.includes(asked) ? asked : (needs[0] ?? "overdue");
  const inbox = useProgressInbox(need);

  const columns: TableColumnsType<ProgressInboxItem> = [
    {
      title: t("项目编号", "Number"),
      dataIndex: "number",
      width: 170,
      render: (n: string, x) => (
        <Link to={`/projects/${x.projectId}`} data-testid={`progress-inbox-${x.projectId}-${x.period}`}>
          <code>{n}</code>
        </Link>
      ),
    },
    { title: t("项目名称", "Title"), dataIndex: "title" },
    { title: t("承担单位", "Unit"), dataIndex: "unitName" },
    {
      title: t("期次", "Period"),
      dataIndex: "period",
      width: 80,
      render: (p: number) => t(`第 ${p} 期`, `No. ${p}`),
    },
    { title: t("应报日期", "Due"), dataIndex: "dueDate", width: 120 },
    {
      title: t("状态", "Status"),
      key: "standing",
      width: 200,
      render: (_, x) => (
        <Space size={4} wrap>
          <Tag color={standingColors[x.standing]}>{standingNames[x.standing][lang]}</Tag>
          {x.overdueDays > 0 && (
            <Typography.Text type="danger">
              {t(`已逾期 ${x.overdueDays} 天`, `${x.overdueDays} days overdue`)}
            </Typography.Text>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="page-progress-reports">
      <PageHeader title={t("进展报告", "Progress reports")} />
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        {needs.length > 1 && (
          <Segmented<ProgressNeed>
            value={need}
            onChange={(v) => setParams({ need: v }, { replace: true })}
            options={needs.map((n) => ({ value: n, label: needNames[n][lang] }))}
            data-testid="progress-need"
            aria-label={t("列表", "List")}
          />
        )}
        <Typography.Text type="secondary">{needText[need][lang]}</Typography.Text>
        <ErrorAlert error={inbox.error} />
        <Table<ProgressInboxItem>
          rowKey={(x) => `${x.projectId}-${x.period}`}
          loading={inbox.isPending}
          dataSource={inbox.data?.items}
          columns={columns}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 900 }}
          data-testid="progress-inbox"
          locale={{ emptyText: t("没有需要办理的进展报告", "Nothing to do here") }}
        />
      </Space>
    </div>
  );
}
