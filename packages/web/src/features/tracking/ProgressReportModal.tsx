import { Alert, Space, Typography } from "antd";
import { useEffect, useRef } from "react";
import { ApiError } from "../../api/client";
import type { ScheduledReport, Tracking, TrackingTerms } from "../../api/tracking";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { parseYuan } from "../budget/parseYuan";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { sourceText } from "../execution/labels";
import { yuanInputText } from "../project-life/changeText";
import { CitedLabel, TextField } from "../project-life/fields";
import { useFileProgressReport } from "./hooks";
import { liveVariances, MilestoneFields, type ReportValues, SpendingFields } from "./ProgressFields";

/** The form as it opens: empty, or a returned report's content to mend. */
function initialOf(due: ScheduledReport, terms: TrackingTerms): ReportValues {
  const content = due.report?.status === "returned" ? due.report.content : null;
  return {
    summary: content?.summary ?? "",
    milestones: terms.milestones.map((m, index) => {
      const was = content?.milestones.find((x) => x.index === index);
      // a milestone due by the report's date has no status until one is chosen
      return was
        ? { status: was.status, evidence: was.evidence }
        : { status: m.dueDate <= due.dueDate ? undefined : "onTrack", evidence: "" };
    }),
    spending: terms.budget.map((l) => {
      const was = content?.spending.find((x) => x.category === l.category);
      return { spent: was ? yuanInputText(was.spentFen) : "", explanation: was?.explanation ?? "" };
    }),
  };
}

/** The server's `spending.1.explanation` on the row's own field (its `spentFen` on the typed 元). */
function fieldOfPath(path: string | undefined): (string | number)[] | null {
  const m = /^(?:body\.)?(spending|milestones)\.(\d+)\.(\w+)$/.exec(path ?? "");
  if (!m) return null;
  const leaf = m[3] === "spentFen" ? "spent" : m[3];
  return [m[1] as string, Number(m[2]), leaf as string];
}

/**
 * 填报进展报告 (DT-RULES §14(五); LY-FUNDS §10), or files a returned one again with its content: the
 * summary, each task-book milestone (a due one has no status until chosen, done or late, with its
 * evidence) and the spending to date of each budget line in 元, its drift from the time-elapsed share
 * shown as it is typed and its explanation required once the city's threshold is passed.
 */
export function ProgressReportModal({
  projectId,
  tracking,
  due,
  name,
  onClose,
}: {
  projectId: string;
  tracking: Tracking;
  due: ScheduledReport | null;
  name: (code: string, nameZh: string) => string;
  onClose: () => void;
}) {
  const { lang, t } = useLocale();
  const confirmAct = useConfirmAct();
  const terms = tracking.terms;
  const rules = tracking.rules;
  // the values it opens with stay the same object while the same report is open, so a refetch of
  // the tracking never resets what is typed
  const initial = useRef<{ key: string; values: ReportValues } | null>(null);
  const key = due && terms ? `${due.period}:${due.report?.id ?? ""}:${due.report?.submittedAt ?? ""}` : "";
  if (due && terms && initial.current?.key !== key) initial.current = { key, values: initialOf(due, terms) };
  const refile = due?.report?.status === "returned";

  const state = useFormModal({
    open: due !== null && terms !== null,
    onClose,
    mutation: useFileProgressReport(projectId),
    toVariables: (v: ReportValues) => ({
      period: due?.period ?? 0,
      summary: v.summary.trim(),
      milestones: v.milestones.flatMap((m, index) =>
        m?.status ? [{ index, status: m.status, evidence: (m.evidence ?? "").trim() }] : [],
      ),
      spending: (terms?.budget ?? []).map((l, i) => {
        const p = parseYuan(v.spending[i]?.spent ?? "");
        return {
          category: l.category,
          spentFen: p.ok ? (p.fen ?? 0) : 0,
          explanation: (v.spending[i]?.explanation ?? "").trim(),
        };
      }),
    }),
    fields: ["summary"],
    successText: refile ? t("已重新提交进展报告", "Report filed again") : t("已提交进展报告", "Report filed"),
    initialValues: initial.current?.values,
  });

  // a refusal naming a row's field shows on that field too (the form keeps everything typed)
  const { form, error } = state;
  useEffect(() => {
    if (!(error instanceof ApiError)) return;
    const paths =
      error.issues.length > 0
        ? error.issues
        : [{ path: error.path, messageZh: error.messageZh, messageEn: error.messageEn }];
    const fields = paths.flatMap((i) => {
      const name = fieldOfPath(i.path);
      return name ? [{ name, errors: [lang === "zh" ? i.messageZh : i.messageEn] }] : [];
    });
    if (fields.length > 0) form.setFields(fields as never);
  }, [error, form, lang]);

  const modal = withConfirmation(state, (v) => {
    if (!due || !terms) return Promise.resolve(false);
    const flagged = liveVariances(terms, due.dueDate, rules.varianceBp, v.spending).lines.filter(
      (l) => l.needsExplanation,
    );
    const lines = flagged.map((l) =>
      name(l.category, terms.budget.find((b) => b.category === l.category)?.categoryName ?? l.category),
    );
    return confirmAct({
      title: t(`提交第 ${due.period} 期进展报告？`, `File the report for period ${due.period}?`),
      content: t(
        `报告截至 ${due.dueDate}。${lines.length > 0 ? `${lines.join("、")}偏离预算进度，已说明原因。` : ""}提交后由市科技局审核；审核通过前，该期之后的节点拨款须等待。此操作记入审计日志。`,
        `The report covers the project to ${due.dueDate}. ${lines.length > 0 ? `${lines.join(", ")} off pace, explained. ` : ""}The bureau reviews it; until it is approved, the next node payment waits. The action is audited.`,
      ),
      okText: t("提交报告", "File the report"),
      testId: "progress-report-confirm",
    });
  });

  if (!due || !terms) return null;
  const { elapsed } = liveVariances(terms, due.dueDate, rules.varianceBp, undefined);
  const threshold = `${rules.varianceBp / 100}%`;
  return (
    <FormModal
      modal={modal}
      title={
        refile
          ? t(`修改并重新提交第 ${due.period} 期进展报告`, `Mend and file again: period ${due.period}`)
          : t(`填报第 ${due.period} 期进展报告`, `File the progress report: period ${due.period}`)
      }
      width={1200}
      okText={t("下一步", "Next")}
      submitTestId="progress-report-submit"
      formTestId="progress-report-form"
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="progress-report-period"
        message={t(
          `报告截至 ${due.dueDate}：项目周期 ${terms.startDate} 至 ${terms.endDate}，已过 ${(elapsed / 100).toFixed(2)}%。`,
          `The report covers the project to ${due.dueDate}: ${(elapsed / 100).toFixed(2)}% of its period ${terms.startDate} – ${terms.endDate}.`,
        )}
        description={
          <Space size={4} wrap>
            <span>
              {t(
                `某一科目累计支出超出其预算，或与按时间进度应支出的金额相差超过该科目预算的 ${threshold} 的，须说明原因`,
                `A line overspent, or off its time-elapsed share by more than ${threshold} of the line, is explained`,
              )}
            </span>
            <Typography.Text type="secondary">({sourceText(rules.varianceCitation, lang)})</Typography.Text>
          </Space>
        }
      />
      {refile && due.report?.decisionNote && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="progress-report-returned"
          message={t(`退回意见：${due.report.decisionNote}`, `Returned with: ${due.report.decisionNote}`)}
        />
      )}
      <TextField
        name="summary"
        label={t("本期进展概述", "Progress this period")}
        min={1}
        max={8000}
        rows={4}
        testId="progress-summary"
      />
      <Typography.Title level={5}>{t("里程碑完成情况", "Milestones")}</Typography.Title>
      <MilestoneFields terms={terms} dueDate={due.dueDate} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        <CitedLabel text={t("资金使用情况（累计）", "Spending to date")} source={rules.varianceCitation} />
      </Typography.Title>
      <SpendingFields
        form={state.form}
        terms={terms}
        dueDate={due.dueDate}
        varianceBp={rules.varianceBp}
        name={name}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(
          "金额单位：元，最多两位小数；按现行预算（含已生效的调剂）填报。",
          "Amounts in yuan, at most two decimals; by the current budget (with effective adjustments).",
        )}
      </Typography.Text>
    </FormModal>
  );
}
