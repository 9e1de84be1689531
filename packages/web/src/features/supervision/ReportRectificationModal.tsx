import { Alert, Descriptions } from "antd";
import type { Rectification } from "../../api/rectifications";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { TextField } from "../project-life/fields";
import { departmentNames } from "./labels";
import { useReportRectification } from "./rectificationHooks";

interface Values {
  response: string;
  evidence: string;
}

/** 报送整改情况: what the unit corrected and the evidence; the raising department then verifies it. */
export function ReportRectificationModal({
  project,
  item,
  onClose,
}: {
  project: { id: string; number: string; title: string };
  item: Rectification | null;
  onClose: () => void;
}) {
  const { lang, t } = useLocale();
  const confirmAct = useConfirmAct();
  const department = item ? departmentNames[item.department][lang] : "";
  const consequence = t(
    `报送后由${department}核验：认可的销号，不认可的退回继续整改。`,
    `Once reported, the ${department} verifies it: it closes the item, or sends it back.`,
  );
  const state = useFormModal({
    open: item !== null,
    onClose,
    mutation: useReportRectification(project.id),
    toVariables: (v: Values) => ({
      rid: item?.id ?? "",
      body: { response: v.response.trim(), evidence: v.evidence.trim() },
    }),
    fields: ["response", "evidence"],
    successText: t("已报送整改情况", "Correction reported"),
  });
  const modal = withConfirmation(state, () =>
    confirmAct({
      title: t("报送整改情况？", "Report the correction?"),
      content: t(
        `项目 ${project.number}“${project.title}”的整改事项。${consequence}此操作记入审计日志。`,
        `An item of project ${project.number} "${project.title}". ${consequence} The step is audited.`,
      ),
      okText: t("报送", "Report"),
      testId: "rectification-report-confirm",
    }),
  );
  return (
    <FormModal
      modal={modal}
      title={t("报送整改情况", "Report the correction")}
      okText={t("下一步", "Next")}
      submitTestId="rectification-report-submit"
      formTestId="rectification-report-form"
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
            { key: "due", label: t("整改期限", "Deadline"), children: item.dueDate },
            ...(item.closeNote
              ? [{ key: "note", label: t("上次核验意见", "Last note"), children: item.closeNote }]
              : []),
          ]}
        />
      )}
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={consequence} />
      <TextField
        name="response"
        label={t("整改情况", "What was corrected")}
        min={2}
        max={4000}
        rows={4}
        testId="rectification-response"
      />
      <TextField
        name="evidence"
        label={t("佐证材料", "Evidence")}
        min={2}
        max={4000}
        rows={3}
        testId="rectification-evidence"
      />
    </FormModal>
  );
}
