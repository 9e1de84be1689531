import { Button, Table, type TableColumnsType, Tag, Typography } from "antd";
import type { Challenge, ChallengeBid } from "../../api/challenges";
import { useLocale } from "../../app/locale";
import { wan } from "../../components/money";
import { formatDateTime } from "../../components/time";
import { bidStatusColors, bidStatusNames, challengeActionNames } from "./labels";

const paragraph = { whiteSpace: "pre-wrap", margin: 0, maxWidth: 300 } as const;

/**
 * The bids of a challenge: the bureau sees every one, a unit its own. While bids are taken the
 * officer records each bidder's negotiation with the demand side (again, if it changed).
 */
export function BidsTable({
  challenge: c,
  onNegotiate,
}: {
  challenge: Challenge;
  onNegotiate: (bid: ChallengeBid) => void;
}) {
  const { lang, t } = useLocale();
  const canNegotiate = c.allowedActions.includes("recordNegotiation");

  const columns: TableColumnsType<ChallengeBid> = [
    { title: t("揭榜单位", "Unit"), dataIndex: "unitName" },
    { title: t("揭榜负责人", "Leader"), dataIndex: "leaderName" },
    {
      title: t("状态", "Status"),
      dataIndex: "status",
      // the announcement numbers a shortlisted bid's project: it has won
      render: (s: ChallengeBid["status"], b) => (
        <Tag color={bidStatusColors[s]} data-testid={`bid-${b.id}-status`}>
          {b.projectNumber ? t("中榜", "Awarded") : bidStatusNames[s][lang]}
        </Tag>
      ),
    },
    {
      title: t("资助金额", "Amount"),
      dataIndex: "amountFen",
      align: "right",
      render: (f: number | null) => wan(f, lang),
    },
    {
      title: t("项目编号", "Project number"),
      dataIndex: "projectNumber",
      render: (n: string | null, b) => (n ? <code data-testid={`bid-${b.id}-number`}>{n}</code> : "—"),
    },
    {
      title: t("揭榜磋商", "Negotiation"),
      key: "negotiation",
      render: (_, b) =>
        b.negotiation ? (
          <div data-testid={`bid-${b.id}-negotiation`}>
            <Typography.Paragraph style={paragraph}>{b.negotiation.record}</Typography.Paragraph>
            <Typography.Text type="secondary">
              {t("初步合作协议", "Preliminary agreement")} {b.negotiation.agreementSignedOn}
            </Typography.Text>
          </div>
        ) : (
          t("未磋商", "Not yet")
        ),
    },
    {
      title: t("攻关思路", "Approach"),
      dataIndex: "approach",
      render: (text: string) => <Typography.Paragraph style={paragraph}>{text}</Typography.Paragraph>,
    },
    { title: t("揭榜时间", "Submitted"), dataIndex: "submittedAt", render: (v: string) => formatDateTime(v) },
  ];
  if (canNegotiate) {
    columns.push({
      title: t("办理", "Actions"),
      key: "actions",
      fixed: "right",
      render: (_, b) =>
        b.status === "submitted" || b.status === "negotiated" ? (
          <Button size="small" onClick={() => onNegotiate(b)} data-testid={`bid-${b.id}-negotiate`}>
            {b.negotiation ? t("重新记录磋商", "Record again") : challengeActionNames.recordNegotiation[lang]}
          </Button>
        ) : null,
    });
  }

  return (
    <Table<ChallengeBid>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={c.bids}
      pagination={false}
      scroll={{ x: "max-content" }}
      data-testid={`challenge-${c.id}-bids`}
      locale={{ emptyText: t("暂无揭榜", "No bid yet") }}
    />
  );
}
