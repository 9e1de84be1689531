import { Button, Card, Collapse, Empty, Space, Table, type TableColumnsType, Tag, Typography } from "antd";
import { useSearchParams } from "react-router-dom";
import type { ExpertAssessment } from "../../api/tracking";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { AcceptanceMaterials } from "./AcceptanceMaterials";
import { useMyAssessments } from "./hooks";
import { assessmentKindNames, assessmentStatusColors, assessmentStatusNames, standingNames } from "./labels";
import { PlanView } from "./PlanView";
import { ReportView } from "./ReportView";
import { ScoreSheet } from "./ScoreSheet";

/**
 * One assessment opened: the project's plan, its progress reports, for an acceptance the unit's
 * materials (targets against what was reached, the report, the settlement), and the scorecard.
 */
function AssessmentDetail({ a, onBack }: { a: ExpertAssessment; onBack: () => void }) {
  const { lang, t } = useLocale();
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }} data-testid="assessment-detail">
      <Button onClick={onBack} data-testid="assessment-back">
        {t("返回列表", "Back to the list")}
      </Button>
      <Card
        size="small"
        title={
          <Space size={6} wrap>
            <code>{a.project.number}</code>
            <span>{a.project.title}</span>
            <Tag data-testid="assessment-kind">{assessmentKindNames[a.kind][lang]}</Tag>
            <Tag color={assessmentStatusColors[a.status]}>{assessmentStatusNames[a.status][lang]}</Tag>
          </Space>
        }
      >
        <Typography.Text type="secondary">
          {t(`承担单位：${a.project.unitName}`, `Unit: ${a.project.unitName}`)}
        </Typography.Text>
      </Card>
      {a.kind === "acceptance" && (
        <Card size="small" title={t("验收材料", "Acceptance materials")} data-testid="assessment-acceptance">
          {a.acceptance ? (
            <AcceptanceMaterials
              content={a.acceptance}
              targets={a.targets}
              budget={a.terms?.settlement ?? []}
            />
          ) : (
            <Empty description={t("尚无验收材料", "No materials")} />
          )}
        </Card>
      )}
      <Card size="small" title={t("任务书计划", "The task book's plan")}>
        <PlanView terms={a.terms} />
      </Card>
      <Card size="small" title={t("进展报告", "Progress reports")} data-testid="assessment-reports">
        {a.reports.length === 0 ? (
          <Empty description={t("尚无已提交的进展报告", "No report filed yet")} />
        ) : (
          <Collapse
            size="small"
            defaultActiveKey={a.reports.map((r) => String(r.period))}
            items={a.reports.map((r) => ({
              key: String(r.period),
              label: t(
                `第 ${r.period} 期（${standingNames[r.status].zh}）`,
                `Period ${r.period} (${standingNames[r.status].en})`,
              ),
              children: <ReportView report={r} terms={a.terms} />,
            }))}
          />
        )}
      </Card>
      <Card size="small" title={t("评分表", "Scorecard")} data-testid="assessment-scorecard">
        <ScoreSheet assessment={a} />
      </Card>
    </Space>
  );
}

/**
 * 评估与验收 for the experts (LY-FUNDS §13(一), §23; DT-RULES §23): the mid-term and acceptance panels
 * they sit on, whether each is scored; opening one shows the project's plan and reports (and an
 * acceptance's materials) and the scorecard, submitted once.
 */
export function AssessmentsPage() {
  const { lang, t } = useLocale();
  const [params, setParams] = useSearchParams();
  const mine = useMyAssessments();
  const openId = params.get("id");
  const opened = mine.data?.items.find((a) => a.id === openId) ?? null;

  const columns: TableColumnsType<ExpertAssessment> = [
    {
      title: t("项目编号", "Number"),
      key: "number",
      width: 170,
      render: (_, a) => <code>{a.project.number}</code>,
    },
    { title: t("项目名称", "Title"), key: "title", render: (_, a) => a.project.title },
    {
      title: t("类别", "Kind"),
      key: "kind",
      width: 110,
      render: (_, a) => (
        <span data-testid={`assessment-kind-${a.id}`}>{assessmentKindNames[a.kind][lang]}</span>
      ),
    },
    { title: t("承担单位", "Unit"), key: "unit", render: (_, a) => a.project.unitName },
    {
      title: t("评估状态", "Status"),
      key: "status",
      width: 150,
      render: (_, a) => (
        <Tag color={assessmentStatusColors[a.status]}>{assessmentStatusNames[a.status][lang]}</Tag>
      ),
    },
    {
      title: t("我的评分", "My scores"),
      key: "mine",
      width: 120,
      render: (_, a) =>
        a.mySheet.submittedAt ? (
          <Tag color="green">{t("已提交", "Submitted")}</Tag>
        ) : (
          <Tag color="orange">{t("待评分", "To score")}</Tag>
        ),
    },
    {
      title: t("办理", "Actions"),
      key: "open",
      width: 100,
      render: (_, a) => (
        <Button
          size="small"
          type={a.mySheet.submittedAt ? "default" : "primary"}
          onClick={() => setParams({ id: a.id })}
          data-testid={`assessment-open-${a.project.number}`}
        >
          {a.mySheet.submittedAt ? t("查看", "View") : t("评分", "Score")}
        </Button>
      ),
    },
  ];

  return (
    <div data-testid="page-assessments">
      <PageHeader title={t("评估与验收", "Assessments and acceptance")} />
      <ErrorAlert error={mine.error} />
      {opened ? (
        <AssessmentDetail a={opened} onBack={() => setParams({})} />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: "100%" }}>
          <Typography.Text type="secondary">
            {t(
              "您受邀参加的项目期中评估和结题验收。请查阅任务书计划、进展报告和验收材料后，按评分表逐项打分并填写意见；评分提交后不可修改。",
              "The mid-term and acceptance panels you sit on. Read the plan, the reports and the materials, then score each criterion and comment; scores are final once submitted.",
            )}
          </Typography.Text>
          <Table<ExpertAssessment>
            rowKey="id"
            loading={mine.isPending}
            dataSource={mine.data?.items}
            columns={columns}
            pagination={false}
            scroll={{ x: 900 }}
            data-testid="assessments"
            locale={{ emptyText: t("暂无评估或验收任务", "No assessment for you") }}
          />
        </Space>
      )}
    </div>
  );
}
