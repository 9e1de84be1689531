import { Alert, Form, Input } from "antd";
import { useEffect, useState } from "react";
import { newIdempotencyKey, type Payment } from "../../api/execution";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { lengthLimit, trimmed } from "../../components/lengthLimit";
import { wan } from "../../components/money";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { usePaymentEvent } from "./hooks";
import { paymentActionNames } from "./labels";
import { paymentText } from "./paymentSteps";

interface Values {
  treasuryRef: string;
}

/**
 * 登记已拨付: the bureau records the treasury's payment voucher number (国库支付凭证号) of a payment
 * finance approved. The dialog's key goes with every try of it, so a retry after a lost answer never
 * pays twice; a new dialog takes a new key.
 */
export function PayModal({ payment: p, onClose }: { payment: Payment | null; onClose: () => void }) {
  const { lang, t } = useLocale();
  const confirmAct = useConfirmAct();
  const [key, setKey] = useState("");
  const open = p !== null;
  useEffect(() => {
    if (open) setKey(newIdempotencyKey());
  }, [open]);
  const state = useFormModal({
    open,
    onClose,
    mutation: usePaymentEvent(),
    toVariables: (v: Values) => ({
      id: p?.id ?? "",
      event: "pay" as const,
      treasuryRef: v.treasuryRef.trim(),
      idempotencyKey: key,
    }),
    fields: ["treasuryRef"],
    successText: t("已登记拨付", "Marked paid"),
  });
  const modal = withConfirmation(state, (v) =>
    p
      ? confirmAct({
          title: t("登记该笔拨款已拨付？", "Mark this payment paid?"),
          content: t(
            `${paymentText(p, lang, t)}已通过国库集中支付拨付至${p.unitName}，国库支付凭证号 ${v.treasuryRef.trim()}。登记后计入项目台账（已拨付增加 ${wan(p.amountFen, lang)}，项目结余相应减少），不能撤销或修改，记入审计日志。`,
            `${paymentText(p, lang, t)} was paid to ${p.unitName} through the treasury, voucher ${v.treasuryRef.trim()}. It is posted to the project's ledger (paid grows by ${wan(p.amountFen, lang)}, what is left shrinks by as much) and cannot be undone or changed; it is audited.`,
          ),
          okText: paymentActionNames.pay[lang],
          testId: "payment-pay-final",
        })
      : Promise.resolve(false),
  );
  const ref = lengthLimit(100, t);

  return (
    <FormModal
      modal={modal}
      title={t("登记已拨付", "Mark paid")}
      okText={t("下一步", "Next")}
      submitTestId="payment-pay-submit"
      formTestId="payment-pay-form"
    >
      {p && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={paymentText(p, lang, t)}
          description={t(
            `财政已审核：${p.approved ? `${p.approved.byName}` : "—"}。请在国库集中支付完成后登记凭证号。`,
            `Approved by finance: ${p.approved ? p.approved.byName : "—"}. Record the voucher once the treasury has paid.`,
          )}
        />
      )}
      <Form.Item
        name="treasuryRef"
        label={t("国库支付凭证号", "Treasury payment voucher number")}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t("请填写国库支付凭证号", "Enter the voucher number"),
          },
          { min: 2, transform: trimmed, message: t("至少 2 个字", "At least 2 characters") },
          ref.rule,
        ]}
      >
        <Input count={ref.count} autoComplete="off" data-testid="payment-treasury-ref" />
      </Form.Item>
    </FormModal>
  );
}
