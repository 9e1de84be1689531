import { Alert, Form, Input } from "antd";
import type { FundPush, FundPushEvent } from "../../api/fundPush";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { lengthLimit, trimmed } from "../../components/lengthLimit";
import { wan } from "../../components/money";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { fenOfCheckedWan, WanInput, wanRule } from "../decisions/wan";
import { useFundDecision } from "./hooks";
import { fundActionNames } from "./labels";

interface Values {
  amount?: string;
  note: string;
}

type Translate = (zh: string, en: string) => string;

/** What the decision does, said in its confirmation. */
function consequenceOf(event: FundPushEvent, f: FundPush, amount: string, t: Translate) {
  switch (event) {
    case "followUp":
      return t(
        `记录基金对“${f.unitName}”跟踪了解；推送保持待决策，之后仍须决定投资或不予投资。市科技局可看到该记录。此操作不能撤回，记入审计日志。`,
        `The fund follows up on ${f.unitName}; the push stays open and still needs an invest or decline decision. The bureau sees it. This cannot be undone and is audited.`,
      );
    case "invest":
      return t(
        `记录基金按公司章程决定投资“${f.unitName}”，投资金额 ${amount}。推送办结，市科技局可看到结果；平台不拨付资金。此操作不能撤回，记入审计日志。`,
        `The fund decides by its charter to invest ${amount} in ${f.unitName}. The push is closed and the bureau sees the outcome; the platform pays nothing. This cannot be undone and is audited.`,
      );
    case "decline":
      return t(
        `记录基金按公司章程不予投资“${f.unitName}”。推送办结，市科技局可看到结果与决策依据。此操作不能撤回，记入审计日志。`,
        `The fund declines ${f.unitName} by its charter. The push is closed and the bureau sees the outcome and the basis. This cannot be undone and is audited.`,
      );
  }
}

/** 基金决策: follow up, invest with the amount in 万元, or decline; each with the basis under the fund's charter. */
export function DecideModal({
  target,
  onClose,
}: {
  target: { push: FundPush; event: FundPushEvent } | null;
  onClose: () => void;
}) {
  const { lang, t } = useLocale();
  const confirmAct = useConfirmAct();
  const event = target?.event ?? "followUp";
  const name = fundActionNames[event];
  const state = useFormModal({
    open: target !== null,
    onClose,
    mutation: useFundDecision(),
    toVariables: (v: Values) => ({
      id: target?.push.id ?? "",
      event,
      body: {
        amountFen: event === "invest" ? fenOfCheckedWan(v.amount ?? "") : null,
        note: v.note.trim(),
      },
    }),
    fields: ["amountFen", "note"],
    successText: t(`已记录：${name.zh}`, `Recorded: ${name.en}`),
  });
  const modal = withConfirmation(state, (v) =>
    target
      ? confirmAct({
          title: t(`${name.zh}？`, `${name.en}?`),
          content: consequenceOf(event, target.push, wan(fenOfCheckedWan(v.amount ?? ""), lang), t),
          okText: lang === "zh" ? name.zh : name.en,
          testId: `fund-${event}-confirm`,
          danger: event === "decline",
        })
      : Promise.resolve(false),
  );
  const note = lengthLimit(2000, t);

  return (
    <FormModal
      modal={modal}
      title={t(`${name.zh}：${target?.push.unitName ?? ""}`, `${name.en}: ${target?.push.unitName ?? ""}`)}
      okText={t("下一步", "Next")}
      submitTestId={`fund-${event}-submit`}
      formTestId={`fund-${event}-form`}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={t(
          "基金管理机构按照公司章程作出决策，请写明决策依据或意见；市科技局可看到。",
          "The fund decides by its charter: state the basis; the bureau sees it.",
        )}
      />
      {event === "invest" && (
        <Form.Item
          name="amount"
          label={t("投资金额（万元）", "Amount (×10k CNY)")}
          required
          rules={[
            wanRule(lang, true),
            {
              validator: (_, v: string | undefined) =>
                v && fenOfCheckedWan(v) <= 0
                  ? Promise.reject(new Error(t("金额须大于零", "More than zero")))
                  : Promise.resolve(),
            },
          ]}
        >
          <WanInput data-testid="fund-form-amount" autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item
        name="note"
        label={t("决策依据（按公司章程）", "Basis under the fund's charter")}
        rules={[
          { required: true, whitespace: true, message: t("请写明决策依据", "State the basis") },
          { min: 2, transform: trimmed, message: t("至少 2 个字", "At least 2 characters") },
          note.rule,
        ]}
      >
        <Input.TextArea rows={3} count={note.count} data-testid="fund-form-note" />
      </Form.Item>
    </FormModal>
  );
}
