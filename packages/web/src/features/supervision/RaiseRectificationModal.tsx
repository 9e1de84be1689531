import { Alert, DatePicker, Form } from "antd";
import dayjs from "dayjs";
import { useMemo } from "react";
import type { RectificationSourceOption } from "../../api/rectifications";
import { useLocale } from "../../app/locale";
import { dateStringProps } from "../../components/dateField";
import { FormModal, useFormModal } from "../../components/FormModal";
import { Select } from "../../components/Select";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { TextField } from "../project-life/fields";
import { useRaiseRectification } from "./rectificationHooks";
import { rectificationSourceNames } from "./rectificationLabels";

interface Values {
  source: string;
  issue: string;
  dueDate: string;
}

const keyOf = (o: { source: string; id: string }) => `${o.source}:${o.id}`;

/**
 * 提出整改 (LY-FUNDS §10, §23): the finding it comes from (nothing chosen until the officer chooses),
 * the issue and the deadline; the confirmation says the unit and the PI are told.
 */
export function RaiseRectificationModal({
  project,
  open,
  options,
  preset,
  onClose,
}: {
  project: { id: string; number: string; title: string };
  open: boolean;
  options: readonly RectificationSourceOption[];
  /** The finding chosen where the dialog was opened from (an inspection's row), if any. */
  preset?: { source: string; id: string } | null;
  onClose: () => void;
}) {
  const { lang, t } = useLocale();
  const confirmAct = useConfirmAct();
  const presetKey = preset ? keyOf(preset) : null;
  // memoised: the form resets whenever its initial values change
  const initialValues = useMemo(() => (presetKey ? { source: presetKey } : undefined), [presetKey]);
  const state = useFormModal({
    open,
    onClose,
    mutation: useRaiseRectification(project.id),
    toVariables: (v: Values) => {
      const chosen = options.find((o) => keyOf(o) === v.source);
      return {
        source: chosen?.source ?? "inspection",
        sourceId: chosen?.id,
        issue: v.issue.trim(),
        dueDate: v.dueDate,
      };
    },
    fields: ["source", "sourceId", "issue", "dueDate"],
    successText: t("已提出整改事项", "Item raised"),
    initialValues,
  });
  const modal = withConfirmation(state, (v) =>
    confirmAct({
      title: t("提出整改事项？", "Raise this item?"),
      content: t(
        `项目 ${project.number}“${project.title}”：承担单位和项目负责人将收到通知，须在 ${v.dueDate} 前整改并报送整改情况；由本部门核验销号。此操作记入审计日志。`,
        `Project ${project.number} "${project.title}": the unit and the PI are told to correct it and report by ${v.dueDate}; your department verifies and closes it. The step is audited.`,
      ),
      okText: t("提出整改", "Raise"),
      testId: "rectification-raise-confirm",
    }),
  );
  return (
    <FormModal
      modal={modal}
      title={t(`提出整改：${project.number}`, `Raise an item: ${project.number}`)}
      okText={t("下一步", "Next")}
      submitTestId="rectification-raise-submit"
      formTestId="rectification-raise-form"
      blockedReason={
        options.length === 0
          ? t(
              "本项目尚无已登记结果的检查、已作结论的评估或进展报告，无从提出整改。",
              "The project has no inspection with a result, concluded assessment or progress report to raise from.",
            )
          : null
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={t(
          "整改事项由提出的部门核验销号；承担单位和项目负责人将收到通知。",
          "The department that raises an item verifies and closes it; the unit and the PI are told.",
        )}
      />
      <Form.Item
        name="source"
        label={t("问题来源", "Found in")}
        rules={[{ required: true, message: t("请选择问题来源", "Choose what it was found in") }]}
      >
        <Select
          placeholder={t("请选择", "Choose")}
          data-testid="rectification-source"
          options={options.map((o) => ({
            value: keyOf(o),
            label: `${rectificationSourceNames[o.source][lang]} · ${lang === "en" ? o.labelEn : o.labelZh}`,
          }))}
        />
      </Form.Item>
      <TextField
        name="issue"
        label={t("需要整改的问题", "Issue to correct")}
        min={2}
        max={4000}
        rows={4}
        testId="rectification-issue"
      />
      <Form.Item
        name="dueDate"
        label={t("整改期限", "Deadline")}
        rules={[{ required: true, message: t("请选择整改期限", "Choose the deadline") }]}
        {...dateStringProps}
      >
        <DatePicker
          style={{ width: "100%" }}
          disabledDate={(d) => d.isBefore(dayjs(), "day")}
          data-testid="rectification-due-date"
        />
      </Form.Item>
    </FormModal>
  );
}
