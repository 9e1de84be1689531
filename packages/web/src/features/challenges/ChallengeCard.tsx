import { challengeEvents } from "@luoshu/contract";
import { Card, Descriptions, type DescriptionsProps, Space, Tag, Typography } from "antd";
import type { Challenge, ChallengeAction, ChallengeBid } from "../../api/challenges";
import { useLocale } from "../../app/locale";
import { wan } from "../../components/money";
import { formatDateTime, formatNoticeEnd } from "../../components/time";
import { GuardedButton } from "../reviews/GuardedButton";
import { Citation } from "../reviews/HorseRaceModal";
import { BidsTable } from "./BidsTable";
import { decisionStepItems } from "./CityDecisionSteps";
import { challengeActionNames, challengeStatusColors, challengeStatusText } from "./labels";

/** The buttons of a challenge, in the order of its path: the bid first for a unit. */
const buttonOrder: readonly ChallengeAction[] = ["bid", ...challengeEvents];
const isAction = (a: string): a is ChallengeAction => (buttonOrder as readonly string[]).includes(a);

const text = (value: string, testId: string) => (
  <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }} data-testid={testId}>
    {value}
  </Typography.Paragraph>
);

/**
 * One challenge list: what it asks for, its money and deadline (Beijing time), where it stands with
 * its clause, the city's decision steps its program takes (with what was recorded), the steps the
 * caller may take now (and those that must wait, disabled with the reason) and the bids the caller
 * may see.
 */
export function ChallengeCard({
  challenge: c,
  programName,
  showBids,
  pending,
  onAction,
  onNegotiate,
}: {
  challenge: Challenge;
  programName: string;
  /** The bureau sees the bids table even when it is empty. */
  showBids: boolean;
  /** The step being sent for this challenge, if any. */
  pending: ChallengeAction | null;
  onAction: (action: ChallengeAction) => void;
  onNegotiate: (bid: ChallengeBid) => void;
}) {
  const { lang, t } = useLocale();
  // allowed steps, and those the caller could take but not yet (disabled, saying why)
  const blockedOf = new Map(c.blocked.map((b) => [b.action, lang === "zh" ? b.reasonZh : b.reasonEn]));
  const actions = buttonOrder.filter((a) => c.allowedActions.includes(a) || blockedOf.has(a));
  // the city's steps this program takes, where they fall on the path: before the notice, before the agreement
  const cityStep = decisionStepItems(c, t);
  const items: DescriptionsProps["items"] = [
    {
      key: "program",
      label: t("计划类别", "Program"),
      children: (
        <Space size={4} wrap>
          {programName}
          <Citation source={c.source} />
        </Space>
      ),
    },
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
    {
      key: "deadline",
      label: t("揭榜截止（北京时间）", "Bids close (Beijing time)"),
      children: <span data-testid={`challenge-${c.id}-deadline`}>{formatDateTime(c.bidDeadline)}</span>,
    },
    { key: "year", label: t("年度", "Year"), children: c.year },
    ...(cityStep.cityGovernment ? [cityStep.cityGovernment] : []),
    ...(c.noticeEndsAt
      ? [{ key: "notice", label: t("公示截止", "Notice ends"), children: formatNoticeEnd(c.noticeEndsAt) }]
      : []),
    ...(cityStep.coSign ? [cityStep.coSign] : []),
    ...(c.agreement
      ? [
          {
            key: "agreement",
            label: t("三方协议", "Tripartite agreement"),
            children: `${c.agreement.docNumber}（${c.agreement.signedOn}）`,
          },
        ]
      : []),
    ...(c.announcedAt
      ? [
          {
            key: "announced",
            label: t("中榜公告", "Award announced"),
            children: formatDateTime(c.announcedAt),
          },
        ]
      : []),
    {
      key: "requirements",
      label: t("榜单需求", "Requirements"),
      span: "filled" as const,
      children: text(c.requirements, `challenge-${c.id}-requirements`),
    },
    {
      key: "indicators",
      label: t("技术指标", "Technical indicators"),
      span: "filled" as const,
      children: text(c.technicalIndicators, `challenge-${c.id}-indicators`),
    },
    {
      key: "targets",
      label: t("绩效目标", "Performance targets"),
      span: "filled" as const,
      children: text(c.performanceTargets, `challenge-${c.id}-targets`),
    },
  ];

  return (
    <Card
      data-testid={`challenge-${c.id}`}
      title={c.title}
      extra={
        <Tag color={challengeStatusColors[c.status]} data-testid={`challenge-${c.id}-status`}>
          {challengeStatusText(c.status, lang)}
        </Tag>
      }
    >
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        <Descriptions
          size="small"
          bordered
          styles={{ label: { whiteSpace: "nowrap" } }}
          column={{ xs: 1, md: 2, xl: 3 }}
          items={items}
        />
        {actions.length > 0 && (
          <Space wrap size="small">
            {actions.map((a) => (
              <GuardedButton
                key={a}
                type={a === "cancel" ? "default" : "primary"}
                danger={a === "cancel"}
                onClick={() => onAction(a)}
                loading={pending === a}
                disabled={pending !== null && pending !== a}
                blockedReason={blockedOf.get(a) ?? null}
                testId={`challenge-${c.id}-${a}`}
              >
                {challengeActionNames[a][lang]}
              </GuardedButton>
            ))}
          </Space>
        )}
        {c.blocked.length > 0 && (
          // a disabled button takes no focus: its reason is written out as well
          <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid={`challenge-${c.id}-blocked`}>
            {c.blocked.map((b) => (
              <li key={b.action}>
                <Typography.Text type="secondary">
                  {isAction(b.action) ? challengeActionNames[b.action][lang] : b.action}
                  {t("：", ": ")}
                  {lang === "zh" ? b.reasonZh : b.reasonEn}
                </Typography.Text>
              </li>
            ))}
          </ul>
        )}
        {(showBids || c.bids.length > 0) && (
          <>
            <Typography.Text strong>{t("揭榜情况", "Bids")}</Typography.Text>
            <BidsTable challenge={c} onNegotiate={onNegotiate} />
          </>
        )}
      </Space>
    </Card>
  );
}
