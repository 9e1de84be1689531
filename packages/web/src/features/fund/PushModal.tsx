import { Alert, Form, Input } from "antd";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { lengthLimit, trimmed } from "../../components/lengthLimit";
import { wan } from "../../components/money";
import { Select } from "../../components/Select";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { useCityProjects, useEnterprises, usePushEnterprise } from "./hooks";

interface Values {
  unitId: string;
  projectIds?: string[];
  field: string;
  highlights: string;
}

/**
 * 推送企业: the bureau sends an enterprise of the city (an S&T SME), the projects of it it chooses and
 * the key figures it writes to the fund management institution (LY-REFORM §二(三)).
 */
export function PushModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { lang, t } = useLocale();
  const confirmAct = useConfirmAct();
  const enterprises = useEnterprises(open);
  const projects = useCityProjects(open);
  const state = useFormModal({
    open,
    onClose,
    mutation: usePushEnterprise(),
    toVariables: (v: Values) => ({
      unitId: v.unitId,
      projectIds: v.projectIds ?? [],
      field: v.field.trim(),
      highlights: v.highlights.trim(),
    }),
    fields: ["unitId", "projectIds", "field", "highlights"],
    successText: t("已推送至基金管理机构", "Pushed to the fund"),
  });
  const unitId = Form.useWatch("unitId", state.form);
  const unit = enterprises.data?.find((u) => u.id === unitId);
  // the enterprise's own projects, by its unit id
  const own = unit ? (projects.data?.items ?? []).filter((p) => p.unitId === unit.id) : [];
  const modal = withConfirmation(state, (v) => {
    const chosen = own.filter((p) => v.projectIds?.includes(p.id));
    return confirmAct({
      title: t(`推送“${unit?.nameZh ?? ""}”？`, `Push ${unit?.nameZh ?? ""}?`),
      content: t(
        `“${unit?.nameZh ?? ""}”连同${chosen.length > 0 ? `所选 ${chosen.length} 个项目（${chosen.map((p) => p.number).join("、")}）的编号、名称、绩效等级和资助金额` : "其关键数据（未附项目）"}推送至基金管理机构，由其按公司章程决定投资、不予投资或跟踪了解。项目情况按推送时记录，之后不随项目变化。推送不能撤回，记入审计日志。`,
        `${unit?.nameZh ?? ""} goes to the fund with ${chosen.length > 0 ? `${chosen.length} project(s) (${chosen.map((p) => p.number).join(", ")}): numbers, titles, grades and amounts` : "its key figures (no project)"}; the fund decides by its charter to invest, decline or follow up. The projects are recorded as they stand now. A push cannot be withdrawn and is audited.`,
      ),
      okText: t("推送", "Push"),
      testId: "fund-push-confirm",
    });
  });
  const field = lengthLimit(100, t);
  const highlights = lengthLimit(4000, t);

  return (
    <FormModal
      modal={modal}
      title={t("推送企业至基金", "Push an enterprise to the fund")}
      okText={t("下一步", "Next")}
      submitTestId="fund-push-submit"
      formTestId="fund-push-form"
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={t(
          "遴选科技型中小企业，连同其承担的项目和关键数据推送至基金管理机构；基金按公司章程决策，平台不拨付资金。",
          "Choose an S&T SME and send it with its projects and key figures; the fund decides by its charter, the platform pays nothing.",
        )}
      />
      <Form.Item
        name="unitId"
        label={t("企业", "Enterprise")}
        rules={[{ required: true, message: t("请选择企业", "Choose the enterprise") }]}
      >
        <Select<string>
          showSearch
          optionFilterProp="label"
          loading={enterprises.isPending}
          placeholder={t("选择本市企业", "Choose an enterprise of the city")}
          options={enterprises.data?.map((u) => ({ value: u.id, label: u.nameZh }))}
          onChange={() => state.form.setFieldValue("projectIds", [])}
          data-testid="fund-form-unit"
        />
      </Form.Item>
      <Form.Item
        name="projectIds"
        label={t("随推送的项目（可选）", "Projects to send (optional)")}
        extra={
          unit && own.length === 0
            ? t(
                "该企业暂无立项项目，可只推送关键数据。",
                "The enterprise has no project: send its key figures alone.",
              )
            : undefined
        }
      >
        <Select<string[]>
          mode="multiple"
          disabled={!unit || own.length === 0}
          loading={projects.isPending}
          placeholder={
            unit ? t("选择项目", "Choose projects") : t("请先选择企业", "Choose the enterprise first")
          }
          options={own.map((p) => ({
            value: p.id,
            label: `${p.number} ${p.title}（${wan(p.amountFen, lang)}）`,
          }))}
          data-testid="fund-form-projects"
        />
      </Form.Item>
      <Form.Item
        name="field"
        label={t("所属产业领域", "Industry field")}
        rules={[
          { required: true, whitespace: true, message: t("请填写产业领域", "Enter the field") },
          { min: 2, transform: trimmed, message: t("至少 2 个字", "At least 2 characters") },
          field.rule,
        ]}
      >
        <Input count={field.count} autoComplete="off" data-testid="fund-form-field" />
      </Form.Item>
      <Form.Item
        name="highlights"
        label={t("关键数据", "Key figures")}
        extra={t("如营业收入、研发投入、知识产权、融资需求等", "Revenue, R&D spending, IP, financing needs…")}
        rules={[
          { required: true, whitespace: true, message: t("请填写关键数据", "Enter the key figures") },
          { min: 2, transform: trimmed, message: t("至少 2 个字", "At least 2 characters") },
          highlights.rule,
        ]}
      >
        <Input.TextArea rows={4} count={highlights.count} data-testid="fund-form-highlights" />
      </Form.Item>
    </FormModal>
  );
}
