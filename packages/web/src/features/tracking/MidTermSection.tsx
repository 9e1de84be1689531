import { CheckCircleFilled, ClockCircleOutlined } from "@ant-design/icons";
import { Button, Card, Descriptions, Space, Table, Tag, Typography } from "antd";
import type { Assessment, AssessmentEvent, MidTerm } from "../../api/tracking";
import { useLocale } from "../../app/locale";
import { formatDateTime } from "../../components/time";
import { useCurrentUser } from "../auth/session";
import { nodeName } from "../execution/labels";
import { GuardedButton } from "../reviews/GuardedButton";
import { Citation } from "../reviews/HorseRaceModal";
import { assessmentEventNames, assessmentStatusColors, assessmentStatusNames, points } from "./labels";

type Panelist = Assessment["panel"][number];

/** One assessment: its panel with who has scored, each total, the mean and what it calls for. */
function AssessmentCard({
  a,
  onConclude,
}: {
  a: Assessment;
  onConclude: (a: Assessment, e: AssessmentEvent) => void;
}) {
  const { lang, t } = useLocale();
  const scored = a.panel.filter((x) => x.submitted).length;
  return (
    <Card
      size="small"
      type="inner"
      data-testid={`assessment-${a.status}`}
      title={
        <Space size={6} wrap>
          <span>
            {t(
              `期中评估（${formatDateTime(a.convenedAt)} 组织）`,
              `Assessment convened ${formatDateTime(a.convenedAt)}`,
            )}
          </span>
          <Tag color={assessmentStatusColors[a.status]} data-testid="assessment-status">
            {assessmentStatusNames[a.status][lang]}
          </Tag>
        </Space>
      }
    >
      <Space direction="vertical" size="small" style={{ width: "100%" }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            {
              key: "progress",
              label: t("已评分", "Scored"),
              children: <span data-testid="assessment-scored">{`${scored} / ${a.panel.length}`}</span>,
            },
            {
              key: "mean",
              label: t("平均分", "Mean"),
              children: <span data-testid="assessment-mean">{points(a.mean)}</span>,
            },
            {
              key: "mark",
              label: t("通过分数", "Pass mark"),
              children: a.passMark === null ? "—" : t(`${a.passMark} 分及以上`, `${a.passMark} or more`),
            },
            {
              key: "criteria",
              label: t("评分指标", "Criteria"),
              span: 3,
              children: a.criteria
                .map((c) => `${lang === "zh" ? c.nameZh : c.nameEn} ${c.weight}%`)
                .join(t("；", "; ")),
            },
          ]}
        />
        <Table<Panelist>
          size="small"
          rowKey="expertId"
          pagination={false}
          data-testid="assessment-panel"
          dataSource={a.panel}
          columns={[
            { title: t("评估专家", "Expert"), dataIndex: "name" },
            {
              title: t("评分", "Scored"),
              key: "submitted",
              width: 110,
              render: (_, x) =>
                x.submitted ? (
                  <Space size={4} data-testid="panelist-submitted">
                    <CheckCircleFilled style={{ color: "#389e0d" }} aria-hidden />
                    <span>{t("已提交", "Submitted")}</span>
                  </Space>
                ) : (
                  <Typography.Text type="secondary" data-testid="panelist-waiting">
                    <ClockCircleOutlined aria-hidden /> {t("待评分", "Waiting")}
                  </Typography.Text>
                ),
            },
            {
              title: t("加权得分", "Weighted total"),
              key: "total",
              align: "right",
              width: 100,
              render: (_, x) => points(x.total),
            },
            {
              title: t("评审意见", "Comment"),
              key: "comment",
              render: (_, x) => <span style={{ whiteSpace: "pre-wrap" }}>{x.comment ?? "—"}</span>,
            },
          ]}
        />
        {a.status === "convened" && (
          <Typography.Text data-testid="assessment-proposed">
            {a.proposed
              ? t(
                  `全部专家已评分，平均分 ${points(a.mean)}，按本市规定应作出结论：${assessmentEventNames[a.proposed].zh}。`,
                  `Every expert has scored; the mean ${points(a.mean)} calls for: ${assessmentEventNames[a.proposed].en}.`,
                )
              : t("专家评分尚未全部提交，提交后方可作出结论。", "Not every expert has scored yet.")}
          </Typography.Text>
        )}
        {a.actions.map((e) => (
          <Button
            key={e}
            type="primary"
            danger={e === "hold"}
            onClick={() => onConclude(a, e)}
            data-testid={`assessment-${e}`}
          >
            {t(`作出结论：${assessmentEventNames[e].zh}`, `Conclude: ${assessmentEventNames[e].en}`)}
          </Button>
        ))}
        {a.concludedAt && (
          <Typography.Text data-testid="assessment-note">
            {t(
              `${formatDateTime(a.concludedAt)} 作出结论：${a.note ?? "—"}`,
              `Concluded ${formatDateTime(a.concludedAt)}: ${a.note ?? "—"}`,
            )}
          </Typography.Text>
        )}
      </Space>
    </Card>
  );
}

/**
 * 期中评估 (LY-FUNDS §13(一)): which node waits for it, the panel's size, the assessments with their
 * panels, and for the bureau 组织期中评估 (disabled with the server's reason when it cannot now) and
 * the one conclusion the mean calls for.
 */
export function MidTermSection({
  midTerm,
  onConvene,
  onConclude,
}: {
  midTerm: MidTerm;
  onConvene: () => void;
  onConclude: (a: Assessment, e: AssessmentEvent) => void;
}) {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const officer = me.permissions.includes("progress.review");
  const blocked = midTerm.mayConvene ? null : (midTerm.conveneBlockedZh ?? t("暂不能组织", "Not now"));
  return (
    <Space direction="vertical" size="small" style={{ width: "100%" }} data-testid="midterm">
      <Space size={6} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t("期中评估", "Mid-term assessment")}
        </Typography.Title>
        <Citation source={midTerm.citation} />
      </Space>
      <Typography.Text type="secondary" data-testid="midterm-rule">
        {midTerm.releasesNode
          ? t(
              `期中评估通过后方可拨付“${nodeName(midTerm.releasesNode, "zh")}”节点资金；评估专家不少于 ${midTerm.panelSize} 名。`,
              `The "${nodeName(midTerm.releasesNode, lang)}" node is paid once the assessment passes; the panel has at least ${midTerm.panelSize} experts.`,
            )
          : t(
              `评估专家不少于 ${midTerm.panelSize} 名。`,
              `The panel has at least ${midTerm.panelSize} experts.`,
            )}
      </Typography.Text>
      {officer && (
        <Space direction="vertical" size={2}>
          <GuardedButton
            type={blocked === null ? "primary" : "default"}
            blockedReason={blocked}
            onClick={onConvene}
            testId="midterm-convene"
          >
            {t("组织期中评估", "Convene the assessment")}
          </GuardedButton>
          {blocked && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="midterm-convene-reason">
              {t(`“组织期中评估”：${blocked}`, `"Convene": ${blocked}`)}
            </Typography.Text>
          )}
        </Space>
      )}
      {midTerm.assessments.length === 0 ? (
        <Typography.Text type="secondary" data-testid="midterm-none">
          {t("尚未组织期中评估。", "No assessment convened yet.")}
        </Typography.Text>
      ) : (
        [...midTerm.assessments]
          .sort((x, y) => y.convenedAt.localeCompare(x.convenedAt))
          .map((a) => <AssessmentCard key={a.id} a={a} onConclude={onConclude} />)
      )}
    </Space>
  );
}
