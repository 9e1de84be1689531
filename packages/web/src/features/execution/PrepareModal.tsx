import { Descriptions, Form, Input } from "antd";
import { useEffect, useState } from "react";
import { newIdempotencyKey, type PaymentNode, type ProjectDetail } from "../../api/execution";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { lengthLimit } from "../../components/lengthLimit";
import { wan } from "../../components/money";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { Citation } from "../reviews/HorseRaceModal";
import { usePreparePayment } from "./hooks";
import { nodeName, sourceText, triggerNames } from "./labels";

interface Values {
  note?: string;
}

/**
 * 提出拨款 of one node whose condition is reached. The dialog's key goes with every try of it, so a
 * retry after a lost answer finds the payment the first try prepared instead of preparing another.
 */
export function PrepareModal({
  project: p,
  node,
  financeApproves,
  onClose,
}: {
  project: ProjectDetail;
  node: PaymentNode | null;
  /** Whether finance approves each payment in the project's policy (a city setting). */
  financeApproves: boolean;
  onClose: () => void;
}) {
  const { lang, t } = useLocale();
  const confirmAct = useConfirmAct();
  const [key, setKey] = useState("");
  const open = node !== null;
  useEffect(() => {
    if (open) setKey(newIdempotencyKey());
  }, [open]);
  const state = useFormModal({
    open,
    onClose,
    mutation: usePreparePayment(p.id),
    toVariables: (v: Values) => ({
      input: { node: node?.code ?? "", note: v.note?.trim() ?? "" },
      key,
    }),
    fields: ["node", "note"],
    successText: t("已提出拨款", "Payment prepared"),
  });
  // a post-subsidy pays what the grade gives (`payableFen`), within the node's amount
  const pays = node ? (node.payableFen ?? node.amountFen) : 0;
  const what = node
    ? t(
        `项目 ${p.number}“${p.title}”的${nodeName(node.code, lang)} ${wan(pays, lang)}`,
        `${nodeName(node.code, lang)} of ${wan(pays, lang)} for project ${p.number} "${p.title}"`,
      )
    : "";
  const modal = withConfirmation(state, () =>
    confirmAct({
      title: t("提出该笔拨款？", "Prepare this payment?"),
      content: financeApproves
        ? t(
            `提出拨付${what}，拨付至${p.unitName}。提出后送市财政局逐笔审核，审核通过后由市科技局登记已拨付；拨付前可撤销。此操作记入审计日志。`,
            `Prepare ${what}, to ${p.unitName}. It goes to the finance bureau for approval, then the bureau marks it paid; it may be cancelled until paid. The action is audited.`,
          )
        : t(
            `提出拨付${what}，拨付至${p.unitName}。提出后由市科技局登记已拨付；拨付前可撤销。此操作记入审计日志。`,
            `Prepare ${what}, to ${p.unitName}. The bureau then marks it paid; it may be cancelled until paid. The action is audited.`,
          ),
      okText: t("提出拨款", "Prepare the payment"),
      testId: "payment-prepare-confirm",
    }),
  );
  const note = lengthLimit(1000, t);

  return (
    <FormModal
      modal={modal}
      title={t("提出拨款", "Prepare a payment")}
      okText={t("下一步", "Next")}
      submitTestId="payment-prepare-submit"
      formTestId="payment-prepare-form"
    >
      {node && (
        <Descriptions
          size="small"
          bordered
          column={1}
          style={{ marginBottom: 16 }}
          items={[
            { key: "node", label: t("拨付节点", "Node"), children: nodeName(node.code, lang) },
            { key: "after", label: t("拨付条件", "Condition"), children: triggerNames[node.after][lang] },
            ...(node.payableFen !== null && node.payableFen !== node.amountFen
              ? [
                  {
                    key: "cap",
                    label: t("任务书金额（上限）", "Task book amount (at most)"),
                    children: wan(node.amountFen, lang),
                  },
                  {
                    key: "amount",
                    label: t("本次拨付", "This payment"),
                    children: (
                      <span data-testid="payment-prepare-amount">
                        {t(`${wan(pays, lang)}（按绩效评价等级）`, `${wan(pays, lang)} (by the grade)`)}
                      </span>
                    ),
                  },
                ]
              : [
                  {
                    key: "amount",
                    label: t("金额", "Amount"),
                    children: <span data-testid="payment-prepare-amount">{wan(pays, lang)}</span>,
                  },
                ]),
            {
              key: "source",
              label: t("依据", "Source"),
              children: <Citation source={node.source} />,
            },
            { key: "unit", label: t("收款单位", "Payee"), children: p.unitName },
          ]}
        />
      )}
      <Form.Item
        name="note"
        label={t("说明（可选）", "Note (optional)")}
        rules={[note.rule]}
        extra={t(
          `拨付节点及金额以任务书为准（${sourceText(node?.source ?? null, lang)}）。`,
          `The node and its amount are the task book's (${sourceText(node?.source ?? null, lang)}).`,
        )}
      >
        <Input.TextArea rows={3} count={note.count} data-testid="payment-prepare-note" />
      </Form.Item>
    </FormModal>
  );
}
