import { Descriptions, Form } from "antd";
import { useEffect, useState } from "react";
import { newIdempotencyKey, type ProjectDetail } from "../../api/execution";
import type { Closure } from "../../api/projectLife";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { yuan } from "../../components/money";
import { YuanInput, yuanRule } from "../../components/yuan";
import { parseYuan } from "../budget/parseYuan";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { CitedLabel, TextField } from "./fields";
import { useRecordReturn } from "./hooks";
import { closureKindNames } from "./labels";

interface Values {
  amount: string;
  reference: string;
}

const fenOf = (text: string | undefined) => {
  const p = parseYuan(text ?? "");
  return p.ok ? (p.fen ?? 0) : 0;
};

/**
 * 登记退回资金: the bureau records money the unit gave back on a decided termination or revocation,
 * with the treasury's reference. The dialog's key goes with every try of it, so a retry after a lost
 * answer never records the same money twice; a new dialog takes a new key.
 */
export function ReturnModal({
  project: p,
  closure: c,
  onClose,
}: {
  project: ProjectDetail;
  closure: Closure | null;
  onClose: () => void;
}) {
  const { lang, t } = useLocale();
  const confirmAct = useConfirmAct();
  const [key, setKey] = useState("");
  const open = c !== null;
  useEffect(() => {
    if (open) setKey(newIdempotencyKey());
  }, [open]);
  const state = useFormModal({
    open,
    onClose,
    mutation: useRecordReturn(p.id),
    toVariables: (v: Values) => ({
      body: { amountFen: fenOf(v.amount), reference: v.reference.trim() },
      key,
    }),
    fields: ["reference"],
    successText: t("已登记退回资金", "Return recorded"),
  });
  const outstanding = c?.outstandingFen ?? 0;
  const recovery = c?.kind === "revocation";
  const modal = withConfirmation(state, (v) => {
    const amount = fenOf(v.amount);
    return confirmAct({
      title: t("登记退回资金？", "Record the money given back?"),
      content: t(
        `登记${p.unitName}${recovery ? "被追回" : "退回"} ${yuan(amount)}，国库凭证号 ${v.reference.trim()}。登记后计入项目台账（已收回增加 ${yuan(amount)}），尚未退回 ${yuan(outstanding - amount)}；不能撤销或修改，记入审计日志。`,
        `${p.unitName} ${recovery ? "paid back" : "returned"} ${yuan(amount)}, treasury reference ${v.reference.trim()}. It is posted to the project's ledger (given back grows by ${yuan(amount)}), ${yuan(outstanding - amount)} still outstanding; it cannot be undone or changed and is audited.`,
      ),
      okText: t("登记退回", "Record the return"),
      testId: "return-confirm",
    });
  });

  return (
    <FormModal
      modal={modal}
      title={
        recovery ? t("登记追回资金", "Record money recovered") : t("登记退回资金", "Record money returned")
      }
      okText={t("下一步", "Next")}
      submitTestId="return-submit"
      formTestId="return-form"
    >
      {c && (
        <Descriptions
          size="small"
          bordered
          column={1}
          style={{ marginBottom: 16 }}
          styles={{ label: { whiteSpace: "nowrap" } }}
          items={[
            {
              key: "closure",
              label: t("依据", "On"),
              children: <CitedLabel text={closureKindNames[c.kind][lang]} source={c.source} />,
            },
            {
              key: "due",
              label: recovery ? t("应追回", "To recover") : t("应退回结余", "Balance due back"),
              children: yuan(c.dueFen),
            },
            { key: "settled", label: t("已退回", "Given back"), children: yuan(c.settledFen) },
            { key: "outstanding", label: t("尚未退回", "Outstanding"), children: yuan(c.outstandingFen) },
          ]}
        />
      )}
      <Form.Item
        name="amount"
        label={t("本次退回金额", "Amount given back")}
        rules={[
          { required: true, message: t("请填写金额", "Enter the amount") },
          yuanRule(lang),
          {
            validator: (_, v: string | undefined) => {
              const fen = fenOf(v);
              if (!v || !parseYuan(v).ok) return Promise.resolve();
              if (fen <= 0) return Promise.reject(new Error(t("金额须大于零", "More than zero")));
              if (fen > outstanding)
                return Promise.reject(
                  new Error(
                    t(
                      `不超过尚未退回的 ${yuan(outstanding)}`,
                      `At most the ${yuan(outstanding)} outstanding`,
                    ),
                  ),
                );
              return Promise.resolve();
            },
          },
        ]}
      >
        <YuanInput autoComplete="off" data-testid="return-amount" />
      </Form.Item>
      <TextField
        name="reference"
        label={t("国库凭证号", "Treasury reference")}
        min={2}
        max={100}
        rows={1}
        testId="return-reference"
      />
    </FormModal>
  );
}
