import { Space, Table, type TableColumnsType, Tag, Typography } from "antd";
import type { PaymentNode, ProjectDetail } from "../../api/execution";
import { useLocale } from "../../app/locale";
import { wan } from "../../components/money";
import { useCurrentUser } from "../auth/session";
import { GuardedButton } from "../reviews/GuardedButton";
import { Citation } from "../reviews/HorseRaceModal";
import { nodeName, paymentStatusColors, paymentStatusText, triggerNames } from "./labels";

/**
 * 拨付节点: the task book's nodes (LY-FUNDS §13), each with its condition, amount and source, whether
 * the condition is reached and the payment under way or paid. The bureau prepares a node's payment
 * once it is due and none is under way; a node not due yet shows its button disabled, saying why.
 */
export function NodesTable({
  project: p,
  onPrepare,
}: {
  project: ProjectDetail;
  onPrepare: (node: PaymentNode) => void;
}) {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const prepares = me.permissions.includes("payment.prepare");
  const mayPrepare = p.actions.includes("preparePayment");
  // a closed project is paid nothing more and a suspended one nothing meanwhile, whatever its nodes' conditions
  const stopped =
    p.life.closedAs === "revoked"
      ? t("项目已撤销，不再拨款", "The project is revoked: nothing more is paid")
      : p.life.closedAs === "terminated"
        ? t("项目已终止，不再拨款", "The project is terminated: nothing more is paid")
        : p.life.suspended
          ? t("本项目拨款已暂停", "The project's payments are suspended")
          : null;

  const action = (n: PaymentNode) => {
    if (n.paymentId || n.paidFen > 0) return <Typography.Text type="secondary">—</Typography.Text>;
    // a node also waits for the progress reports due by today to be approved (DT-RULES §14(五); LY-FUNDS §10)
    const waits = n.waitsForReports.length
      ? t(
          `待第 ${n.waitsForReports.join("、")} 期进展报告审核通过`,
          `Waits for the progress report(s) of period ${n.waitsForReports.join(", ")} to be approved`,
        )
      : null;
    const notDue = !n.due
      ? t(`${triggerNames[n.after].zh}方可提出`, `Due ${triggerNames[n.after].en.toLowerCase()}`)
      : null;
    const why =
      stopped ??
      ([notDue, waits].filter(Boolean).join(t("；", "; ")) ||
        (mayPrepare ? null : t("暂不能提出", "Not now")));
    return (
      <Space direction="vertical" size={0}>
        <GuardedButton
          size="small"
          type="primary"
          onClick={() => onPrepare(n)}
          blockedReason={why}
          testId={`node-${n.code}-prepare`}
        >
          {t("提出拨款", "Prepare payment")}
        </GuardedButton>
        {/* a disabled button takes no focus: its reason is written out as well */}
        {why && (
          <Typography.Text type="secondary" style={{ fontSize: 12, display: "block", maxWidth: 120 }}>
            {why}
          </Typography.Text>
        )}
      </Space>
    );
  };

  const columns: TableColumnsType<PaymentNode> = [
    { title: t("拨付节点", "Node"), dataIndex: "code", render: (c: string) => nodeName(c, lang) },
    {
      title: t("拨付条件", "Condition"),
      dataIndex: "after",
      render: (a: PaymentNode["after"], n) => (
        <Space size={4} wrap>
          {triggerNames[a][lang]}
          <Tag color={n.due ? "green" : "default"} data-testid={`node-${n.code}-due`}>
            {n.due ? t("已满足", "Reached") : t("未满足", "Not yet")}
          </Tag>
        </Space>
      ),
    },
    {
      title: t("金额", "Amount"),
      dataIndex: "amountFen",
      align: "right",
      render: (f: number, n) =>
        n.after === "graded" ? (
          // a post-subsidy pays the grade's share of the verified R&D spend, within the node (LY-REFORM §三(四)2)
          <Space direction="vertical" size={0} style={{ textAlign: "right" }}>
            <span data-testid={`node-${n.code}-amount`}>
              {t(`上限 ${wan(f, lang)}`, `At most ${wan(f, lang)}`)}
            </span>
            <Typography.Text
              type={n.payableFen === null ? "secondary" : undefined}
              data-testid={`node-${n.code}-payable`}
            >
              {n.payableFen === null
                ? t("按绩效评价等级确定", "Set by the grade")
                : t(
                    `按评价等级应拨 ${wan(n.payableFen, lang)}`,
                    `Payable by the grade: ${wan(n.payableFen, lang)}`,
                  )}
            </Typography.Text>
          </Space>
        ) : (
          <span data-testid={`node-${n.code}-amount`}>{wan(f, lang)}</span>
        ),
    },
    {
      title: t("依据", "Source"),
      dataIndex: "source",
      render: (s: PaymentNode["source"]) => <Citation source={s} />,
    },
    {
      title: t("拨付情况", "Payment"),
      key: "status",
      render: (_, n) =>
        n.paymentStatus ? (
          <Tag color={paymentStatusColors[n.paymentStatus]} data-testid={`node-${n.code}-status`}>
            {paymentStatusText(n.paymentStatus, lang)}
          </Tag>
        ) : n.paidFen > 0 ? (
          t(`已拨付 ${wan(n.paidFen, lang)}`, `Paid ${wan(n.paidFen, lang)}`)
        ) : (
          <Typography.Text type="secondary" data-testid={`node-${n.code}-status`}>
            {t("未提出", "Not prepared")}
          </Typography.Text>
        ),
    },
    ...(prepares
      ? ([
          { title: t("办理", "Actions"), key: "actions", render: (_, n) => action(n) },
        ] satisfies TableColumnsType<PaymentNode>)
      : []),
  ];

  return (
    <Table<PaymentNode>
      rowKey="code"
      size="small"
      data-testid="nodes-table"
      columns={columns}
      dataSource={p.nodes}
      pagination={false}
      scroll={{ x: "max-content" }}
      locale={{
        emptyText: p.taskBook
          ? t("本项目无拨付节点", "The project has no payment node")
          : t("任务书拟定后列出拨付节点", "The nodes come with the task book"),
      }}
    />
  );
}
