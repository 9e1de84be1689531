import { performanceGrades } from "@luoshu/domain";
import { Alert, Form } from "antd";
import type { AcceptanceApplication, PerformanceGrade } from "../../api/tracking";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { Select } from "../../components/Select";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { TextField } from "../project-life/fields";
import { useRegradeAcceptance } from "./hooks";
import { gradeNames } from "./labels";

interface Values {
  grade: PerformanceGrade;
  reason: string;
}

/**
 * 再评价 (LY-FUNDS §5): the finance bureau re-evaluates an accepted project's grade with its reason,
 * until a post-subsidy is prepared on it. No grade is chosen for it; the confirmation says what the
 * new grade changes.
 */
export function RegradeModal({
  project,
  application,
  open,
  onClose,
}: {
  project: { id: string; number: string; title: string };
  application: AcceptanceApplication | null;
  open: boolean;
  onClose: () => void;
}) {
  const { lang, t } = useLocale();
  const confirmAct = useConfirmAct();
  const current = application?.regrade?.grade ?? application?.grade ?? null;
  const state = useFormModal({
    open,
    onClose,
    mutation: useRegradeAcceptance(project.id),
    toVariables: (v: Values) => ({ grade: v.grade, reason: v.reason.trim() }),
    fields: ["grade", "reason"],
    successText: t("已再评价", "Grade re-evaluated"),
  });
  const was = current ? gradeNames[current] : { zh: "—", en: "—" };
  const modal = withConfirmation(state, (v) =>
    confirmAct({
      title: t(
        `再评价为“${gradeNames[v.grade].zh}”？`,
        `Re-evaluate the grade as ${gradeNames[v.grade].en}?`,
      ),
      content: t(
        `项目 ${project.number}“${project.title}”的综合绩效评价等级由“${was.zh}”改为“${gradeNames[v.grade].zh}”。此后的后补助按新的等级计算；后补助提出拨付后不能再评价。此操作记入审计日志。`,
        `The grade of project ${project.number} "${project.title}" changes from ${was.en} to ${gradeNames[v.grade].en}. A post-subsidy is then reckoned on the new grade; once one is prepared the grade stands. The action is audited.`,
      ),
      okText: t("确认再评价", "Re-evaluate"),
      testId: "regrade-confirm",
      danger: true,
    }),
  );
  return (
    <FormModal
      modal={modal}
      title={t("绩效再评价", "Re-evaluate the grade")}
      okText={t("下一步", "Next")}
      submitTestId="regrade-submit"
      formTestId="regrade-form"
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="regrade-current"
        message={t(
          `现评价等级：${was.zh}。财政部门可对项目绩效进行再评价，须说明理由；后补助提出拨付后等级不再变更。`,
          `Current grade: ${was.en}. The finance bureau may re-evaluate it with its reason until a post-subsidy is prepared.`,
        )}
      />
      <Form.Item
        name="grade"
        label={t("再评价等级", "New grade")}
        rules={[{ required: true, message: t("请选择等级", "Choose a grade") }]}
      >
        <Select
          placeholder={t("请选择", "Choose")}
          data-testid="regrade-grade"
          options={performanceGrades.map((g) => ({
            value: g,
            label: gradeNames[g][lang],
            disabled: g === current,
          }))}
        />
      </Form.Item>
      <TextField
        name="reason"
        label={t("再评价理由", "Reason")}
        min={10}
        max={2000}
        rows={3}
        testId="regrade-reason"
      />
    </FormModal>
  );
}
