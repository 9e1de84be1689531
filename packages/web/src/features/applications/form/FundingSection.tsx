import { Card, Col, Row, Typography } from "antd";
import type { Guide } from "../../../api/guides";
import { useLocale } from "../../../app/locale";
import { wan } from "../../../components/money";
import { YuanInput, yuanRule } from "../../../components/yuan";
import { ProblemItem } from "./problems";

export function FundingSection({ guide }: { guide?: Guide }) {
  const { lang, t } = useLocale();
  const min = guide?.content.eligibility.minCoFundingFen ?? 0;
  return (
    <Card
      size="small"
      title={t("八、自筹与配套资金", "8. Self-raised and co-funding")}
      data-testid="section-funding"
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <ProblemItem
            path="funding.selfRaisedFen"
            name={["funding", "selfRaised"]}
            label={t("单位自筹资金", "Self-raised")}
            rules={[yuanRule(lang)]}
          >
            <YuanInput data-testid="app-self-raised" />
          </ProblemItem>
        </Col>
        <Col xs={24} md={12}>
          <ProblemItem
            path="funding.coFundingFen"
            name={["funding", "coFunding"]}
            label={t("配套资金", "Co-funding")}
            rules={[yuanRule(lang)]}
            extra={
              min > 0 ? (
                <Typography.Text type="secondary">
                  {t(`指南要求不少于 ${wan(min, lang)}`, `The guide requires at least ${wan(min, lang)}`)}
                </Typography.Text>
              ) : undefined
            }
          >
            <YuanInput data-testid="app-co-funding" />
          </ProblemItem>
        </Col>
      </Row>
    </Card>
  );
}
