import { Card, Descriptions, Space } from "antd";
import type { Policy } from "../../api/policies";
import { pickLang, useLocale } from "../../app/locale";
import { formatDate } from "../../components/time";
import { CategoriesSection, IndirectSection } from "./BudgetSections";
import { ProgramsSection } from "./ProgramsSection";
import {
  ChangeApprovalsSection,
  DocumentsSection,
  EligibilitySection,
  PostSubsidySection,
  ProcedureSection,
} from "./RulesSections";
import { SourceBlock } from "./SourceBlock";

export function PolicyView({ policy }: { policy: Policy }) {
  const { lang, t } = useLocale();
  const { programs } = policy;
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }} data-testid="policy-view">
      <Card>
        <Descriptions
          title={pickLang(lang, policy.titleZh, policy.titleEn)}
          column={{ xs: 1, md: 3 }}
          items={[
            {
              key: "city",
              label: t("城市", "City"),
              children: pickLang(lang, policy.cityNameZh, policy.cityNameEn),
            },
            { key: "version", label: t("政策版本", "Policy version"), children: policy.version },
            {
              key: "from",
              label: t("生效日期", "Effective from"),
              children: formatDate(policy.effectiveFrom),
            },
            {
              key: "until",
              label: t("有效期至", "Valid until"),
              children: <span data-testid="policy-until">{formatDate(policy.effectiveUntil.date)}</span>,
            },
          ]}
        />
        <SourceBlock source={policy.effectiveUntil.source} />
      </Card>
      <Card title={t("政策文件", "Documents")}>
        <DocumentsSection documents={policy.documents} />
      </Card>
      <Card title={t("科技计划", "Programs")}>
        <ProgramsSection programs={programs} />
      </Card>
      <Card title={t("预算科目", "Budget categories")}>
        <CategoriesSection categories={policy.budget.categories} />
      </Card>
      <Card title={t("间接费用", "Indirect cost")}>
        <IndirectSection rule={policy.indirectCost} />
      </Card>
      <Card title={t("后补助", "Post-subsidy")}>
        <PostSubsidySection rule={policy.postSubsidy} programs={programs} />
      </Card>
      <Card title={t("变更审批", "Change approvals")}>
        <ChangeApprovalsSection rules={policy.changeApprovals} />
      </Card>
      <Card title={t("受理与发布", "Procedure")}>
        <ProcedureSection policy={policy} />
      </Card>
      <Card title={t("申报资格", "Eligibility")}>
        <EligibilitySection policy={policy} />
      </Card>
    </Space>
  );
}
