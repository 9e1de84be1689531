import type { ApplicationEvent } from "@luoshu/domain";
import { districtEvents, formalEvents } from "@luoshu/domain";
import {
  App,
  Button,
  type ButtonProps,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Space,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useMemo } from "react";
import type { Application, ChecklistAnswer, DistrictDecision, FormalDecision } from "../../api/applications";
import type { Guide } from "../../api/guides";
import { useLocale } from "../../app/locale";
import { lengthLimit } from "../../components/lengthLimit";
import { instantOf } from "../guides/callTime";
import { useDistrictReview, useFormalCheck } from "./hooks";
import { eventConsequences, eventText } from "./labels";
import { ViolationsAlert } from "./ViolationsAlert";

interface Values {
  event: ApplicationEvent;
  rank?: number;
  reason?: string;
  deadline?: Dayjs;
  checklist: ChecklistAnswer[];
}

/**
 * The district's preliminary review or the agency's formal check, whichever the caller may do now:
 * the decisions offered are the application's `allowedEvents`. Nothing is pre-selected, a decision
 * is taken only from a dialog that says what it does (never from Enter), and a blocked button says why.
 */
export function ReviewPanel({ application: a, guide }: { application: Application; guide?: Guide }) {
  const { t, lang } = useLocale();
  const { message, modal } = App.useApp();
  const reasonLimit = lengthLimit(2000, t);
  const [form] = Form.useForm<Values>();
  const district = useDistrictReview(a.id);
  const formal = useFormalCheck(a.id);
  const events = a.allowedEvents.filter((e) => districtEvents.includes(e) || formalEvents.includes(e));
  const isFormal = events.some((e) => formalEvents.includes(e));
  const items = useMemo(() => guide?.content.formalChecklist ?? [], [guide]);
  const event = Form.useWatch("event", form);
  const answers = Form.useWatch("checklist", form);
  const mutation = isFormal ? formal : district;
  const firstEvent = events[0];

  useEffect(() => {
    if (!firstEvent) return; // nothing to decide: the form is not shown
    form.setFieldsValue({ checklist: items.map((i) => ({ code: i.code, ok: false, note: "" })) });
  }, [form, items, firstEvent]);

  if (events.length === 0) return null;
  const needsReason = event !== "recommend" && event !== "formalPass";
  const needsDeadline = event === "districtReturn" || event === "formalReturn";
  const unticked = items.filter((_, i) => !answers?.[i]?.ok);
  const blocked = !event
    ? t("请先选择审核结论。", "Choose a decision first.")
    : event === "formalPass" && unticked.length > 0
      ? t(
          `以下清单项尚未勾选，不能通过：${unticked.map((i) => i.textZh).join("；")}`,
          `Tick every checklist item to pass; unticked: ${unticked.map((i) => i.textZh).join("; ")}`,
        )
      : null;

  const onDecide = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    modal.confirm({
      title: t(`确认${eventText(v.event, lang)}？`, `${eventText(v.event, lang)}: confirm?`),
      content: eventConsequences[v.event][lang],
      okText: t("确认提交", "Confirm"),
      cancelText: t("取消", "Cancel"),
      // Enter in the dialog cancels: the decision needs a deliberate click.
      autoFocusButton: "cancel",
      okButtonProps: { "data-testid": "review-confirm" } as ButtonProps,
      onOk: () => onFinish(v),
    });
  };

  const onFinish = (v: Values) => {
    const reason = v.reason?.trim() || undefined;
    const deadline = v.deadline ? instantOf(v.deadline) : "";
    const checklist = (v.checklist ?? []).map((c) => ({
      code: c.code,
      ok: Boolean(c.ok),
      ...(c.note ? { note: c.note } : {}),
    }));
    const done = () => message.success(t("审核意见已提交", "Decision recorded"));
    if (isFormal) {
      const d: FormalDecision =
        v.event === "formalPass"
          ? { event: "formalPass", checklist, ...(reason ? { reason } : {}) }
          : v.event === "formalReturn"
            ? { event: "formalReturn", reason: reason ?? "", deadline, checklist }
            : { event: "formalReject", reason: reason ?? "", checklist };
      formal.mutate(d, { onSuccess: done });
    } else {
      const d: DistrictDecision =
        v.event === "recommend"
          ? { event: "recommend", rank: v.rank ?? 1, ...(reason ? { reason } : {}) }
          : v.event === "districtReturn"
            ? { event: "districtReturn", reason: reason ?? "", deadline }
            : { event: "districtReject", reason: reason ?? "" };
      district.mutate(d, { onSuccess: done });
    }
  };

  return (
    <Card
      size="small"
      title={isFormal ? t("形式审查", "Formal check") : t("县区初审与推荐", "District review")}
      data-testid="review-panel"
      style={{ borderColor: "#1677ff" }}
    >
      <ViolationsAlert error={mutation.error} style={{ marginBottom: 12 }} />
      {/* No onFinish: Enter in a field (the deadline picker's included) submits nothing. */}
      <Form form={form} layout="vertical" data-testid="review-form">
        {/* Not a required rule: the record button stays disabled until a decision is picked, and says so. */}
        <Form.Item name="event" label={t("审核结论", "Decision")}>
          <Radio.Group>
            {events.map((e) => (
              <Radio key={e} value={e} data-testid={`review-decision-${e}`}>
                {eventText(e, lang)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        {isFormal && (
          <Form.List name="checklist">
            {(fields) => (
              <div data-testid="formal-checklist" style={{ marginBottom: 16 }}>
                <Typography.Text strong>{t("形式审查清单", "Checklist")}</Typography.Text>
                {fields.map((f, i) => (
                  <Row key={f.key} gutter={12} align="middle" style={{ marginTop: 8 }}>
                    <Col flex="auto">
                      <Form.Item
                        name={[f.name, "ok"]}
                        valuePropName="checked"
                        noStyle
                        rules={[
                          {
                            validator: (_, ok: boolean) =>
                              event !== "formalPass" || ok
                                ? Promise.resolve()
                                : Promise.reject(new Error(t("通过须逐项核对", "Every item must pass"))),
                          },
                        ]}
                      >
                        <Checkbox data-testid={`formal-item-${items[i]?.code}`}>{items[i]?.textZh}</Checkbox>
                      </Form.Item>
                    </Col>
                    <Col flex="280px">
                      <Form.Item name={[f.name, "note"]} noStyle>
                        <Input size="small" placeholder={t("备注（可选）", "Note (optional)")} />
                      </Form.Item>
                    </Col>
                  </Row>
                ))}
              </div>
            )}
          </Form.List>
        )}
        <Row gutter={16}>
          {event === "recommend" && (
            <Col xs={24} md={6}>
              <Form.Item name="rank" label={t("推荐次序", "Rank")} rules={[{ required: true }]}>
                <InputNumber min={1} max={10000} style={{ width: "100%" }} data-testid="review-rank" />
              </Form.Item>
            </Col>
          )}
          {needsDeadline && (
            <Col xs={24} md={8}>
              <Form.Item
                name="deadline"
                label={t("修改期限（北京时间）", "Revise by (Beijing time)")}
                rules={[{ required: true }]}
              >
                <DatePicker
                  showTime={{ format: "HH:mm" }}
                  format="YYYY-MM-DD HH:mm"
                  style={{ width: "100%" }}
                  data-testid="review-deadline"
                />
              </Form.Item>
            </Col>
          )}
          <Col span={24}>
            <Form.Item
              name="reason"
              label={
                needsReason
                  ? t("理由（申报人可见）", "Reason (shown to the applicant)")
                  : t("意见（可选）", "Remarks (optional)")
              }
              rules={needsReason ? [{ required: true }, { min: 2 }, reasonLimit.rule] : [reasonLimit.rule]}
            >
              <Input.TextArea
                autoSize={{ minRows: 2, maxRows: 6 }}
                count={reasonLimit.count}
                data-testid="review-reason"
              />
            </Form.Item>
          </Col>
        </Row>
        <Space wrap>
          <Button
            type="primary"
            onClick={onDecide}
            disabled={blocked !== null}
            loading={mutation.isPending}
            data-testid="review-submit"
          >
            {t("提交审核意见", "Record the decision")}
          </Button>
          {blocked && (
            <Typography.Text type="secondary" data-testid="review-blocked">
              {blocked}
            </Typography.Text>
          )}
        </Space>
      </Form>
    </Card>
  );
}
