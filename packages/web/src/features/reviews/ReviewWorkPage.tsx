import { SaveOutlined, SendOutlined } from "@ant-design/icons";
import { submissionGaps, weightedTotal } from "@luoshu/domain";
import {
  Alert,
  App,
  Button,
  type ButtonProps,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Skeleton,
  Space,
  Tag,
  Typography,
} from "antd";
import { useCallback, useEffect, useRef } from "react";
import { Link, useParams } from "react-router-dom";
import type { ReviewWork, ScoreSheetInput } from "../../api/reviews";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { lengthLimit } from "../../components/lengthLimit";
import { PageHeader } from "../../components/PageHeader";
import { formatDateTime } from "../../components/time";
import { useDraftAutosave } from "../applications/useDraftAutosave";
import { GuardedButton } from "./GuardedButton";
import { useReviewWork, useSaveSheet, useSubmitSheet } from "./hooks";
import { assignmentStatusColors, assignmentStatusText, points } from "./labels";
import { MaskedApplication } from "./MaskedApplication";

interface Values {
  scores: (number | null | undefined)[];
  comment: string;
}

const commentMax = 5000;

function valuesOf(w: ReviewWork): Values {
  return {
    scores: w.criteria.map((_, i) => w.sheet?.scores[i] ?? null),
    comment: w.sheet?.comment ?? "",
  };
}

/** The sheet as the server takes it: whole points within 0–100 (the field rounds and clamps the same). */
function sheetOf(v: Values, criteria: number): ScoreSheetInput & { comment: string } {
  return {
    scores: Array.from({ length: criteria }, (_, i) => {
      const s = v.scores?.[i];
      return typeof s === "number" && Number.isFinite(s) ? Math.min(100, Math.max(0, Math.round(s))) : null;
    }),
    comment: v.comment ?? "",
  };
}

/**
 * 评审打分: the masked application beside the sheet. Each criterion is scored 0–100 in whole points,
 * the weighted total (Σ score × weight / 100) shows as it is typed, the sheet is saved as the expert
 * goes (and on the button) and submitted once, after a confirmation; a submitted sheet is read-only.
 */
export function ReviewWorkPage() {
  const { id = "" } = useParams();
  const { lang, t } = useLocale();
  const { message, modal } = App.useApp();
  const query = useReviewWork(id);
  const w = query.data;
  const save = useSaveSheet(id);
  const submit = useSubmitSheet(id);
  const [form] = Form.useForm<Values>();
  const comment = lengthLimit(commentMax, t);
  const loadedFor = useRef<string | null>(null);
  const overdue = w ? new Date(w.scoringDeadline).getTime() < Date.now() : false;
  const editable = w?.status === "accepted" && !overdue;
  const scores = Form.useWatch("scores", form);
  const commentText = Form.useWatch("comment", form);

  const load = useCallback(
    (work: ReviewWork) => {
      form.resetFields();
      form.setFieldsValue(valuesOf(work));
      loadedFor.current = work.id;
    },
    [form],
  );
  // Only the first answer fills the form: a later refresh must not wipe what is being typed.
  useEffect(() => {
    if (w && loadedFor.current !== w.id) load(w);
  }, [w, load]);

  /** Saves the sheet as it is; a comment past its limit is not sent (the page stays unsaved). */
  const doSave = async (quiet: boolean) => {
    if (!w) return null;
    const sheet = sheetOf(form.getFieldsValue(true) as Values, w.criteria.length);
    const tooLong = comment.excess(sheet.comment);
    if (tooLong) {
      if (!quiet)
        message.error(
          t(`评审意见过长，未保存：${tooLong}`, `The comment is too long and not saved: ${tooLong}`),
        );
      return null;
    }
    try {
      return await save.mutateAsync(sheet);
    } catch {
      return null; // shown by the alert
    }
  };
  const autosave = useDraftAutosave(doSave, editable);

  if (query.isPending) return <Skeleton active />;
  if (!w) return <ErrorAlert error={query.error} />;

  const sheet = sheetOf({ scores: scores ?? [], comment: commentText ?? "" }, w.criteria.length);
  const liveTotal = weightedTotal(w.criteria, sheet.scores) / 100;
  const gaps = submissionGaps(w.criteria, { scores: sheet.scores, comment: sheet.comment });
  const unscored = gaps.filter((g) => g.startsWith("scores.")).length;
  const submitBlocked = !editable
    ? null
    : unscored > 0
      ? t(`尚有 ${unscored} 项指标未打分。`, `${unscored} criteria have no score yet.`)
      : gaps.includes("comment")
        ? t("请填写评审意见。", "Write the comment.")
        : comment.excess(sheet.comment);

  const onSave = async () => {
    if (await autosave.run(false))
      message.success(t("已保存，可稍后继续评审", "Saved; you can come back to it"));
  };

  const doSubmit = async () => {
    // save first: the timer of a background save must not fire after the submission
    if (!(await autosave.run(false))) return;
    submit.mutate(sheetOf(form.getFieldsValue(true) as Values, w.criteria.length), {
      onSuccess: (next) => {
        load(next);
        message.success(t("评审意见已提交", "Review submitted"));
      },
    });
  };

  const onSubmit = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    modal.confirm({
      title: t("提交评审意见？", "Submit the review?"),
      content: t(
        `加权总分 ${liveTotal.toFixed(2)} 分。提交后不能修改，如需修改须由组织方退回。`,
        `Weighted total ${liveTotal.toFixed(2)}. Once submitted it cannot be changed; only the organiser can reopen it.`,
      ),
      okText: t("确认提交", "Submit"),
      cancelText: t("取消", "Cancel"),
      autoFocusButton: "cancel",
      okButtonProps: { "data-testid": "review-work-submit-confirm" } as ButtonProps,
      // the dialog closes at once; the submit button shows the request, the alerts above its error
      onOk: () => void doSubmit(),
    });
  };

  return (
    <div data-testid="page-review-work">
      <PageHeader
        title={w.application.title}
        extra={
          <Space wrap>
            <Link to="/my-reviews" data-testid="review-work-back">
              {t("返回我的评审", "Back to my reviews")}
            </Link>
            <Tag color={assignmentStatusColors[w.status]} data-testid="review-work-status">
              {assignmentStatusText(w.status, lang)}
            </Tag>
          </Space>
        }
      />
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        {w.status === "accepted" && overdue && (
          <Alert
            type="error"
            showIcon
            data-testid="review-work-overdue"
            message={t(
              `评审截止时间 ${formatDateTime(w.scoringDeadline)} 已过，不能再保存或提交。`,
              `The deadline ${formatDateTime(w.scoringDeadline)} has passed; the sheet can no longer be saved or submitted.`,
            )}
          />
        )}
        <ErrorAlert error={save.error} />
        <ErrorAlert error={submit.error} />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <MaskedApplication application={w.application} />
          </Col>
          <Col xs={24} xl={10}>
            <Card
              size="small"
              title={t("评审打分", "Score sheet")}
              data-testid="review-sheet"
              extra={
                <Typography.Text>
                  {t("截止：", "Due: ")}
                  {formatDateTime(w.scoringDeadline)}
                </Typography.Text>
              }
            >
              {w.status === "submitted" && (
                <Alert
                  type="success"
                  showIcon
                  style={{ marginBottom: 16 }}
                  data-testid="review-work-submitted"
                  message={t(
                    `已提交，加权总分 ${points(w.total)} 分。如需修改，须由组织方退回。`,
                    `Submitted, weighted total ${points(w.total)}. Only the organiser can reopen it.`,
                  )}
                />
              )}
              {/* No onFinish: Enter in a field submits nothing. */}
              <Form
                form={form}
                layout="vertical"
                disabled={!editable}
                onValuesChange={autosave.touch}
                data-testid="review-sheet-form"
              >
                {w.criteria.map((c, i) => (
                  <Form.Item
                    key={i}
                    name={["scores", i]}
                    label={t(`${c.nameZh}（权重 ${c.weight}%）`, `${c.nameZh} (weight ${c.weight}%)`)}
                    extra={t("0–100 的整数", "A whole number from 0 to 100")}
                  >
                    <InputNumber
                      min={0}
                      max={100}
                      precision={0}
                      step={1}
                      style={{ width: 160 }}
                      data-testid={`review-score-${i}`}
                    />
                  </Form.Item>
                ))}
                <Form.Item name="comment" label={t("评审意见", "Comment")} rules={[comment.rule]}>
                  <Input.TextArea
                    autoSize={{ minRows: 6, maxRows: 20 }}
                    count={comment.count}
                    data-testid="review-comment"
                  />
                </Form.Item>
              </Form>
              <div aria-live="polite" style={{ marginBottom: 16 }}>
                <Typography.Text strong data-testid="review-live-total">
                  {t("加权总分：", "Weighted total: ")}
                  {(w.status === "submitted" && w.total !== null ? w.total : liveTotal).toFixed(2)}
                </Typography.Text>
                {editable && unscored > 0 && (
                  <Typography.Text type="secondary">
                    {t(`（${unscored} 项未打分，按 0 分计）`, ` (${unscored} not scored yet, counted as 0)`)}
                  </Typography.Text>
                )}
              </div>
              {editable && (
                <Space wrap>
                  {(autosave.dirty || autosave.saved) && (
                    <Typography.Text type="secondary" data-testid="review-work-autosave">
                      {autosave.dirty
                        ? t("有未保存的修改", "Unsaved changes")
                        : t(
                            `已保存 ${formatDateTime(autosave.saved?.at.toISOString()).slice(11, 16)}`,
                            `Saved at ${formatDateTime(autosave.saved?.at.toISOString()).slice(11, 16)}`,
                          )}
                    </Typography.Text>
                  )}
                  <Button
                    icon={<SaveOutlined />}
                    onClick={onSave}
                    loading={save.isPending && !submit.isPending}
                    data-testid="review-work-save"
                  >
                    {t("保存", "Save")}
                  </Button>
                  <GuardedButton
                    type="primary"
                    icon={<SendOutlined />}
                    onClick={onSubmit}
                    loading={submit.isPending}
                    blockedReason={submitBlocked}
                    testId="review-work-submit"
                  >
                    {t("提交", "Submit")}
                  </GuardedButton>
                </Space>
              )}
              {submitBlocked && (
                <Typography.Paragraph
                  type="secondary"
                  style={{ marginTop: 8 }}
                  data-testid="review-work-blocked"
                >
                  {submitBlocked}
                </Typography.Paragraph>
              )}
            </Card>
          </Col>
        </Row>
      </Space>
    </div>
  );
}
