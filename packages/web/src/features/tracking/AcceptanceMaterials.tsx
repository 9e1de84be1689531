import { Space, Table, Typography } from "antd";
import type { AcceptanceInput, TrackingTerms } from "../../api/tracking";
import { useLocale } from "../../app/locale";
import { wan, yuan } from "../../components/money";

type Target = TrackingTerms["targets"][number];
type Line = TrackingTerms["budget"][number];

/**
 * The unit's acceptance materials (LY-FUNDS §23; DT-RULES §23) as the bureau and the panel read them:
 * each task-book target against the value reached with its evidence, the S&T report, and the
 * settlement of each budget line against its budget with the settled total.
 */
export function AcceptanceMaterials({
  content,
  targets,
  budget,
}: {
  content: AcceptanceInput;
  targets: readonly Target[];
  budget: readonly Line[];
}) {
  const { lang, t } = useLocale();
  const settled = content.settlement.reduce((s, x) => s + x.spentFen, 0);
  const budgeted = budget.reduce((s, l) => s + l.amountFen, 0);
  // a project drawn without an application has no budget: its lines are the city's categories at zero
  const noBudget = budgeted === 0;
  // a line settled that the current budget no longer lists still shows, by its code
  const lines = [
    ...budget.map((l) => ({
      ...l,
      spentFen: content.settlement.find((x) => x.category === l.category)?.spentFen ?? null,
    })),
    ...content.settlement
      .filter((x) => !budget.some((l) => l.category === x.category))
      .map((x) => ({ category: x.category, categoryName: x.category, amountFen: 0, spentFen: x.spentFen })),
  ];
  return (
    <Space direction="vertical" size="small" style={{ width: "100%" }} data-testid="acceptance-materials">
      <Typography.Text strong>{t("考核指标完成情况", "Targets met")}</Typography.Text>
      <Table<Target & { index: number }>
        size="small"
        rowKey="index"
        pagination={false}
        data-testid="acceptance-targets"
        dataSource={targets.map((x, index) => ({ ...x, index }))}
        locale={{ emptyText: t("任务书未列考核指标", "The task book lists no target") }}
        scroll={{ x: "max-content" }}
        columns={[
          { title: t("考核指标", "Target"), dataIndex: "description" },
          {
            title: t("目标值", "Target value"),
            key: "value",
            align: "right",
            render: (_, x) => `${x.value} ${x.unit}`,
          },
          {
            title: t("完成值", "Achieved"),
            key: "achieved",
            align: "right",
            render: (_, x) => {
              const a = content.achievements.find((y) => y.index === x.index);
              return (
                <Typography.Text
                  type={a && a.achieved < x.value ? "danger" : undefined}
                  data-testid={`acceptance-view-achieved-${x.index}`}
                >
                  {a ? `${a.achieved} ${x.unit}` : "—"}
                </Typography.Text>
              );
            },
          },
          {
            title: t("佐证材料", "Evidence"),
            key: "evidence",
            render: (_, x) => (
              <span style={{ whiteSpace: "pre-wrap" }}>
                {content.achievements.find((y) => y.index === x.index)?.evidence || "—"}
              </span>
            ),
          },
        ]}
      />
      <Typography.Text strong>{t("科技报告", "S&T report")}</Typography.Text>
      <Typography.Paragraph
        style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}
        data-testid="acceptance-report-text"
      >
        {content.report}
      </Typography.Paragraph>
      <Typography.Text strong>{t("经费决算", "Settlement")}</Typography.Text>
      <Table<(typeof lines)[number]>
        size="small"
        rowKey="category"
        pagination={false}
        data-testid="acceptance-settlement"
        dataSource={lines}
        columns={[
          { title: t("预算科目", "Budget line"), dataIndex: "categoryName" },
          {
            title: t("预算", "Budget"),
            key: "budget",
            align: "right",
            render: (_, l) => yuan(l.amountFen),
          },
          {
            title: t("决算", "Settled"),
            key: "spent",
            align: "right",
            render: (_, l) => (
              <Typography.Text type={!noBudget && (l.spentFen ?? 0) > l.amountFen ? "danger" : undefined}>
                {yuan(l.spentFen)}
              </Typography.Text>
            ),
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>{t("合计", "Total")}</Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {yuan(budgeted)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <span data-testid="acceptance-settled-total">{yuan(settled)}</span>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      <Typography.Text type="secondary" data-testid="acceptance-settled">
        {noBudget
          ? t(
              `决算总额 ${wan(settled, lang)}（任务书未列预算，按本市预算科目决算）。`,
              `Settled ${wan(settled, lang)} (the task book has no budget: settled by the city's categories).`,
            )
          : t(
              `决算总额 ${wan(settled, lang)}，预算总额 ${wan(budgeted, lang)}，结余 ${wan(Math.max(budgeted - settled, 0), lang)}。`,
              `Settled ${wan(settled, lang)} of a budget of ${wan(budgeted, lang)}; ${wan(Math.max(budgeted - settled, 0), lang)} left.`,
            )}
      </Typography.Text>
    </Space>
  );
}
