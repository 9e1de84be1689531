import { Alert, Card, Col, Row, Space, Statistic, Typography } from "antd";
import type { BudgetCheckResult } from "../../api/types";
import { pickLang, useLocale } from "../../app/locale";
import { ClauseTag } from "../../components/ClauseTag";
import { wan, yuan } from "../../components/money";

function Amount({ title, fen, testId }: { title: string; fen: number | null; testId: string }) {
  const { t } = useLocale();
  return (
    <Col xs={12} md={8} xl={4}>
      <Statistic
        title={title}
        value={fen === null ? t("文件未设上限", "No cap in the documents") : yuan(fen)}
        valueStyle={{ fontSize: 18 }}
      />
      <Typography.Text type="secondary" data-testid={testId}>
        {fen === null ? "" : wan(fen)}
      </Typography.Text>
    </Col>
  );
}

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
        <Amount title={t("直接费用", "Direct cost")} fen={result.directCostFen} testId="budget-direct" />
        <Amount
          title={t("设备购置费", "Equipment purchase")}
          fen={result.equipmentPurchaseFen}
          testId="budget-purchase"
        />
        <Amount
          title={t("间接费用计算基数", "Indirect-cost base")}
          fen={result.indirectBaseFen}
          testId="budget-base"
        />
        <Amount
          title={t("间接费用", "Indirect cost")}
          fen={result.indirectCostFen}
          testId="budget-indirect"
        />
        <Amount
          title={t("间接费用上限", "Indirect-cost cap")}
          fen={result.indirectCostCapFen}
          testId="budget-indirect-cap"
        />
        <Amount title={t("预算合计", "Total")} fen={result.totalFen} testId="budget-total" />
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
