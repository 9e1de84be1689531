import { App, Button, Form, type FormInstance, Skeleton, Space } from "antd";
import { useEffect, useMemo } from "react";
import { useNavigate, useParams } from "react-router-dom";
import { ApiError } from "../../api/client";
import { pickLang, useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { ViolationsAlert } from "../applications/ViolationsAlert";
import { DirectedSelectionFields } from "./DirectedSelection";
import { GuideBasicsFields } from "./GuideBasicsFields";
import { GuideListsFields } from "./GuideListsFields";
import { formNameOf, fromGuide, type GuideFormValues, newGuideValues, toContent } from "./guideForm";
import { useGuide, useSaveGuide } from "./hooks";

/** Drafting a guide (new) or changing a draft (edit); the server checks it against the city's policy. */
export function GuideEditPage() {
  const { id } = useParams();
  const { lang, t } = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<GuideFormValues>();
  const guide = useGuide(id);
  const save = useSaveGuide();
  const initial = useMemo(
    () => (guide.data ? fromGuide(guide.data) : id ? undefined : newGuideValues(new Date().getFullYear())),
    [guide.data, id],
  );

  useEffect(() => {
    if (initial) form.setFieldsValue(initial);
  }, [initial, form]);

  const onSave = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const values = form.getFieldsValue(true) as GuideFormValues;
    save.mutate(
      { id, content: toContent(values) },
      {
        onSuccess: (g) => {
          message.success(t("指南已保存", "Guide saved"));
          navigate(`/guides/${g.id}`);
        },
        onError: (err) => {
          if (!(err instanceof ApiError)) return;
          const details = err.body.details as {
            violations?: { path?: string; messageZh: string; messageEn: string }[];
          };
          const problems = [...(details?.violations ?? []), ...err.issues, ...(err.path ? [err] : [])];
          (form as FormInstance).setFields(
            problems.flatMap((p) => {
              const name = formNameOf(p.path);
              return name ? [{ name, errors: [pickLang(lang, p.messageZh, p.messageEn)] }] : [];
            }),
          );
        },
      },
    );
  };

  return (
    <div data-testid="page-guide-edit">
      <PageHeader
        title={id ? t("编辑申报指南", "Edit guide") : t("起草申报指南", "Draft a guide")}
        extra={
          <Space>
            <Button onClick={() => navigate(id ? `/guides/${id}` : "/guides")}>{t("取消", "Cancel")}</Button>
            <Button type="primary" loading={save.isPending} onClick={onSave} data-testid="guide-save">
              {t("保存草稿", "Save draft")}
            </Button>
          </Space>
        }
      />
      <ErrorAlert error={guide.error} style={{ marginBottom: 16 }} />
      <ViolationsAlert error={save.error} style={{ marginBottom: 16 }} />
      {id && guide.isPending ? (
        <Skeleton active />
      ) : (
        <Form form={form} layout="vertical" data-testid="guide-form" scrollToFirstError>
          <Space direction="vertical" size="middle" style={{ width: "100%" }}>
            <GuideBasicsFields />
            <DirectedSelectionFields />
            <GuideListsFields />
          </Space>
        </Form>
      )}
    </div>
  );
}
