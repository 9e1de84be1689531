import { Alert, Form } from "antd";
import { useMemo } from "react";
import type { Supervision } from "../../api/supervision";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { RadioGroup } from "../../components/RadioGroup";
import { Select } from "../../components/Select";
import { useCurrentUser } from "../auth/session";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { useProjects } from "../decisions/hooks";
import { sourceText } from "../execution/labels";
import { CitedLabel } from "../project-life/fields";
import { useRecordInspection } from "./hooks";
import { departmentNames, inspectionKindNames, recordableKinds } from "./labels";

interface Values {
  projectId: string;
  kind: "audit" | "financeCheck";
}

/**
 * 登记审计/财政检查: the bureau records an audit, the finance bureau a finance check, of one of the
 * city's projects. A project inspected this cycle (drawn, audited or checked) cannot be inspected
 * again in it (LY-PLAN §七(四)): it is marked in the list, and the server's refusal says so with the
 * clause when another department got there first.
 */
export function InspectionModal({
  supervision: s,
  open,
  onClose,
}: {
  supervision: Supervision;
  open: boolean;
  onClose: () => void;
}) {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const confirmAct = useConfirmAct();
  const projects = useProjects(open);
  const kinds = recordableKinds(me.roles);
  // the one kind a role may record is chosen for it; a choice is left to the user
  const initialValues = useMemo(
    () => (kinds.length === 1 ? { kind: kinds[0] } : undefined),
    [kinds.length, kinds[0]],
  );
  const state = useFormModal({
    open,
    onClose,
    mutation: useRecordInspection(),
    toVariables: (v: Values) => v,
    fields: ["projectId", "kind"],
    successText: t("已登记检查", "Inspection recorded"),
    initialValues,
  });
  const projectId = Form.useWatch("projectId", state.form);
  const inspected = new Set(s.inspections.filter((i) => i.cycle === s.cycle).map((i) => i.projectId));
  const clause = sourceText(s.oncePerCycleSource, lang);
  const items = projects.data?.items ?? [];
  const modal = withConfirmation(state, (v) => {
    const p = items.find((x) => x.id === v.projectId);
    const kind = inspectionKindNames[v.kind];
    const dept = departmentNames[v.kind === "audit" ? "scienceBureau" : "financeBureau"];
    return confirmAct({
      title: t(
        `登记对项目 ${p?.number ?? ""} 的${kind.zh}？`,
        `Record a ${kind.en.toLowerCase()} of ${p?.number ?? ""}?`,
      ),
      content: t(
        `${dept.zh}对“${p?.title ?? ""}”（${p?.unitName ?? ""}）的${kind.zh}记入 ${s.cycle} 年度检查。一个周期内每个项目最多接受一次检查（${clause}）：该项目本周期不再参与随机抽查，也不能再登记其他检查。检查结果由${dept.zh}登记后与其他部门共享。此操作不能撤回，记入审计日志。`,
        `The ${dept.en}'s ${kind.en.toLowerCase()} of ${p?.title ?? ""} (${p?.unitName ?? ""}) counts as its inspection of ${s.cycle}. A project is inspected at most once per cycle (${clause}): it leaves this cycle's spot check and takes no other inspection. The ${dept.en} records the result, shared with the other department. This cannot be undone and is audited.`,
      ),
      okText: t(`登记${kind.zh}`, `Record the ${kind.en.toLowerCase()}`),
      testId: "inspection-confirm",
    });
  });

  return (
    <FormModal
      modal={modal}
      title={t("登记审计/财政检查", "Record an audit or finance check")}
      okText={t("下一步", "Next")}
      submitTestId="inspection-submit"
      formTestId="inspection-form"
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={t(
          `一个周期（${s.cycle} 年度）内每个项目最多接受一次检查，随机抽查、审计、财政检查合并计算（${clause}）。`,
          `A project is inspected at most once per cycle (${s.cycle}), spot checks, audits and finance checks together (${clause}).`,
        )}
      />
      <Form.Item
        name="projectId"
        label={t("项目", "Project")}
        rules={[{ required: true, message: t("请选择项目", "Choose the project") }]}
      >
        <Select<string>
          showSearch
          optionFilterProp="label"
          loading={projects.isPending}
          placeholder={t("选择本市项目", "Choose a project of the city")}
          options={items.map((p) => ({
            value: p.id,
            label: `${p.number}${inspected.has(p.id) ? t("（本周期已检查）", " (inspected this cycle)") : ""} ${p.title}`,
          }))}
          data-testid="inspection-project"
        />
      </Form.Item>
      {projectId && inspected.has(projectId) && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="inspection-already"
          message={t(
            `该项目 ${s.cycle} 年度已接受检查，按 ${clause} 不能再登记检查。`,
            `The project has been inspected in ${s.cycle}: under ${clause} it takes no other inspection.`,
          )}
        />
      )}
      <Form.Item
        name="kind"
        label={<CitedLabel text={t("检查类型", "Kind")} source={s.oncePerCycleSource} />}
        rules={[{ required: true, message: t("请选择检查类型", "Choose the kind") }]}
        extra={t(
          "市科技局登记审计，市财政局登记财政检查；只能以您所属部门的名义登记。",
          "The S&T bureau records audits, the finance bureau finance checks; only in your own department's name.",
        )}
      >
        <RadioGroup
          data-testid="inspection-kind"
          options={kinds.map((k) => ({ value: k, label: inspectionKindNames[k][lang] }))}
        />
      </Form.Item>
    </FormModal>
  );
}
