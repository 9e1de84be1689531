import { Alert, Form, Input } from "antd";
import { useState } from "react";
import type { Policy } from "../../api/policies";
import { pickLang, useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { lengthLimit, trimmed } from "../../components/lengthLimit";
import { wan } from "../../components/money";
import { codeOptions } from "../../components/options";
import { Select } from "../../components/Select";
import { SourceBlock } from "../policies/SourceBlock";
import { UnitPicker } from "../users/UnitPicker";
import { commissionPrograms, commissionRule, noticeWorkingDays } from "./commissionPolicy";
import { useConfirmAct, withConfirmation } from "./confirm";
import { useCreateCommission } from "./hooks";
import { fenOfCheckedWan, parseWan, WanInput, wanRule } from "./wan";

interface Values {
  program: string;
  title: string;
  unitId: string;
  reason: string;
  basis: string;
  amount: string;
}

const FIELDS = ["program", "title", "unitId", "reason", "basis"] as const;

/**
 * 新建定向委托 (DT-RULES §14): a named unit for one of the reasons the city's policy allows, with
 * the decision basis that will be public. No reason is preselected: the officer states it. It is
 * saved as a draft; the reasons are published next, and the leader approves after their notice.
 */
export function CommissionFormModal({
  open,
  policy,
  onClose,
}: {
  open: boolean;
  policy: Policy | undefined;
  onClose: () => void;
}) {
  const { lang, t } = useLocale();
  const confirmAct = useConfirmAct();
  const [unitName, setUnitName] = useState<string>();
  const rule = commissionRule(policy);
  const days = noticeWorkingDays(policy) ?? "—";
  const state = useFormModal({
    open,
    onClose,
    mutation: useCreateCommission(),
    toVariables: (v: Values) => {
      return {
        program: v.program,
        title: v.title.trim(),
        unitId: v.unitId,
        reason: v.reason,
        basis: v.basis.trim(),
        amountFen: fenOfCheckedWan(v.amount),
      };
    },
    fields: FIELDS,
    successText: t("定向委托已保存为拟订稿", "Directed commission saved as a draft"),
  });
  const modal = withConfirmation(state, (v) => {
    const p = parseWan(v.amount);
    const amount = p.ok ? wan(p.fen, lang) : v.amount;
    const reason = rule?.reasons.find((r) => r.code === v.reason);
    const unit = unitName ?? t("所选单位", "the unit chosen");
    return confirmAct({
      title: t("保存定向委托？", "Save the directed commission?"),
      content: t(
        `“${v.title.trim()}”拟定向委托${unit}承担，金额 ${amount}，理由：${reason?.nameZh ?? v.reason}。保存为拟订稿后，须将定向理由及决策依据公示 ${days} 个工作日，公示期满后方可由局领导批准立项。此操作记入审计日志。`,
        `"${v.title.trim()}" is to be commissioned from ${unit} for ${amount}, because: ${reason?.nameEn ?? v.reason}. It is saved as a draft; its reasons and decision basis must then be public for ${days} working days before the bureau leader may approve it. The action is audited.`,
      ),
      okText: t("保存定向委托", "Save the commission"),
      testId: "commission-create-confirm",
    });
  });
  const title = lengthLimit(200, t);
  const basis = lengthLimit(4000, t);

  return (
    <FormModal
      modal={modal}
      title={t("新建定向委托", "New directed commission")}
      okText={t("保存", "Save")}
      submitTestId="commission-form-submit"
      formTestId="commission-form"
    >
      {rule && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="commission-form-clause"
          message={t(
            "定向委托仅适用于政策列明的特殊情形，实施前须公示定向理由及决策依据。",
            "A directed commission is allowed only in the cases the policy lists, and its reasons and decision basis are public before it proceeds.",
          )}
          description={<SourceBlock source={rule.source} />}
        />
      )}
      <Form.Item name="program" label={t("计划类别", "Program")} rules={[{ required: true }]}>
        <Select
          data-testid="commission-form-program"
          options={codeOptions(commissionPrograms(policy), lang)}
        />
      </Form.Item>
      <Form.Item
        name="title"
        label={t("项目名称", "Project title")}
        rules={[{ required: true, whitespace: true }, { min: 2, transform: trimmed }, title.rule]}
      >
        <Input count={title.count} data-testid="commission-form-title" />
      </Form.Item>
      <Form.Item name="unitId" label={t("承担单位", "Unit")} rules={[{ required: true }]}>
        <UnitPicker
          testId="commission-form-unit"
          placeholder={t("输入单位名称搜索", "Type to search units")}
          onPicked={setUnitName}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t("定向理由", "Reason")}
        rules={[{ required: true, message: t("请选择定向理由", "Choose the reason") }]}
      >
        <Select
          data-testid="commission-form-reason"
          placeholder={t("请选择", "Choose")}
          options={rule?.reasons.map((r) => ({ value: r.code, label: pickLang(lang, r.nameZh, r.nameEn) }))}
        />
      </Form.Item>
      <Form.Item
        name="basis"
        label={t("决策依据", "Decision basis")}
        extra={t(
          "将与定向理由一并在公示页面公开，请写明事实和依据，不含涉密内容。",
          "Published with the reason on the public page: state the facts and grounds, nothing classified.",
        )}
        rules={[{ required: true, whitespace: true }, { min: 10, transform: trimmed }, basis.rule]}
      >
        <Input.TextArea rows={5} count={basis.count} data-testid="commission-form-basis" />
      </Form.Item>
      <Form.Item
        name="amount"
        label={t("委托金额（万元）", "Amount (×10k CNY)")}
        required
        rules={[wanRule(lang, true)]}
      >
        <WanInput data-testid="commission-form-amount" />
      </Form.Item>
    </FormModal>
  );
}
