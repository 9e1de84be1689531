import { FilePdfOutlined, RollbackOutlined, SaveOutlined, SendOutlined } from "@ant-design/icons";
import { type ApplicationEvent, submitEvents } from "@luoshu/domain";
import { Alert, App, Button, type ButtonProps, Form, Skeleton, Space, Tabs, Typography } from "antd";
import { useCallback, useEffect, useRef, useState } from "react";
import { useParams } from "react-router-dom";
import {
  type Application,
  allows,
  applicationPdfUrl,
  type ContentProblem,
  checkSubmission,
  violationsOf,
} from "../../api/applications";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { formatDateTime } from "../../components/time";
import { parseYuan } from "../budget/parseYuan";
import { ApplicationResultCard } from "../decisions/ApplicationResultCard";
import { FileGuidingCard } from "../decisions/FileGuidingCard";
import { useGuide } from "../guides/hooks";
import { ApplicationSummaryCard } from "./ApplicationSummaryCard";
import { AttachmentsPanel } from "./AttachmentsPanel";
import { AvoidancesPanel } from "./AvoidancesPanel";
import { CommitmentPanel } from "./CommitmentPanel";
import { DuplicatesPanel } from "./DuplicatesPanel";
import { fieldLabel } from "./fieldLabels";
import { ApplicationForm } from "./form/ApplicationForm";
import {
  type ApplicationFormValues,
  budgetLinesOf,
  fromContent,
  type MemberRow,
  memberFactsAfterSave,
  toInput,
} from "./form/applicationForm";
import { changedPaths, ProblemsContext } from "./form/problems";
import { type TooLong, withinLimits } from "./form/withinLimits";
import { HistoryPanel } from "./HistoryPanel";
import { useApplication, useAttachments, useHistory, useSaveContent, useSubmit, useWithdraw } from "./hooks";
import { eventConsequences, eventText } from "./labels";
import { ReviewPanel } from "./ReviewPanel";
import { useDraftAutosave } from "./useDraftAutosave";
import { ViolationList } from "./ViolationsAlert";

export function ApplicationPage() {
  const { id = "" } = useParams();
  const { lang, t } = useLocale();
  const { message, modal } = App.useApp();
  const query = useApplication(id);
  const a = query.data;
  const guide = useGuide(a?.guideId);
  const attachments = useAttachments(id);
  const history = useHistory(id);
  const save = useSaveContent(id);
  const submit = useSubmit(id);
  const withdraw = useWithdraw(id);
  const [form] = Form.useForm<ApplicationFormValues>();
  const [problems, setProblems] = useState<ContentProblem[]>([]);
  /** Texts past their limit that the last save held back (everything else was saved). */
  const [tooLong, setTooLong] = useState<TooLong[]>([]);
  /** What refused the last submission, judged again after every save so it never goes stale. */
  const [refusal, setRefusal] = useState<ContentProblem[] | null>(null);
  const [tab, setTab] = useState("form");
  const loadedFor = useRef<string | null>(null);

  // what the caller may do comes with the application: the server decides it by the domain's rules
  const editable = allows(a, "edit");
  const submitEvent = a?.allowedEvents.find((e) => submitEvents.includes(e));

  const load = useCallback(
    (app: Application) => {
      form.resetFields();
      form.setFieldsValue(fromContent(app.content));
      loadedFor.current = app.id;
    },
    [form],
  );
  // Only the first answer fills the form: later refreshes (a confirmation, a review) must not wipe typing.
  useEffect(() => {
    if (a && loadedFor.current !== a.id) load(a);
  }, [a, load]);

  /**
   * Saves whatever was typed; only amounts that cannot be read, or lost ID numbers, stop it. A quiet
   * save (the autosave) neither marks fields nor refills the form, so typing goes on undisturbed.
   * A text past its limit is held back (its stored text kept) while the rest is saved; it stays in
   * the form, and the save counts as not done, so the page stays "unsaved" and nothing is submitted.
   */
  const doSave = async (quiet: boolean) => {
    if (!quiet) form.validateFields().catch(() => undefined);
    const { values, tooLong: held } = withinLimits(
      form.getFieldsValue(true) as ApplicationFormValues,
      a?.content,
    );
    const badAmounts =
      budgetLinesOf(values.budget?.lines).bad.length > 0 ||
      !parseYuan(values.funding?.selfRaised ?? "").ok ||
      !parseYuan(values.funding?.coFunding ?? "").ok;
    if (badAmounts) {
      if (!quiet)
        message.error(t("有金额格式不正确，请更正后再保存", "Some amounts are invalid; correct them first"));
      return null;
    }
    try {
      const res = await save.mutateAsync(toInput(values));
      if (!quiet && held.length === 0) load(res.application);
      else {
        const current = (form.getFieldValue("team") ?? []) as MemberRow[];
        form.setFields(memberFactsAfterSave(values.team ?? [], current, res.application.content.team));
      }
      setProblems(res.problems);
      setTooLong(held);
      if (refusal) recheck();
      if (held.length > 0) {
        if (!quiet)
          message.error(
            t(
              `有 ${held.length} 处超出字数上限，未保存，请删减（其余内容已保存）`,
              `${held.length} field(s) are over their length limit and not saved; shorten them (everything else is saved)`,
            ),
          );
        return null;
      }
      return res;
    } catch {
      return null; // shown by the alert
    }
  };
  const autosave = useDraftAutosave(doSave, editable);

  const recheck = () =>
    checkSubmission(id).then(
      (r) => setRefusal(r.violations.length > 0 ? r.violations : null),
      () => undefined, // the earlier refusal stays until a check answers
    );

  const onSave = async () => {
    const res = await autosave.run(false);
    if (!res) return;
    if (res.problems.length > 0)
      message.warning(
        t(
          `已保存，有 ${res.problems.length} 处需要更正`,
          `Saved; ${res.problems.length} field(s) need attention`,
        ),
      );
    else message.success(t("已保存", "Saved"));
  };

  /** Submitting and withdrawing are asked for in a dialog that says what they do. */
  const confirmEvent = (event: ApplicationEvent, testId: string, onOk: () => void) =>
    modal.confirm({
      title: t(`确认${eventText(event, lang)}？`, `${eventText(event, lang)}: confirm?`),
      content: eventConsequences[event][lang],
      okText: t("确认", "Confirm"),
      cancelText: t("取消", "Cancel"),
      autoFocusButton: "cancel",
      okButtonProps: { "data-testid": testId } as ButtonProps,
      onOk,
    });

  const onSubmit = () => {
    if (submitEvent) confirmEvent(submitEvent, "application-submit-confirm", () => void doSubmit());
  };

  const onWithdraw = () =>
    confirmEvent("withdraw", "application-withdraw-confirm", () =>
      withdraw.mutate(undefined, {
        onSuccess: (app) => {
          load(app);
          message.success(t("已撤回，申报书回到草稿", "Withdrawn: the application is a draft again"));
        },
      }),
    );

  const doSubmit = async () => {
    if (editable && !(await autosave.run(false))) return;
    submit.mutate(undefined, {
      onSuccess: () => {
        setProblems([]);
        setRefusal(null);
        message.success(t("已提交", "Submitted"));
      },
      onError: (err) => {
        setProblems(violationsOf(err));
        setRefusal(violationsOf(err));
      },
    });
  };

  const onValuesChange = (changed: unknown) => {
    autosave.touch();
    const paths = changedPaths(changed);
    setProblems((ps) => {
      const left = ps.filter(
        (p) => !p.path || !paths.some((c) => p.path === c || p.path?.startsWith(`${c}.`)),
      );
      return left.length === ps.length ? ps : left;
    });
  };

  if (query.isPending) return <Skeleton active />;
  if (!a) return <ErrorAlert error={query.error} />;

  const lastReturn = [...(history.data?.events ?? [])].reverse().find((e) => /Return$/.test(e.event));
  // A return or a withdrawal starts the next revision with the commitment cleared: say so, and why.
  const reopenedBy = [...(history.data?.events ?? [])]
    .reverse()
    .find((e) => /Return$/.test(e.event) || e.event === "withdraw");
  const commitmentCleared =
    editable && reopenedBy && !a.commitment.piConfirmedAt && !a.commitment.unitConfirmedAt;
  const checklistText = Object.fromEntries(
    (guide.data?.content.formalChecklist ?? []).map((c) => [c.code, c.textZh]),
  );

  return (
    <div data-testid="page-application">
      <PageHeader
        title={a.title}
        extra={
          <Space wrap>
            {allows(a, "exportPdf") && (
              <Button
                icon={<FilePdfOutlined />}
                href={applicationPdfUrl(a.id)}
                target="_blank"
                data-testid="application-pdf"
              >
                {t("导出 PDF", "PDF")}
              </Button>
            )}
            {editable && (autosave.dirty || autosave.saved) && (
              <Typography.Text type="secondary" data-testid="autosave-status">
                {autosave.dirty
                  ? t("有未保存的修改", "Unsaved changes")
                  : autosave.saved &&
                    t(
                      `${autosave.saved.auto ? "已自动保存" : "已保存"} ${formatDateTime(autosave.saved.at.toISOString()).slice(11, 16)}`,
                      `${autosave.saved.auto ? "Autosaved" : "Saved"} at ${formatDateTime(autosave.saved.at.toISOString()).slice(11, 16)}`,
                    )}
              </Typography.Text>
            )}
            {editable && (
              <Button
                icon={<SaveOutlined />}
                onClick={onSave}
                loading={save.isPending}
                data-testid="application-save"
              >
                {t("保存草稿", "Save draft")}
              </Button>
            )}
            {a.allowedEvents.includes("withdraw") && (
              <Button
                icon={<RollbackOutlined />}
                onClick={onWithdraw}
                loading={withdraw.isPending}
                data-testid="application-withdraw"
              >
                {t("撤回", "Withdraw")}
              </Button>
            )}
            {submitEvent && (
              <Button
                type="primary"
                icon={<SendOutlined />}
                onClick={onSubmit}
                loading={submit.isPending}
                data-testid="application-submit"
              >
                {submitEvent === "submit"
                  ? t("保存并提交", "Save and submit")
                  : t("保存并重新提交", "Save and resubmit")}
              </Button>
            )}
          </Space>
        }
      />
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        <ApplicationSummaryCard application={a} guide={guide.data} />
        <ApplicationResultCard applicationId={a.id} />
        <FileGuidingCard application={a} guide={guide.data} />
        {editable && a.returnDeadline && (
          <Alert
            type="warning"
            showIcon
            data-testid="application-returned"
            message={t(
              `已退回修改，请在 ${formatDateTime(a.returnDeadline)} 前修改并重新提交`,
              `Returned for revision: resubmit by ${formatDateTime(a.returnDeadline)}`,
            )}
            description={lastReturn?.reason}
          />
        )}
        {commitmentCleared && (
          <Alert
            type="info"
            showIcon
            data-testid="commitment-cleared"
            message={t(
              `承诺书确认已清除：申报书已${reopenedBy.event === "withdraw" ? "撤回" : "退回修改"}，再次提交的是第 ${a.revision} 版`,
              `The commitment confirmations were cleared: the application was ${reopenedBy.event === "withdraw" ? "withdrawn" : "returned"}, and what is submitted next is revision ${a.revision}`,
            )}
            description={t(
              "承诺书是对所提交内容的承诺，修改后的新版本须由项目负责人和单位重新确认，并重新上传签字盖章的承诺书扫描件。",
              "The commitment vouches for the content submitted: the new revision needs the PI's and the unit's confirmation again, and a newly signed and stamped scan.",
            )}
          />
        )}
        {refusal && (
          <Alert
            type="error"
            showIcon
            data-testid="submit-violations"
            message={t(
              "提交未通过以下检查（每次保存后重新检查）：",
              "The submission was refused (checked again after every save):",
            )}
            description={<ViolationList violations={refusal} lang={lang} />}
          />
        )}
        <ErrorAlert error={save.error} />
        {editable && tooLong.length > 0 && (
          <Alert
            type="error"
            showIcon
            data-testid="save-too-long"
            message={t(
              "以下内容超出字数上限，尚未保存（其余内容已保存）：",
              "These texts are over their limit and not saved yet (everything else is saved):",
            )}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {tooLong.map((p) => (
                  <li key={p.path}>
                    {fieldLabel(p.path, lang)}
                    {t(`：不超过 ${p.max} 个字`, `: at most ${p.max} characters`)}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        <ErrorAlert error={withdraw.error} />
        {!refusal && problems.length > 0 && (
          <Alert
            type="warning"
            showIcon
            data-testid="save-problems"
            message={t("已保存，以下内容需要更正：", "Saved; these need attention:")}
            description={<ViolationList violations={problems} lang={lang} />}
          />
        )}
        <ReviewPanel application={a} guide={guide.data} />
        <ProblemsContext.Provider value={problems}>
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              {
                key: "form",
                label: <span data-testid="tab-form">{t("申报书内容", "Application")}</span>,
                forceRender: true,
                children: (
                  <ApplicationForm
                    form={form}
                    application={a}
                    guide={guide.data}
                    disabled={!editable}
                    onValuesChange={onValuesChange}
                  />
                ),
              },
              {
                key: "commitment",
                label: (
                  <span data-testid="tab-commitment">{t("承诺书与附件", "Commitment and attachments")}</span>
                ),
                children: (
                  <Space direction="vertical" size="middle" style={{ width: "100%" }}>
                    <CommitmentPanel application={a} attachments={attachments.data ?? []} />
                    <AttachmentsPanel
                      applicationId={a.id}
                      guide={guide.data}
                      attachments={attachments.data ?? []}
                      canUpload={allows(a, "upload")}
                    />
                  </Space>
                ),
              },
              {
                key: "avoidances",
                label: <span data-testid="tab-avoidances">{t("申请回避", "Avoidances")}</span>,
                children: <AvoidancesPanel applicationId={a.id} />,
              },
              {
                key: "history",
                label: <span data-testid="tab-history">{t("办理记录", "History")}</span>,
                children: <HistoryPanel applicationId={a.id} checklistText={checklistText} />,
              },
              ...(allows(a, "checkDuplicates")
                ? [
                    {
                      key: "duplicates",
                      label: <span data-testid="tab-duplicates">{t("查重", "Duplicate check")}</span>,
                      children: <DuplicatesPanel applicationId={a.id} />,
                    },
                  ]
                : []),
            ]}
          />
        </ProblemsContext.Provider>
      </Space>
    </div>
  );
}
