import { Card, Descriptions, Tag } from "antd";
import { Link } from "react-router-dom";
import type { Application } from "../../api/applications";
import type { Guide } from "../../api/guides";
import { pickLang, useLocale } from "../../app/locale";
import { wan } from "../../components/money";
import { formatDateTime } from "../../components/time";
import { useDistrictLookup } from "../units/hooks";
import { applicationStatusColors, applicationStatusText } from "./labels";

export function ApplicationSummaryCard({
  application: a,
  guide,
}: {
  application: Application;
  guide?: Guide;
}) {
  const { lang, t } = useLocale();
  const places = useDistrictLookup(false);
  const district = places.byCode.get(a.districtCode);
  const call = guide?.calls.find((c) => c.id === a.callId);
  return (
    <Card size="small" data-testid="application-summary">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          {
            key: "number",
            label: t("申报编号", "Number"),
            children: <code data-testid="application-number">{a.number}</code>,
          },
          {
            key: "status",
            label: t("状态", "Status"),
            children: (
              <Tag color={applicationStatusColors[a.status]} data-testid="application-status">
                {applicationStatusText(a.status, lang)}
              </Tag>
            ),
          },
          {
            key: "revision",
            label: t("版本", "Revision"),
            children: t(`第 ${a.revision} 版`, `Revision ${a.revision}`),
          },
          { key: "unit", label: t("申报单位", "Unit"), children: a.unitNameZh ?? "—" },
          {
            key: "district",
            label: t("所属县区", "District"),
            children: district ? pickLang(lang, district.nameZh, district.nameEn) : a.districtCode,
          },
          {
            key: "guide",
            label: t("申报指南", "Guide"),
            children: guide ? (
              <Link to={`/guides/${guide.id}`}>
                {guide.titleZh}
                {call ? ` · ${call.nameZh}` : ""}
              </Link>
            ) : (
              "—"
            ),
          },
          { key: "amount", label: t("申请财政资金", "Requested"), children: wan(a.requestedFen, lang) },
          { key: "rank", label: t("县区推荐次序", "District rank"), children: a.districtRank ?? "—" },
          { key: "submitted", label: t("提交时间", "Submitted"), children: formatDateTime(a.submittedAt) },
          ...(a.returnDeadline
            ? [
                {
                  key: "deadline",
                  label: t("修改期限", "Revise by"),
                  children: formatDateTime(a.returnDeadline),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
