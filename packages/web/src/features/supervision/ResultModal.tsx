import type { InspectionResult } from "@luoshu/domain";
import { Alert, Form } from "antd";
import type { Inspection } from "../../api/supervision";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { RadioGroup } from "../../components/RadioGroup";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { TextField } from "../project-life/fields";
import { useRecordInspectionResult } from "./hooks";
import { departmentNames, inspectionKindNames, inspectionResultNames } from "./labels";

interface Values {
  result: InspectionResult;
  findings: string;
}

/**
 * 登记检查结果: the inspecting department's result and findings. Nothing is chosen for the officer;
 * the confirmation says the result is shared with the other department and cannot be changed.
 */
export function ResultModal({
  inspection: i,
  onClose,
}: {
  inspection: Inspection | null;
  onClose: () => void;
}) {
  const { lang, t } = useLocale();
  const confirmAct = useConfirmAct();
  const state = useFormModal({
    open: i !== null,
    onClose,
    mutation: useRecordInspectionResult(),
    toVariables: (v: Values) => ({
      id: i?.id ?? "",
      body: { result: v.result, findings: v.findings.trim() },
    }),
    fields: ["result", "findings"],
    successText: t("已登记检查结果", "Result recorded"),
  });
  const kind = i ? inspectionKindNames[i.kind] : { zh: "", en: "" };
  const modal = withConfirmation(state, (v) =>
    confirmAct({
      title: t(
        `登记项目 ${i?.projectNumber ?? ""} 的${kind.zh}结果“${inspectionResultNames[v.result].zh}”？`,
        `Record "${inspectionResultNames[v.result].en}" for the ${kind.en.toLowerCase()} of ${i?.projectNumber ?? ""}?`,
      ),
      content: t(
        "检查结果与发现的问题将与市科技局、市财政局共享，登记后不能修改；发现问题的，可在项目页面采取处理措施。此操作记入审计日志。",
        "The result and findings are shared with the S&T and finance bureaus and cannot be changed; findings may lead to sanctions on the project's page. The action is audited.",
      ),
      okText: t("登记结果", "Record the result"),
      testId: "inspection-result-confirm",
      danger: v.result === "issuesFound",
    }),
  );

  return (
    <FormModal
      modal={modal}
      title={t(`登记检查结果：${i?.projectNumber ?? ""}`, `Record the result: ${i?.projectNumber ?? ""}`)}
      okText={t("下一步", "Next")}
      submitTestId="inspection-result-submit"
      formTestId="inspection-result-form"
    >
      {i && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={`${i.projectNumber} ${i.projectTitle} · ${i.unitName} · ${kind[lang]} · ${departmentNames[i.department][lang]}`}
        />
      )}
      <Form.Item
        name="result"
        label={t("检查结果", "Result")}
        rules={[{ required: true, message: t("请选择检查结果", "Choose the result") }]}
      >
        <RadioGroup
          data-testid="inspection-result"
          options={(["noIssues", "issuesFound"] as const).map((r) => ({
            value: r,
            label: inspectionResultNames[r][lang],
          }))}
        />
      </Form.Item>
      <TextField
        name="findings"
        label={t("检查情况与发现的问题", "What was checked and found")}
        min={2}
        max={4000}
        testId="inspection-findings"
      />
    </FormModal>
  );
}
