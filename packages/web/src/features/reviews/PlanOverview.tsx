import { CheckCircleFilled } from "@ant-design/icons";
import { Card, Col, Descriptions, Row, Table, Tag, Typography } from "antd";
import type { ReviewPlan } from "../../api/reviews";
import { useLocale } from "../../app/locale";
import { formatDateTime } from "../../components/time";

type Progress = ReviewPlan["progress"][number];

/** The last assignment's solution (how it was found and whether it is proven) and each panel's progress. */
export function PlanOverview({ plan }: { plan: ReviewPlan }) {
  const { t } = useLocale();
  const s = plan.solution;
  const panelName = (i: number) => plan.settings.panels[i]?.nameZh ?? t(`第 ${i + 1} 组`, `Panel ${i + 1}`);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card
          size="small"
          title={t("分配结果", "Assignment")}
          data-testid="review-solution"
          style={{ height: "100%" }}
        >
          {s ? (
            <Descriptions
              size="small"
              column={1}
              items={[
                {
                  key: "mode",
                  label: t("分配方式", "Mode"),
                  children:
                    s.mode === "optimal" ? (
                      s.certified ? (
                        <Tag
                          color="green"
                          icon={<CheckCircleFilled />}
                          data-testid="review-solution-certified"
                        >
                          {t("最优匹配，最优性证书已校验", "Optimal, certificate verified")}
                        </Tag>
                      ) : (
                        <Tag color="orange" data-testid="review-solution-uncertified">
                          {t("最优匹配，证书未通过校验", "Optimal, certificate not verified")}
                        </Tag>
                      )
                    ) : (
                      <span data-testid="review-solution-random">
                        {t(
                          `随机抽取：种子 ${s.seed ?? "—"}，单对概率上限 ${s.pairCapPercent ?? "—"}%`,
                          `Random draw: seed ${s.seed ?? "—"}, pair cap ${s.pairCapPercent ?? "—"}%`,
                        )}
                      </span>
                    ),
                },
                {
                  key: "objective",
                  label: t("总匹配度", "Objective"),
                  children: <span data-testid="review-solution-objective">{s.objective.toFixed(3)}</span>,
                },
                {
                  key: "size",
                  label: t("规模", "Size"),
                  children: t(
                    `${s.applications} 份申报书，${s.experts} 位可选专家`,
                    `${s.applications} applications, ${s.experts} eligible experts`,
                  ),
                },
                {
                  key: "time",
                  label: t("求解", "Solved"),
                  children: t(
                    `${formatDateTime(s.solvedAt)}，用时 ${s.millis} 毫秒`,
                    `${formatDateTime(s.solvedAt)} in ${s.millis} ms`,
                  ),
                },
              ]}
            />
          ) : (
            <Typography.Text type="secondary">
              {t("尚未运行分配。", "The assignment has not been run yet.")}
            </Typography.Text>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card
          size="small"
          title={t("评审进度", "Progress")}
          data-testid="review-progress"
          style={{ height: "100%" }}
        >
          <Table<Progress>
            size="small"
            rowKey="panelIndex"
            pagination={false}
            dataSource={plan.progress}
            columns={[
              { title: t("评审组", "Panel"), key: "panel", render: (_, p) => panelName(p.panelIndex) },
              { title: t("评审席位", "Places"), dataIndex: "places", align: "right" },
              { title: t("已提交", "Submitted"), dataIndex: "submitted", align: "right" },
              {
                title: t("未提交", "Outstanding"),
                dataIndex: "open",
                align: "right",
                render: (n: number, p) => (
                  <span data-testid={`review-progress-open-${p.panelIndex}`}>{n}</span>
                ),
              },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
