import { type PaymentState, paymentStates } from "@luoshu/domain";
import { Alert, Card, Space } from "antd";
import { useSearchParams } from "react-router-dom";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { LabelledSwitch } from "../../components/LabelledSwitch";
import { PageHeader } from "../../components/PageHeader";
import { FilterSelect } from "../../components/Select";
import { useCurrentUser } from "../auth/session";
import { useCityPolicy } from "../decisions/commissionPolicy";
import { ActionErrorAlert } from "../decisions/Problems";
import { SourceBlock } from "../policies/SourceBlock";
import { usePayments } from "./hooks";
import { LedgerYearsCard } from "./LedgerYearsCard";
import { paymentStatusText } from "./labels";
import { PayModal } from "./PayModal";
import { PaymentsTable } from "./PaymentsTable";
import { usePaymentSteps } from "./paymentSteps";

const isState = (s: string | null): s is PaymentState => paymentStates.some((x) => x === s);

/**
 * 拨款管理: the city's payments, filtered by status and to those waiting for the caller (finance's
 * approvals, the bureau's payments to mark paid), each linking its project and carrying the steps the
 * caller may take; and the ledger's figures by budget year. The filter lives in the address, so the
 * workspace's tiles link straight to what waits (`/payments?mine=true`).
 */
export function PaymentsPage() {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const [search, setSearch] = useSearchParams();
  const raw = search.get("status");
  const status = isState(raw) ? raw : null;
  const mine = search.get("mine") === "true";
  const payments = usePayments({ status, mine });
  const steps = usePaymentSteps();
  const approval = useCityPolicy().data?.paymentApproval;

  const setFilter = (next: { status?: PaymentState | null; mine?: boolean }) => {
    const s = next.status === undefined ? status : next.status;
    const m = next.mine === undefined ? mine : next.mine;
    setSearch(
      (prev) => {
        const p = new URLSearchParams(prev);
        if (s) p.set("status", s);
        else p.delete("status");
        if (m) p.set("mine", "true");
        else p.delete("mine");
        return p;
      },
      { replace: true },
    );
  };

  return (
    <div data-testid="page-payments">
      <PageHeader
        title={t("拨款管理", "Payments")}
        extra={
          <Space wrap>
            <FilterSelect<PaymentState>
              placeholder={t("拨款状态", "Status")}
              allowClear
              style={{ width: 220 }}
              value={status ?? undefined}
              onChange={(v) => setFilter({ status: v ?? null })}
              options={paymentStates.map((s) => ({ value: s, label: paymentStatusText(s, lang) }))}
              data-testid="payments-status"
            />
            <LabelledSwitch
              label={t("待我处理", "Waiting for me")}
              checked={mine}
              onChange={(v) => setFilter({ mine: v })}
              data-testid="payments-mine"
            />
          </Space>
        }
      />
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        {approval && (
          <Alert
            type="info"
            showIcon
            data-testid="payments-flow"
            message={
              approval.financeApproves
                ? t(
                    "拨款流程：任务书签订、拨付条件满足后，市科技局提出拨款 → 市财政局逐笔审核 → 市科技局按国库集中支付规定拨付，登记国库支付凭证号。",
                    "Task book signed and the node's condition reached: the bureau prepares the payment → the finance bureau approves it → the bureau pays through the treasury and records the voucher.",
                  )
                : t(
                    "拨款流程：任务书签订、拨付条件满足后，市科技局提出拨款 → 按国库集中支付规定拨付，登记国库支付凭证号。",
                    "Task book signed and the node's condition reached: the bureau prepares the payment → pays through the treasury and records the voucher.",
                  )
            }
            description={<SourceBlock source={approval.source} />}
          />
        )}
        <Card
          size="small"
          title={mine ? t("待我处理的拨款", "Payments waiting for me") : t("拨款", "Payments")}
        >
          <ErrorAlert error={payments.error} style={{ marginBottom: 12 }} />
          <ActionErrorAlert error={steps.step.error} style={{ marginBottom: 12 }} />
          <PaymentsTable
            payments={payments.data?.items}
            loading={payments.isFetching}
            withProject
            onEvent={(p, e) => void steps.run(p, e)}
            pending={steps.pending}
            testId="payments-table"
            emptyText={
              mine
                ? t("没有等待您处理的拨款", "No payment is waiting for you")
                : t("暂无拨款", "No payment yet")
            }
          />
        </Card>
        {me.permissions.includes("decision.read") && <LedgerYearsCard />}
      </Space>
      <PayModal payment={steps.paying} onClose={steps.closePay} />
    </div>
  );
}
