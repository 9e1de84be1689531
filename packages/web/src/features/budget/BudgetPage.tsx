import type { CityCode } from "@luoshu/domain";
import { Alert, Card, Select, Space } from "antd";
import { useMemo, useState } from "react";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { LabelledSwitch } from "../../components/LabelledSwitch";
import { codeOptions } from "../../components/options";
import { PageHeader } from "../../components/PageHeader";
import { useCurrentUser } from "../auth/session";
import { useCurrentPolicy } from "../policies/hooks";
import { defaultCity, useCities } from "../reference/hooks";
import { BudgetLinesTable } from "./BudgetLinesTable";
import { BudgetSummary } from "./BudgetSummary";
import { PostSubsidyPanel } from "./PostSubsidyPanel";
import { type BudgetInputs, type LineText, useBudgetCheck } from "./useBudgetCheck";

const emptyLine: LineText = { amount: "", purchase: "", note: "" };

export function BudgetPage() {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const cities = useCities();
  const [chosenCity, setChosenCity] = useState<CityCode>();
  const [entries, setEntries] = useState<Omit<BudgetInputs, "city">>({ theoretical: false, lines: {} });
  // until the list has loaded there is no city, and so no policy and no lines to check
  const city = chosenCity ?? defaultCity(cities.data ?? [], me.city?.code)?.code ?? "";
  const inputs = useMemo(() => ({ ...entries, city }), [entries, city]);
  const { policy } = useCurrentPolicy(city);
  const { query, errors, hasLines, pending } = useBudgetCheck(inputs);

  const setLine = (category: string, patch: Partial<LineText>) =>
    setEntries((s) => ({
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
              <label htmlFor="budget-city">{t("城市", "City")}</label>
              <Select<CityCode>
                id="budget-city"
                style={{ width: 140 }}
                loading={cities.isPending}
                value={city || undefined}
                onChange={(code) => {
                  setChosenCity(code);
                  setEntries((s) => ({ ...s, program: undefined }));
                }}
                options={codeOptions(cities.data, lang)}
                data-testid="budget-city"
              />
            </Space>
            <Space>
              <label htmlFor="budget-program">{t("计划类别", "Program")}</label>
              <Select<string>
                id="budget-program"
                allowClear
                style={{ width: 260 }}
                placeholder={t("不限", "Any")}
                loading={policy.isFetching}
                value={inputs.program}
                onChange={(program) => setEntries((s) => ({ ...s, program }))}
                options={codeOptions(policy.data?.programs, lang)}
                data-testid="budget-program"
              />
            </Space>
            <LabelledSwitch
              label={t("纯理论基础研究项目", "Pure theoretical basic research")}
              checked={inputs.theoretical}
              onChange={(theoretical) => setEntries((s) => ({ ...s, theoretical }))}
              data-testid="budget-theoretical"
            />
          </Space>
        </Card>
        <ErrorAlert error={cities.error ?? policy.error} />
        <BudgetLinesTable
          categories={policy.data?.budget.categories}
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
