import { Alert, Table, Tag } from "antd";
import type { Policy, PolicyProgram, PostSubsidyRule } from "../../api/policies";
import { pickLang, useLocale } from "../../app/locale";
import { wan } from "../../components/money";
import { formatDate } from "../../components/time";
import { approverNames, gradeNames, nameOf, percent } from "./labels";
import { RuleItem, SourceBlock } from "./SourceBlock";

export function DocumentsSection({ documents }: { documents: Policy["documents"] }) {
  const { t } = useLocale();
  return (
    <Table
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={documents}
      data-testid="policy-documents"
      columns={[
        {
          title: t("代号", "Code"),
          dataIndex: "code",
          render: (v: string) => <Tag color="geekblue">{v}</Tag>,
        },
        { title: t("文号", "Number"), dataIndex: "docNumber" },
        { title: t("标题", "Title"), dataIndex: "titleZh" },
        { title: t("印发日期", "Issued"), dataIndex: "issued", render: (v: string) => formatDate(v) },
      ]}
    />
  );
}

export function PostSubsidySection({ rule, programs }: { rule: PostSubsidyRule; programs: PolicyProgram[] }) {
  const { lang, t } = useLocale();
  if (rule.kind === "none") {
    return (
      <Alert
        type="info"
        showIcon
        message={t("本政策未设后补助分级", "No post-subsidy grades")}
        description={pickLang(lang, rule.noteZh, rule.noteEn)}
      />
    );
  }
  const programName = (code: string) => {
    const p = programs.find((x) => x.code === code);
    return p ? pickLang(lang, p.nameZh, p.nameEn) : code;
  };
  const rows = Object.entries(rule.grades).map(([grade, g]) => ({ grade, ...g }));
  return (
    <div data-testid="policy-post-subsidy">
      <div style={{ marginBottom: 8 }}>
        {t("适用计划：", "Programs: ")}
        {rule.programs.map((c) => (
          <Tag key={c}>{programName(c)}</Tag>
        ))}
      </div>
      <Table
        size="small"
        rowKey="grade"
        pagination={false}
        tableLayout="fixed"
        dataSource={rows}
        columns={[
          {
            title: t("绩效等级", "Grade"),
            dataIndex: "grade",
            width: 100,
            render: (g: string) => nameOf(gradeNames, g, lang),
          },
          {
            title: t("补助比例", "Ratio"),
            dataIndex: "ratioBp",
            width: 100,
            render: (bp: number) => percent(bp),
          },
          {
            title: t("补助上限", "Cap"),
            dataIndex: "capFen",
            width: 130,
            render: (f: number) => wan(f, lang),
          },
          { title: t("依据", "Source"), key: "source", render: (_, r) => <SourceBlock source={r.source} /> },
        ]}
      />
    </div>
  );
}

export function ChangeApprovalsSection({ rules }: { rules: Policy["changeApprovals"] }) {
  const { lang, t } = useLocale();
  const items = [
    {
      key: "legalPerson",
      title: t("变更承担单位（法人）", "Change of legal person"),
      rule: rules.legalPerson,
    },
    { key: "pi", title: t("变更项目负责人", "Change of PI"), rule: rules.principalInvestigator },
    {
      key: "equip",
      title: t("设备费预算调剂", "Equipment budget adjustment"),
      rule: rules.budgetAdjustment.equipment,
    },
    {
      key: "other",
      title: t("其他预算调剂", "Other budget adjustments"),
      rule: rules.budgetAdjustment.other,
    },
    { key: "extension", title: t("项目延期", "Extension"), rule: rules.extension },
  ];
  return (
    <div data-testid="policy-change-approvals">
      {items.map((i) => (
        <RuleItem key={i.key} title={i.title} source={i.rule.source}>
          <Tag color="purple">{nameOf(approverNames, i.rule.approver, lang)}</Tag>
        </RuleItem>
      ))}
    </div>
  );
}

/** Whether applications pass the district review, and whether guides are issued with the finance bureau. */
export function ProcedureSection({ policy }: { policy: Policy }) {
  const { t } = useLocale();
  const { districtReview, guideCoIssue } = policy;
  return (
    <div data-testid="policy-procedure">
      <RuleItem title={t("县区初审", "District preliminary review")} source={districtReview.source}>
        {districtReview.mode === "required"
          ? t("申报须经县区初审、推荐", "Every application passes the district review")
          : t(
              "由各指南选择是否经县区初审",
              "Each guide decides whether applications pass the district review",
            )}
      </RuleItem>
      {guideCoIssue && (
        <RuleItem
          title={t("指南会同市财政局发布", "Guides issued with the finance bureau")}
          source={guideCoIssue.source}
        />
      )}
    </div>
  );
}

export function EligibilitySection({ policy }: { policy: Policy }) {
  const { lang, t } = useLocale();
  const dup = policy.duplicateCheck;
  return (
    <div data-testid="policy-eligibility">
      {policy.eligibility.map((e) => (
        <RuleItem key={e.code} title={pickLang(lang, e.descriptionZh, e.descriptionEn)} source={e.source}>
          {/* the clause a city setting builds on, for what it does say */}
          {e.basis && <SourceBlock source={e.basis} />}
        </RuleItem>
      ))}
      <RuleItem title={t("查重相似度阈值", "Duplicate-check similarity threshold")} source={dup.source}>
        {`${Math.round(dup.similarityThreshold * 100)}%`}
      </RuleItem>
    </div>
  );
}
