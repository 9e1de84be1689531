import { Alert, Descriptions } from "antd";
import type { Rectification, RectificationEvent } from "../../api/rectifications";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { TextField } from "../project-life/fields";
import { useDecideRectification } from "./rectificationHooks";
import { rectificationEventNames } from "./rectificationLabels";

interface Values {
  note: string;
}

/** What the decision does, said in the dialog and again in its confirmation. */
export const rectificationConsequence = (
  event: RectificationEvent,
  dueDate: string,
  t: (zh: string, en: string) => string,
) =>
  event === "close"
    ? t("核验销号后该事项办结，不能再退回。", "Closed, the item is done and cannot be sent back.")
    : t(
        `退回后承担单位须继续整改并重新报送，整改期限仍为 ${dueDate}；单位和项目负责人将收到通知。`,
        `Sent back, the unit corrects further and reports again, still due ${dueDate}; the unit and the PI are told.`,
      );

/** 核验销号 / 退回继续整改: the decision is the button pressed; the dialog asks for the note. */
export function DecideRectificationModal({
  project,
  decision,
  onClose,
}: {
  project: { id: string; number: string; title: string };
  decision: { item: Rectification; event: RectificationEvent } | null;
  onClose: () => void;
}) {
  const { lang, t } = useLocale();
  const confirmAct = useConfirmAct();
  const event = decision?.event ?? "close";
  const item = decision?.item ?? null;
  const state = useFormModal({
    open: decision !== null,
    onClose,
    mutation: useDecideRectification(project.id),
    toVariables: (v: Values) => ({ rid: item?.id ?? "", event, body: { note: v.note.trim() } }),
    fields: ["note"],
    successText: event === "close" ? t("已核验销号", "Item closed") : t("已退回继续整改", "Item sent back"),
  });
  const consequence = rectificationConsequence(event, item?.dueDate ?? "", t);
  const modal = withConfirmation(state, () =>
    confirmAct({
      title: t(`${rectificationEventNames[event].zh}？`, `${rectificationEventNames[event].en} this item?`),
      content: t(
        `项目 ${project.number}“${project.title}”的整改事项。${consequence}此决定记入审计日志。`,
        `An item of project ${project.number} "${project.title}". ${consequence} The decision is audited.`,
      ),
      okText: rectificationEventNames[event][lang],
      testId: `rectification-${event}-confirm`,
      danger: event === "reopen",
    }),
  );
  return (
    <FormModal
      modal={modal}
      title={t(
        `${rectificationEventNames[event].zh}：整改事项`,
        `${rectificationEventNames[event].en}: the item`,
      )}
      okText={t("下一步", "Next")}
      submitTestId="rectification-decide-submit"
      formTestId="rectification-decide-form"
    >
      {item && (
        <Descriptions
          size="small"
          bordered
          column={1}
          style={{ marginBottom: 16 }}
          styles={{ label: { whiteSpace: "nowrap" } }}
          items={[
            { key: "issue", label: t("问题", "Issue"), children: item.issue },
            { key: "response", label: t("整改情况", "Correction"), children: item.response ?? "—" },
            { key: "evidence", label: t("佐证材料", "Evidence"), children: item.evidence ?? "—" },
          ]}
        />
      )}
      <Alert
        type={event === "close" ? "warning" : "info"}
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="rectification-decide-consequence"
        message={consequence}
      />
      <TextField
        name="note"
        label={event === "close" ? t("核验意见", "Note") : t("退回理由及整改要求", "What to correct further")}
        min={2}
        max={2000}
        rows={3}
        testId="rectification-note"
      />
    </FormModal>
  );
}
