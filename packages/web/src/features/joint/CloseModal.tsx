import { Alert, DatePicker, Form, Input, Radio } from "antd";
import dayjs from "dayjs";
import type { JointTopic } from "../../api/joint";
import { useLocale } from "../../app/locale";
import { dateStringProps } from "../../components/dateField";
import { FormModal, useFormModal } from "../../components/FormModal";
import { lengthLimit, trimmed } from "../../components/lengthLimit";
import { RadioGroup } from "../../components/RadioGroup";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { useJointEvent } from "./hooks";
import { citationText, jointActionNames, resultNames } from "./labels";

interface Values {
  result: "completed" | "failed";
  note: string;
  closedOn: string;
}

/**
 * 结题 (LY-REFORM §三(三)4): the laboratory manages the project under its own rules and records how it
 * ended; the platform keeps the record.
 */
export function CloseModal({ topic: c, onClose }: { topic: JointTopic | null; onClose: () => void }) {
  const { lang, t } = useLocale();
  const confirmAct = useConfirmAct();
  const state = useFormModal({
    open: c !== null,
    onClose,
    mutation: useJointEvent(),
    toVariables: (v: Values) => ({
      id: c?.id ?? "",
      event: "close" as const,
      body: { result: v.result, note: v.note.trim(), closedOn: v.closedOn },
    }),
    fields: ["result", "note", "closedOn"],
    successText: t("结题情况已记录", "Outcome recorded"),
  });
  const modal = withConfirmation(state, (v) =>
    confirmAct({
      title: t("记录结题？", "Record the outcome?"),
      content: t(
        `项目 ${c?.projectNumber ?? ""}“${c?.title ?? ""}”于 ${v.closedOn} 结题，结果：${resultNames[v.result].zh}。结题后办理结束，记录不能修改，记入审计日志（${citationText(c?.sources.management, t)}）。`,
        `Project ${c?.projectNumber ?? ""} "${c?.title ?? ""}" closed on ${v.closedOn}: ${resultNames[v.result].en.toLowerCase()}. The file is then closed and the record cannot be changed; it is audited (${citationText(c?.sources.management, t)}).`,
      ),
      okText: jointActionNames.close[lang],
      testId: "joint-close-confirm",
    }),
  );
  const note = lengthLimit(2000, t);

  return (
    <FormModal
      modal={modal}
      title={t(`记录结题：${c?.title ?? ""}`, `Record the outcome: ${c?.title ?? ""}`)}
      okText={t("下一步", "Next")}
      submitTestId="joint-close-submit"
      formTestId="joint-close-form"
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={t(
          `项目由实验室主导管理，执行实验室科研项目管理规定（${citationText(c?.sources.management, t)}）；平台记录其结题情况。`,
          `The laboratory manages the project under its own rules (${citationText(c?.sources.management, t)}); the platform records how it ended.`,
        )}
      />
      <Form.Item
        name="result"
        label={t("结题结果", "Outcome")}
        rules={[{ required: true, message: t("请选择结题结果", "Choose the outcome") }]}
      >
        <RadioGroup data-testid="joint-form-result">
          <Radio value="completed">{resultNames.completed[lang]}</Radio>
          <Radio value="failed">{resultNames.failed[lang]}</Radio>
        </RadioGroup>
      </Form.Item>
      <Form.Item
        name="note"
        label={t("结题总结", "Summary")}
        rules={[{ required: true, whitespace: true }, { min: 2, transform: trimmed }, note.rule]}
      >
        <Input.TextArea rows={4} count={note.count} data-testid="joint-form-summary" />
      </Form.Item>
      <Form.Item
        name="closedOn"
        label={t("结题日期", "Closed on")}
        rules={[{ required: true }]}
        {...dateStringProps}
      >
        <DatePicker
          style={{ width: "100%" }}
          disabledDate={(d) => d.isAfter(dayjs(), "day")}
          data-testid="joint-form-closed-on"
        />
      </Form.Item>
    </FormModal>
  );
}
