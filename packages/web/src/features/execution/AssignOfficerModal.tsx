import { Form } from "antd";
import type { ProjectDetail } from "../../api/execution";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FormModal, useFormModal } from "../../components/FormModal";
import { Select } from "../../components/Select";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { useAssignOfficer, useProgramOfficers } from "./hooks";

interface Values {
  userId: string;
}

/** 指定责任人: one of the city's active program officers follows the project; its unit sees who. */
export function AssignOfficerModal({
  project: p,
  open,
  onClose,
}: {
  project: ProjectDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const confirmAct = useConfirmAct();
  const officers = useProgramOfficers(open);
  const nameOf = (id: string) => officers.data?.find((u) => u.id === id)?.displayName ?? "";
  const state = useFormModal({
    open,
    onClose,
    mutation: useAssignOfficer(p.id),
    toVariables: (v: Values) => ({ userId: v.userId }),
    fields: ["userId"],
    successText: t("责任人已指定", "Responsible officer named"),
  });
  const modal = withConfirmation(state, (v) =>
    confirmAct({
      title: t("指定项目责任人？", "Name the responsible officer?"),
      content: t(
        `${nameOf(v.userId)}将负责跟踪项目 ${p.number}“${p.title}”，承担单位可见其姓名${p.responsibleOfficer ? `；原责任人${p.responsibleOfficer.name}不再负责` : ""}。此操作记入审计日志。`,
        `${nameOf(v.userId)} will follow project ${p.number} "${p.title}"; the unit sees the name${p.responsibleOfficer ? `; ${p.responsibleOfficer.name} no longer does` : ""}. The action is audited.`,
      ),
      okText: t("指定", "Name"),
      testId: "project-officer-confirm",
    }),
  );

  return (
    <FormModal
      modal={modal}
      title={t("指定项目责任人", "Name the responsible officer")}
      okText={t("下一步", "Next")}
      submitTestId="project-officer-submit"
      formTestId="project-officer-form"
    >
      <ErrorAlert error={officers.error} style={{ marginBottom: 16 }} />
      <Form.Item
        name="userId"
        label={t("责任人（市科技局项目主管）", "Officer (program officer)")}
        rules={[{ required: true, message: t("请选择责任人", "Choose the officer") }]}
      >
        <Select
          showSearch
          optionFilterProp="label"
          loading={officers.isPending}
          placeholder={t("选择项目主管", "Choose a program officer")}
          options={(officers.data ?? []).map((u) => ({
            value: u.id,
            label: `${u.displayName}（${u.username}）`,
          }))}
          data-testid="project-officer-select"
        />
      </Form.Item>
    </FormModal>
  );
}
