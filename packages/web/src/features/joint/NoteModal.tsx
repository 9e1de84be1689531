import { Alert, Form, Input } from "antd";
import type { JointTopic } from "../../api/joint";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { lengthLimit, trimmed } from "../../components/lengthLimit";
import { useCurrentUser } from "../auth/session";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { useJointEvent } from "./hooks";
import { citationText, jointActionNames } from "./labels";

export type NoteAction = "list" | "notList" | "approve" | "decline";
export const noteActions: readonly NoteAction[] = ["list", "notList", "approve", "decline"];
export const isNoteAction = (e: string): e is NoteAction => (noteActions as readonly string[]).includes(e);

type Translate = (zh: string, en: string) => string;

/** What each step does, said in the dialog and again in its confirmation. */
function copyOf(a: NoteAction, c: JointTopic, party: "bureau" | "laboratory", t: Translate) {
  const title = c.title;
  switch (a) {
    case "list":
      return {
        intro: t(
          `“${title}”需求优先级 ${c.priority ?? "—"}，当前排名第 ${c.rank ?? "—"} 名。`,
          `"${title}" has priority ${c.priority ?? "—"}, ranked No. ${c.rank ?? "—"}.`,
        ),
        consequence: t(
          `“${title}”列入 ${c.year} 年重大攻关任务清单（${citationText(c.sources.ranking, t)}），随后由实验室提出联合科研项目。此操作不能撤回，记入审计日志。`,
          `"${title}" goes on the ${c.year} task list (${citationText(c.sources.ranking, t)}); the laboratory then proposes the project. This cannot be undone and is audited.`,
        ),
        done: t("已列入任务清单", "Put on the task list"),
        noteLabel: t("说明（可选）", "Note (optional)"),
        required: false,
      };
    case "notList":
      return {
        intro: t("请说明不列入清单的理由，出题企业可以看到。", "Say why; the enterprise sees it."),
        consequence: t(
          `“${title}”不列入 ${c.year} 年重大攻关任务清单，办理结束，出题企业可看到说明。此操作不能撤回，记入审计日志。`,
          `"${title}" stays off the ${c.year} task list and goes no further; the enterprise sees the note. This cannot be undone and is audited.`,
        ),
        done: t("已决定不列入任务清单", "Left off the task list"),
        noteLabel: t("不列入理由", "Reason"),
        required: true,
      };
    case "approve": {
      const other = party === "bureau" ? c.approvals.laboratory : c.approvals.bureau;
      const side = party === "bureau" ? t("市科技局", "the bureau") : t("实验室", "the laboratory");
      return {
        intro: t(
          `市科技局与实验室联合审定立项（${citationText(c.sources.approval, t)}），您代表${side}审定。`,
          `The bureau and the laboratory approve together (${citationText(c.sources.approval, t)}); you approve for ${side}.`,
        ),
        consequence: other
          ? t(
              `另一方已审定（${other.byName}）。本方审定后“${title}”即立项并生成项目编号，由实验室按其科研项目管理规定管理（${citationText(c.sources.management, t)}）。资金由实验室和企业投入，平台不拨付资金。此操作不能撤回，记入审计日志。`,
              `The other party has approved (${other.byName}). With yours "${title}" is approved and numbered, and the laboratory manages it under its own rules (${citationText(c.sources.management, t)}). The laboratory and the enterprise fund it; the platform pays nothing. This cannot be undone and is audited.`,
            )
          : t(
              `本方审定后，待另一方也审定，“${title}”即立项并生成项目编号；每方只审定一次，同一人不能代表双方。资金由实验室和企业投入，平台不拨付资金。此操作不能撤回，记入审计日志。`,
              `Once the other party approves as well, "${title}" is approved and numbered; each party approves once, and one person cannot approve for both. The laboratory and the enterprise fund it; the platform pays nothing. This cannot be undone and is audited.`,
            ),
        done: t("已审定", "Approved"),
        noteLabel: t("审定意见（可选）", "Note (optional)"),
        required: false,
      };
    }
    case "decline":
      return {
        intro: t("请说明不予立项的理由。", "Say why the project is declined."),
        consequence: t(
          `“${title}”不予立项，办理结束，另一方的审定不再进行（${citationText(c.sources.approval, t)}）。此操作不能撤回，记入审计日志。`,
          `"${title}" is declined and goes no further; the other party's approval is no longer asked (${citationText(c.sources.approval, t)}). This cannot be undone and is audited.`,
        ),
        done: t("已决定不予立项", "Project declined"),
        noteLabel: t("不予立项理由", "Reason"),
        required: true,
      };
  }
}

/** The steps with a note alone: listing or not, approving or declining. */
export function NoteModal({
  target,
  onClose,
}: {
  target: { topic: JointTopic; action: NoteAction } | null;
  onClose: () => void;
}) {
  const { lang, t } = useLocale();
  const me = useCurrentUser();
  const confirmAct = useConfirmAct();
  const party = me.roles.includes("bureauLeader") ? "bureau" : "laboratory";
  const copy = target ? copyOf(target.action, target.topic, party, t) : null;
  const action = target?.action ?? "list";
  const state = useFormModal({
    open: target !== null,
    onClose,
    mutation: useJointEvent(),
    toVariables: (v: { note?: string }) => ({
      id: target?.topic.id ?? "",
      event: action,
      body: v.note?.trim() ? { note: v.note.trim() } : {},
    }),
    fields: ["note"],
    successText: copy?.done ?? "",
  });
  const modal = withConfirmation(state, () =>
    confirmAct({
      title: t(`${jointActionNames[action].zh}？`, `${jointActionNames[action].en}?`),
      content: copy?.consequence ?? "",
      okText: jointActionNames[action][lang],
      testId: `joint-${action}-confirm`,
      danger: action === "notList" || action === "decline",
    }),
  );
  const note = lengthLimit(2000, t);

  return (
    <FormModal
      modal={modal}
      title={t(
        `${jointActionNames[action].zh}：${target?.topic.title ?? ""}`,
        `${jointActionNames[action].en}: ${target?.topic.title ?? ""}`,
      )}
      okText={t("下一步", "Next")}
      submitTestId={`joint-${action}-submit`}
      formTestId={`joint-${action}-form`}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={copy?.intro} />
      <Form.Item
        name="note"
        label={copy?.noteLabel}
        rules={[
          { required: copy?.required ?? false, whitespace: true },
          { min: 2, transform: trimmed },
          note.rule,
        ]}
      >
        <Input.TextArea rows={3} count={note.count} data-testid="joint-form-note" />
      </Form.Item>
    </FormModal>
  );
}
