import { Alert, Checkbox, Form, Input, Space, Typography } from "antd";
import type { ReviewItem, ReviewPlan } from "../../api/reviews";
import { useLocale } from "../../app/locale";
import { ClauseTag } from "../../components/ClauseTag";
import { FormModal, useFormModal } from "../../components/FormModal";
import { lengthLimit } from "../../components/lengthLimit";
import { SettingTag } from "../../components/SettingTag";
import { useMarkHorseRace } from "./hooks";
import { points } from "./labels";

interface Values {
  routesDiffer: boolean;
  reason: string;
}

/** Where a rule comes from: the clause, or the city's own setting. */
export function Citation({ source }: { source: { clause?: string; setting?: "city" } | null }) {
  if (source?.clause) return <ClauseTag clause={source.clause} />;
  if (source?.setting) return <SettingTag setting={source.setting} />;
  return null;
}

/**
 * 赛马: applications with close results whose technical routes clearly differ may go on in parallel.
 * The officer states that the routes differ (a box that must be ticked) and why; the server checks
 * the program allows it and the results are within the closeness the policy sets.
 */
export function HorseRaceModal({
  plan,
  items,
  open,
  onClose,
}: {
  plan: ReviewPlan;
  items: readonly ReviewItem[];
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const modal = useFormModal({
    open,
    onClose,
    mutation: useMarkHorseRace(plan.id),
    toVariables: (v: Values) => ({
      applicationIds: items.map((i) => i.applicationId),
      routesDiffer: true as const,
      reason: v.reason.trim(),
    }),
    fields: ["routesDiffer", "reason"],
    successText: t("已标记为赛马项目", "Marked as a horse race"),
  });
  const reason = lengthLimit(1000, t);
  const { horseRaceClosenessPoints: closeness, horseRaceSource } = plan.rules;

  return (
    <FormModal
      modal={modal}
      title={t(
        `将 ${items.length} 个项目标记为“赛马”？`,
        `Mark ${items.length} applications as a horse race?`,
      )}
      submitTestId="horse-race-confirm"
      formTestId="horse-race-form"
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="horse-race-rule"
        message={
          <Space wrap size={4}>
            {t(
              `评审结论接近（平均分相差不超过 ${closeness} 分）且技术路线明显不同的项目，可同时立项支持（“赛马制”）。`,
              `Applications whose results are close (means at most ${closeness} points apart) and whose technical routes clearly differ may be supported in parallel (horse race).`,
            )}
            <Citation source={horseRaceSource} />
          </Space>
        }
        description={t(
          "标记及理由记入审计日志，并随评审结果提交决策。",
          "The mark and its reason are audited and go with the results to the decision.",
        )}
      />
      <ul style={{ paddingInlineStart: 18 }} data-testid="horse-race-items">
        {items.map((i) => (
          <li key={i.applicationId}>
            <code>{i.number}</code> {i.title}
            <Typography.Text type="secondary">
              {t(`（平均分 ${points(i.result.mean)}）`, ` (mean ${points(i.result.mean)})`)}
            </Typography.Text>
          </li>
        ))}
      </ul>
      <Form.Item
        name="routesDiffer"
        valuePropName="checked"
        rules={[
          {
            validator: (_, v: boolean | undefined) =>
              v
                ? Promise.resolve()
                : Promise.reject(
                    new Error(t("须确认技术路线明显不同", "Confirm that the routes clearly differ")),
                  ),
          },
        ]}
      >
        <Checkbox data-testid="horse-race-routes-differ">
          {t("技术路线明显不同", "The technical routes clearly differ")}
        </Checkbox>
      </Form.Item>
      <Form.Item
        name="reason"
        label={t("理由（各项目技术路线的差异）", "Reason (how the routes differ)")}
        rules={[{ required: true, whitespace: true }, { min: 2 }, reason.rule]}
      >
        <Input.TextArea rows={4} count={reason.count} data-testid="horse-race-reason" />
      </Form.Item>
    </FormModal>
  );
}
