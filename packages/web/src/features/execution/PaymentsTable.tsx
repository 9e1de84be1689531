import { Space, Table, type TableColumnsType, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import type { Payment, PaymentEvent } from "../../api/execution";
import { useLocale } from "../../app/locale";
import { wan } from "../../components/money";
import { byAt, nodeName, paymentStatusColors, paymentStatusText } from "./labels";
import { PaymentActions } from "./paymentSteps";

/**
 * Payments with who prepared, approved and paid each, and the steps the caller may take on them.
 * On the payments page each row names and links its project; on a project's page it need not.
 */
export function PaymentsTable({
  payments,
  loading,
  withProject,
  onEvent,
  pending,
  testId,
  emptyText,
}: {
  payments: readonly Payment[] | undefined;
  loading: boolean;
  withProject: boolean;
  onEvent: (p: Payment, e: PaymentEvent) => void;
  pending: (p: Payment) => PaymentEvent | null;
  testId: string;
  emptyText: string;
}) {
  const { lang, t } = useLocale();
  const columns: TableColumnsType<Payment> = [
    ...(withProject
      ? ([
          {
            title: t("项目", "Project"),
            key: "project",
            render: (_, p) => (
              <Space direction="vertical" size={0}>
                <Link to={`/projects/${p.projectId}`} data-testid={`payment-${p.id}-project`}>
                  <code>{p.projectNumber}</code>
                </Link>
                <Typography.Text>{p.projectTitle}</Typography.Text>
              </Space>
            ),
          },
          { title: t("承担单位", "Unit"), dataIndex: "unitName" },
        ] satisfies TableColumnsType<Payment>)
      : []),
    { title: t("拨付节点", "Node"), dataIndex: "node", render: (n: string) => nodeName(n, lang) },
    {
      title: t("金额", "Amount"),
      dataIndex: "amountFen",
      align: "right",
      render: (f: number) => <span style={{ whiteSpace: "nowrap" }}>{wan(f, lang)}</span>,
    },
    {
      title: t("状态", "Status"),
      dataIndex: "status",
      render: (s: Payment["status"], p) => (
        <Tag color={paymentStatusColors[s]} data-testid={`payment-${p.id}-status`}>
          {paymentStatusText(s, lang)}
        </Tag>
      ),
    },
    {
      // who took each step and when, in one column: the table stays within a card's width
      title: t("办理记录", "Record"),
      key: "record",
      render: (_, p) => (
        <Space
          direction="vertical"
          size={0}
          style={{ fontSize: 12, width: 230 }}
          data-testid={`payment-${p.id}-record`}
        >
          <span>
            {t("提出：", "Prepared: ")}
            {byAt(p.prepared)}
            {p.note && (
              <Typography.Text type="secondary">{t(`（${p.note}）`, ` (${p.note})`)}</Typography.Text>
            )}
          </span>
          {p.financeApproves && p.approved && (
            <span>
              {t("财政审核：", "Approved: ")}
              {byAt(p.approved)}
            </span>
          )}
          {p.paid && (
            <span data-testid={`payment-${p.id}-paid`}>
              {t("拨付：", "Paid: ")}
              {byAt(p.paid)}
              {t(`，凭证号 ${p.paid.treasuryRef}`, `, voucher ${p.paid.treasuryRef}`)}
            </span>
          )}
          {p.cancelled && (
            <span>
              {t("撤销：", "Cancelled: ")}
              {byAt(p.cancelled)}
            </span>
          )}
        </Space>
      ),
    },
    {
      title: t("办理", "Actions"),
      key: "actions",
      fixed: "right",
      render: (_, p) => <PaymentActions payment={p} onEvent={(e) => onEvent(p, e)} pending={pending(p)} />,
    },
  ];

  return (
    <Table<Payment>
      rowKey="id"
      size="small"
      data-testid={testId}
      columns={columns}
      dataSource={payments ? [...payments] : undefined}
      loading={loading}
      scroll={{ x: "max-content" }}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText }}
    />
  );
}
