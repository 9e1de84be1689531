import { Alert, Form, Input, Radio } from "antd";
import type { Objection, ProposedList } from "../../api/decisions";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { lengthLimit } from "../../components/lengthLimit";
import { RadioGroup } from "../../components/RadioGroup";
import { useConfirmAct, withConfirmation } from "./confirm";
import { useHandleObjection } from "./hooks";
import { actionNames } from "./labels";

interface Values {
  outcome: "upheld" | "dismissed";
  note: string;
}

/** What handling an objection does, by outcome: said in the dialog and again before it is recorded. */
function consequence(
  outcome: Values["outcome"] | undefined,
  title: string,
  t: (zh: string, en: string) => string,
) {
  if (outcome === "upheld")
    return t(
      `异议成立：“${title}”移出拟立项名单，候补第一名递补为拟立项项目。此操作记入审计日志，不能撤销。`,
      `Upheld: "${title}" leaves the list and the first reserve moves up into it. The action is audited and cannot be undone.`,
    );
  if (outcome === "dismissed")
    return t(
      `异议不成立：“${title}”保留在拟立项名单中。此操作记入审计日志，不能撤销。`,
      `Dismissed: "${title}" stays on the list. The action is audited and cannot be undone.`,
    );
  return t("请选择处理结果。", "Choose the outcome.");
}

/**
 * 处理异议: the officer finds an objection upheld or not, with the finding. Nothing is pre-chosen; an
 * upheld objection takes the project off the list and moves the first reserve up.
 */
export function HandleObjectionModal({
  list,
  objection,
  onClose,
}: {
  list: ProposedList;
  objection: Objection | null;
  onClose: () => void;
}) {
  const { lang, t } = useLocale();
  const confirmAct = useConfirmAct();
  const state = useFormModal({
    open: objection !== null,
    onClose,
    mutation: useHandleObjection(list.id),
    toVariables: (v: Values) => ({
      objectionId: objection?.id ?? "",
      outcome: v.outcome,
      note: v.note.trim(),
    }),
    fields: ["outcome", "note"],
    successText: t("异议已处理", "Objection handled"),
  });
  const modal = withConfirmation(state, (v) =>
    confirmAct({
      title:
        v.outcome === "upheld"
          ? t("认定异议成立？", "Uphold the objection?")
          : t("认定异议不成立？", "Dismiss the objection?"),
      content: consequence(v.outcome, objection?.title ?? "", t),
      okText: v.outcome === "upheld" ? t("异议成立", "Uphold") : t("异议不成立", "Dismiss"),
      testId: "objection-handle-final",
      danger: v.outcome === "upheld",
    }),
  );
  const outcome = Form.useWatch("outcome", state.form);
  const note = lengthLimit(1000, t);

  return (
    <FormModal
      modal={modal}
      title={t(
        `处理对“${objection?.title ?? ""}”的异议`,
        `Handle the objection to "${objection?.title ?? ""}"`,
      )}
      okText={actionNames.handleObjection[lang]}
      submitTestId="objection-handle-confirm"
      formTestId="objection-handle-form"
    >
      <Alert
        type={outcome === "upheld" ? "warning" : "info"}
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="objection-consequence"
        message={consequence(outcome, objection?.title ?? "", t)}
      />
      <Form.Item name="outcome" label={t("处理结果", "Outcome")} rules={[{ required: true }]}>
        <RadioGroup data-testid="objection-outcome">
          <Radio value="upheld">
            {t("异议成立（移出名单，候补递补）", "Upheld (off the list, reserve moves up)")}
          </Radio>
          <Radio value="dismissed">{t("异议不成立（保留在名单中）", "Dismissed (stays on the list)")}</Radio>
        </RadioGroup>
      </Form.Item>
      <Form.Item
        name="note"
        label={t("处理意见", "Finding")}
        rules={[{ required: true, whitespace: true }, { min: 2 }, note.rule]}
      >
        <Input.TextArea rows={3} count={note.count} data-testid="objection-note" />
      </Form.Item>
    </FormModal>
  );
}
