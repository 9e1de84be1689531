import { Alert, App, Card, Divider, Skeleton, Space, Typography } from "antd";
import { useState } from "react";
import type { ProjectDetail } from "../../api/execution";
import type { Assessment, AssessmentEvent, ReportEvent, ScheduledReport } from "../../api/tracking";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useConfirmAct } from "../decisions/confirm";
import { Citation } from "../reviews/HorseRaceModal";
import { ConcludeModal } from "./ConcludeModal";
import { ConveneModal } from "./ConveneModal";
import { DecideReportModal } from "./DecideReportModal";
import { useLineName, useRemindProgressReport, useTracking } from "./hooks";
import { MidTermSection } from "./MidTermSection";
import { ProgressReportModal } from "./ProgressReportModal";
import { ScheduleTable } from "./ScheduleTable";

/**
 * 进展报告与期中评估 (DT-RULES §14(五); LY-FUNDS §10, §13(一)) on the project page: the city's rhythm
 * with its source, the schedule of reports with where each stands and the caller's steps (填报, 审核,
 * 催报), what the next node payment waits for, and in Luoyang the mid-term assessments.
 */
export function TrackingCard({ project: p }: { project: ProjectDetail }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const confirmAct = useConfirmAct();
  const query = useTracking(p.id);
  const remind = useRemindProgressReport(p.id);
  const name = useLineName(p.policyVersion);
  const [filing, setFiling] = useState<ScheduledReport | null>(null);
  const [deciding, setDeciding] = useState<{ due: ScheduledReport; event: ReportEvent } | null>(null);
  const [convening, setConvening] = useState(false);
  const [concluding, setConcluding] = useState<{ assessment: Assessment; event: AssessmentEvent } | null>(
    null,
  );
  const tr = query.data;
  // the mid-term block only where the city has one and the project a node or an assessment for it
  const midTerm =
    tr?.midTerm && (tr.midTerm.releasesNode !== null || tr.midTerm.assessments.length > 0)
      ? tr.midTerm
      : null;

  const onRemind = async (d: ScheduledReport) => {
    const ok = await confirmAct({
      title: t(`催报第 ${d.period} 期进展报告？`, `Remind of the report for period ${d.period}?`),
      content: t(
        `将通知承担单位管理员和项目负责人尽快提交第 ${d.period} 期进展报告（应报日期 ${d.dueDate}${d.overdueDays > 0 ? `，已逾期 ${d.overdueDays} 天` : ""}）。每期报告每天只能催报一次，此操作记入审计日志。`,
        `The unit's administrator and the PI are told to file the report for period ${d.period} (due ${d.dueDate}${d.overdueDays > 0 ? `, ${d.overdueDays} days overdue` : ""}). A report is reminded of once a day at most; the action is audited.`,
      ),
      okText: t("催报", "Remind"),
      testId: "progress-remind-confirm",
    });
    if (ok) remind.mutate(d.period, { onSuccess: () => message.success(t("已催报", "Reminder sent")) });
  };

  return (
    <Card
      size="small"
      title={
        midTerm
          ? t("进展报告与期中评估", "Progress reports and mid-term assessment")
          : t("进展报告", "Progress reports")
      }
      data-testid="project-tracking"
    >
      {query.isPending ? (
        <Skeleton active />
      ) : !tr ? (
        <ErrorAlert error={query.error} />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: "100%" }}>
          <Space direction="vertical" size={2} data-testid="tracking-rule">
            <Space size={4} wrap>
              <span>
                {t(
                  `自项目开始之日起每 ${tr.rules.intervalMonths} 个月报告一次项目进展和资金使用情况`,
                  `The unit reports progress and spending every ${tr.rules.intervalMonths} months from the project's start`,
                )}
              </span>
              <Citation source={tr.rules.intervalCitation} />
              <span>{t("依据", "by")}</span>
              <Citation source={tr.rules.citation} />
            </Space>
            <Space size={4} wrap>
              <span>
                {t(
                  `某一科目累计支出超出预算，或偏离按时间进度应支出的金额超过该科目预算的 ${tr.rules.varianceBp / 100}% 的，须在报告中说明原因`,
                  `A line overspent, or off its time-elapsed share by more than ${tr.rules.varianceBp / 100}% of the line, is explained in the report`,
                )}
              </span>
              <Citation source={tr.rules.varianceCitation} />
            </Space>
          </Space>
          {tr.terms && (
            <Typography.Text type="secondary" data-testid="tracking-period">
              {t(
                `项目周期 ${tr.terms.startDate} 至 ${tr.terms.endDate}，共 ${tr.schedule.length} 期报告。`,
                `Project period ${tr.terms.startDate} – ${tr.terms.endDate}: ${tr.schedule.length} report(s).`,
              )}
            </Typography.Text>
          )}
          {tr.outstanding.length > 0 && (
            <Alert
              type="warning"
              showIcon
              data-testid="tracking-outstanding"
              message={t(
                `第 ${tr.outstanding.join("、")} 期进展报告已到期、尚未审核通过：审核通过前，节点拨款须等待。`,
                `The report(s) for period ${tr.outstanding.join(", ")} are due and not approved: node payments wait until they are.`,
              )}
            />
          )}
          <ErrorAlert error={remind.error} />
          <ScheduleTable
            schedule={tr.schedule}
            terms={tr.terms}
            name={name}
            pending={remind.isPending}
            onFile={setFiling}
            onDecide={(due, event) => setDeciding({ due, event })}
            onRemind={(d) => void onRemind(d)}
          />
          {midTerm && (
            <>
              <Divider style={{ margin: "4px 0" }} />
              <MidTermSection
                midTerm={midTerm}
                onConvene={() => setConvening(true)}
                onConclude={(assessment, event) => setConcluding({ assessment, event })}
              />
            </>
          )}
        </Space>
      )}
      {tr && (
        <ProgressReportModal
          projectId={p.id}
          tracking={tr}
          due={filing}
          name={name}
          onClose={() => setFiling(null)}
        />
      )}
      <DecideReportModal project={p} decision={deciding} onClose={() => setDeciding(null)} />
      {tr?.midTerm && (
        <ConveneModal
          project={p}
          kind="midTerm"
          rules={tr.midTerm}
          open={convening}
          onClose={() => setConvening(false)}
        />
      )}
      <ConcludeModal
        project={p}
        releasesNode={tr?.midTerm?.releasesNode ?? null}
        conclusion={concluding}
        onClose={() => setConcluding(null)}
      />
    </Card>
  );
}
