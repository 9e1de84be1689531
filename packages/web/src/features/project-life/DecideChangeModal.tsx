import { Alert, Descriptions } from "antd";
import type { ProjectDetail } from "../../api/execution";
import type { Change, ChangeEvent } from "../../api/projectLife";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { byAt, sourceText } from "../execution/labels";
import { changeSummary, useBudgetCategories } from "./changeText";
import { TextField } from "./fields";
import { useDecideChange } from "./hooks";
import { changeEventNames, changeKindNames } from "./labels";

interface Values {
  note: string;
}

/**
 * 批准 / 不予批准 a change waiting for the bureau (DT-RULES §19): the decision is the button the
 * officer pressed; the dialog asks for the note and states what follows, and so does the confirmation.
 */
export function DecideChangeModal({
  project: p,
  decision,
  onClose,
}: {
  project: ProjectDetail;
  decision: { change: Change; event: ChangeEvent } | null;
  onClose: () => void;
}) {
  const { lang, t } = useLocale();
  const confirmAct = useConfirmAct();
  const { name } = useBudgetCategories(p);
  const c = decision?.change ?? null;
  const event = decision?.event ?? "approve";
  const state = useFormModal({
    open: decision !== null,
    onClose,
    mutation: useDecideChange(p.id),
    toVariables: (v: Values) => ({ changeId: c?.id ?? "", event, body: { note: v.note.trim() } }),
    fields: ["note"],
    successText: event === "approve" ? t("已批准变更", "Change approved") : t("已不予批准", "Change refused"),
  });
  const kind = c ? changeKindNames[c.kind] : { zh: "", en: "" };
  const summary = c ? changeSummary(c, name, t).join(t("；", "; ")) : "";
  const consequence =
    event === "approve"
      ? t(`批准后变更即生效：${summary}。`, `Once approved the change takes effect: ${summary}.`)
      : t(
          `不予批准后项目按现行${c?.kind === "budgetAdjustment" ? "预算" : "约定"}执行，承担单位可另行申请。`,
          "The project goes on as it stands; the unit may apply again.",
        );
  const modal = withConfirmation(state, () =>
    c
      ? confirmAct({
          title: t(
            `${changeEventNames[event].zh}该${kind.zh}？`,
            `${changeEventNames[event].en} the ${kind.en.toLowerCase()}?`,
          ),
          content: t(
            `项目 ${p.number}“${p.title}”的${kind.zh}（${sourceText(c.source, lang)}）。${consequence}此决定不能撤回，记入审计日志。`,
            `The ${kind.en.toLowerCase()} of project ${p.number} "${p.title}" (${sourceText(c.source, lang)}). ${consequence} It cannot be withdrawn and is audited.`,
          ),
          okText: changeEventNames[event][lang],
          testId: `change-${event}-confirm`,
          danger: event === "refuse",
        })
      : Promise.resolve(false),
  );

  return (
    <FormModal
      modal={modal}
      title={
        c ? t(`${changeEventNames[event].zh}：${kind.zh}`, `${changeEventNames[event].en}: ${kind.en}`) : ""
      }
      okText={t("下一步", "Next")}
      submitTestId="change-decide-submit"
      formTestId="change-decide-form"
    >
      {c && (
        <Descriptions
          size="small"
          bordered
          column={1}
          style={{ marginBottom: 16 }}
          styles={{ label: { whiteSpace: "nowrap" } }}
          items={[
            { key: "kind", label: t("变更事项", "Change"), children: kind[lang] },
            {
              key: "what",
              label: t("变更内容", "What changes"),
              children: (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {changeSummary(c, name, t).map((s) => (
                    <li key={s}>{s}</li>
                  ))}
                </ul>
              ),
            },
            {
              key: "reason",
              label: t("变更理由", "Reason"),
              children: <span style={{ whiteSpace: "pre-wrap" }}>{c.reason}</span>,
            },
            { key: "requested", label: t("申请", "Applied"), children: byAt(c.requested) },
          ]}
        />
      )}
      <Alert
        type={event === "approve" ? "warning" : "info"}
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="change-decide-consequence"
        message={consequence}
      />
      <TextField
        name="note"
        label={event === "approve" ? t("批复意见", "Note") : t("不予批准的理由", "Why not")}
        min={2}
        max={2000}
        rows={3}
        testId="change-note"
      />
    </FormModal>
  );
}
