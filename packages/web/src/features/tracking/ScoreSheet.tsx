import { App, Button, Descriptions, Form, Input, InputNumber, Space, Typography } from "antd";
import type { ExpertAssessment } from "../../api/tracking";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { lengthLimit, trimmed } from "../../components/lengthLimit";
import { formatDateTime } from "../../components/time";
import { useConfirmAct } from "../decisions/confirm";
import { useSubmitAssessmentSheet } from "./hooks";
import { assessmentKindNames, points } from "./labels";

interface Values {
  scores: (number | null | undefined)[];
  comment: string;
}

/** Σ score × weight, hundredths of a point, as the server weighs it (a criterion not scored counts 0). */
const weighted = (criteria: ExpertAssessment["criteria"], scores: Values["scores"] | undefined) =>
  criteria.reduce((sum, c, i) => sum + (scores?.[i] ?? 0) * c.weight, 0);

/**
 * 评分表: one whole score from 0 to 100 per criterion with its weight, the weighted total as it is
 * typed, and the comment; submitted once after a confirmation ("提交后不可修改"), then read-only.
 * A refused submission keeps everything typed.
 */
export function ScoreSheet({ assessment: a }: { assessment: ExpertAssessment }) {
  const { lang, t } = useLocale();
  const { message } = App.useApp();
  const confirmAct = useConfirmAct();
  const [form] = Form.useForm<Values>();
  const submit = useSubmitAssessmentSheet();
  const scores = Form.useWatch("scores", form);
  const limit = lengthLimit(5000, t);
  const label = (c: ExpertAssessment["criteria"][number]) =>
    `${lang === "zh" ? c.nameZh : c.nameEn}（${t("权重", "weight")} ${c.weight}%）`;

  if (a.mySheet.submittedAt) {
    const mine = a.mySheet.scores ?? [];
    return (
      <Descriptions
        size="small"
        bordered
        column={1}
        data-testid="score-sheet-submitted"
        styles={{ label: { whiteSpace: "nowrap" } }}
        items={[
          ...a.criteria.map((c, i) => ({ key: `c${i}`, label: label(c), children: String(mine[i] ?? "—") })),
          {
            key: "total",
            label: t("加权得分", "Weighted total"),
            children: <span data-testid="score-sheet-total">{points(weighted(a.criteria, mine))}</span>,
          },
          {
            key: "comment",
            label: t("评审意见", "Comment"),
            children: <span style={{ whiteSpace: "pre-wrap" }}>{a.mySheet.comment ?? "—"}</span>,
          },
          {
            key: "at",
            label: t("提交时间", "Submitted"),
            children: t(
              `${formatDateTime(a.mySheet.submittedAt)}（提交后不可修改）`,
              `${formatDateTime(a.mySheet.submittedAt)} (final)`,
            ),
          },
        ]}
      />
    );
  }
  if (a.status !== "convened")
    return (
      <Typography.Text type="secondary">
        {t("评估已结束，未提交评分。", "The assessment is over; you did not score it.")}
      </Typography.Text>
    );

  const onSubmit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    const total = points(weighted(a.criteria, v.scores));
    const ok = await confirmAct({
      title: t("提交评分？", "Submit your scores?"),
      content: t(
        `项目 ${a.project.number}“${a.project.title}”${assessmentKindNames[a.kind].zh}，加权得分 ${total} 分。提交后不可修改。`,
        `The ${assessmentKindNames[a.kind].en.toLowerCase()} of project ${a.project.number} "${a.project.title}", weighted total ${total}. Once submitted it cannot be changed.`,
      ),
      okText: t("提交评分", "Submit"),
      testId: "score-sheet-confirm",
    });
    if (!ok) return;
    submit.mutate(
      { id: a.id, body: { scores: v.scores.map((s) => s ?? 0), comment: v.comment.trim() } },
      { onSuccess: () => message.success(t("已提交评分", "Scores submitted")) },
    );
  };

  return (
    <Form form={form} layout="vertical" data-testid="score-sheet" style={{ maxWidth: 720 }}>
      <ErrorAlert error={submit.error} style={{ marginBottom: 12 }} />
      {a.criteria.map((c, i) => (
        <Form.Item
          key={c.nameZh}
          name={["scores", i]}
          label={label(c)}
          rules={[
            { required: true, message: t("请打分", "Score it") },
            {
              type: "integer",
              min: 0,
              max: 100,
              message: t("0–100 的整数", "A whole number from 0 to 100"),
            },
          ]}
        >
          <InputNumber min={0} max={100} precision={0} style={{ width: 160 }} data-testid={`score-${i}`} />
        </Form.Item>
      ))}
      <Typography.Paragraph data-testid="score-sheet-live-total">
        {t(
          `加权得分：${points(weighted(a.criteria, scores))} 分（满分 100）`,
          `Weighted total: ${points(weighted(a.criteria, scores))} of 100`,
        )}
      </Typography.Paragraph>
      <Form.Item
        name="comment"
        label={t("评审意见", "Comment")}
        rules={[
          { required: true, whitespace: true, message: t("请填写", "Required") },
          { min: 2, transform: trimmed, message: t("至少 2 个字", "At least 2 characters") },
          limit.rule,
        ]}
      >
        <Input.TextArea rows={4} count={limit.count} data-testid="score-comment" />
      </Form.Item>
      <Space>
        <Button
          type="primary"
          onClick={() => void onSubmit()}
          loading={submit.isPending}
          data-testid="score-sheet-submit"
        >
          {t("提交评分", "Submit scores")}
        </Button>
        <Typography.Text type="secondary">{t("提交后不可修改。", "Final once submitted.")}</Typography.Text>
      </Space>
    </Form>
  );
}
