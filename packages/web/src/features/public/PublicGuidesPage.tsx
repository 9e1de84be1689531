import { useQuery } from "@tanstack/react-query";
import { Card, Empty, Skeleton, Space, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import { fetchPublicGuides } from "../../api/guides";
import { pickLang, useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { wan } from "../../components/money";
import { formatDate } from "../../components/time";
import { CallsTable } from "../guides/CallsTable";
import { guideStatusColors, guideStatusText } from "../guides/labels";
import { PublicLayout, usePublicCity } from "./PublicLayout";
import { PublicNeedForm } from "./PublicNeedForm";

/** `/public`: the published guides of a city with their calls, and the need-submission form. */
export function PublicGuidesPage() {
  return (
    <PublicLayout>
      <PublicGuides />
    </PublicLayout>
  );
}

function PublicGuides() {
  const { lang, t } = useLocale();
  const { city, error } = usePublicCity();
  const code = city?.code ?? "";
  const cityName = city ? pickLang(lang, city.nameZh, city.nameEn) : "";
  const guides = useQuery({
    queryKey: ["publicGuides", code],
    queryFn: () => fetchPublicGuides(code),
    enabled: Boolean(city),
  });

  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }} data-testid="page-public">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t(`${cityName}科技计划申报指南`, `${cityName}: S&T plan guides`)}
      </Typography.Title>
      <ErrorAlert error={error ?? guides.error} />
      {guides.isPending && !error && <Skeleton active />}
      {guides.data?.items.length === 0 && (
        <Empty description={t("暂无已发布的申报指南", "No published guides")} />
      )}
      {guides.data?.items.map((g) => (
        <Card
          key={g.id}
          data-testid={`public-guide-${g.id}`}
          title={
            <Link to={`/public/guides/${g.cityCode}/${g.id}`} data-testid={`public-guide-link-${g.id}`}>
              {g.titleZh}
            </Link>
          }
          extra={<Tag color={guideStatusColors[g.status]}>{guideStatusText(g.status, lang)}</Tag>}
        >
          <Space direction="vertical" style={{ width: "100%" }}>
            <Typography.Text type="secondary">
              {pickLang(lang, g.programNameZh, g.programNameEn)} · {t(`${g.year} 年度`, `${g.year}`)} ·{" "}
              {t("支持金额", "Amount")} {wan(g.content.amountRange.minFen, lang)} –{" "}
              {wan(g.content.amountRange.maxFen, lang)} · {t("发布于", "Published")}{" "}
              {formatDate(g.publishedAt)}
            </Typography.Text>
            {g.content.summaryZh && (
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                {g.content.summaryZh}
              </Typography.Paragraph>
            )}
            <CallsTable calls={g.calls} testId={`public-calls-${g.id}`} />
          </Space>
        </Card>
      ))}
      {city && <PublicNeedForm key={code} city={code} cityName={cityName} />}
    </Space>
  );
}
