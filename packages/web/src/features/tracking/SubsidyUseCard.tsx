import { Alert, Button, Card, Descriptions, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import type { ProjectDetail } from "../../api/execution";
import type { SubsidyUseEvent, SubsidyUsePayment, SubsidyUseReport } from "../../api/subsidyUse";
import { pickLang, useLocale } from "../../app/locale";
import { ClauseTag } from "../../components/ClauseTag";
import { ErrorAlert } from "../../components/ErrorAlert";
import { yuan } from "../../components/money";
import { formatDateTime } from "../../components/time";
import { Citation } from "../reviews/HorseRaceModal";
import { DecideSubsidyUseModal, FileSubsidyUseModal } from "./SubsidyUseModals";
import { useSubsidyUse } from "./subsidyUseHooks";

const statusNames = {
  submitted: { zh: "待确认", en: "Awaiting acknowledgement", color: "blue" },
  returned: { zh: "退回修改", en: "Returned", color: "volcano" },
  acknowledged: { zh: "已确认", en: "Acknowledged", color: "green" },
} as const;

/**
 * 后补助资金使用情况 (LY-FUNDS §20) on the project page, shown once a post-subsidy is paid: each paid
 * post-subsidy with the unit's report of its uses, the forbidden ones flagged with the clause first,
 * and the caller's steps (报告, 确认, 退回修改). Nothing is shown where no post-subsidy was paid.
 */
export function SubsidyUseCard({ project: p }: { project: ProjectDetail }) {
  const { lang, t } = useLocale();
  const query = useSubsidyUse(p.id);
  const [filing, setFiling] = useState<SubsidyUsePayment | null>(null);
  const [deciding, setDeciding] = useState<{ report: SubsidyUseReport; event: SubsidyUseEvent } | null>(null);
  const data = query.data;
  if (query.isError) return <ErrorAlert error={query.error} />;
  if (!data?.rules || data.payments.length === 0) return null;
  const rules = data.rules;
  const purposeName = (code: string) => {
    const x = rules.purposes.find((r) => r.code === code);
    return x ? pickLang(lang, x.nameZh, x.nameEn) : code;
  };

  return (
    <Card
      size="small"
      title={
        <Space size={4} wrap>
          <span>{t("后补助资金使用情况", "Use of the post-subsidy")}</span>
          <Citation source={rules.citation} />
        </Space>
      }
      data-testid="project-subsidy-use"
    >
      {data.payments.map((pay) => {
        const r = pay.report;
        return (
          <Space
            key={pay.paymentId}
            direction="vertical"
            style={{ width: "100%" }}
            data-testid={`subsidy-use-${pay.paymentId}`}
          >
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2 }}
              items={[
                {
                  key: "amount",
                  label: t("已拨付", "Paid"),
                  children: yuan(pay.amountFen),
                },
                { key: "paidAt", label: t("拨付时间", "Paid on"), children: formatDateTime(pay.paidAt) },
                { key: "ref", label: t("国库凭证号", "Treasury ref."), children: pay.treasuryRef ?? "—" },
                {
                  key: "status",
                  label: t("使用报告", "Use report"),
                  children: r ? (
                    <Tag color={statusNames[r.status].color} data-testid="subsidy-use-status">
                      {pickLang(lang, statusNames[r.status].zh, statusNames[r.status].en)}
                    </Tag>
                  ) : (
                    <Tag data-testid="subsidy-use-status">{t("未报告", "Not reported")}</Tag>
                  ),
                },
              ]}
            />
            {r && r.flagged > 0 && (
              <Alert
                type="error"
                showIcon
                data-testid="subsidy-use-flagged"
                message={
                  <Space size={4} wrap>
                    <span>
                      {t(
                        `报告含 ${r.flagged} 项禁止列支的用途`,
                        `The report has ${r.flagged} forbidden use(s)`,
                      )}
                    </span>
                    {r.uses
                      .filter((u) => u.forbidden && u.citation.clause)
                      .slice(0, 1)
                      .map((u) => (
                        <ClauseTag
                          key="clause"
                          clause={u.citation.clause ?? ""}
                          testId="subsidy-use-flag-clause"
                        />
                      ))}
                  </Space>
                }
                description={r.uses
                  .filter((u) => u.forbidden)
                  .map((u) => `${purposeName(u.purpose)} ${yuan(u.amountFen)}`)
                  .join(t("；", "; "))}
              />
            )}
            {r && (
              <Table
                size="small"
                pagination={false}
                rowKey={(_, i) => String(i)}
                dataSource={[...r.uses].sort((a, b) => Number(b.forbidden) - Number(a.forbidden))}
                data-testid="subsidy-use-table"
                columns={[
                  {
                    title: t("用途", "Purpose"),
                    key: "purpose",
                    render: (_, u) => (
                      <Space size={4} wrap>
                        <span>{purposeName(u.purpose)}</span>
                        {u.forbidden && (
                          <Tag color="red" data-testid="subsidy-use-forbidden">
                            {t("禁止列支", "Forbidden")}
                          </Tag>
                        )}
                        {u.forbidden && <Citation source={u.citation} />}
                      </Space>
                    ),
                  },
                  {
                    title: t("金额（元）", "Amount (CNY)"),
                    key: "amount",
                    align: "right",
                    render: (_, u) => yuan(u.amountFen),
                  },
                  { title: t("具体内容", "What it paid for"), dataIndex: "description", key: "description" },
                ]}
                summary={() => (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0}>{t("合计", "Total")}</Table.Summary.Cell>
                    <Table.Summary.Cell index={1} align="right">
                      <span data-testid="subsidy-use-total-fen">{yuan(r.totalFen)}</span>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={2}>
                      {t(
                        `尚未报告使用 ${yuan(pay.amountFen - r.totalFen)}`,
                        `${yuan(pay.amountFen - r.totalFen)} not reported as used`,
                      )}
                    </Table.Summary.Cell>
                  </Table.Summary.Row>
                )}
              />
            )}
            {r && (
              <Typography.Text type="secondary">
                {t("报告", "Filed by")} {r.submittedByName ?? "—"} {formatDateTime(r.submittedAt)}
                {r.decidedAt &&
                  ` · ${pickLang(lang, statusNames[r.status].zh, statusNames[r.status].en)} ${r.decidedByName ?? "—"} ${formatDateTime(r.decidedAt)}`}
              </Typography.Text>
            )}
            {r?.decisionNote && (
              <Alert
                type={r.status === "returned" ? "warning" : "info"}
                showIcon
                data-testid="subsidy-use-decision-note"
                message={r.status === "returned" ? t("退回意见", "Returned because") : t("确认意见", "Note")}
                description={r.decisionNote}
              />
            )}
            <Space wrap>
              {pay.actions.includes("file") && (
                <Button type="primary" onClick={() => setFiling(pay)} data-testid="subsidy-use-file">
                  {r ? t("更正后重新报告", "Correct and file again") : t("报告使用情况", "Report the use")}
                </Button>
              )}
              {r && pay.actions.includes("acknowledge") && (
                <Button
                  onClick={() => setDeciding({ report: r, event: "acknowledge" })}
                  data-testid="subsidy-use-acknowledge"
                >
                  {t("确认", "Acknowledge")}
                </Button>
              )}
              {r && pay.actions.includes("return") && (
                <Button
                  danger
                  onClick={() => setDeciding({ report: r, event: "return" })}
                  data-testid="subsidy-use-return"
                >
                  {t("退回修改", "Return")}
                </Button>
              )}
            </Space>
          </Space>
        );
      })}
      <FileSubsidyUseModal project={p} rules={rules} payment={filing} onClose={() => setFiling(null)} />
      <DecideSubsidyUseModal
        project={p}
        rules={rules}
        decision={deciding}
        onClose={() => setDeciding(null)}
      />
    </Card>
  );
}
