import { Alert, Table, Tag, Typography } from "antd";
import type { IndirectCostRule, PolicyCategory } from "../../api/policies";
import { pickLang, useLocale } from "../../app/locale";
import { wan } from "../../components/money";
import { budgetGroupNames, nameOf, percent } from "./labels";
import { RuleItem, SourceBlock } from "./SourceBlock";

export function CategoriesSection({ categories }: { categories: PolicyCategory[] }) {
  const { lang } = useLocale();
  return (
    <div data-testid="policy-categories">
      {categories.map((c) => (
        <div key={c.code} style={{ padding: "8px 0", borderBottom: "1px solid #f0f0f0" }}>
          <Tag>{nameOf(budgetGroupNames, c.group, lang)}</Tag>
          <Typography.Text strong>{pickLang(lang, c.nameZh, c.nameEn)}</Typography.Text>
          <SourceBlock source={c.source} />
          {c.rules?.map((r) => (
            <div key={r.kind} style={{ marginInlineStart: 24 }}>
              <RuleItem title={pickLang(lang, r.noteZh, r.noteEn)} source={r.source} />
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}

export function IndirectSection({ rule }: { rule: IndirectCostRule }) {
  const { lang, t } = useLocale();
  if (rule.kind === "unspecified") {
    return (
      <Alert
        type="info"
        showIcon
        data-testid="policy-indirect-none"
        message={t("政策文件未设定间接费用比例上限", "The documents set no indirect-cost ceiling")}
        description={pickLang(lang, rule.noteZh, rule.noteEn)}
      />
    );
  }
  const { tiers } = rule;
  return (
    <div data-testid="policy-indirect">
      <Table
        size="small"
        pagination={false}
        rowKey={(_, i) => String(i)}
        dataSource={tiers}
        columns={[
          {
            title: t("计算基数（直接费用扣除设备购置费）", "Base (direct cost minus equipment purchase)"),
            render: (_, tier, i) => {
              const from = i === 0 ? null : tiers[i - 1]?.upToFen;
              const lo = from ? wan(from, lang) : "0";
              return tier.upToFen === null
                ? t(`${lo} 以上部分`, `above ${lo}`)
                : t(`${lo} – ${wan(tier.upToFen, lang)} 部分`, `${lo} – ${wan(tier.upToFen, lang)}`);
            },
          },
          { title: t("比例上限", "Max rate"), dataIndex: "rateBp", render: (bp: number) => percent(bp) },
        ]}
      />
      <RuleItem title={t("纯理论基础研究项目", "Pure theoretical basic research")}>
        {t(
          `比例可提高到不超过 ${percent(rule.theoreticalRateBp)}`,
          `rate up to ${percent(rule.theoreticalRateBp)}`,
        )}
      </RuleItem>
      <SourceBlock source={rule.source} />
    </div>
  );
}
