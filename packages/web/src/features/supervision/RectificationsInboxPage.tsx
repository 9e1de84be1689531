import { Segmented, Space, Table, type TableColumnsType, Tag, Typography } from "antd";
import { Link, useSearchParams } from "react-router-dom";
import type { Rectification, RectificationNeed } from "../../api/rectifications";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { useCurrentUser } from "../auth/session";
import { departmentNames } from "./labels";
import { useRectificationInbox } from "./rectificationHooks";
import {
  rectificationNeedNames,
  rectificationSourceNames,
  rectificationStandingColors,
  rectificationStandingNames,
} from "./rectificationLabels";

const needText: Record<RectificationNeed, { zh: string; en: string }> = {
  report: {
    zh: "尚待整改的事项（含已逾期），请在项目页面报送整改情况。",
    en: "Items still to correct (overdue ones included): report on the project's page.",
  },
  verify: {
    zh: "承担单位已报送整改情况、待提出部门核验的事项，请在项目页面核验销号或退回。",
    en: "Items the units have reported, for the raising department to close or send back on the project's page.",
  },
  overdue: {
    zh: "已过整改期限仍未报送整改情况的事项。",
    en: "Items past their deadline and not reported.",
  },
};

/**
 * 整改事项 (LY-FUNDS §10, §23): the items in the caller's scope that need something — to correct (the
 * unit, the PI), to verify (the raising department), overdue (everyone; the district reads its own).
 */
export function RectificationsInboxPage() {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const [params, setParams] = useSearchParams();
  const needs: RectificationNeed[] = [
    ...(me.permissions.includes("progress.report") ? (["report"] as const) : []),
    ...(me.permissions.includes("supervision.manage") ? (["verify"] as const) : []),
    "overdue",
  ];
  const asked = params.get("need") as RectificationNeed | null;
  const need: RectificationNeed = asked && needs.includes(asked) ? asked : (needs[0] ?? "overdue");
  const inbox = useRectificationInbox(need);

  const columns: TableColumnsType<Rectification> = [
    {
      title: t("项目编号", "Number"),
      dataIndex: "projectNumber",
      width: 170,
      render: (n: string, x) => (
        <Link to={`/projects/${x.projectId}`} data-testid={`rectification-inbox-${x.id}`}>
          <code>{n}</code>
        </Link>
      ),
    },
    { title: t("项目名称", "Title"), dataIndex: "projectTitle" },
    { title: t("承担单位", "Unit"), dataIndex: "unitName" },
    {
      title: t("问题", "Issue"),
      dataIndex: "issue",
      render: (issue: string, x) => (
        <Space direction="vertical" size={0}>
          <Typography.Text>{issue}</Typography.Text>
          <Typography.Text type="secondary">
            {rectificationSourceNames[x.source][lang]} · {departmentNames[x.department][lang]}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t("整改期限", "Deadline"), dataIndex: "dueDate", width: 110 },
    {
      title: t("状态", "Status"),
      key: "standing",
      width: 180,
      render: (_, x) => (
        <Space size={4} wrap>
          <Tag color={rectificationStandingColors[x.standing]}>
            {rectificationStandingNames[x.standing][lang]}
          </Tag>
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
    <div data-testid="page-rectifications">
      <PageHeader title={t("整改事项", "Rectification items")} />
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        {needs.length > 1 && (
          <Segmented<RectificationNeed>
            value={need}
            onChange={(v) => setParams({ need: v }, { replace: true })}
            options={needs.map((n) => ({ value: n, label: rectificationNeedNames[n][lang] }))}
            data-testid="rectification-need"
            aria-label={t("列表", "List")}
          />
        )}
        <Typography.Text type="secondary">{needText[need][lang]}</Typography.Text>
        <ErrorAlert error={inbox.error} />
        <Table<Rectification>
          rowKey="id"
          loading={inbox.isPending}
          dataSource={inbox.data?.items}
          columns={columns}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 900 }}
          data-testid="rectification-inbox"
          locale={{ emptyText: t("没有需要办理的整改事项", "Nothing to do here") }}
        />
      </Space>
    </div>
  );
}
