import { Col, Progress, Row, Statistic, Typography } from "antd";
import type { ProjectDetail } from "../../api/execution";
import { useLocale } from "../../app/locale";
import { wan } from "../../components/money";

/**
 * 资金情况: the project's accounts in the ledger. Committed is what signing the task book set aside
 * from its year's budget; paid what the treasury has paid; left what is committed and not paid yet.
 */
export function MoneySummary({ project: p }: { project: ProjectDetail }) {
  const { lang, t } = useLocale();
  const m = p.money;
  const figure = (title: string, fen: number, testId: string) => (
    <Col xs={12} data-testid={testId}>
      <Statistic title={title} value={wan(fen, lang)} valueStyle={{ fontSize: 18 }} />
    </Col>
  );
  const share = m.committedFen > 0 ? Math.round((m.paidFen / m.committedFen) * 100) : 0;
  return (
    <div data-testid="project-money">
      <Row gutter={[16, 16]}>
        {figure(t("立项金额", "Approved"), p.amountFen, "money-approved")}
        {figure(t("已承诺（锁定）", "Committed"), m.committedFen, "money-committed")}
        {figure(t("已拨付", "Paid"), m.paidFen, "money-paid")}
        {figure(t("待拨付", "Left to pay"), m.leftFen, "money-left")}
        {m.returnedFen > 0 && figure(t("已收回", "Returned"), m.returnedFen, "money-returned")}
      </Row>
      <div style={{ marginTop: 12 }}>
        <Typography.Text type="secondary">{t("拨付进度", "Paid so far")}</Typography.Text>
        <Progress percent={share} aria-label={t("拨付进度", "Paid so far")} data-testid="money-progress" />
      </div>
    </div>
  );
}
