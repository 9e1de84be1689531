import { changeKinds, formatYuan } from "@luoshu/domain";
import { Alert, Card, Descriptions, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import type { ProjectDetail } from "../../api/execution";
import type { Change, ChangeEvent } from "../../api/projectLife";
import { useLocale } from "../../app/locale";
import { useCurrentUser } from "../auth/session";
import { sourceText } from "../execution/labels";
import { GuardedButton } from "../reviews/GuardedButton";
import { ChangeRequestModal } from "./ChangeRequestModal";
import { ChangesTable } from "./ChangesTable";
import { type BudgetLine, budgetDiff, kindOpen, totalFen, useBudgetCategories } from "./changeText";
import { DecideChangeModal } from "./DecideChangeModal";

/**
 * 项目变更 (DT-RULES §19; LY-FUNDS §18): the budget and end date as the effective changes left them,
 * the changes with who decides each by the city's rules, 提出变更 for the unit and the PI, and the
 * bureau's 批准 / 不予批准 on those waiting for it.
 */
export function ChangesCard({ project: p }: { project: ProjectDetail }) {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const { name } = useBudgetCategories(p);
  const [asking, setAsking] = useState(false);
  const [deciding, setDeciding] = useState<{ change: Change; event: ChangeEvent } | null>(null);
  const life = p.life;
  const signedEnd = p.taskBook?.content.period?.endDate ?? null;
  const signedLines = (p.taskBook?.content.budgetLines ?? []).map((l) => ({
    category: l.category,
    amountFen: l.amountFen,
  }));
  const adjusted = budgetDiff(signedLines, life.currentBudget).length > 0;
  const waiting = life.changes.filter((c) => c.status === "requested");
  const rules = life.rules.changeDeciders;
  const blocked = !life.actions.includes("requestChange")
    ? life.closedAs
      ? t("项目已终止或撤销", "The project is closed")
      : p.taskBook?.status !== "signed"
        ? t("项目尚未签订任务书、进入执行", "The project is not executing yet")
        : t("仅项目承担单位管理员或本项目负责人可提出", "Only the unit's administrator or the project's PI")
    : changeKinds.some((k) => kindOpen(p, me.roles, k))
      ? null
      : t(
          `按本市规定，变更由项目承担单位提出申请（${sourceText(rules.budgetOther.source, lang)}）`,
          `By the city's rules the unit applies for changes (${sourceText(rules.budgetOther.source, lang)})`,
        );

  return (
    <Card size="small" title={t("项目变更", "Changes")} data-testid="project-changes">
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        {waiting.length > 0 && (
          <Alert
            type="info"
            showIcon
            data-testid="changes-waiting"
            message={t(
              `有 ${waiting.length} 项变更申请待市科技局审批，批准后方生效。`,
              `${waiting.length} change(s) await the bureau; they take effect once approved.`,
            )}
          />
        )}
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: "end",
              label: t("现定结束日期", "Current end date"),
              children: (
                <Space size={6} wrap>
                  <span data-testid="change-end-date">{life.endDate ?? t("未定", "Not set")}</span>
                  {signedEnd && life.endDate !== signedEnd && (
                    <Tag color="blue" data-testid="change-end-date-extended">
                      {t(`经延期，任务书约定 ${signedEnd}`, `Extended; the task book said ${signedEnd}`)}
                    </Tag>
                  )}
                </Space>
              ),
            },
          ]}
        />
        <div>
          <Space size={6} style={{ marginBottom: 8 }}>
            <Typography.Text strong>{t("现行预算", "Current budget")}</Typography.Text>
            {adjusted && <Tag color="blue">{t("已按变更调剂", "Adjusted by changes")}</Tag>}
          </Space>
          <Table<BudgetLine>
            size="small"
            rowKey="category"
            pagination={false}
            data-testid="current-budget"
            dataSource={life.currentBudget}
            onRow={(l) =>
              ({ "data-testid": `current-budget-${l.category}` }) as React.HTMLAttributes<HTMLElement>
            }
            locale={{ emptyText: t("任务书未列预算明细", "The task book lists no budget lines") }}
            columns={[
              { title: t("预算科目", "Category"), key: "category", render: (_, l) => name(l.category) },
              {
                title: t("金额", "Amount"),
                key: "amount",
                align: "right",
                render: (_, l) => formatYuan(l.amountFen),
              },
            ]}
            summary={() =>
              life.currentBudget.length > 0 ? (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>{t("合计", "Total")}</Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    <span data-testid="current-budget-total">{formatYuan(totalFen(life.currentBudget))}</span>
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              ) : null
            }
          />
        </div>
        {me.permissions.includes("projectLife.change") && (
          <Space direction="vertical" size={4}>
            <GuardedButton
              type={blocked === null ? "primary" : "default"}
              blockedReason={blocked}
              testId="change-request"
              onClick={() => setAsking(true)}
            >
              {t("提出变更", "Ask for a change")}
            </GuardedButton>
            {blocked && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="change-request-reason">
                {t(`“提出变更”：${blocked}`, `"Ask for a change": ${blocked}`)}
              </Typography.Text>
            )}
          </Space>
        )}
        <ChangesTable
          changes={life.changes}
          name={name}
          onDecide={(change, event) => setDeciding({ change, event })}
        />
      </Space>
      <ChangeRequestModal project={p} open={asking} onClose={() => setAsking(false)} />
      <DecideChangeModal project={p} decision={deciding} onClose={() => setDeciding(null)} />
    </Card>
  );
}
