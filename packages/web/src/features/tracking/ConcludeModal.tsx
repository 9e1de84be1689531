import { Alert, Descriptions } from "antd";
import type { Assessment, AssessmentEvent } from "../../api/tracking";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { nodeName } from "../execution/labels";
import { TextField } from "../project-life/fields";
import { useConcludeAssessment } from "./hooks";
import { assessmentEventNames, points } from "./labels";

interface Values {
  note: string;
}

/** What the conclusion does, said in the dialog and again in its confirmation. */
export function conclusionConsequence(
  event: AssessmentEvent,
  node: string,
  t: (zh: string, en: string) => string,
) {
  return event === "pass"
    ? t(
        `通过后，任务书中“期中评估通过后”的节点（${node}）即可拨付。`,
        `Once passed, the task book's node paid after the mid-term (${node}) may be paid.`,
      )
    : t(
        "节点资金暂缓拨付，可重新组织评估。",
        "The node's money is held; another assessment may be convened.",
      );
}

/**
 * 作出期中评估结论: only the conclusion the panel's mean calls for is offered (the server's
 * `actions`); the dialog shows the mean against the pass mark, asks for the note and states what
 * follows, and so does the confirmation.
 */
export function ConcludeModal({
  project,
  releasesNode,
  conclusion,
  onClose,
}: {
  project: { id: string; number: string; title: string };
  releasesNode: string | null;
  conclusion: { assessment: Assessment; event: AssessmentEvent } | null;
  onClose: () => void;
}) {
  const { lang, t } = useLocale();
  const confirmAct = useConfirmAct();
  const a = conclusion?.assessment ?? null;
  const event = conclusion?.event ?? "pass";
  const state = useFormModal({
    open: conclusion !== null,
    onClose,
    mutation: useConcludeAssessment(project.id),
    toVariables: (v: Values) => ({ assessmentId: a?.id ?? "", event, body: { note: v.note.trim() } }),
    fields: ["note"],
    successText:
      event === "pass" ? t("期中评估已通过", "Assessment passed") : t("已暂缓拨付", "Payment held"),
  });
  const node = releasesNode ? nodeName(releasesNode, lang) : t("期中节点", "the mid-term node");
  const consequence = conclusionConsequence(event, node, t);
  const modal = withConfirmation(state, () =>
    confirmAct({
      title: t(
        `期中评估结论：${assessmentEventNames[event].zh}？`,
        `Conclude: ${assessmentEventNames[event].en}?`,
      ),
      content: t(
        `项目 ${project.number}“${project.title}”期中评估，专家组平均分 ${points(a?.mean)} 分（${a?.passMark ?? "—"} 分及以上为通过）。${consequence}此结论不能撤回，记入审计日志。`,
        `The mid-term assessment of project ${project.number} "${project.title}": the panel's mean is ${points(a?.mean)} (${a?.passMark ?? "—"} passes). ${consequence} The conclusion cannot be withdrawn and is audited.`,
      ),
      okText: assessmentEventNames[event][lang],
      testId: `assessment-${event}-confirm`,
      danger: event === "hold",
    }),
  );
  return (
    <FormModal
      modal={modal}
      title={t(
        `期中评估结论：${assessmentEventNames[event].zh}`,
        `Conclude: ${assessmentEventNames[event].en}`,
      )}
      okText={t("下一步", "Next")}
      submitTestId="assessment-conclude-submit"
      formTestId="assessment-conclude-form"
    >
      {a && (
        <Descriptions
          size="small"
          bordered
          column={1}
          style={{ marginBottom: 16 }}
          styles={{ label: { whiteSpace: "nowrap" } }}
          items={[
            {
              key: "mean",
              label: t("专家组平均分", "Panel mean"),
              children: <span data-testid="assessment-conclude-mean">{points(a.mean)}</span>,
            },
            {
              key: "pass",
              label: t("通过分数", "Pass mark"),
              children: a.passMark === null ? "—" : t(`${a.passMark} 分`, `${a.passMark}`),
            },
            {
              key: "panel",
              label: t("评估专家", "Panel"),
              children: a.panel.map((x) => `${x.name} ${points(x.total)}`).join(t("；", "; ")),
            },
          ]}
        />
      )}
      <Alert
        type={event === "pass" ? "warning" : "info"}
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="assessment-conclude-consequence"
        message={consequence}
      />
      <TextField
        name="note"
        label={t("结论意见", "Note")}
        min={2}
        max={2000}
        rows={3}
        testId="assessment-note"
      />
    </FormModal>
  );
}
