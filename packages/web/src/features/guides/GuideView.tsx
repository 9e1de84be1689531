import { Card, Descriptions, List, Space, Table, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import type { Guide, GuideCall } from "../../api/guides";
import { pickLang, useLocale } from "../../app/locale";
import { ClauseTag } from "../../components/ClauseTag";
import { wan } from "../../components/money";
import { SettingTag } from "../../components/SettingTag";
import { formatDateTime } from "../../components/time";
import { fundingModeNames, nameOf } from "../policies/labels";
import { CallsTable } from "./CallsTable";
import { DirectedUnitsCard } from "./DirectedSelection";
import { GuideDecisions } from "./GuideDecisions";
import { unitKindsText } from "./labels";

/** The whole guide as applicants read it; shared by the bureau's page and the public notice board. */
export function GuideView({ guide, callAction }: { guide: Guide; callAction?: (c: GuideCall) => ReactNode }) {
  const { lang, t } = useLocale();
  const c = guide.content;
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }} data-testid="guide-view">
      <GuideDecisions guide={guide} />
      <Card title={t("基本信息", "Overview")} size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: "program",
              label: t("计划类别", "Program"),
              children: pickLang(lang, guide.programNameZh, guide.programNameEn),
            },
            { key: "year", label: t("年度", "Year"), children: guide.year },
            {
              key: "mode",
              label: t("资助方式", "Funding"),
              children: nameOf(fundingModeNames, guide.fundingMode, lang),
            },
            {
              key: "amount",
              label: t("支持金额", "Amount per project"),
              children: `${wan(c.amountRange.minFen, lang)} – ${wan(c.amountRange.maxFen, lang)}`,
            },
            {
              key: "cap",
              label: t("年度立项上限", "Yearly cap"),
              children: guide.yearlyCap ? (
                <span>
                  {guide.yearlyCap.inPrinciple && t("原则上不超过 ", "in principle at most ")}
                  {t(`${guide.yearlyCap.count} 项`, `${guide.yearlyCap.count} projects`)}{" "}
                  {guide.yearlyCap.clause && <ClauseTag clause={guide.yearlyCap.clause} />}
                  {c.plannedCount &&
                    t(`（本指南计划 ${c.plannedCount} 项）`, ` (this guide plans ${c.plannedCount})`)}
                </span>
              ) : (
                "—"
              ),
            },
            {
              key: "quota",
              label: t("每县区推荐名额", "Recommendations per district"),
              children: c.districtQuota ? (
                <span>
                  {c.districtQuota} <SettingTag setting="guide" />
                </span>
              ) : (
                t("不限", "No quota")
              ),
            },
            {
              key: "routing",
              label: t("受理方式", "Route"),
              children: c.districtReview
                ? t("经县区初审、推荐后形式审查", "District preliminary review, then the formal check")
                : t("直接报送市科技局形式审查", "Straight to the bureau's formal check"),
            },
            ...(guide.fieldOptions.length > 0
              ? [
                  {
                    key: "fields",
                    label: t("所属领域", "Fields"),
                    children: guide.fieldOptions
                      .map((f) => pickLang(lang, f.nameZh, f.nameEn))
                      .join(lang === "zh" ? "、" : ", "),
                  },
                ]
              : []),
            {
              key: "kinds",
              label: t("申报单位类型", "Eligible units"),
              children: unitKindsText(c.eligibility.unitKinds, lang),
            },
            {
              key: "cofunding",
              label: t("最低配套资金", "Minimum co-funding"),
              children: wan(c.eligibility.minCoFundingFen, lang),
            },
            {
              key: "published",
              label: t("发布时间", "Published"),
              children: formatDateTime(guide.publishedAt),
            },
          ]}
        />
        {c.summaryZh && (
          <Typography.Paragraph style={{ marginTop: 12, whiteSpace: "pre-wrap" }}>
            {c.summaryZh}
          </Typography.Paragraph>
        )}
      </Card>
      <DirectedUnitsCard guide={guide} />
      <Card title={t("申报批次", "Calls")} size="small">
        <CallsTable calls={guide.calls} action={callAction} />
      </Card>
      <Card title={t("支持方向", "Directions")} size="small">
        <List
          size="small"
          dataSource={c.directions}
          renderItem={(d, i) => (
            <List.Item>
              <List.Item.Meta title={`${i + 1}. ${d.titleZh}`} description={d.descriptionZh} />
            </List.Item>
          )}
        />
      </Card>
      <Card title={t("评审指标", "Review criteria")} size="small">
        <Space wrap>
          {c.criteria.map((x) => (
            <Tag key={x.nameZh}>
              {x.nameZh} {x.weight}%
            </Tag>
          ))}
        </Space>
      </Card>
      <Card title={t("附件要求与形式审查清单", "Attachments and formal checklist")} size="small">
        <Table
          size="small"
          rowKey="code"
          pagination={false}
          dataSource={c.requiredAttachments}
          locale={{ emptyText: t("无附件要求", "No attachments required") }}
          columns={[
            { title: t("附件", "Attachment"), dataIndex: "nameZh" },
            {
              title: t("是否必需", "Required"),
              dataIndex: "required",
              render: (r: boolean) => (r ? t("必需", "Required") : t("可选", "Optional")),
            },
          ]}
        />
        <ol style={{ marginTop: 12, marginBottom: 0 }}>
          {c.formalChecklist.map((x) => (
            <li key={x.code}>{x.textZh}</li>
          ))}
        </ol>
      </Card>
    </Space>
  );
}
