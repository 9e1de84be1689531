import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { expertStatusNames, normaliseKeywords } from "@luoshu/domain";
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Space, Typography } from "antd";
import { useEffect } from "react";
import { pickLang, useLocale } from "../../app/locale";
import { dateStringProps } from "../../components/dateField";
import { ErrorAlert } from "../../components/ErrorAlert";
import { applyFieldErrors } from "../../components/formErrors";
import { lengthLimit } from "../../components/lengthLimit";
import { PageHeader } from "../../components/PageHeader";
import { PageLoading } from "../../components/PageLoading";
import { disciplineLabel } from "./disciplineLabel";
import { useOwnExpert, useUpdateOwnExpert } from "./hooks";

interface Values {
  keywords: string;
  phone: string;
  email: string;
  availability: { from: string; until: string }[];
  formerUnits: { uscc: string; leftOn: string }[];
}

/** 我的专家信息: the expert keeps their keywords, availability and contact; the rest is the pool's. */
export function MyExpertPage() {
  const { lang, t } = useLocale();
  const { message } = App.useApp();
  const own = useOwnExpert();
  const save = useUpdateOwnExpert();
  const [form] = Form.useForm<Values>();
  const keywords = lengthLimit(400, t);
  const phone = lengthLimit(20, t);
  const email = lengthLimit(100, t);
  const e = own.data;

  useEffect(() => {
    if (!e) return;
    form.setFieldsValue({
      keywords: e.keywords.join("、"),
      phone: e.phone ?? "",
      email: e.email ?? "",
      availability: e.availability,
      formerUnits: e.formerUnits.map((f) => ({ uscc: f.uscc, leftOn: f.leftOn })),
    });
  }, [e, form]);

  if (own.isPending) return <PageLoading />;
  const onSave = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    save.mutate(
      {
        keywords: normaliseKeywords(v.keywords.split(/[;；,，、\n]+/)),
        phone: v.phone.trim() || null,
        email: v.email.trim() || null,
        availability: (v.availability ?? []).filter((w) => w?.from && w?.until),
        formerUnits: (v.formerUnits ?? []).filter((f) => f?.uscc && f?.leftOn),
      },
      {
        onSuccess: () => message.success(t("已保存", "Saved")),
        onError: (err) =>
          applyFieldErrors(form, err, lang, ["keywords", "phone", "email", "availability", "formerUnits"]),
      },
    );
  };

  return (
    <div data-testid="page-my-expert">
      <PageHeader title={t("我的专家信息", "My expert profile")} />
      <ErrorAlert error={own.error} style={{ marginBottom: 16 }} />
      {e && (
        <Space direction="vertical" size="large" style={{ width: "100%" }}>
          {e.status === "suspended" && (
            <Alert
              type="warning"
              showIcon
              message={t(
                `您的专家资格已暂停：${e.suspensionReason ?? ""}`,
                `You are suspended: ${e.suspensionReason ?? ""}`,
              )}
            />
          )}
          <Card
            title={t("专家库登记信息（由管理部门维护）", "Pool record (kept by the bureau)")}
            size="small"
          >
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label={t("姓名", "Name")}>{e.displayName}</Descriptions.Item>
              <Descriptions.Item label={t("状态", "Status")}>
                {pickLang(lang, expertStatusNames[e.status].zh, expertStatusNames[e.status].en)}
              </Descriptions.Item>
              <Descriptions.Item label={t("所在单位", "Unit")}>{e.unit.nameZh}</Descriptions.Item>
              <Descriptions.Item label={t("职称", "Title")}>{e.title}</Descriptions.Item>
              <Descriptions.Item label={t("学科", "Disciplines")}>
                {e.disciplines.map((d) => disciplineLabel(d, lang)).join("；")}
              </Descriptions.Item>
              <Descriptions.Item label={t("身份证号", "ID number")}>
                {e.idNumberMasked ?? "—"}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={t("本人可修改的信息", "What you keep yourself")} size="small">
            <ErrorAlert error={save.error} style={{ marginBottom: 16 }} />
            <Form form={form} layout="vertical" data-testid="my-expert-form" style={{ maxWidth: 640 }}>
              <Form.Item
                name="keywords"
                label={t("研究方向关键词", "Keywords")}
                extra={t(
                  "多个关键词用顿号或分号分隔，至多20个。",
                  "Separate keywords with commas or semicolons; at most 20.",
                )}
                rules={[keywords.rule]}
              >
                <Input.TextArea rows={2} count={keywords.count} data-testid="my-expert-keywords" />
              </Form.Item>
              <Form.Item name="phone" label={t("手机", "Mobile")} rules={[phone.rule]}>
                <Input count={phone.count} data-testid="my-expert-phone" />
              </Form.Item>
              <Form.Item name="email" label={t("电子邮箱", "Email")} rules={[email.rule, { type: "email" }]}>
                <Input count={email.count} data-testid="my-expert-email" />
              </Form.Item>
              <Form.List name="availability">
                {(fields, { add, remove }) => (
                  <Form.Item
                    label={t("可评审时段", "Availability")}
                    extra={t("不填表示不限时段。", "None: available at any time.")}
                  >
                    {fields.map((f, i) => (
                      <Space key={f.key} align="baseline" wrap>
                        <Form.Item name={[f.name, "from"]} rules={[{ required: true }]} {...dateStringProps}>
                          <DatePicker aria-label={t(`第${i + 1}段开始日期`, `Window ${i + 1} from`)} />
                        </Form.Item>
                        <span>～</span>
                        <Form.Item name={[f.name, "until"]} rules={[{ required: true }]} {...dateStringProps}>
                          <DatePicker aria-label={t(`第${i + 1}段结束日期`, `Window ${i + 1} until`)} />
                        </Form.Item>
                        <Button
                          type="text"
                          icon={<MinusCircleOutlined />}
                          aria-label={t(`删除第${i + 1}段`, `Remove window ${i + 1}`)}
                          onClick={() => remove(f.name)}
                        />
                      </Space>
                    ))}
                    <Button
                      type="dashed"
                      icon={<PlusOutlined />}
                      onClick={() => add({ from: "", until: "" })}
                    >
                      {t("添加时段", "Add a window")}
                    </Button>
                  </Form.Item>
                )}
              </Form.List>
              <Form.List name="formerUnits">
                {(fields, { add, remove }) => (
                  <Form.Item
                    label={t("近年曾任职单位（回避）", "Units you left recently (conflicts)")}
                    extra={t(
                      "离开不满政策规定年限的单位，其申报项目不会分配给您评审。按统一社会信用代码填写本市单位。",
                      "Applications of a unit you left within the policy's period are not assigned to you. Name the city's units by their credit code.",
                    )}
                  >
                    {e.formerUnits.length > 0 && (
                      <Typography.Paragraph type="secondary" data-testid="my-expert-former-units">
                        {e.formerUnits.map((f) => `${f.unitName}（${f.leftOn} 离开）`).join("；")}
                      </Typography.Paragraph>
                    )}
                    {fields.map((f, i) => (
                      <Space key={f.key} align="baseline" wrap>
                        <Form.Item name={[f.name, "uscc"]} rules={[{ required: true, len: 18 }]}>
                          <Input
                            aria-label={t(`第${i + 1}个单位的统一社会信用代码`, `Unit ${i + 1}: credit code`)}
                            style={{ width: 220 }}
                            data-testid={`my-expert-former-uscc-${i}`}
                          />
                        </Form.Item>
                        <Form.Item
                          name={[f.name, "leftOn"]}
                          rules={[{ required: true }]}
                          {...dateStringProps}
                        >
                          <DatePicker
                            aria-label={t(`第${i + 1}个单位的离开日期`, `Unit ${i + 1}: left on`)}
                          />
                        </Form.Item>
                        <Button
                          type="text"
                          icon={<MinusCircleOutlined />}
                          aria-label={t(`删除第${i + 1}个单位`, `Remove unit ${i + 1}`)}
                          onClick={() => remove(f.name)}
                        />
                      </Space>
                    ))}
                    <Button
                      type="dashed"
                      icon={<PlusOutlined />}
                      onClick={() => add({ uscc: "", leftOn: "" })}
                    >
                      {t("添加单位", "Add a unit")}
                    </Button>
                  </Form.Item>
                )}
              </Form.List>
              <Button type="primary" onClick={onSave} loading={save.isPending} data-testid="my-expert-save">
                {t("保存", "Save")}
              </Button>
            </Form>
          </Card>
        </Space>
      )}
    </div>
  );
}
