import {
  BellOutlined,
  CheckOutlined,
  EnvironmentOutlined,
  FlagOutlined,
  SendOutlined,
  ThunderboltOutlined,
} from "@ant-design/icons";
import {
  Alert,
  App,
  type ButtonProps,
  Card,
  Descriptions,
  Form,
  Skeleton,
  Space,
  Tag,
  Typography,
} from "antd";
import { useCallback, useEffect, useRef, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { infeasibleReasons, type PlanStep, type ReviewItem, type ReviewPlan } from "../../api/reviews";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { applyFieldErrors } from "../../components/formErrors";
import { PageHeader } from "../../components/PageHeader";
import { formatDateTime } from "../../components/time";
import { useDraftAutosave } from "../applications/useDraftAutosave";
import { GuardedButton } from "./GuardedButton";
import { Citation, HorseRaceModal } from "./HorseRaceModal";
import { usePlanStep, useReviewPlan, useSaveReviewSettings } from "./hooks";
import {
  blockedReason,
  organiserNames,
  planActionNames,
  planStatusColors,
  planStatusText,
  points,
} from "./labels";
import { OverrideModal, type Replacing } from "./OverrideModal";
import { PlanOverview } from "./PlanOverview";
import { PlanSettingsCard } from "./PlanSettingsCard";
import {
  type PanelValues,
  panelKey,
  type SettingsValues,
  settingsBodyOf,
  settingsFields,
  settingsValuesOf,
} from "./planSettings";
import { RankingTable } from "./RankingTable";
import { ReopenModal } from "./ReopenModal";
import { SiteVisitModal } from "./SiteVisitModal";

const steps: { step: PlanStep; icon: React.ReactNode; primary?: boolean }[] = [
  { step: "assign", icon: <ThunderboltOutlined /> },
  { step: "publish", icon: <SendOutlined />, primary: true },
  { step: "remind", icon: <BellOutlined /> },
  { step: "complete", icon: <CheckOutlined /> },
];

/**
 * 评审方案: one call's expert review. The organiser sets the panels and numbers, runs the assignment,
 * adjusts it, sends the invitations, follows the progress and closes the review; the ranking shows
 * the results as they come in. What the caller may do comes with the plan (`allowedActions`), and
 * each action left out says why (`blocked`).
 */
export function ReviewPlanPage() {
  const { id = "" } = useParams();
  const { lang, t } = useLocale();
  const { message, modal } = App.useApp();
  const query = useReviewPlan(id);
  const plan = query.data;
  const save = useSaveReviewSettings(id);
  const step = usePlanStep(id);
  const [form] = Form.useForm<SettingsValues>();
  /** Panels chosen in the ranking table, by panel key, saved with the settings. */
  const [panelDraft, setPanelDraft] = useState<Record<string, string>>({});
  const [selected, setSelected] = useState<string[]>([]);
  const [replacing, setReplacing] = useState<Replacing | null>(null);
  const [reopening, setReopening] = useState<Replacing | null>(null);
  const [racing, setRacing] = useState(false);
  const [visiting, setVisiting] = useState<ReviewItem | null>(null);
  const loadedFor = useRef<string | null>(null);
  const watchedPanels = Form.useWatch("panels", form) as PanelValues[] | undefined;
  const editable = plan?.allowedActions.includes("edit") ?? false;

  const load = useCallback(
    (p: ReviewPlan) => {
      form.resetFields();
      form.setFieldsValue(settingsValuesOf(p));
      setPanelDraft({});
      loadedFor.current = p.id;
    },
    [form],
  );

  /**
   * Settings are saved by the button only, never in the background: saving drops a proposed
   * assignment. The quiet (timed) save therefore saves nothing and leaves the page marked unsaved,
   * which keeps the warning on leaving with changes not saved.
   */
  const doSave = async (quiet: boolean) => {
    if (quiet || !plan) return null;
    try {
      const next = await save.mutateAsync(
        settingsBodyOf(form.getFieldsValue(true) as SettingsValues, plan, panelDraft),
      );
      load(next);
      return next;
    } catch (err) {
      applyFieldErrors(form, err, lang, settingsFields);
      return null;
    }
  };
  const autosave = useDraftAutosave(doSave, editable);

  // A refresh (another step, a refetch) fills the form only while nothing typed is waiting to be saved.
  useEffect(() => {
    if (plan && (loadedFor.current !== plan.id || !autosave.dirty)) load(plan);
  }, [plan, autosave.dirty, load]);

  if (query.isPending) return <Skeleton active />;
  if (!plan) return <ErrorAlert error={query.error} />;

  const onSave = async () => {
    try {
      await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    const go = () => {
      void autosave.run(false).then((r) => {
        if (r) message.success(t("评审方案已保存", "Plan saved"));
      });
    };
    if (plan.status !== "assigned") return go();
    modal.confirm({
      title: t("保存方案修改？", "Save the changes?"),
      content: t(
        "方案已有拟分配结果。保存修改后，该拟分配结果作废，须重新运行分配（尚未通知任何专家）。",
        "The plan has a proposed assignment. Saving drops it and the assignment must be run again (no expert has been told yet).",
      ),
      okText: t("保存", "Save"),
      cancelText: t("取消", "Cancel"),
      autoFocusButton: "cancel",
      okButtonProps: { "data-testid": "review-settings-save-confirm" } as ButtonProps,
      onOk: go,
    });
  };

  const open = plan.items
    .flatMap((i) => i.assignments)
    .filter((a) => a.status === "invited" || a.status === "accepted");
  const invitedExperts = new Set(open.map((a) => a.expert.id)).size;
  const proposed = plan.items.flatMap((i) => i.assignments).filter((a) => a.status === "proposed");

  const stepText: Record<PlanStep, { title: string; content: string; done: string }> = {
    assign: {
      title: t("运行分配？", "Run the assignment?"),
      content:
        plan.settings.mode === "random"
          ? t(
              "将按当前方案随机抽取专家，替换现有的拟分配结果（包括人工调整）；每次抽取结果不同，随机种子随结果记录。发出邀请前不通知任何专家。",
              "Experts are drawn at random under the current plan, replacing any proposed assignment (overrides included); each draw differs and its seed is recorded. No expert is told before the invitations go out.",
            )
          : t(
              "将按当前方案求解最优分配，替换现有的拟分配结果（包括人工调整）。发出邀请前不通知任何专家。",
              "The optimal assignment under the current plan replaces any proposed assignment (overrides included). No expert is told before the invitations go out.",
            ),
      done: t("分配完成", "Assignment done"),
    },
    publish: {
      title: t("发出评审邀请？", "Publish the invitations?"),
      content: t(
        `将向 ${new Set(proposed.map((a) => a.expert.id)).size} 位专家发送 ${proposed.length} 份评审邀请（站内通知）。发出后方案即固定：评审组、人数、负荷和截止时间不能再修改，只能逐个调整专家。`,
        `${proposed.length} invitations go to ${new Set(proposed.map((a) => a.expert.id)).size} experts (in-app notices). The plan is then fixed: panels, numbers, loads and the deadline can no longer change; experts can only be replaced one by one.`,
      ),
      done: t("评审邀请已发出", "Invitations sent"),
    },
    remind: {
      title: t("催办专家？", "Remind the experts?"),
      content: t(
        `将向尚未确认邀请或尚未提交评审意见的 ${invitedExperts} 位专家发送催办通知，截止时间为 ${formatDateTime(plan.settings.scoringDeadline)}。`,
        `A reminder goes to the ${invitedExperts} experts with an invitation unanswered or a review not submitted; reviews are due by ${formatDateTime(plan.settings.scoringDeadline)}.`,
      ),
      done: t("已发送催办通知", "Reminders sent"),
    },
    complete: {
      title: t("结束评审？", "Complete the review?"),
      content: t(
        "结束后专家不能再提交或修改评审意见，也不能再退回重评；当前排名即为评审结果。赛马标记和现场考察仍可登记。",
        "Once completed, no review can be submitted, changed or reopened; the ranking is the review's result. Horse races and site visits can still be recorded.",
      ),
      done: t("评审已结束", "Review completed"),
    },
  };

  const stepBlocked = (s: PlanStep): string | null =>
    blockedReason(plan, s, lang) ??
    ((s === "assign" || s === "publish") && autosave.dirty
      ? t("方案有未保存的修改，请先保存。", "The plan has unsaved changes: save them first.")
      : null);

  const onStep = (s: PlanStep) =>
    modal.confirm({
      title: stepText[s].title,
      content: stepText[s].content,
      okText: t("确认", "Confirm"),
      cancelText: t("取消", "Cancel"),
      autoFocusButton: "cancel",
      okButtonProps: { "data-testid": `review-${s}-confirm` } as ButtonProps,
      // the dialog closes at once; the step's button shows the request, the alert under the buttons its error
      onOk: () => step.mutate(s, { onSuccess: () => message.success(stepText[s].done) }),
    });

  const reasons = infeasibleReasons(step.error);
  const blockedSteps = steps.flatMap(({ step: s }) => {
    const why = stepBlocked(s);
    return why ? [{ s, why }] : [];
  });

  // the panels as the settings form has them now (new ones included), or as saved
  const panelChoices = (
    editable && watchedPanels
      ? watchedPanels.map((p, i) => ({ key: p?.key ?? panelKey(i), name: p?.nameZh }))
      : plan.settings.panels.map((p, i) => ({ key: panelKey(i), name: p.nameZh }))
  ).map((p, i) => ({ key: p.key, label: p.name?.trim() || t(`第 ${i + 1} 组`, `Panel ${i + 1}`) }));
  const panelKeyOf = (item: ReviewItem) => {
    const key = panelDraft[item.applicationId] ?? panelKey(item.panelIndex);
    return panelChoices.some((p) => p.key === key) ? key : (panelChoices[0]?.key ?? key);
  };

  const chosen = plan.items.filter((i) => selected.includes(i.applicationId));
  const means = chosen.map((i) => i.result.mean);
  const known = means.filter((m): m is number => m !== null);
  const gap = known.length > 0 ? Math.max(...known) - Math.min(...known) : 0;
  const closeness = plan.rules.horseRaceClosenessPoints;
  const horseRaceBlocked =
    blockedReason(plan, "markHorseRace", lang) ??
    (plan.rules.horseRaceSource === null
      ? t("本计划类别不采取“赛马制”。", "This program does not run horse races.")
      : chosen.length < 2
        ? t("请在排名表中勾选两个及以上项目。", "Tick two or more applications in the ranking.")
        : known.length !== chosen.length
          ? t("所选项目须都已有评审结果。", "Every application chosen needs a result.")
          : gap > closeness + 1e-9
            ? t(
                `所选项目平均分相差 ${points(gap)} 分，超过“结论接近”的 ${closeness} 分。`,
                `The means are ${points(gap)} points apart, more than the ${closeness} points that count as close.`,
              )
            : null);
  const siteVisitBlocked =
    blockedReason(plan, "recordSiteVisit", lang) ??
    (chosen.length !== 1 ? t("请在排名表中勾选一个项目。", "Tick one application in the ranking.") : null);
  const selectable =
    plan.allowedActions.includes("markHorseRace") || plan.allowedActions.includes("recordSiteVisit");

  return (
    <div data-testid="page-review-plan">
      <PageHeader
        title={`${plan.guideTitle} · ${plan.callName}`}
        extra={
          <Space wrap>
            <Link to="/reviews" data-testid="review-back">
              {t("返回评审列表", "Back to the list")}
            </Link>
            <Tag color={planStatusColors[plan.status]} data-testid="review-plan-status">
              {planStatusText(plan.status, lang)}
            </Tag>
          </Space>
        }
      />
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        <Card size="small" data-testid="review-plan-summary">
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2, xl: 3 }}
            items={[
              {
                key: "organiser",
                label: t("评审组织方", "Organiser"),
                children: (
                  <Space size={4} wrap>
                    <span data-testid="review-organiser">{organiserNames[plan.organiser][lang]}</span>
                    <Citation source={plan.organiserSource} />
                  </Space>
                ),
              },
              {
                key: "entrustment",
                label: t("受托机构", "Entrusted agency"),
                children: plan.entrustment?.agencyName ?? "—",
              },
              {
                key: "deadline",
                label: t("评审截止", "Scores due"),
                children: formatDateTime(plan.settings.scoringDeadline),
              },
              {
                key: "criteria",
                label: t("评审指标（权重）", "Criteria (weight)"),
                span: "filled",
                children: plan.criteria.map((c) => `${c.nameZh}（${c.weight}%）`).join("；") || "—",
              },
              {
                key: "rules",
                label: t("计分规则", "Scoring"),
                span: "filled",
                children: t(
                  `满 ${plan.rules.trimFromReviews} 份评审意见时去掉最高分和最低分后取平均；最高分与最低分相差超过 ${plan.rules.spreadThresholdPoints} 分的提交专家组讨论。`,
                  `With ${plan.rules.trimFromReviews} reviews or more the highest and the lowest are left out of the mean; a spread over ${plan.rules.spreadThresholdPoints} points goes to the panel for discussion.`,
                ),
              },
            ]}
          />
        </Card>

        <Card size="small" title={t("评审流程", "Steps")} data-testid="review-steps">
          <Space wrap>
            {steps.map(({ step: s, icon, primary }) => (
              <GuardedButton
                key={s}
                type={primary ? "primary" : "default"}
                icon={icon}
                onClick={() => onStep(s)}
                loading={step.isPending && step.variables === s}
                blockedReason={stepBlocked(s)}
                testId={`review-${s}`}
              >
                {planActionNames[s][lang]}
              </GuardedButton>
            ))}
          </Space>
          {blockedSteps.length > 0 && (
            <ul style={{ margin: "12px 0 0", paddingInlineStart: 18 }} data-testid="review-steps-blocked">
              {blockedSteps.map(({ s, why }) => (
                <li key={s}>
                  <Typography.Text type="secondary">
                    {planActionNames[s][lang]}
                    {t("：", ": ")}
                    {why}
                  </Typography.Text>
                </li>
              ))}
            </ul>
          )}
          <ErrorAlert error={step.error} style={{ marginTop: 12 }} />
          {reasons.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 12 }}
              data-testid="review-infeasible"
              message={t(
                "无法完成分配的原因（请调整评审组学科、人数或负荷后重试）：",
                "Why no assignment was found (change the panels' disciplines, the numbers or the loads and retry):",
              )}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              }
            />
          )}
        </Card>

        <ErrorAlert error={save.error} />
        <PlanSettingsCard
          form={form}
          editable={editable}
          editBlocked={blockedReason(plan, "edit", lang)}
          onValuesChange={autosave.touch}
          onSave={onSave}
          saving={save.isPending}
          status={
            editable &&
            (autosave.dirty || autosave.saved) && (
              <Typography.Text type="secondary" data-testid="review-settings-status">
                {autosave.dirty
                  ? t("有未保存的修改", "Unsaved changes")
                  : t(
                      `已保存 ${formatDateTime(autosave.saved?.at.toISOString()).slice(11, 16)}`,
                      `Saved at ${formatDateTime(autosave.saved?.at.toISOString()).slice(11, 16)}`,
                    )}
              </Typography.Text>
            )
          }
        />

        <PlanOverview plan={plan} />

        <Card
          size="small"
          title={t("评审结果与分配", "Results and assignments")}
          data-testid="review-results"
          extra={
            <Space wrap>
              <GuardedButton
                icon={<FlagOutlined />}
                onClick={() => setRacing(true)}
                blockedReason={horseRaceBlocked}
                testId="review-horse-race"
              >
                {planActionNames.markHorseRace[lang]}
              </GuardedButton>
              <GuardedButton
                icon={<EnvironmentOutlined />}
                onClick={() => setVisiting(chosen[0] ?? null)}
                blockedReason={siteVisitBlocked}
                testId="review-site-visit"
              >
                {planActionNames.recordSiteVisit[lang]}
              </GuardedButton>
            </Space>
          }
        >
          {(horseRaceBlocked || siteVisitBlocked) && (
            <ul style={{ margin: "0 0 12px", paddingInlineStart: 18 }} data-testid="review-results-blocked">
              {horseRaceBlocked && (
                <li>
                  <Typography.Text type="secondary">
                    {planActionNames.markHorseRace[lang]}
                    {t("：", ": ")}
                    {horseRaceBlocked}
                  </Typography.Text>
                </li>
              )}
              {siteVisitBlocked && (
                <li>
                  <Typography.Text type="secondary">
                    {planActionNames.recordSiteVisit[lang]}
                    {t("：", ": ")}
                    {siteVisitBlocked}
                  </Typography.Text>
                </li>
              )}
            </ul>
          )}
          {editable && plan.items.length > 0 && (
            <Typography.Paragraph type="secondary">
              {t(
                "各申报书所属评审组可在表中调整，点击上方“保存方案”后生效。",
                "Choose each application's panel in the table; it takes effect with Save above.",
              )}
            </Typography.Paragraph>
          )}
          <RankingTable
            plan={plan}
            panels={panelChoices}
            panelEditable={editable}
            panelKeyOf={panelKeyOf}
            onPanelChange={(applicationId, key) => {
              setPanelDraft((d) => ({ ...d, [applicationId]: key }));
              autosave.touch();
            }}
            selectable={selectable}
            selected={selected}
            onSelect={setSelected}
            overrideBlocked={blockedReason(plan, "override", lang)}
            reopenBlocked={blockedReason(plan, "reopen", lang)}
            onReplace={(row, item) => setReplacing({ row, item })}
            onReopen={(row, item) => setReopening({ row, item })}
          />
        </Card>
      </Space>

      <OverrideModal planId={plan.id} replacing={replacing} onClose={() => setReplacing(null)} />
      <ReopenModal planId={plan.id} reopening={reopening} onClose={() => setReopening(null)} />
      <HorseRaceModal plan={plan} items={chosen} open={racing} onClose={() => setRacing(false)} />
      <SiteVisitModal planId={plan.id} item={visiting} onClose={() => setVisiting(null)} />
    </div>
  );
}
