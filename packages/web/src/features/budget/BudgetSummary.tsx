import { Alert, Card, Col, Row, Space, Statistic, Typography } from "antd";
import type { BudgetCheckResult } from "../../api/budget";
import { pickLang, useLocale } from "../../app/locale";
import { ClauseTag } from "../../components/ClauseTag";
import { wan, yuan } from "../../components/money";

function Amount({ title, fen, testId }: { title: string; fen: number | null; testId: string }) {
  const { lang, t } = useLocale();
  return (
    <Col xs={12} md={8} xl={4}>
      <Statistic
        title={title}
        value={fen === null ? t("文件未设上限", "No cap set") : yuan(fen)}
        valueStyle={{ fontSize: 18 }}
      />
      {/* the 万元 line helps Chinese readers; in English it would only repeat the amount */}
      <Typography.Text type="secondary" data-testid={testId}>
        {fen === null || lang === "en" ? "" : wan(fen, lang)}
      </Typography.Text>
    </Col>
  );
}

/** The totals shown, in order; the indirect-cost cap is null where the documents set none. */
const amounts = [
  { field: "directCostFen", zh: "直接费用", en: "Direct cost", testId: "budget-direct" },
  { field: "equipmentPurchaseFen", zh: "设备购置费", en: "Equipment purchase", testId: "budget-purchase" },
  { field: "indirectBaseFen", zh: "间接费用计算基数", en: "Indirect-cost base", testId: "budget-base" },
  { field: "indirectCostFen", zh: "间接费用", en: "Indirect cost", testId: "budget-indirect" },
  { field: "indirectCostCapFen", zh: "间接费用上限", en: "Indirect-cost cap", testId: "budget-indirect-cap" },
  { field: "totalFen", zh: "预算合计", en: "Total", testId: "budget-total" },
] as const satisfies readonly { field: keyof BudgetCheckResult; zh: string; en: string; testId: string }[];

export function BudgetSummary({ result, stale }: { result: BudgetCheckResult; stale: boolean }) {
  const { lang, t } = useLocale();
  return (
    <Card
      size="small"
      title={t(`校验结果（政策版本 ${result.policyVersion}）`, `Result (policy ${result.policyVersion})`)}
      style={{ opacity: stale ? 0.6 : 1, transition: "opacity .2s" }}
      data-testid="budget-result"
    >
      <Row gutter={[16, 16]}>
        {amounts.map((a) => (
          <Amount key={a.field} title={t(a.zh, a.en)} fen={result[a.field]} testId={a.testId} />
        ))}
      </Row>
      <Space direction="vertical" style={{ width: "100%", marginTop: 16 }}>
        {result.violations.length === 0 ? (
          <Alert
            type="success"
            showIcon
            data-testid="budget-ok"
            message={t("未发现违反政策的情况", "No policy violations found")}
          />
        ) : (
          result.violations.map((v, i) => (
            <Alert
              key={`${v.code}-${v.category ?? i}`}
              type="error"
              showIcon
              data-testid="budget-violation"
              message={
                <span>
                  {pickLang(lang, v.messageZh, v.messageEn)} {v.clause && <ClauseTag clause={v.clause} />}
                </span>
              }
            />
          ))
        )}
        {/* caps stated in principle (原则上): shown, not refused; exceeding one is the leader's decision */}
        {result.warnings.map((w) => (
          <Alert
            key={w.code}
            type="warning"
            showIcon
            data-testid="budget-warning"
            message={
              <span>
                {pickLang(lang, w.messageZh, w.messageEn)} {w.clause && <ClauseTag clause={w.clause} />}
              </span>
            }
          />
        ))}
        {result.appliedClauses.length > 0 && (
          <div data-testid="budget-applied-clauses">
            <Typography.Text type="secondary">{t("适用条款：", "Clauses applied: ")}</Typography.Text>
            {result.appliedClauses.map((c) => (
              <ClauseTag key={c} clause={c} testId="applied-clause" />
            ))}
          </div>
        )}
      </Space>
    </Card>
  );
}
