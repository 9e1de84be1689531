import { Button, Drawer, Space, Table, type TableColumnsType, Tag, Typography } from "antd";
import { useState } from "react";
import type { ReportEvent, ScheduledReport, TrackingTerms } from "../../api/tracking";
import { useLocale } from "../../app/locale";
import { useCurrentUser } from "../auth/session";
import { GuardedButton } from "../reviews/GuardedButton";
import { reportEventNames, standingColors, standingNames } from "./labels";
import { ReportView } from "./ReportView";

/**
 * The project's schedule of progress reports: each period's due date, where it stands (overdue days
 * in red), when the bureau last reminded, and what the caller may do; a filed report opens below its
 * drawer. A reporter sees the button of a period not open yet disabled, saying from when it opens.
 */
export function ScheduleTable({
  schedule,
  terms,
  name,
  pending,
  onFile,
  onDecide,
  onRemind,
}: {
  schedule: readonly ScheduledReport[];
  terms: TrackingTerms | null;
  name: (code: string, nameZh: string) => string;
  pending: boolean;
  onFile: (due: ScheduledReport) => void;
  onDecide: (due: ScheduledReport, event: ReportEvent) => void;
  onRemind: (due: ScheduledReport) => void;
}) {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const [viewing, setViewing] = useState<number | null>(null);
  const reporter = me.permissions.includes("progress.report");

  const actions = (d: ScheduledReport) => {
    const buttons = [];
    if (d.actions.includes("file"))
      buttons.push(
        <Button
          key="file"
          size="small"
          type="primary"
          onClick={() => onFile(d)}
          data-testid={`progress-file-${d.period}`}
        >
          {d.standing === "returned" ? t("修改后重新提交", "Mend and file again") : t("填报", "File")}
        </Button>,
      );
    else if (reporter && d.standing === "notOpen")
      buttons.push(
        <GuardedButton
          key="file"
          size="small"
          blockedReason={t(`${d.opensOn} 起可填报`, `Opens on ${d.opensOn}`)}
          testId={`progress-file-${d.period}`}
        >
          {t("填报", "File")}
        </GuardedButton>,
      );
    for (const e of ["approve", "return"] as const)
      if (d.actions.includes(e))
        buttons.push(
          <Button
            key={e}
            size="small"
            type={e === "approve" ? "primary" : "default"}
            danger={e === "return"}
            onClick={() => onDecide(d, e)}
            data-testid={`progress-${e}-${d.period}`}
          >
            {reportEventNames[e][lang]}
          </Button>,
        );
    if (d.actions.includes("remind"))
      buttons.push(
        <Button
          key="remind"
          size="small"
          loading={pending}
          onClick={() => onRemind(d)}
          data-testid={`progress-remind-${d.period}`}
        >
          {t("催报", "Remind")}
        </Button>,
      );
    if (d.report)
      buttons.push(
        <Button
          key="view"
          size="small"
          onClick={() => setViewing(d.period)}
          data-testid={`progress-view-${d.period}`}
        >
          {t("查看报告", "Show the report")}
        </Button>,
      );
    return buttons.length > 0 ? (
      <Space size={4} wrap>
        {buttons}
      </Space>
    ) : (
      <Typography.Text type="secondary">—</Typography.Text>
    );
  };

  const columns: TableColumnsType<ScheduledReport> = [
    {
      title: t("期次", "Period"),
      dataIndex: "period",
      width: 80,
      render: (p: number) => t(`第 ${p} 期`, `No. ${p}`),
    },
    {
      title: t("应报日期", "Due"),
      key: "due",
      width: 150,
      render: (_, d) => (
        <Space direction="vertical" size={0}>
          <span>{d.dueDate}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`${d.opensOn} 起可报`, `Opens ${d.opensOn}`)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t("状态", "Status"),
      key: "standing",
      width: 190,
      render: (_, d) => (
        <Space size={4} wrap>
          <Tag color={standingColors[d.standing]} data-testid={`progress-standing-${d.period}`}>
            {standingNames[d.standing][lang]}
          </Tag>
          {d.overdueDays > 0 && (
            <Typography.Text type="danger" data-testid={`progress-overdue-${d.period}`}>
              {t(`已逾期 ${d.overdueDays} 天`, `${d.overdueDays} days overdue`)}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t("催报", "Reminded"),
      key: "reminded",
      width: 110,
      render: (_, d) => <span data-testid={`progress-reminded-${d.period}`}>{d.remindedOn ?? "—"}</span>,
    },
    { title: t("办理", "Actions"), key: "actions", render: (_, d) => actions(d) },
  ];

  // the report as it stands now, so a decision taken meanwhile shows in the open drawer
  const shown = schedule.find((d) => d.period === viewing)?.report ?? null;
  return (
    <>
      <Table<ScheduledReport>
        rowKey="period"
        size="small"
        data-testid="progress-schedule"
        columns={columns}
        dataSource={schedule}
        pagination={false}
        scroll={{ x: "max-content" }}
        onRow={(d) => ({ "data-testid": `progress-row-${d.period}` }) as React.HTMLAttributes<HTMLElement>}
        locale={{
          emptyText: terms
            ? t("项目周期内无需报告进展", "No report falls within the project's period")
            : t("任务书签订后按期报告进展", "Reports fall due once the task book is signed"),
        }}
      />
      <Drawer
        open={shown !== null}
        width={920}
        onClose={() => setViewing(null)}
        title={shown ? t(`第 ${shown.period} 期进展报告`, `Progress report, period ${shown.period}`) : ""}
        extra={shown && <Tag color={standingColors[shown.status]}>{standingNames[shown.status][lang]}</Tag>}
      >
        {shown && <ReportView report={shown} terms={terms} name={name} />}
      </Drawer>
    </>
  );
}
