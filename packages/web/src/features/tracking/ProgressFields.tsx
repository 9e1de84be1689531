import { elapsedBp, formatYuan, type MilestoneStatus, spendingVariances } from "@luoshu/domain";
import { Form, type FormInstance, Input, Space, Table, Tag, Typography } from "antd";
import type { TrackingTerms } from "../../api/tracking";
import { type Lang, pickLang, useLocale } from "../../app/locale";
import { lengthLimit } from "../../components/lengthLimit";
import { Select } from "../../components/Select";
import { YuanInput, yuanRule } from "../../components/yuan";
import { parseYuan } from "../budget/parseYuan";
import { milestoneStatusNames } from "./labels";
import { driftText } from "./ReportView";

/** A task-book milestone's row as typed: no status until one is chosen. */
export interface MilestoneRow {
  status?: MilestoneStatus;
  evidence: string;
}

/** A budget line's row as typed: the spending to date in 元. */
export interface SpendingRow {
  spent: string;
  explanation: string;
}

export interface ReportValues {
  summary: string;
  milestones: MilestoneRow[];
  spending: SpendingRow[];
}

/**
 * Each budget line's spending against its budget and its time-elapsed share, computed as the domain
 * computes it on the server (exact fen, the city's threshold): which lines need an explanation.
 * A line whose amount does not parse yet counts as nothing spent.
 */
export function liveVariances(
  terms: TrackingTerms,
  dueDate: string,
  varianceBp: number,
  rows: readonly (SpendingRow | undefined)[] | undefined,
) {
  const spent = new Map<string, number>();
  terms.budget.forEach((l, i) => {
    const p = parseYuan(rows?.[i]?.spent ?? "");
    spent.set(l.category, p.ok ? (p.fen ?? 0) : 0);
  });
  const elapsed = elapsedBp(terms.startDate, terms.endDate, dueDate);
  return { elapsed, lines: spendingVariances(terms.budget, spent, elapsed, varianceBp) };
}

/** The statuses offered: a milestone due by the report's date is done or late, never "on track". */
export const statusOptions = (due: boolean, lang: Lang) =>
  (due ? (["done", "late"] as const) : (["onTrack", "done", "late"] as const)).map((s) => ({
    value: s,
    label: milestoneStatusNames[s][lang],
  }));

const cell = { marginBottom: 0 } as const;

/** One row per task-book milestone: its status (none chosen for a due one) and the evidence. */
export function MilestoneFields({ terms, dueDate }: { terms: TrackingTerms; dueDate: string }) {
  const { lang, t } = useLocale();
  const limit = lengthLimit(4000, t);
  const rows = terms.milestones.map((m, index) => ({ ...m, index, due: m.dueDate <= dueDate }));
  return (
    <Table
      size="small"
      rowKey="index"
      pagination={false}
      data-testid="progress-milestones"
      dataSource={rows}
      locale={{ emptyText: t("任务书未列里程碑", "The task book lists no milestone") }}
      onRow={(m) => ({ "data-testid": `progress-milestone-${m.index}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t("里程碑", "Milestone"),
          key: "milestone",
          render: (_, m) => (
            <Space direction="vertical" size={0}>
              <span>{m.description}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`${m.dueDate} 到期 · ${m.deliverable}`, `Due ${m.dueDate} · ${m.deliverable}`)}
              </Typography.Text>
              {m.due && <Tag color="orange">{t("本期已到期", "Due by this report")}</Tag>}
            </Space>
          ),
        },
        {
          title: t("完成情况", "Status"),
          key: "status",
          width: 150,
          render: (_, m) => (
            <Form.Item
              name={["milestones", m.index, "status"]}
              style={cell}
              rules={[
                {
                  required: m.due,
                  message: t("已到期，请选择已完成或已延误", "Due: choose done or late"),
                },
              ]}
            >
              <Select
                aria-label={`${m.description} · ${t("完成情况", "Status")}`}
                placeholder={t("请选择", "Choose")}
                options={statusOptions(m.due, lang)}
                data-testid={`progress-milestone-status-${m.index}`}
              />
            </Form.Item>
          ),
        },
        {
          title: t("佐证材料或延误说明", "Evidence, or why late"),
          key: "evidence",
          width: 340,
          render: (_, m) => (
            <Form.Item
              name={["milestones", m.index, "evidence"]}
              style={cell}
              dependencies={[["milestones", m.index, "status"]]}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, v: string | undefined) => {
                    const status = getFieldValue(["milestones", m.index, "status"]) as
                      | MilestoneStatus
                      | undefined;
                    if (status && status !== "onTrack" && !v?.trim())
                      return Promise.reject(
                        new Error(
                          status === "done"
                            ? t("请说明完成的佐证材料", "Give the evidence it is done")
                            : t("请说明延误原因和补救措施", "Say why it is late and what is done"),
                        ),
                      );
                    return Promise.resolve();
                  },
                }),
                limit.rule,
              ]}
            >
              <Input.TextArea
                rows={2}
                aria-label={`${m.description} · ${t("佐证材料或延误说明", "Evidence, or why late")}`}
                data-testid={`progress-milestone-evidence-${m.index}`}
              />
            </Form.Item>
          ),
        },
      ]}
    />
  );
}

/**
 * One row per budget line: its budget, what the time elapsed to the report's date would have it
 * spend, the spending to date typed in 元, the drift as typed, and the explanation, required (and
 * marked so) as soon as the line drifts past the city's threshold.
 */
export function SpendingFields({
  form,
  terms,
  dueDate,
  varianceBp,
  name,
}: {
  form: FormInstance<ReportValues>;
  terms: TrackingTerms;
  dueDate: string;
  varianceBp: number;
  name: (code: string, nameZh: string) => string;
}) {
  const { lang, t } = useLocale();
  const limit = lengthLimit(4000, t);
  const rows = Form.useWatch("spending", form);
  const { lines } = liveVariances(terms, dueDate, varianceBp, rows);
  const data = terms.budget.map((l, index) => ({ ...l, index, v: lines[index] }));
  const typed = (i: number) => parseYuan(rows?.[i]?.spent ?? "");
  return (
    <Table
      size="small"
      rowKey="category"
      pagination={false}
      data-testid="progress-spending"
      dataSource={data}
      scroll={{ x: "max-content" }}
      onRow={(l) => ({ "data-testid": `progress-line-${l.category}` }) as React.HTMLAttributes<HTMLElement>}
      locale={{ emptyText: t("任务书未列预算明细", "The task book lists no budget lines") }}
      columns={[
        {
          title: t("预算科目", "Budget line"),
          key: "name",
          render: (_, l) => name(l.category, l.categoryName),
        },
        {
          title: t("预算", "Budget"),
          key: "budget",
          align: "right",
          render: (_, l) => formatYuan(l.amountFen),
        },
        {
          title: t("按进度应支出", "Expected by now"),
          key: "expected",
          align: "right",
          render: (_, l) => (
            <span data-testid={`progress-expected-${l.category}`}>
              {l.v ? formatYuan(l.v.expectedFen) : "—"}
            </span>
          ),
        },
        {
          title: t("累计支出（元）", "Spent to date (CNY)"),
          key: "spent",
          width: 150,
          render: (_, l) => (
            <Form.Item
              name={["spending", l.index, "spent"]}
              style={cell}
              rules={[{ required: true, message: t("请填写累计支出", "Enter the spending") }, yuanRule(lang)]}
            >
              <YuanInput
                aria-label={`${name(l.category, l.categoryName)} · ${t("累计支出", "Spent to date")}`}
                data-testid={`progress-spent-${l.category}`}
              />
            </Form.Item>
          ),
        },
        {
          title: t("偏差", "Variance"),
          key: "drift",
          width: 180,
          render: (_, l) => {
            const p = typed(l.index);
            if (!l.v || !p.ok || p.fen === undefined)
              return (
                <Typography.Text type="secondary">
                  {p.ok ? "—" : pickLang(lang, p.messageZh, p.messageEn)}
                </Typography.Text>
              );
            return (
              <Space direction="vertical" size={0} data-testid={`progress-drift-${l.category}`}>
                <span>{driftText(l.v)}</span>
                {l.v.needsExplanation ? (
                  <Tag color="orange" data-testid={`progress-flag-${l.category}`}>
                    {l.v.spentFen > l.v.budgetFen
                      ? t("超出预算，须说明", "Overspent: explain")
                      : t("偏离进度，须说明", "Off pace: explain")}
                  </Tag>
                ) : (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t("在进度范围内", "On pace")}
                  </Typography.Text>
                )}
              </Space>
            );
          },
        },
        {
          title: t("说明", "Explanation"),
          key: "explanation",
          width: 260,
          render: (_, l) => (
            <Form.Item
              name={["spending", l.index, "explanation"]}
              style={cell}
              dependencies={[["spending", l.index, "spent"]]}
              rules={[
                ({ getFieldsValue }) => ({
                  validator: (_, v: string | undefined) => {
                    const now = getFieldsValue(true) as Partial<ReportValues>;
                    const flagged = liveVariances(terms, dueDate, varianceBp, now.spending).lines[l.index];
                    return flagged?.needsExplanation && !v?.trim()
                      ? Promise.reject(
                          new Error(
                            t("该科目支出偏离预算进度，请说明原因", "Explain why this line is off pace"),
                          ),
                        )
                      : Promise.resolve();
                  },
                }),
                limit.rule,
              ]}
            >
              <Input.TextArea
                rows={2}
                placeholder={l.v?.needsExplanation ? t("须说明原因", "Required") : t("可选", "Optional")}
                aria-label={`${name(l.category, l.categoryName)} · ${t("说明", "Explanation")}`}
                data-testid={`progress-explanation-${l.category}`}
              />
            </Form.Item>
          ),
        },
      ]}
    />
  );
}
