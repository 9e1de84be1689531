import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
  UndoOutlined,
} from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, Input, Skeleton, Space, Tooltip, Typography } from "antd";
import { useEffect, useState } from "react";
import {
  fetchTaskBookTemplate,
  saveTaskBookTemplate,
  type TaskBookTemplate,
  type TaskBookTemplateInput,
} from "../../api/execution";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { lengthLimit } from "../../components/lengthLimit";
import { PageHeader } from "../../components/PageHeader";
import { formatDateTime } from "../../components/time";
import { useLeaveGuard } from "../applications/useDraftAutosave";
import { useConfirmAct } from "../decisions/confirm";
import { Citation } from "../reviews/HorseRaceModal";

type Term = TaskBookTemplate["terms"][number];
type Source = TaskBookTemplateInput["terms"][number]["source"];
interface Values {
  terms: { textZh: string; source: Term["source"] }[];
}

const templateKey = ["taskBookTemplate"] as const;
const MAX_TERMS = 30;

/** The server takes a clause or the city setting, never an empty citation. */
const toSource = (s: Term["source"]): Source =>
  s?.clause ? { clause: s.clause } : s?.setting === "city" ? { setting: "city" } : null;

const toForm = (terms: readonly Term[]): Values => ({
  terms: terms.map((x) => ({ textZh: x.textZh, source: x.source })),
});

/**
 * 任务书模板: the terms (八、双方约定) new task books are drawn with — the bureau's own where it edited
 * them, else its policy file's. Each term keeps the clause it comes from (shown, not edited); a term the
 * bureau adds has none. 恢复默认 puts the policy file's terms in the form, not saved until 保存; task
 * books drawn before keep the terms they were drawn with.
 */
export function TaskBookTemplatePage() {
  const { t } = useLocale();
  const { message } = App.useApp();
  const confirmAct = useConfirmAct();
  const qc = useQueryClient();
  const query = useQuery({ queryKey: templateKey, queryFn: fetchTaskBookTemplate });
  const save = useMutation({
    mutationFn: saveTaskBookTemplate,
    onSuccess: (saved) => qc.setQueryData(templateKey, saved),
  });
  const [form] = Form.useForm<Values>();
  const [dirty, setDirty] = useState(false);
  const limit = lengthLimit(2000, t);
  const data = query.data;

  useLeaveGuard(dirty, {
    zh: "任务书条款有未保存的修改，离开本页将丢失。要离开吗？",
    en: "The task book terms have unsaved changes that will be lost if you leave. Leave anyway?",
  });

  // the form starts from what is saved, and again after each save
  useEffect(() => {
    if (data && !dirty) form.setFieldsValue(toForm(data.terms));
  }, [data, dirty, form]);

  const restoreDefaults = () => {
    if (!data) return;
    form.setFieldsValue(toForm(data.defaults));
    setDirty(true);
    message.info(t("已载入默认条款，保存后生效", "Default terms loaded: save to keep them"));
  };

  const onSave = async () => {
    try {
      await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    // the whole list, with each term's source (not a field of its own)
    const values: Values = { terms: form.getFieldValue("terms") ?? [] };
    const ok = await confirmAct({
      title: t("保存任务书条款？", "Save the task book terms?"),
      content: t(
        `此后拟定的计划任务书使用这 ${values.terms.length} 条约定；此前已拟定的任务书保留拟定时的条款，不受影响。此操作记入审计日志。`,
        `Task books drawn from now on carry these ${values.terms.length} terms; task books drawn before keep the terms they were drawn with. The action is audited.`,
      ),
      okText: t("保存条款", "Save the terms"),
      testId: "task-book-template-save-confirm",
    });
    if (!ok) return;
    save.mutate(
      { terms: values.terms.map((x) => ({ textZh: x.textZh.trim(), source: toSource(x.source) })) },
      {
        onSuccess: (saved) => {
          form.setFieldsValue(toForm(saved.terms));
          setDirty(false);
          message.success(t("任务书条款已保存", "Task book terms saved"));
        },
      },
    );
  };

  if (query.isPending) return <Skeleton active />;
  if (!data) return <ErrorAlert error={query.error} />;

  return (
    <div data-testid="page-task-book-template">
      <PageHeader
        title={t("任务书模板", "Task book terms")}
        extra={
          <Space wrap>
            <Button
              icon={<UndoOutlined />}
              onClick={restoreDefaults}
              data-testid="task-book-template-defaults"
            >
              {t("恢复默认", "Restore the defaults")}
            </Button>
            <Button
              type="primary"
              onClick={() => void onSave()}
              loading={save.isPending}
              disabled={!dirty}
              data-testid="task-book-template-save"
            >
              {t("保存", "Save")}
            </Button>
          </Space>
        }
      />
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        <Alert
          type="info"
          showIcon
          message={t(
            "这些条款写入此后拟定的计划任务书“八、双方约定”；已拟定的任务书保留拟定时的条款。条款出处随条款保留，不可编辑；新增的条款为市科技局约定。",
            "These terms go into section 8 (terms agreed) of task books drawn from now on; task books already drawn keep theirs. A term keeps its source, which is not edited; a term added here is the bureau's own.",
          )}
          description={
            <Typography.Text type="secondary" data-testid="task-book-template-edited">
              {data.edited
                ? t(
                    `${data.edited.byName} 于 ${formatDateTime(data.edited.at)} 修改`,
                    `Edited by ${data.edited.byName} ${formatDateTime(data.edited.at)}`,
                  )
                : t("使用政策文件的默认条款", "The policy file's default terms")}
            </Typography.Text>
          }
        />
        {dirty && (
          <Typography.Text type="warning" data-testid="task-book-template-unsaved">
            {t("有未保存的修改", "Unsaved changes")}
          </Typography.Text>
        )}
        <ErrorAlert error={save.error} />
        <Form<Values> form={form} layout="vertical" onValuesChange={() => setDirty(true)}>
          <Form.List
            name="terms"
            rules={[
              {
                validator: async (_, terms: unknown[] | undefined) => {
                  if (!terms?.length) throw new Error(t("至少一条约定", "At least one term"));
                },
              },
            ]}
          >
            {(fields, { add, remove, move }, { errors }) => (
              <Space
                direction="vertical"
                size="small"
                style={{ width: "100%" }}
                data-testid="task-book-template-terms"
              >
                {fields.map((f, i) => (
                  <Card
                    key={f.key}
                    size="small"
                    title={t(`第 ${i + 1} 条`, `Term ${i + 1}`)}
                    data-testid={`task-book-term-${i}`}
                    extra={
                      <Space size={4}>
                        <Form.Item noStyle shouldUpdate>
                          {() => {
                            const source = form.getFieldValue(["terms", f.name, "source"]) as Term["source"];
                            return source?.clause || source?.setting ? (
                              <Citation source={source} />
                            ) : (
                              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                                {t("市科技局约定", "The bureau's own")}
                              </Typography.Text>
                            );
                          }}
                        </Form.Item>
                        <Tooltip title={t("上移", "Move up")}>
                          <Button
                            size="small"
                            type="text"
                            icon={<ArrowUpOutlined />}
                            aria-label={t(`第 ${i + 1} 条上移`, `Move term ${i + 1} up`)}
                            disabled={i === 0}
                            onClick={() => {
                              move(i, i - 1);
                              setDirty(true);
                            }}
                          />
                        </Tooltip>
                        <Tooltip title={t("下移", "Move down")}>
                          <Button
                            size="small"
                            type="text"
                            icon={<ArrowDownOutlined />}
                            aria-label={t(`第 ${i + 1} 条下移`, `Move term ${i + 1} down`)}
                            disabled={i === fields.length - 1}
                            onClick={() => {
                              move(i, i + 1);
                              setDirty(true);
                            }}
                          />
                        </Tooltip>
                        <Tooltip title={t("删除", "Remove")}>
                          <Button
                            size="small"
                            type="text"
                            danger
                            icon={<DeleteOutlined />}
                            aria-label={t(`删除第 ${i + 1} 条`, `Remove term ${i + 1}`)}
                            data-testid={`task-book-term-${i}-remove`}
                            onClick={() => {
                              remove(f.name);
                              setDirty(true);
                            }}
                          />
                        </Tooltip>
                      </Space>
                    }
                  >
                    <Form.Item
                      name={[f.name, "textZh"]}
                      label={t(`第 ${i + 1} 条内容`, `Term ${i + 1} text`)}
                      style={{ marginBottom: 16 }}
                      rules={[
                        {
                          required: true,
                          whitespace: true,
                          message: t("请填写条款内容", "Write the term"),
                        },
                        {
                          min: 2,
                          transform: (v: unknown) => (typeof v === "string" ? v.trim() : v),
                          message: t("至少 2 个字", "At least 2 characters"),
                        },
                        limit.rule,
                      ]}
                    >
                      <Input.TextArea
                        autoSize={{ minRows: 2, maxRows: 8 }}
                        count={limit.count}
                        data-testid={`task-book-term-${i}-text`}
                      />
                    </Form.Item>
                  </Card>
                ))}
                <Form.ErrorList errors={errors} />
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  block
                  disabled={fields.length >= MAX_TERMS}
                  onClick={() => {
                    add({ textZh: "", source: null });
                    setDirty(true);
                  }}
                  data-testid="task-book-template-add"
                >
                  {fields.length >= MAX_TERMS
                    ? t(`最多 ${MAX_TERMS} 条`, `At most ${MAX_TERMS} terms`)
                    : t("新增条款", "Add a term")}
                </Button>
              </Space>
            )}
          </Form.List>
        </Form>
      </Space>
    </div>
  );
}
