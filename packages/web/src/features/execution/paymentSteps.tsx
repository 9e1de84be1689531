import { paymentEvents } from "@luoshu/contract";
import { App, Space, Typography } from "antd";
import { useState } from "react";
import type { Payment, PaymentEvent } from "../../api/execution";
import { type Lang, useLocale } from "../../app/locale";
import { wan } from "../../components/money";
import { useCurrentUser } from "../auth/session";
import { useConfirmAct } from "../decisions/confirm";
import { GuardedButton } from "../reviews/GuardedButton";
import { usePaymentEvent } from "./hooks";
import { nodeName, paymentActionNames, sourceText } from "./labels";

type Translate = (zh: string, en: string) => string;

/** "LY-2026-RK-001“…” 首笔拨款 30 万元": the payment as a confirmation names it. */
export const paymentText = (p: Payment, lang: Lang, t: Translate) =>
  t(
    `项目 ${p.projectNumber}“${p.projectTitle}”的${nodeName(p.node, lang)} ${wan(p.amountFen, lang)}`,
    `${nodeName(p.node, lang)} of ${wan(p.amountFen, lang)} for project ${p.projectNumber} "${p.projectTitle}"`,
  );

/** What approving or cancelling does, said before it is done (paying asks its reference first: PayModal). */
function stepCopy(e: Exclude<PaymentEvent, "pay">, p: Payment, lang: Lang, t: Translate) {
  const what = paymentText(p, lang, t);
  const src = sourceText(p.financeApprovalSource, lang);
  if (e === "approve")
    return {
      title: t("审核通过该笔拨款？", "Approve this payment?"),
      content: t(
        `${what}，拨付至${p.unitName}。审核通过后，由市科技局按国库集中支付规定拨付并登记国库支付凭证号（财政逐笔审核：${src}）。审核意见不能撤回，记入审计日志。`,
        `${what}, to ${p.unitName}. Once approved, the bureau pays it through the treasury and records the treasury's reference (finance approves each payment: ${src}). The approval cannot be withdrawn; it is audited.`,
      ),
      done: t("已审核通过", "Approved"),
    };
  return {
    title: t("撤销该笔拨款？", "Cancel this payment?"),
    content: t(
      `${what}将作废，不能恢复；该拨付节点可重新提出拨款。此操作记入审计日志。`,
      `${what} is void and cannot be restored; the node may be prepared again. The action is audited.`,
    ),
    done: t("拨款已撤销", "Payment cancelled"),
  };
}

/**
 * The steps on payments, one mutation for the page (its error shows once above the table): approve
 * and cancel through a confirmation that states the consequence, pay through its dialog (PayModal).
 */
export function usePaymentSteps() {
  const { lang, t } = useLocale();
  const { message } = App.useApp();
  const confirmAct = useConfirmAct();
  const step = usePaymentEvent();
  const [paying, setPaying] = useState<Payment | null>(null);
  const run = async (p: Payment, e: PaymentEvent) => {
    if (e === "pay") {
      setPaying(p);
      return;
    }
    const copy = stepCopy(e, p, lang, t);
    const ok = await confirmAct({
      title: copy.title,
      content: copy.content,
      okText: paymentActionNames[e][lang],
      testId: `payment-${e}-confirm`,
      danger: e === "cancel",
    });
    if (ok) step.mutate({ id: p.id, event: e }, { onSuccess: () => message.success(copy.done) });
  };
  const pending = (p: Payment) =>
    step.isPending && step.variables?.id === p.id ? step.variables.event : null;
  return { run, step, pending, paying, closePay: () => setPaying(null) };
}

/**
 * A payment's buttons from its `actions`; the bureau's payment of one finance has not approved yet is
 * shown disabled, with why, written out below as well (a disabled button takes no focus).
 */
export function PaymentActions({
  payment: p,
  onEvent,
  pending,
}: {
  payment: Payment;
  onEvent: (e: PaymentEvent) => void;
  pending: PaymentEvent | null;
}) {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const waitsForFinance =
    p.status === "prepared" && p.financeApproves && me.permissions.includes("payment.prepare");
  const blocked: Partial<Record<PaymentEvent, string>> = waitsForFinance
    ? {
        pay: t(
          `须经市财政局审核通过后方可登记拨付（${sourceText(p.financeApprovalSource, lang)}）`,
          `Finance approves it before it is paid (${sourceText(p.financeApprovalSource, lang)})`,
        ),
      }
    : {};
  const events = paymentEvents.filter((e) => p.actions.includes(e) || blocked[e]);
  if (events.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space direction="vertical" size={4}>
      <Space wrap size="small">
        {events.map((e) => (
          <GuardedButton
            key={e}
            size="small"
            type={e === "cancel" ? "default" : "primary"}
            danger={e === "cancel"}
            onClick={() => onEvent(e)}
            loading={pending === e}
            disabled={pending !== null && pending !== e}
            blockedReason={blocked[e] ?? null}
            testId={`payment-${p.id}-${e}`}
          >
            {paymentActionNames[e][lang]}
          </GuardedButton>
        ))}
      </Space>
      {Object.values(blocked).map((r) => (
        <Typography.Text key={r} type="secondary" style={{ fontSize: 12, display: "block", maxWidth: 170 }}>
          {r}
        </Typography.Text>
      ))}
    </Space>
  );
}
