import { Alert, Form, Radio } from "antd";
import type { DistrictOpinion } from "../../api/tracking";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { TextField } from "../project-life/fields";
import { useGiveDistrictOpinion } from "./hooks";

interface Values {
  agrees: boolean;
  opinion: string;
}

/**
 * 提出县区意见 (DT-RULES §17; LY-FUNDS §7–8): the project's district S&T department says whether it
 * agrees with the acceptance — nothing chosen until it chooses — with its opinion. The submit waits,
 * its reason written, until both are given; the confirmation says the bureau reads it before
 * concluding, and that a later opinion replaces it.
 */
export function DistrictOpinionModal({
  project,
  given,
  open,
  onClose,
}: {
  project: { id: string; number: string; title: string };
  /** The opinion given already, which a new one replaces. */
  given: DistrictOpinion | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const confirmAct = useConfirmAct();
  const state = useFormModal({
    open,
    onClose,
    mutation: useGiveDistrictOpinion(project.id),
    toVariables: (v: Values) => ({ agrees: v.agrees, opinion: v.opinion.trim() }),
    fields: ["agrees", "opinion"],
    successText: t("已提出县区意见", "Opinion recorded"),
  });
  const agrees = Form.useWatch("agrees", state.form) as boolean | undefined;
  const opinion = Form.useWatch("opinion", state.form) as string | undefined;
  const missing = [
    ...(agrees === undefined ? [t("是否同意验收", "whether the district agrees")] : []),
    ...((opinion ?? "").trim().length < 2
      ? [t("县区意见（至少 2 个字）", "the opinion (2 characters or more)")]
      : []),
  ];
  const blocked =
    missing.length > 0 ? t(`请填写：${missing.join("、")}`, `Still missing: ${missing.join(", ")}`) : null;
  const modal = withConfirmation(state, (v) =>
    confirmAct({
      title: v.agrees
        ? t("提出县区意见：同意验收？", "Record the district's agreement?")
        : t("提出县区意见：不同意验收？", "Record the district's disagreement?"),
      content: t(
        `项目 ${project.number}“${project.title}”：本县区科技部门的意见记入验收申请，市科技局作出验收结论前查阅。验收结论作出前可重新提出，新意见替换原意见；单位补充材料重新提交后须重新提出。此操作记入审计日志。`,
        `Project ${project.number} "${project.title}": the district's opinion is kept with the acceptance application, and the bureau reads it before concluding. Until then a new opinion replaces it; once the unit submits again it is asked for again. The step is audited.`,
      ),
      okText: t("确认提出", "Record"),
      testId: "district-opinion-confirm",
      danger: !v.agrees,
    }),
  );
  return (
    <FormModal
      modal={modal}
      title={t(`提出县区意见：${project.number}`, `District's opinion: ${project.number}`)}
      okText={t("下一步", "Next")}
      submitTestId="district-opinion-submit"
      formTestId="district-opinion-form"
      blockedReason={blocked}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={
          given
            ? t(
                "本县区已提出意见；重新提出的意见将替换原意见。市科技局作出验收结论前查阅县区意见。",
                "The district has given its opinion; a new one replaces it. The bureau reads it before concluding.",
              )
            : t(
                "县区科技部门协同市科技局开展计划项目验收；市科技局作出验收结论前查阅县区意见。",
                "The district S&T department joins the bureau in acceptance; the bureau reads its opinion before concluding.",
              )
        }
      />
      <Form.Item
        name="agrees"
        label={t("是否同意验收", "Does the district agree?")}
        rules={[{ required: true, message: t("请选择是否同意验收", "Choose whether the district agrees") }]}
      >
        <Radio.Group data-testid="district-opinion-agrees">
          <Radio value={true} data-testid="district-opinion-agree">
            {t("同意验收", "Agrees")}
          </Radio>
          <Radio value={false} data-testid="district-opinion-disagree">
            {t("不同意验收", "Disagrees")}
          </Radio>
        </Radio.Group>
      </Form.Item>
      <TextField
        name="opinion"
        label={t("县区意见", "Opinion")}
        min={2}
        max={2000}
        rows={4}
        testId="district-opinion-text"
      />
    </FormModal>
  );
}
