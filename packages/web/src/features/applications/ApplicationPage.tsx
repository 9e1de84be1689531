import { FilePdfOutlined, SaveOutlined, SendOutlined } from "@ant-design/icons";
import { submitEvents } from "@luoshu/domain";
import { Alert, App, Button, Form, Skeleton, Space, Tabs } from "antd";
import { useCallback, useEffect, useRef, useState } from "react";
import { useParams } from "react-router-dom";
import {
  type Application,
  allows,
  applicationPdfUrl,
  type ContentProblem,
  violationsOf,
} from "../../api/applications";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { formatDateTime } from "../../components/time";
import { parseYuan } from "../budget/parseYuan";
import { useGuide } from "../guides/hooks";
import { ApplicationSummaryCard } from "./ApplicationSummaryCard";
import { AttachmentsPanel } from "./AttachmentsPanel";
import { CommitmentPanel } from "./CommitmentPanel";
import { DuplicatesPanel } from "./DuplicatesPanel";
import { ApplicationForm } from "./form/ApplicationForm";
import { type ApplicationFormValues, budgetLinesOf, fromContent, toInput } from "./form/applicationForm";
import { changedPaths, ProblemsContext } from "./form/problems";
import { HistoryPanel } from "./HistoryPanel";
import { useApplication, useAttachments, useHistory, useSaveContent, useSubmit } from "./hooks";

import { ReviewPanel } from "./ReviewPanel";
import { ViolationList, ViolationsAlert } from "./ViolationsAlert";

export function ApplicationPage() {
  const { id = "" } = useParams();
  const { lang, t } = useLocale();
  const { message } = App.useApp();
  const query = useApplication(id);
  const a = query.data;
  const guide = useGuide(a?.guideId);
  const attachments = useAttachments(id);
  const history = useHistory(id);
  const save = useSaveContent(id);
  const submit = useSubmit(id);
  const [form] = Form.useForm<ApplicationFormValues>();
  const [problems, setProblems] = useState<ContentProblem[]>([]);
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

  /** Saves whatever was typed; only amounts that cannot be read, or lost ID numbers, stop it. */
  const doSave = async () => {
    form.validateFields().catch(() => undefined);
    const values = form.getFieldsValue(true) as ApplicationFormValues;
    const badAmounts =
      budgetLinesOf(values.budget?.lines).bad.length > 0 ||
      !parseYuan(values.funding?.selfRaised ?? "").ok ||
      !parseYuan(values.funding?.coFunding ?? "").ok;
    if (badAmounts) {
      message.error(t("有金额格式不正确，请更正后再保存", "Some amounts are invalid; correct them first"));
      return null;
    }
    try {
      const res = await save.mutateAsync(toInput(values));
      load(res.application);
      setProblems(res.problems);
      return res;
    } catch {
      return null; // shown by the alert
    }
  };

  const onSave = async () => {
    const res = await doSave();
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

  const onSubmit = async () => {
    if (editable && !(await doSave())) return;
    submit.mutate(undefined, {
      onSuccess: () => {
        setProblems([]);
        message.success(t("已提交", "Submitted"));
      },
      onError: (err) => setProblems(violationsOf(err)),
    });
  };

  const onValuesChange = (changed: unknown) => {
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
        <ViolationsAlert
          error={submit.error}
          title={t("提交未通过以下检查：", "The submission was refused:")}
          testId="submit-violations"
        />
        <ErrorAlert error={save.error} />
        {!submit.error && problems.length > 0 && (
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
