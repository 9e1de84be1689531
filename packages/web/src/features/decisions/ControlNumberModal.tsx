import { Alert, Form, Input, InputNumber } from "antd";
import type { ControlNumber } from "../../api/decisions";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { lengthLimit } from "../../components/lengthLimit";
import { wan } from "../../components/money";
import { useConfirmAct, withConfirmation } from "./confirm";
import { useSetControlNumber } from "./hooks";
import { fenOfCheckedWan, parseWan, WanInput, wanRule } from "./wan";

interface Values {
  year: number;
  amount: string;
  docNumber: string;
}

/**
 * 设定预算控制数: the finance bureau's figure for a year, in 万元, with the document that set it.
 * Setting a year that has one replaces it; every list of that year is then checked against it.
 */
export function ControlNumberModal({
  open,
  existing,
  onClose,
}: {
  open: boolean;
  existing: readonly ControlNumber[];
  onClose: () => void;
}) {
  const { lang, t } = useLocale();
  const confirmAct = useConfirmAct();
  const state = useFormModal({
    open,
    onClose,
    mutation: useSetControlNumber(),
    toVariables: (v: Values) => {
      return { year: v.year, amountFen: fenOfCheckedWan(v.amount), docNumber: v.docNumber.trim() };
    },
    fields: ["docNumber"],
    successText: t("预算控制数已设定", "Control number set"),
  });
  const modal = withConfirmation(state, (v) => {
    const fen = parseWan(v.amount);
    const amount = fen.ok ? wan(fen.fen, lang) : v.amount;
    const old = existing.find((c) => c.year === v.year);
    return confirmAct({
      title: t(`设定 ${v.year} 年度预算控制数？`, `Set the control number for ${v.year}?`),
      content: old
        ? t(
            `${v.year} 年度控制数将由 ${wan(old.amountFen, lang)}（${old.docNumber}）改为 ${amount}（${v.docNumber.trim()}）；该年度所有拟立项名单按新控制数核对。此操作记入审计日志。`,
            `${v.year}'s control number changes from ${wan(old.amountFen, lang)} (${old.docNumber}) to ${amount} (${v.docNumber.trim()}); every list of the year is checked against it. The action is audited.`,
          )
        : t(
            `${v.year} 年度控制数设为 ${amount}（${v.docNumber.trim()}），该年度拟立项名单的资金合计不得超过此数。此操作记入审计日志。`,
            `${v.year}'s control number becomes ${amount} (${v.docNumber.trim()}); the year's lists may not exceed it. The action is audited.`,
          ),
      okText: t("设定控制数", "Set"),
      testId: "control-number-final",
    });
  });
  const doc = lengthLimit(100, t);
  const thisYear = new Date().getFullYear();

  return (
    <FormModal
      modal={modal}
      title={t("设定预算控制数", "Set a budget control number")}
      okText={t("设定", "Set")}
      submitTestId="control-number-confirm"
      formTestId="control-number-form"
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={t(
          "控制数由市财政局设定；科技局的拟立项名单在提交和下达时按此核对。",
          "The finance bureau sets it; the bureau's lists are checked against it when submitted and issued.",
        )}
      />
      <Form.Item name="year" label={t("年度", "Year")} rules={[{ required: true }]} initialValue={thisYear}>
        <InputNumber
          min={2000}
          max={2100}
          precision={0}
          style={{ width: 160 }}
          data-testid="control-number-year"
        />
      </Form.Item>
      <Form.Item
        name="amount"
        label={t("控制数（万元）", "Amount (×10k CNY)")}
        required
        rules={[wanRule(lang, true)]}
      >
        <WanInput data-testid="control-number-amount" />
      </Form.Item>
      <Form.Item
        name="docNumber"
        label={t("文件文号", "Document number")}
        rules={[{ required: true, whitespace: true }, { min: 2 }, doc.rule]}
      >
        <Input count={doc.count} data-testid="control-number-doc" />
      </Form.Item>
    </FormModal>
  );
}
