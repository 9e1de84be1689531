import { Button, Card, Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from "antd";
import { useEffect, useState } from "react";
import { useSearchParams } from "react-router-dom";
import type { ProjectDetail } from "../../api/execution";
import type { Rectification, RectificationEvent } from "../../api/rectifications";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { formatDateTime } from "../../components/time";
import { DecideRectificationModal } from "./DecideRectificationModal";
import { departmentNames } from "./labels";
import { RaiseRectificationModal } from "./RaiseRectificationModal";
import { ReportRectificationModal } from "./ReportRectificationModal";
import { useProjectRectifications } from "./rectificationHooks";
import {
  rectificationEventNames,
  rectificationSourceNames,
  rectificationStandingColors,
  rectificationStandingNames,
} from "./rectificationLabels";

/**
 * 整改事项 (LY-FUNDS §10, §23) on the project page: each finding sent back to the unit, where it
 * stands (overdue in red with its days), the unit's report, and the raising department's decision.
 */
export function RectificationsCard({ project: p }: { project: ProjectDetail }) {
  const { lang, t } = useLocale();
  const query = useProjectRectifications(p.id);
  const [raising, setRaising] = useState(false);
  const [reporting, setReporting] = useState<Rectification | null>(null);
  const [deciding, setDeciding] = useState<{ item: Rectification; event: RectificationEvent } | null>(null);
  const [params, setParams] = useSearchParams();
  const [preset, setPreset] = useState<{ source: string; id: string } | null>(null);
  const data = query.data;
  const mayRaise = data?.actions.includes("raise") ?? false;
  const noSource = mayRaise && data?.sourceOptions.length === 0;

  // opened from an inspection's row (`?raise=inspection:<id>`): the raise dialog with that finding chosen
  const asked = params.get("raise");
  useEffect(() => {
    if (!asked || !data) return;
    const option = data.sourceOptions.find((o) => `${o.source}:${o.id}` === asked);
    if (data.actions.includes("raise") && option) {
      setPreset({ source: option.source, id: option.id });
      setRaising(true);
    }
    setParams(
      (p) => {
        p.delete("raise");
        return p;
      },
      { replace: true },
    );
  }, [asked, data, setParams]);

  const columns: TableColumnsType<Rectification> = [
    {
      title: t("问题", "Issue"),
      dataIndex: "issue",
      render: (issue: string, x) => (
        <Space direction="vertical" size={0}>
          <Typography.Text>{issue}</Typography.Text>
          <Typography.Text type="secondary">
            {rectificationSourceNames[x.source][lang]} · {departmentNames[x.department][lang]} ·{" "}
            {x.raised.byName} {formatDateTime(x.raised.at)}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t("整改期限", "Deadline"), dataIndex: "dueDate", width: 110 },
    {
      title: t("状态", "Status"),
      key: "standing",
      width: 170,
      render: (_, x) => (
        <Space size={4} wrap>
          <Tag color={rectificationStandingColors[x.standing]}>
            {rectificationStandingNames[x.standing][lang]}
          </Tag>
          {x.overdueDays > 0 && (
            <Typography.Text type="danger" data-testid={`rectification-overdue-${x.id}`}>
              {t(`已逾期 ${x.overdueDays} 天`, `${x.overdueDays} days overdue`)}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t("整改情况", "Correction"),
      key: "response",
      render: (_, x) =>
        x.response ? (
          <Space direction="vertical" size={0}>
            <Typography.Text>{x.response}</Typography.Text>
            <Typography.Text type="secondary">
              {t("佐证：", "Evidence: ")}
              {x.evidence}
            </Typography.Text>
            {x.closeNote && (
              <Typography.Text type="secondary">
                {t("核验意见：", "Note: ")}
                {x.closeNote}
              </Typography.Text>
            )}
          </Space>
        ) : (
          "—"
        ),
    },
    {
      title: t("操作", "Actions"),
      key: "actions",
      width: 200,
      render: (_, x) =>
        x.actions.length === 0 ? (
          "—"
        ) : (
          <Space wrap size={4}>
            {x.actions.includes("report") && (
              <Button
                size="small"
                type="primary"
                onClick={() => setReporting(x)}
                data-testid={`rectification-report-${x.id}`}
              >
                {t("报送整改情况", "Report")}
              </Button>
            )}
            {(["close", "reopen"] as const)
              .filter((e) => x.actions.includes(e))
              .map((e) => (
                <Button
                  key={e}
                  size="small"
                  danger={e === "reopen"}
                  onClick={() => setDeciding({ item: x, event: e })}
                  data-testid={`rectification-${e}-${x.id}`}
                >
                  {rectificationEventNames[e][lang]}
                </Button>
              ))}
          </Space>
        ),
    },
  ];

  const noSourceReason = t(
    "本项目尚无已登记结果的检查、已作结论的评估或进展报告，无从提出整改。",
    "No inspection with a result, concluded assessment or progress report to raise from yet.",
  );

  return (
    <Card
      size="small"
      title={t("整改事项", "Rectification items")}
      data-testid="rectifications-card"
      extra={
        mayRaise && (
          <Space size={4}>
            {noSource && (
              <Typography.Text type="secondary" data-testid="rectification-raise-blocked">
                {noSourceReason}
              </Typography.Text>
            )}
            <Tooltip title={noSource ? noSourceReason : undefined}>
              <Button
                size="small"
                disabled={noSource}
                onClick={() => {
                  setPreset(null);
                  setRaising(true);
                }}
                data-testid="rectification-raise"
              >
                {t("提出整改", "Raise an item")}
              </Button>
            </Tooltip>
          </Space>
        )
      }
    >
      <ErrorAlert error={query.error} />
      <Table<Rectification>
        rowKey="id"
        size="small"
        loading={query.isPending}
        dataSource={data?.items}
        columns={columns}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 800 }}
        data-testid="rectifications-table"
        locale={{ emptyText: t("没有整改事项", "No items") }}
      />
      <RaiseRectificationModal
        project={p}
        open={raising}
        options={data?.sourceOptions ?? []}
        preset={preset}
        onClose={() => {
          setRaising(false);
          setPreset(null);
        }}
      />
      <ReportRectificationModal project={p} item={reporting} onClose={() => setReporting(null)} />
      <DecideRectificationModal project={p} decision={deciding} onClose={() => setDeciding(null)} />
    </Card>
  );
}
