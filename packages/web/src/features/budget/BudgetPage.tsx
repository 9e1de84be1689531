import type { CityCode } from "@luoshu/domain";
import { Alert, Card, Select, Space, Switch, Typography } from "antd";
import { useMemo, useState } from "react";
import { pickLang, useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { codeOptions } from "../../components/options";
import { PageHeader } from "../../components/PageHeader";
import { useCurrentUser } from "../auth/session";
import { useCurrentPolicy } from "../policies/hooks";
import { BudgetLinesTable } from "./BudgetLinesTable";
import { BudgetSummary } from "./BudgetSummary";
import { categoriesFrom } from "./categories";
import { PostSubsidyPanel } from "./PostSubsidyPanel";
import { type BudgetInputs, type LineText, useBudgetCheck } from "./useBudgetCheck";

const cities: { code: CityCode; zh: string; en: string }[] = [
  { code: "luoyang", zh: "洛阳市", en: "Luoyang" },
  { code: "datong", zh: "大同市", en: "Datong" },
];

const emptyLine: LineText = { amount: "", purchase: "", note: "" };

export function BudgetPage() {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const ownCity = cities.find((c) => c.code === me.city?.code)?.code;
  const [inputs, setInputs] = useState<BudgetInputs>({
    city: ownCity ?? "luoyang",
    theoretical: false,
    lines: {},
  });
  const { policy } = useCurrentPolicy(inputs.city);
  const categories = useMemo(() => categoriesFrom(policy.data?.budget?.categories), [policy.data]);
  const { query, errors, hasLines, pending } = useBudgetCheck(inputs);

  const setLine = (category: string, patch: Partial<LineText>) =>
    setInputs((s) => ({
      ...s,
      lines: { ...s.lines, [category]: { ...emptyLine, ...s.lines[category], ...patch } },
    }));

  return (
    <div data-testid="page-budget">
      <PageHeader title={t("预算测算", "Budget calculator")} />
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        <Card>
          <Space wrap size="large">
            <Space>
              <Typography.Text>{t("城市", "City")}</Typography.Text>
              <Select<CityCode>
                style={{ width: 140 }}
                value={inputs.city}
                onChange={(city) => setInputs((s) => ({ ...s, city, program: undefined }))}
                options={cities.map((c) => ({ value: c.code, label: pickLang(lang, c.zh, c.en) }))}
                data-testid="budget-city"
              />
            </Space>
            <Space>
              <Typography.Text>{t("计划类别", "Program")}</Typography.Text>
              <Select<string>
                allowClear
                style={{ width: 260 }}
                placeholder={t("不限", "Any")}
                loading={policy.isFetching}
                value={inputs.program}
                onChange={(program) => setInputs((s) => ({ ...s, program }))}
                options={codeOptions(policy.data?.programs ?? [], lang)}
                data-testid="budget-program"
              />
            </Space>
            <Space>
              <Switch
                checked={inputs.theoretical}
                onChange={(theoretical) => setInputs((s) => ({ ...s, theoretical }))}
                data-testid="budget-theoretical"
              />
              <Typography.Text>{t("纯理论基础研究项目", "Pure theoretical basic research")}</Typography.Text>
            </Space>
          </Space>
        </Card>
        <ErrorAlert error={policy.error} />
        <BudgetLinesTable
          categories={categories}
          lines={inputs.lines}
          errors={errors}
          result={hasLines ? query.data : undefined}
          onChange={setLine}
        />
        <ErrorAlert error={query.error} />
        {!hasLines && (
          <Alert
            type="info"
            showIcon
            message={t("请在上表中输入各科目预算金额（元）", "Enter amounts in yuan above")}
          />
        )}
        {Object.keys(errors).length > 0 && query.data && (
          <Alert
            type="warning"
            showIcon
            message={t(
              "有金额格式不正确，下方结果为修改前的测算",
              "Some amounts are invalid: the result below predates them",
            )}
          />
        )}
        {hasLines && query.data && (
          <BudgetSummary
            result={query.data}
            stale={pending || query.isFetching || Object.keys(errors).length > 0}
          />
        )}
        <PostSubsidyPanel city={inputs.city} policy={policy.data} />
      </Space>
    </div>
  );
}
