import { Card, Descriptions, type DescriptionsProps, Empty, Skeleton, Space, Tag, Typography } from "antd";
import type { PublicChallenge } from "../../api/challenges";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { wan } from "../../components/money";
import { formatDateTime, formatNoticeEnd } from "../../components/time";
import { usePublicChallenges } from "../challenges/hooks";
import { challengeStatusColors, challengeStatusText } from "../challenges/labels";
import { Citation } from "../reviews/HorseRaceModal";

/**
 * 揭榜挂帅榜单 (DT-RULES §15; LY-REFORM §三(三)2), no login: the challenge lists open for bids with
 * what they ask for and their money, the shortlists in public notice, and the awards with their
 * project numbers. Times are Beijing time.
 */
export function PublicChallenges() {
  const { t } = useLocale();
  const challenges = usePublicChallenges();

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }} data-testid="public-challenges">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("揭榜挂帅榜单", "Open challenges")}
      </Typography.Title>
      <Typography.Text type="secondary">
        {t(
          "张榜中的榜单在揭榜截止前，符合条件的单位均可登录系统揭榜；拟中榜名单和中榜结果在此公示；时间均为北京时间。",
          "Eligible units may sign in and bid for an open challenge before its deadline; shortlists and awards are published here. Times are Beijing time.",
        )}
      </Typography.Text>
      <ErrorAlert error={challenges.error} />
      {challenges.isPending && <Skeleton active />}
      {challenges.data?.length === 0 && (
        <Empty description={t("目前没有公开的榜单", "No challenge is public")} />
      )}
      {challenges.data?.map((c) => (
        <PublicChallengeCard key={c.id} challenge={c} />
      ))}
    </Space>
  );
}

function PublicChallengeCard({ challenge: c }: { challenge: PublicChallenge }) {
  const { lang, t } = useLocale();
  const long = (value: string) => (
    <Typography.Paragraph lang="zh-CN" style={{ whiteSpace: "pre-wrap", margin: 0 }}>
      {value}
    </Typography.Paragraph>
  );
  const awarded = c.status === "announced";
  const items: DescriptionsProps["items"] = [
    { key: "demand", label: t("需求单位", "Demand unit"), children: c.demandUnitName },
    {
      key: "funding",
      label: t("政府资助", "Government funding"),
      children: wan(c.governmentFundingFen, lang),
    },
    {
      key: "cofunding",
      label: t("企业配套", "Enterprise co-funding"),
      children: wan(c.enterpriseCoFundingFen, lang),
    },
    { key: "deadline", label: t("揭榜截止", "Bids close"), children: formatDateTime(c.bidDeadline) },
    ...(c.noticeEndsAt
      ? [{ key: "notice", label: t("公示截止", "Notice ends"), children: formatNoticeEnd(c.noticeEndsAt) }]
      : []),
    {
      key: "requirements",
      label: t("榜单需求", "Requirements"),
      span: "filled" as const,
      children: long(c.requirements),
    },
    {
      key: "indicators",
      label: t("技术指标", "Technical indicators"),
      span: "filled" as const,
      children: long(c.technicalIndicators),
    },
    {
      key: "targets",
      label: t("绩效目标", "Performance targets"),
      span: "filled" as const,
      children: long(c.performanceTargets),
    },
  ];
  if (c.shortlist.length > 0) {
    items.push({
      key: "shortlist",
      label: awarded ? t("中榜单位", "Awarded") : t("拟中榜单位", "Shortlisted"),
      span: "filled",
      children: (
        <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid={`public-challenge-${c.id}-shortlist`}>
          {c.shortlist.map((s) => (
            <li key={`${s.unitName}-${s.leaderName}`}>
              {s.unitName}（{t("揭榜负责人", "leader")} {s.leaderName}）
              {s.projectNumber && (
                <>
                  {" "}
                  {t("项目编号", "project")} <code>{s.projectNumber}</code>
                </>
              )}
            </li>
          ))}
        </ul>
      ),
    });
  }

  return (
    <Card
      data-testid={`public-challenge-${c.id}`}
      title={`${c.cityNameZh} · ${c.title}`}
      extra={
        <Space size={4}>
          <Citation source={c.source} />
          {c.status === "open" && Date.parse(c.bidDeadline) <= Date.now() ? (
            <Tag>{t("揭榜已截止", "Bids closed")}</Tag>
          ) : (
            <Tag color={challengeStatusColors[c.status]}>{challengeStatusText(c.status, lang)}</Tag>
          )}
        </Space>
      }
    >
      <Descriptions
        size="small"
        bordered
        styles={{ label: { whiteSpace: "nowrap" } }}
        column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
        items={items}
      />
    </Card>
  );
}
