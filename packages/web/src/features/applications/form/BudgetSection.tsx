import type { CityCode } from "@luoshu/domain";
import { Alert, Card, Form, Space } from "antd";
import { useMemo } from "react";
import type { Guide } from "../../../api/guides";
import { useLocale } from "../../../app/locale";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { LabelledSwitch } from "../../../components/LabelledSwitch";
import { wan } from "../../../components/money";
import { BudgetLinesTable } from "../../budget/BudgetLinesTable";
import { BudgetSummary } from "../../budget/BudgetSummary";
import { type LinesText, type LineText, useBudgetCheck } from "../../budget/useBudgetCheck";
import { usePolicy } from "../../policies/hooks";
import { SectionProblems } from "./problems";

const emptyLine: LineText = { amount: "", purchase: "", note: "" };

type TableProps = Omit<Parameters<typeof BudgetLinesTable>[0], "lines" | "onChange">;

/** The calculator's table as a form control: the value is the lines typed, keyed by category. */
function LinesControl({
  value,
  onChange,
  ...table
}: TableProps & { value?: LinesText; onChange?: (v: LinesText) => void }) {
  const lines = value ?? {};
  return (
    <BudgetLinesTable
      {...table}
      lines={lines}
      onChange={(category, patch) =>
        onChange?.({ ...lines, [category]: { ...emptyLine, ...lines[category], ...patch } })
      }
    />
  );
}

/**
 * The budget, checked live by the same calculator as the budget page (POST /api/budget/check) under
 * the guide's program, so findings and caps appear while typing, with their clauses.
 */
export function BudgetSection({
  city,
  policyVersion,
  guide,
}: {
  city: CityCode;
  policyVersion: string;
  guide?: Guide;
}) {
  const { lang, t } = useLocale();
  const policy = usePolicy(city, policyVersion);
  const lines = Form.useWatch<LinesText | undefined>(["budget", "lines"]);
  const theoretical = Form.useWatch<boolean | undefined>(["budget", "theoretical"]);
  const inputs = useMemo(
    () => ({ city, program: guide?.program, theoretical: Boolean(theoretical), lines: lines ?? {} }),
    [city, guide?.program, theoretical, lines],
  );
  const { query, errors, hasLines, pending } = useBudgetCheck(inputs);
  const range = guide?.content.amountRange;
  const total = hasLines ? query.data?.totalFen : 0;
  const outOfRange = range && total !== undefined && (total < range.minFen || total > range.maxFen);

  return (
    <Card size="small" title={t("七、经费预算", "7. Budget")} data-testid="section-budget">
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        <SectionProblems match={(p) => p === "budget" || p.startsWith("budget.")} testId="problems-budget" />
        <Form.Item name={["budget", "theoretical"]} valuePropName="checked" noStyle>
          <LabelledSwitch
            label={t("纯理论基础研究项目", "Pure theoretical basic research")}
            data-testid="app-budget-theoretical"
          />
        </Form.Item>
        <Form.Item name={["budget", "lines"]} noStyle>
          <LinesControl
            categories={policy.data?.budget.categories}
            errors={errors}
            result={hasLines ? query.data : undefined}
          />
        </Form.Item>
        <ErrorAlert error={policy.error ?? query.error} />
        {range && (
          <Alert
            type={outOfRange ? "warning" : "info"}
            showIcon
            data-testid="app-budget-range"
            message={t(
              `申请财政资金合计 ${wan(total, lang)}；指南支持范围 ${wan(range.minFen, lang)} – ${wan(range.maxFen, lang)}`,
              `Total requested ${wan(total, lang)}; the guide supports ${wan(range.minFen, lang)} – ${wan(range.maxFen, lang)}`,
            )}
          />
        )}
        {hasLines && query.data && (
          <BudgetSummary
            result={query.data}
            stale={pending || query.isFetching || Object.keys(errors).length > 0}
          />
        )}
      </Space>
    </Card>
  );
}
