import { directedCommissionEvents } from "@luoshu/contract";
import { App, Space, Typography } from "antd";
import type { CommissionEvent, DirectedCommission } from "../../api/decisions";
import { type Lang, useLocale } from "../../app/locale";
import { wan } from "../../components/money";
import { GuardedButton } from "../reviews/GuardedButton";
import { useConfirmAct } from "./confirm";
import { useCommissionEvent } from "./hooks";
import { blockedReason, commissionActionNames } from "./labels";

type Translate = (zh: string, en: string) => string;

/** What each step does, said in its confirmation before it is taken. */
function commissionCopy(
  e: CommissionEvent,
  c: DirectedCommission,
  days: number | null,
  lang: Lang,
  t: Translate,
) {
  const n = days ?? "—";
  switch (e) {
    case "publish":
      return {
        title: t("公示定向理由及决策依据？", "Publish the reasons and decision basis?"),
        content: t(
          `定向理由及决策依据将在公示页面公开 ${n} 个工作日，公示期满后方可由局领导批准立项。公示内容包括项目名称、承担单位、定向理由和决策依据；公示后不能修改。`,
          `The reasons and decision basis are published on the public page for ${n} working days; the bureau leader may approve only after the notice ends. The title, unit, reason and basis are public and cannot be changed afterwards.`,
        ),
        done: t("定向理由已公示", "Reasons published"),
      };
    case "approve":
      return {
        title: t("批准定向委托立项？", "Approve the directed commission?"),
        content: t(
          `“${c.title}”由${c.unitName}承担，立项金额 ${wan(c.amountFen, lang)}。批准后生成项目编号，通知承担单位，不可撤回。此操作记入审计日志。`,
          `"${c.title}", undertaken by ${c.unitName} for ${wan(c.amountFen, lang)}. Approving numbers the project and notifies the unit; it cannot be undone. The action is audited.`,
        ),
        done: t("已批准立项", "Approved"),
      };
    case "cancel":
      return {
        title: t("撤销定向委托？", "Cancel the directed commission?"),
        content: t(
          `“${c.title}”的定向委托将终止，不能恢复；已公示的定向理由不再在公示页面显示。此操作记入审计日志。`,
          `The directed commission "${c.title}" ends and cannot be restored; its reasons leave the public page. The action is audited.`,
        ),
        done: t("定向委托已撤销", "Commission cancelled"),
      };
  }
}

/**
 * The steps on commissions, asked for in a dialog that states the consequence; one mutation for the
 * page, so its error shows once above the table.
 */
export function useCommissionSteps(days: number | null) {
  const { lang, t } = useLocale();
  const { message } = App.useApp();
  const confirmAct = useConfirmAct();
  const step = useCommissionEvent();
  const run = async (c: DirectedCommission, e: CommissionEvent) => {
    const copy = commissionCopy(e, c, days, lang, t);
    const ok = await confirmAct({
      title: copy.title,
      content: copy.content,
      okText: commissionActionNames[e][lang],
      testId: `commission-${e}-confirm`,
      danger: e !== "publish",
    });
    if (ok) step.mutate({ id: c.id, event: e }, { onSuccess: () => message.success(copy.done) });
  };
  return { run, step };
}

/**
 * A commission's buttons: what the caller may do now, and what is theirs but not yet (the approval
 * while the notice runs), disabled with the server's reason, which is also written out below.
 */
export function CommissionActions({
  commission: c,
  onEvent,
  pending,
}: {
  commission: DirectedCommission;
  onEvent: (e: CommissionEvent) => void;
  /** The step being sent for this commission, if any. */
  pending: CommissionEvent | null;
}) {
  const { lang } = useLocale();
  const events = directedCommissionEvents.filter(
    (e) => c.allowedActions.includes(e) || c.blocked.some((b) => b.action === e),
  );
  if (events.length === 0) return null;
  const reasons = events.flatMap((e) => blockedReason(c, e, lang) ?? []);
  return (
    <Space direction="vertical" size={4}>
      <Space wrap size="small">
        {events.map((e) => (
          <GuardedButton
            key={e}
            size="small"
            type={e === "cancel" ? "default" : "primary"}
            danger={e === "cancel"}
            onClick={() => onEvent(e)}
            loading={pending === e}
            disabled={pending !== null && pending !== e}
            blockedReason={blockedReason(c, e, lang)}
            testId={`commission-${c.id}-${e}`}
          >
            {commissionActionNames[e][lang]}
          </GuardedButton>
        ))}
      </Space>
      {reasons.map((r) => (
        <Typography.Text key={r} type="secondary" style={{ fontSize: 12 }}>
          {r}
        </Typography.Text>
      ))}
    </Space>
  );
}
