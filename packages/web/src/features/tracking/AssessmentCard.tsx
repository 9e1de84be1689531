import { CheckCircleFilled, ClockCircleOutlined } from "@ant-design/icons";
import { Button, Card, Descriptions, Space, Table, Tag, Typography } from "antd";
import type { Assessment, AssessmentEvent } from "../../api/tracking";
import { useLocale } from "../../app/locale";
import { formatDateTime } from "../../components/time";
import {
  assessmentKindNames,
  assessmentStatusColors,
  assessmentStatusNames,
  conclusionName,
  gradeColors,
  gradeNames,
  points,
} from "./labels";

type Panelist = Assessment["panel"][number];

/**
 * One assessment (a mid-term's or an acceptance's): its panel with who has scored, each total, the
 * mean, what it calls for (an acceptance's grade by the mean), and the bureau's conclusions.
 */
export function AssessmentCard({
  a,
  onConclude,
}: {
  a: Assessment;
  onConclude: (a: Assessment, e: AssessmentEvent) => void;
}) {
  const { lang, t } = useLocale();
  const scored = a.panel.filter((x) => x.submitted).length;
  const kind = assessmentKindNames[a.kind];
  return (
    <Card
      size="small"
      type="inner"
      data-testid={`assessment-${a.status}`}
      title={
        <Space size={6} wrap>
          <span>
            {t(
              `${kind.zh}（${formatDateTime(a.convenedAt)} 组织）`,
              `${kind.en} convened ${formatDateTime(a.convenedAt)}`,
            )}
          </span>
          <Tag color={assessmentStatusColors[a.status]} data-testid="assessment-status">
            {a.kind === "acceptance" && a.status === "passed"
              ? t("验收通过", "Accepted")
              : assessmentStatusNames[a.status][lang]}
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
            a.kind === "acceptance"
              ? {
                  key: "grade",
                  label: t("评价等级", "Grade"),
                  children: a.grade ? (
                    <Tag color={gradeColors[a.grade]} data-testid="assessment-grade">
                      {gradeNames[a.grade][lang]}
                    </Tag>
                  ) : (
                    "—"
                  ),
                }
              : {
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
                  `全部专家已评分，平均分 ${points(a.mean)}${a.grade ? `（${gradeNames[a.grade].zh}）` : ""}，按本市规定应作出结论：${conclusionName(a.kind, a.proposed).zh}。`,
                  `Every expert has scored; the mean ${points(a.mean)}${a.grade ? ` (${gradeNames[a.grade].en})` : ""} calls for: ${conclusionName(a.kind, a.proposed).en}.`,
                )
              : t("专家评分尚未全部提交，提交后方可作出结论。", "Not every expert has scored yet.")}
          </Typography.Text>
        )}
        {a.actions.length > 0 && (
          <Space wrap>
            {a.actions.map((e) => (
              <Button
                key={e}
                type={e === "defer" ? "default" : "primary"}
                danger={e === "hold" || e === "fail"}
                onClick={() => onConclude(a, e)}
                data-testid={`assessment-${e}`}
              >
                {t(`作出结论：${conclusionName(a.kind, e).zh}`, `Conclude: ${conclusionName(a.kind, e).en}`)}
              </Button>
            ))}
          </Space>
        )}
        {a.concludedAt && (
          <Typography.Text data-testid="assessment-conclusion">
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
