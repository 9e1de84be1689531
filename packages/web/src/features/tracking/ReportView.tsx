import { formatYuan } from "@luoshu/domain";
import { Descriptions, Space, Table, Tag, Typography } from "antd";
import type { ProgressReport, TrackingTerms } from "../../api/tracking";
import { useLocale } from "../../app/locale";
import { formatDateTime } from "../../components/time";
import { milestoneStatusColors, milestoneStatusNames } from "./labels";

type Variance = ProgressReport["variances"][number];

/** The line's spending off its time-elapsed share, as a signed amount and a share of the line. */
export function driftText(v: { budgetFen: number; expectedFen: number; spentFen: number }): string {
  const off = v.spentFen - v.expectedFen;
  const share = v.budgetFen > 0 ? Math.round((Math.abs(off) * 1000) / v.budgetFen) / 10 : 0;
  const sign = off > 0 ? "+" : off < 0 ? "-" : "";
  return `${sign}${formatYuan(Math.abs(off))} (${sign}${share}%)`;
}

/**
 * A filed progress report as the bureau, the unit and the panel read it: the summary, each
 * milestone's status with its evidence, the spending to date by budget line against the budget and
 * the time-elapsed share, the lines that drift flagged with their explanation, and the decision.
 */
export function ReportView({
  report: r,
  terms,
  name,
}: {
  report: ProgressReport;
  terms: TrackingTerms | null;
  name?: (code: string, fallback: string) => string;
}) {
  const { lang, t } = useLocale();
  const lineName = (v: Variance) => (name ? name(v.category, v.categoryName) : v.categoryName);
  const explanation = (code: string) =>
    r.content.spending.find((s) => s.category === code)?.explanation ?? "";
  return (
    <Space direction="vertical" size="small" style={{ width: "100%" }} data-testid={`report-${r.period}`}>
      <Descriptions
        size="small"
        column={1}
        bordered
        styles={{ label: { whiteSpace: "nowrap", width: 120 } }}
        items={[
          {
            key: "summary",
            label: t("进展概述", "Summary"),
            children: (
              <span style={{ whiteSpace: "pre-wrap" }} data-testid="report-summary">
                {r.content.summary}
              </span>
            ),
          },
          {
            key: "submitted",
            label: t("提交", "Filed"),
            children: [r.submittedByName, formatDateTime(r.submittedAt)].filter(Boolean).join(" "),
          },
          ...(r.decidedAt
            ? [
                {
                  key: "decision",
                  label: r.status === "returned" ? t("退回意见", "Returned with") : t("审核意见", "Decision"),
                  children: (
                    <Space direction="vertical" size={0}>
                      <span style={{ whiteSpace: "pre-wrap" }} data-testid="report-decision-note">
                        {r.decisionNote ?? "—"}
                      </span>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {[r.decidedByName, formatDateTime(r.decidedAt)].filter(Boolean).join(" ")}
                      </Typography.Text>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Table
        size="small"
        rowKey="index"
        pagination={false}
        data-testid="report-milestones"
        dataSource={r.content.milestones}
        locale={{ emptyText: t("本期未报告里程碑", "No milestone reported") }}
        columns={[
          {
            title: t("里程碑", "Milestone"),
            key: "milestone",
            render: (_, m) => {
              const plan = terms?.milestones[m.index];
              return plan ? (
                <Space direction="vertical" size={0}>
                  <span>{plan.description}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(
                      `${plan.dueDate} 到期 · ${plan.deliverable}`,
                      `Due ${plan.dueDate} · ${plan.deliverable}`,
                    )}
                  </Typography.Text>
                </Space>
              ) : (
                t(`第 ${m.index + 1} 项`, `No. ${m.index + 1}`)
              );
            },
          },
          {
            title: t("完成情况", "Status"),
            key: "status",
            width: 110,
            render: (_, m) => (
              <Tag color={milestoneStatusColors[m.status]}>{milestoneStatusNames[m.status][lang]}</Tag>
            ),
          },
          {
            title: t("佐证或说明", "Evidence"),
            key: "evidence",
            render: (_, m) => <span style={{ whiteSpace: "pre-wrap" }}>{m.evidence || "—"}</span>,
          },
        ]}
      />
      <Table<Variance>
        size="small"
        rowKey="category"
        pagination={false}
        data-testid="report-spending"
        dataSource={r.variances}
        columns={[
          { title: t("预算科目", "Budget line"), key: "name", render: (_, v) => lineName(v) },
          {
            title: t("预算", "Budget"),
            key: "budget",
            align: "right",
            render: (_, v) => <span style={{ whiteSpace: "nowrap" }}>{formatYuan(v.budgetFen)}</span>,
          },
          {
            title: t("按进度应支出", "Expected by now"),
            key: "expected",
            align: "right",
            render: (_, v) => <span style={{ whiteSpace: "nowrap" }}>{formatYuan(v.expectedFen)}</span>,
          },
          {
            title: t("累计支出", "Spent to date"),
            key: "spent",
            align: "right",
            render: (_, v) => <span style={{ whiteSpace: "nowrap" }}>{formatYuan(v.spentFen)}</span>,
          },
          {
            title: t("偏差说明", "Variance"),
            key: "explanation",
            render: (_, v) =>
              v.needsExplanation ? (
                <Space direction="vertical" size={0} data-testid={`report-variance-${v.category}`}>
                  <Tag color="orange">{t(`偏离进度 ${driftText(v)}`, `Off pace ${driftText(v)}`)}</Tag>
                  <span style={{ whiteSpace: "pre-wrap" }}>{explanation(v.category) || "—"}</span>
                </Space>
              ) : (
                <Typography.Text type="secondary">
                  {explanation(v.category) || t("在进度范围内", "On pace")}
                </Typography.Text>
              ),
          },
        ]}
      />
    </Space>
  );
}
