import { targetKindNames } from "@luoshu/domain";
import { Collapse, Descriptions, Table, Typography } from "antd";
import type { TaskBook } from "../../api/execution";
import { pickLang, useLocale } from "../../app/locale";
import { wan, yuan } from "../../components/money";
import { Citation } from "../reviews/HorseRaceModal";

type Content = TaskBook["content"];

const kindName = (kind: string, lang: "zh" | "en") => {
  const names = (targetKindNames as Record<string, { zh: string; en: string } | undefined>)[kind];
  return names ? pickLang(lang, names.zh, names.en) : kind;
};

/**
 * What the task book says, as it was drawn (the policy version and application of that day): the
 * period, objectives and research content, performance targets, milestones, budget, team, and the
 * terms agreed (八、双方约定), each with the clause it comes from or marked a city setting.
 */
export function TaskBookContent({ content: c }: { content: Content }) {
  const { lang, t } = useLocale();
  const none = <Typography.Text type="secondary">—</Typography.Text>;
  const para = (s: string) =>
    s.trim() ? (
      <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>{s}</Typography.Paragraph>
    ) : (
      none
    );
  const budgetTotal = c.budgetLines.reduce((s, b) => s + b.amountFen, 0);

  const items = [
    {
      key: "goals",
      label: t("一、执行期与目标", "Period and objectives"),
      children: (
        <Descriptions
          size="small"
          column={1}
          bordered
          styles={{ label: { whiteSpace: "nowrap", width: 140 } }}
          items={[
            {
              key: "period",
              label: t("执行期", "Period"),
              children: c.period
                ? t(
                    `${c.period.startDate} 至 ${c.period.endDate}`,
                    `${c.period.startDate} to ${c.period.endDate}`,
                  )
                : none,
            },
            { key: "objectives", label: t("目标", "Objectives"), children: para(c.objectives) },
            { key: "research", label: t("研究内容", "Research content"), children: para(c.researchContent) },
          ]}
        />
      ),
    },
    {
      key: "targets",
      label: t(`二、绩效目标（${c.targets.length}）`, `Performance targets (${c.targets.length})`),
      children: (
        <Table
          size="small"
          pagination={false}
          rowKey={(_, i) => String(i)}
          dataSource={c.targets}
          data-testid="task-book-targets"
          locale={{ emptyText: t("无", "None") }}
          columns={[
            { title: t("类型", "Kind"), dataIndex: "kind", render: (k: string) => kindName(k, lang) },
            { title: t("指标", "Target"), dataIndex: "description" },
            {
              title: t("目标值", "Value"),
              key: "value",
              align: "right",
              render: (_, x) => `${x.value} ${x.unit}`,
            },
          ]}
        />
      ),
    },
    {
      key: "milestones",
      label: t(`三、进度安排（${c.milestones.length}）`, `Milestones (${c.milestones.length})`),
      children: (
        <Table
          size="small"
          pagination={false}
          rowKey={(_, i) => String(i)}
          dataSource={c.milestones}
          data-testid="task-book-milestones"
          locale={{ emptyText: t("无", "None") }}
          columns={[
            { title: t("完成时间", "Due"), dataIndex: "dueDate", width: 120 },
            { title: t("内容", "Work"), dataIndex: "description" },
            { title: t("成果", "Deliverable"), dataIndex: "deliverable" },
          ]}
        />
      ),
    },
    {
      key: "budget",
      label: t("四、经费预算", "Budget"),
      children: (
        <Table
          size="small"
          pagination={false}
          rowKey="category"
          dataSource={c.budgetLines}
          data-testid="task-book-budget"
          locale={{ emptyText: t("无", "None") }}
          columns={[
            { title: t("科目", "Category"), dataIndex: "categoryName" },
            {
              title: t("金额（元）", "Amount (yuan)"),
              dataIndex: "amountFen",
              align: "right",
              render: (f: number) => yuan(f),
            },
          ]}
          summary={() => (
            <>
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>{t("合计", "Total")}</Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {yuan(budgetTotal)}
                </Table.Summary.Cell>
              </Table.Summary.Row>
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={2}>
                  <Typography.Text type="secondary">
                    {t(
                      `财政资助 ${wan(c.amountFen, lang)}；自筹 ${wan(c.selfRaisedFen, lang)}；配套 ${wan(c.coFundingFen, lang)}`,
                      `Grant ${wan(c.amountFen, lang)}; self-raised ${wan(c.selfRaisedFen, lang)}; co-funding ${wan(c.coFundingFen, lang)}`,
                    )}
                  </Typography.Text>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            </>
          )}
        />
      ),
    },
    {
      key: "team",
      label: t(`五、项目团队（${c.team.length}）`, `Team (${c.team.length})`),
      children: (
        <Table
          size="small"
          pagination={false}
          rowKey={(_, i) => String(i)}
          dataSource={c.team}
          data-testid="task-book-team"
          scroll={{ x: "max-content" }}
          locale={{ emptyText: t("无", "None") }}
          columns={[
            { title: t("姓名", "Name"), dataIndex: "name" },
            {
              title: t("分工", "Role"),
              dataIndex: "role",
              render: (r: string) =>
                r === "pi" ? t("项目负责人", "PI") : r === "member" ? t("成员", "Member") : r,
            },
            { title: t("职称", "Title"), dataIndex: "title" },
            { title: t("单位", "Unit"), dataIndex: "unitName" },
            { title: t("投入（人月）", "Work months"), dataIndex: "workMonths", align: "right" },
          ]}
        />
      ),
    },
    {
      key: "terms",
      label: t(`八、双方约定（${c.terms.length}）`, `Terms agreed (${c.terms.length})`),
      children: (
        <ol style={{ margin: 0, paddingInlineStart: 20 }} data-testid="task-book-terms">
          {c.terms.map((x, i) => (
            <li key={i} style={{ marginBottom: 6 }}>
              <span style={{ whiteSpace: "pre-wrap" }}>{x.textZh}</span> <Citation source={x.source} />
            </li>
          ))}
        </ol>
      ),
    },
  ];

  return <Collapse size="small" items={items} data-testid="task-book-content" />;
}
