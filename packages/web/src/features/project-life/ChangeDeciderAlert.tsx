import type { Approver } from "@luoshu/domain";
import { Alert, Space } from "antd";
import { useLocale } from "../../app/locale";
import { useCurrentUser } from "../auth/session";
import { Citation } from "../reviews/HorseRaceModal";
import { type DeciderRule, effectText, mayAct, whoActs } from "./changeText";
import { deciderNames } from "./labels";

/**
 * Before a change is submitted: who decides it by the city's rules, with the clause; whether it
 * takes effect at once or waits for the bureau; and, where the caller is not the one to take this
 * step, who is (the server refuses it too).
 */
export function ChangeDeciderAlert({
  rule,
  budgetUnchanged,
}: {
  rule: DeciderRule | null;
  budgetUnchanged: boolean;
}) {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  if (!rule) {
    return budgetUnchanged ? (
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="change-decider"
        message={t(
          "调剂后的预算与现行预算相同。修改科目金额后，这里显示由谁决定。",
          "The adjusted budget is the current one. Once a line changes, who decides shows here.",
        )}
      />
    ) : null;
  }
  const decider: Approver = rule.decider;
  const mine = mayAct(me.roles, decider);
  return (
    <Alert
      type={!mine ? "warning" : decider === "bureau" ? "info" : "success"}
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="change-decider"
      data-decider={decider}
      message={
        <Space size={4} wrap>
          <span>{t("按本市规定，本变更由：", "By the city's rules this change is decided by:")}</span>
          <strong data-testid="change-decider-name">{deciderNames[decider][lang]}</strong>
          <Citation source={rule.source} />
        </Space>
      }
      description={
        <Space direction="vertical" size={2}>
          <span data-testid="change-effect">{`${effectText(decider, t)}${t("。", ".")}`}</span>
          {!mine && (
            <strong data-testid="change-not-yours">
              {t(
                `您不能提出此变更：按本市规定${whoActs(decider, t)}，提交将被拒绝。`,
                `Not yours to submit: by the city's rules ${whoActs(decider, t)}; it would be refused.`,
              )}
            </strong>
          )}
        </Space>
      }
    />
  );
}
