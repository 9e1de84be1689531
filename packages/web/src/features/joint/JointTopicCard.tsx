import { jointEvents } from "@luoshu/contract";
import { Card, Descriptions, type DescriptionsProps, Space, Table, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import type { JointEvent, JointMember, JointTopic } from "../../api/joint";
import { useLocale } from "../../app/locale";
import { wan } from "../../components/money";
import { formatDateTime } from "../../components/time";
import { GuardedButton } from "../reviews/GuardedButton";
import { Citation } from "../reviews/HorseRaceModal";
import {
  dimensionNames,
  jointActionNames,
  jointStatusColors,
  jointStatusText,
  resultNames,
  seatNames,
  whoWhen,
} from "./labels";

const isEvent = (a: string): a is JointEvent => (jointEvents as readonly string[]).includes(a);

type Items = NonNullable<DescriptionsProps["items"]>;

const text = (value: string, testId: string) => (
  <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }} data-testid={testId}>
    {value}
  </Typography.Paragraph>
);

const cited = (children: ReactNode, source: JointTopic["sources"]["ranking"]) => (
  <Space size={4} wrap>
    {children}
    <Citation source={source} />
  </Space>
);

/** The committee's members and what each said: the bureau and the laboratory see them. */
function MembersTable({ topic: c }: { topic: JointTopic }) {
  const { lang, t } = useLocale();
  return (
    <Table<JointMember>
      rowKey="expertId"
      size="small"
      pagination={false}
      scroll={{ x: "max-content" }}
      data-testid={`joint-${c.id}-members`}
      dataSource={c.committee?.members ?? []}
      columns={[
        { title: t("委员", "Member"), dataIndex: "name" },
        {
          title: t("席位", "Seat"),
          dataIndex: "seat",
          render: (s: JointMember["seat"]) => seatNames[s][lang],
        },
        {
          title: t("表决", "Vote"),
          dataIndex: "recommend",
          render: (r: boolean) =>
            r ? (
              <Tag color="green">{t("建议立项", "Recommends")}</Tag>
            ) : (
              <Tag>{t("不建议立项", "Does not")}</Tag>
            ),
        },
        {
          title: t("评审意见", "Opinion"),
          dataIndex: "opinion",
          render: (o: string) => (
            <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0, maxWidth: 420 }}>
              {o}
            </Typography.Paragraph>
          ),
        },
      ]}
    />
  );
}

/**
 * One joint research topic: the enterprise's question, its priority and place on the task list, the
 * laboratory's proposal, the joint committee, the two approvals and the outcome, each with its
 * clause; the steps the caller may take now, and those it could take but not yet (saying why).
 */
export function JointTopicCard({
  topic: c,
  scale,
  onAction,
}: {
  topic: JointTopic;
  /** The highest score of each dimension (the city's setting). */
  scale: number;
  onAction: (action: JointEvent) => void;
}) {
  const { lang, t } = useLocale();
  const blockedOf = new Map(c.blocked.map((b) => [b.action, lang === "zh" ? b.reasonZh : b.reasonEn]));
  const actions = jointEvents.filter((a) => c.allowedActions.includes(a) || blockedOf.has(a));
  const pendingText = <Typography.Text type="secondary">{t("待审定", "Pending")}</Typography.Text>;

  const question: Items = [
    { key: "unit", label: t("出题企业", "Enterprise"), children: c.enterpriseName },
    { key: "year", label: t("年度", "Year"), children: c.year },
    { key: "submitted", label: t("出题时间", "Submitted"), children: formatDateTime(c.submittedAt) },
    {
      key: "funding",
      label: t("企业拟投入", "Enterprise funding offered"),
      children: wan(c.enterpriseFundingFen, lang),
    },
    {
      key: "rank",
      label: t("清单排名", "Rank"),
      children: cited(
        <span data-testid={`joint-${c.id}-rank`}>
          {c.rank === null ? t("尚未评估", "Not assessed yet") : t(`第 ${c.rank} 名`, `No. ${c.rank}`)}
        </span>,
        c.sources.ranking,
      ),
    },
    {
      key: "priority",
      label: t("需求优先级", "Priority"),
      children: (
        <span data-testid={`joint-${c.id}-priority`}>
          {c.priority === null ? "—" : `${c.priority} / ${scale * 3}`}
        </span>
      ),
    },
    {
      key: "problem",
      label: t("技术难题", "Problem"),
      span: "filled",
      children: text(c.problem, `joint-${c.id}-problem`),
    },
    {
      key: "outcome",
      label: t("预期成果", "Expected outcome"),
      span: "filled",
      children: text(c.expectedOutcome, `joint-${c.id}-expected`),
    },
  ];

  const a = c.assessment;
  const assessment: Items = a
    ? [
        ...(["advancement", "leverage", "feasibility"] as const).map((d) => ({
          key: d,
          label: dimensionNames[d][lang],
          children: <span data-testid={`joint-${c.id}-score-${d}`}>{`${a.scores[d]} / ${scale}`}</span>,
        })),
        {
          key: "argument",
          label: t("专家咨询论证意见", "Experts' argument"),
          span: "filled",
          children: text(a.argument, `joint-${c.id}-argument`),
        },
        { key: "by", label: t("评估人", "Assessed by"), span: "filled", children: whoWhen(a) },
        ...(c.listing
          ? [
              {
                key: "listing",
                label: t("清单决定", "Task list"),
                span: "filled" as const,
                children: (
                  <div data-testid={`joint-${c.id}-listing`}>
                    {c.status === "notListed"
                      ? t("未列入重大攻关任务清单", "Left off the task list")
                      : t("列入重大攻关任务清单", "On the task list")}
                    {c.listing.note && `：${c.listing.note}`}
                    <Typography.Text type="secondary"> {whoWhen(c.listing)}</Typography.Text>
                  </div>
                ),
              },
            ]
          : []),
      ]
    : [];

  const p = c.proposal;
  const proposal: Items = p
    ? [
        {
          key: "lab",
          label: t("实验室", "Laboratory"),
          children: cited(c.laboratoryName ?? "—", c.sources.management),
        },
        { key: "leader", label: t("项目负责人", "Project leader"), children: p.leaderName },
        {
          key: "with",
          label: t("承担方式", "Undertaken"),
          children: p.withEnterprise
            ? t("实验室与需求企业联合", "With the enterprise")
            : t("实验室独立承担", "By the laboratory alone"),
        },
        {
          key: "months",
          label: t("实施期", "Duration"),
          children: t(`${p.months} 个月`, `${p.months} months`),
        },
        {
          key: "labFunding",
          label: t("实验室投入", "Laboratory funding"),
          children: wan(p.laboratoryFundingFen, lang),
        },
        {
          key: "entFunding",
          label: t("企业投入", "Enterprise funding"),
          children: wan(p.enterpriseFundingFen, lang),
        },
        {
          key: "plan",
          label: t("研究方案", "Plan"),
          span: "filled",
          children: text(p.plan, `joint-${c.id}-plan`),
        },
        { key: "by", label: t("提出人", "Proposed by"), span: "filled", children: whoWhen(p) },
      ]
    : [];

  const m = c.committee;
  const review: Items = m
    ? [
        { key: "meeting", label: t("评审会日期", "Meeting"), children: m.meetingOn },
        {
          key: "conclusion",
          label: t("联合专家委员会结论", "Committee's conclusion"),
          children: cited(
            <Tag color={m.recommended ? "green" : "default"} data-testid={`joint-${c.id}-conclusion`}>
              {m.recommended ? t("建议立项", "Recommended") : t("不建议立项", "Not recommended")}
            </Tag>,
            c.sources.committee,
          ),
        },
        ...(["bureau", "laboratory"] as const).map((party) => {
          const approval = c.approvals[party];
          return {
            key: party,
            label:
              party === "bureau"
                ? t("市科技局审定", "Bureau's approval")
                : t("实验室审定", "Laboratory's approval"),
            children: (
              <span data-testid={`joint-${c.id}-approval-${party}`}>
                {approval ? `${whoWhen(approval)}${approval.note ? `：${approval.note}` : ""}` : pendingText}
              </span>
            ),
          };
        }),
        ...(c.declined
          ? [
              {
                key: "declined",
                label: t("不予立项", "Declined"),
                span: "filled" as const,
                children: `${whoWhen(c.declined)}：${c.declined.note ?? ""}`,
              },
            ]
          : []),
      ]
    : [];

  const o = c.outcome;
  const closing: Items = [
    ...(c.projectNumber
      ? [
          {
            key: "number",
            label: t("项目编号", "Project number"),
            children: cited(
              <code data-testid={`joint-${c.id}-number`}>{c.projectNumber}</code>,
              c.sources.approval,
            ),
          },
        ]
      : []),
    ...(o
      ? [
          {
            key: "result",
            label: t("结题结果", "Outcome"),
            children: cited(
              <span data-testid={`joint-${c.id}-result`}>{resultNames[o.result][lang]}</span>,
              c.sources.management,
            ),
          },
          { key: "closedOn", label: t("结题日期", "Closed on"), children: o.closedOn },
          {
            key: "summary",
            label: t("结题总结", "Summary"),
            span: "filled" as const,
            children: text(o.note ?? "", `joint-${c.id}-summary`),
          },
          { key: "by", label: t("记录人", "Recorded by"), span: "filled" as const, children: whoWhen(o) },
        ]
      : []),
  ];

  const section = (title: string, items: Items, key: string) =>
    items.length > 0 && (
      <Descriptions
        key={key}
        title={title}
        size="small"
        bordered
        styles={{ label: { whiteSpace: "nowrap" } }}
        column={{ xs: 1, md: 2, xl: 3 }}
        items={items}
      />
    );

  return (
    <Card
      data-testid={`joint-${c.id}`}
      title={c.title}
      extra={
        <Tag color={jointStatusColors[c.status]} data-testid={`joint-${c.id}-status`}>
          {jointStatusText(c.status, lang)}
        </Tag>
      }
    >
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        {section(t("企业出题", "The question"), question, "question")}
        {section(t("优先级评估", "Priority assessment"), assessment, "assessment")}
        {section(t("项目提出", "The proposal"), proposal, "proposal")}
        {section(t("评审与联合审定", "Review and joint approval"), review, "review")}
        {m && m.members.length > 0 && <MembersTable topic={c} />}
        {section(t("立项与结题", "Project and outcome"), closing, "closing")}
        {actions.length > 0 && (
          <Space wrap size="small">
            {actions.map((e) => (
              <GuardedButton
                key={e}
                type={e === "notList" || e === "decline" ? "default" : "primary"}
                danger={e === "notList" || e === "decline"}
                onClick={() => onAction(e)}
                blockedReason={blockedOf.get(e) ?? null}
                testId={`joint-${c.id}-${e}`}
              >
                {e === "assess" && c.assessment ? t("重新评估", "Assess again") : jointActionNames[e][lang]}
              </GuardedButton>
            ))}
          </Space>
        )}
        {c.blocked.length > 0 && (
          // a disabled button takes no focus: its reason is written out as well
          <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid={`joint-${c.id}-blocked`}>
            {c.blocked.map((b) => (
              <li key={b.action}>
                <Typography.Text type="secondary">
                  {isEvent(b.action) ? jointActionNames[b.action][lang] : b.action}
                  {t("：", ": ")}
                  {lang === "zh" ? b.reasonZh : b.reasonEn}
                </Typography.Text>
              </li>
            ))}
          </ul>
        )}
      </Space>
    </Card>
  );
}
