import { type DeclineReason, declineReasonNames, declineReasons } from "@luoshu/domain";
import { Alert, Form, Input } from "antd";
import type { MyReviewAssignment, MyReviewPlan } from "../../api/reviews";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { lengthLimit } from "../../components/lengthLimit";
import { RadioGroup } from "../../components/RadioGroup";
import { useDeclareConflict, useDeclineAssignment } from "./hooks";

export interface Answering {
  assignment: MyReviewAssignment;
  plan: MyReviewPlan;
}

/** 谢绝: the expert says why (no reason is chosen for them) and may add a note. */
export function DeclineModal({ answering, onClose }: { answering: Answering | null; onClose: () => void }) {
  const { lang, t } = useLocale();
  const modal = useFormModal({
    open: answering !== null,
    onClose,
    mutation: useDeclineAssignment(),
    toVariables: (v: { reason: DeclineReason; note?: string }) => ({
      id: answering?.assignment.id ?? "",
      reason: v.reason,
      note: v.note?.trim() ?? "",
    }),
    fields: ["reason", "note"],
    successText: t("已谢绝该评审邀请", "Invitation declined"),
  });
  const note = lengthLimit(500, t);
  const title = answering?.assignment.title ?? "";

  return (
    <FormModal
      modal={modal}
      title={t(`谢绝“${title}”的评审邀请？`, `Decline the review of "${title}"?`)}
      submitTestId="decline-confirm"
      formTestId="decline-form"
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="decline-consequence"
        message={t(
          "谢绝后不能撤回，该项目将另行分配其他专家评审。谢绝及原因记入审计日志。",
          "A decline cannot be undone; the application goes to another expert. The decline and its reason are audited.",
        )}
      />
      <Form.Item name="reason" label={t("谢绝原因", "Reason")} rules={[{ required: true }]}>
        <RadioGroup
          data-testid="decline-reason"
          options={declineReasons.map((r) => ({ value: r, label: declineReasonNames[r][lang] }))}
        />
      </Form.Item>
      <Form.Item name="note" label={t("说明（可选）", "Note (optional)")} rules={[note.rule]}>
        <Input.TextArea rows={3} count={note.count} data-testid="decline-note" />
      </Form.Item>
    </FormModal>
  );
}

/** 申报回避: the expert names the relation; the place goes to another expert. */
export function ConflictModal({ answering, onClose }: { answering: Answering | null; onClose: () => void }) {
  const { t } = useLocale();
  const modal = useFormModal({
    open: answering !== null,
    onClose,
    mutation: useDeclareConflict(),
    toVariables: (v: { note: string }) => ({ id: answering?.assignment.id ?? "", note: v.note.trim() }),
    fields: ["note"],
    successText: t("已申报回避", "Conflict declared"),
  });
  const note = lengthLimit(500, t);
  const title = answering?.assignment.title ?? "";

  return (
    <FormModal
      modal={modal}
      title={t(`对“${title}”申报回避？`, `Declare a conflict with "${title}"?`)}
      submitTestId="conflict-confirm"
      formTestId="conflict-form"
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="conflict-consequence"
        message={t(
          "申报回避后不能撤回：您将不能查看该申报书，该项目将另行分配其他专家评审。回避关系记入审计日志，以后也不会再将本项目分配给您。",
          "A declared conflict cannot be undone: you will not see the application, and it goes to another expert. The relation is audited, and the application will not be assigned to you again.",
        )}
      />
      <Form.Item
        name="note"
        label={t("利益关系说明", "The relation")}
        extra={t(
          "例如：与申报单位有合作、与项目负责人为师生或亲属关系等。",
          "E.g. a joint project with the applicant, a teacher or family tie with the PI.",
        )}
        rules={[{ required: true, whitespace: true }, { min: 2 }, note.rule]}
      >
        <Input.TextArea rows={3} count={note.count} data-testid="conflict-note" />
      </Form.Item>
    </FormModal>
  );
}
