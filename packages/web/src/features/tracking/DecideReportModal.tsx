import { Alert, Descriptions } from "antd";
import type { ReportEvent, ScheduledReport } from "../../api/tracking";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { formatDateTime } from "../../components/time";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { TextField } from "../project-life/fields";
import { useDecideProgressReport } from "./hooks";
import { reportEventNames } from "./labels";

interface Values {
  note: string;
}

/** What the decision does, said in the dialog and again in its confirmation. */
export const reportConsequence = (event: ReportEvent, t: (zh: string, en: string) => string) =>
  event === "approve"
    ? t("审核通过后，该期不再阻挡节点拨款。", "Once approved, the period no longer holds a node payment.")
    : t("退回后由单位修改后重新提交。", "Returned, the unit mends the report and files it again.");

/**
 * 审核通过 / 退回修改 a submitted progress report: the decision is the button the officer pressed;
 * the dialog asks for the note and states what follows, and so does the confirmation.
 */
export function DecideReportModal({
  project,
  decision,
  onClose,
}: {
  project: { id: string; number: string; title: string };
  decision: { due: ScheduledReport; event: ReportEvent } | null;
  onClose: () => void;
}) {
  const { lang, t } = useLocale();
  const confirmAct = useConfirmAct();
  const event = decision?.event ?? "approve";
  const period = decision?.due.period ?? 0;
  const state = useFormModal({
    open: decision !== null,
    onClose,
    mutation: useDecideProgressReport(project.id),
    toVariables: (v: Values) => ({ period, event, body: { note: v.note.trim() } }),
    fields: ["note"],
    successText:
      event === "approve" ? t("已审核通过", "Report approved") : t("已退回修改", "Report returned"),
  });
  const consequence = reportConsequence(event, t);
  const modal = withConfirmation(state, () =>
    confirmAct({
      title: t(
        `${reportEventNames[event].zh}第 ${period} 期进展报告？`,
        `${reportEventNames[event].en} the report for period ${period}?`,
      ),
      content: t(
        `项目 ${project.number}“${project.title}”第 ${period} 期进展报告。${consequence}此决定记入审计日志。`,
        `Project ${project.number} "${project.title}", the report for period ${period}. ${consequence} The decision is audited.`,
      ),
      okText: reportEventNames[event][lang],
      testId: `progress-${event}-confirm`,
      danger: event === "return",
    }),
  );
  const r = decision?.due.report ?? null;
  return (
    <FormModal
      modal={modal}
      title={t(
        `${reportEventNames[event].zh}：第 ${period} 期进展报告`,
        `${reportEventNames[event].en}: the report for period ${period}`,
      )}
      okText={t("下一步", "Next")}
      submitTestId="progress-decide-submit"
      formTestId="progress-decide-form"
    >
      {decision && (
        <Descriptions
          size="small"
          bordered
          column={1}
          style={{ marginBottom: 16 }}
          styles={{ label: { whiteSpace: "nowrap" } }}
          items={[
            { key: "due", label: t("应报日期", "Due"), children: decision.due.dueDate },
            {
              key: "filed",
              label: t("提交", "Filed"),
              children: r ? `${r.submittedByName ?? "—"} ${formatDateTime(r.submittedAt)}` : "—",
            },
          ]}
        />
      )}
      <Alert
        type={event === "approve" ? "warning" : "info"}
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="progress-decide-consequence"
        message={consequence}
      />
      <TextField
        name="note"
        label={event === "approve" ? t("审核意见", "Note") : t("退回理由及修改要求", "What to mend")}
        min={2}
        max={2000}
        rows={3}
        testId="progress-note"
      />
    </FormModal>
  );
}
