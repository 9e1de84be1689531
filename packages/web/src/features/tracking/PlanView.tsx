import { formatYuan } from "@luoshu/domain";
import { Space, Table, Typography } from "antd";
import type { TrackingTerms } from "../../api/tracking";
import { useLocale } from "../../app/locale";

type Milestone = TrackingTerms["milestones"][number];
type Line = TrackingTerms["budget"][number];

/** The task book's plan the reports are measured against: the period, the milestones, the current budget. */
export function PlanView({ terms }: { terms: TrackingTerms | null }) {
  const { t } = useLocale();
  if (!terms)
    return (
      <Typography.Text type="secondary">
        {t("任务书尚未签订", "The task book is not signed yet")}
      </Typography.Text>
    );
  const total = terms.budget.reduce((s, l) => s + l.amountFen, 0);
  return (
    <Space direction="vertical" size="small" style={{ width: "100%" }} data-testid="assessment-plan">
      <Typography.Text>
        {t(
          `项目周期：${terms.startDate} 至 ${terms.endDate}`,
          `Period: ${terms.startDate} – ${terms.endDate}`,
        )}
      </Typography.Text>
      <Table<Milestone & { index: number }>
        size="small"
        rowKey="index"
        pagination={false}
        dataSource={terms.milestones.map((m, index) => ({ ...m, index }))}
        locale={{ emptyText: t("任务书未列里程碑", "No milestone") }}
        columns={[
          { title: t("到期日期", "Due"), dataIndex: "dueDate", width: 120 },
          { title: t("里程碑", "Milestone"), dataIndex: "description" },
          { title: t("交付成果", "Deliverable"), dataIndex: "deliverable" },
        ]}
      />
      <Table<Line>
        size="small"
        rowKey="category"
        pagination={false}
        dataSource={terms.budget}
        locale={{ emptyText: t("任务书未列预算明细", "No budget line") }}
        columns={[
          { title: t("预算科目", "Budget line"), dataIndex: "categoryName" },
          {
            title: t("金额", "Amount"),
            key: "amount",
            align: "right",
            render: (_, l) => formatYuan(l.amountFen),
          },
        ]}
        summary={() =>
          terms.budget.length > 0 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t("合计", "Total")}</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {formatYuan(total)}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
    </Space>
  );
}
