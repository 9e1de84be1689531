import { Space, Typography } from "antd";
import type { ProjectDetail } from "../../api/execution";
import type { ProjectLifeAction } from "../../api/projectLife";
import { useLocale } from "../../app/locale";
import { useCurrentUser } from "../auth/session";
import { sourceText } from "../execution/labels";
import { GuardedButton } from "../reviews/GuardedButton";

/** The dialogs the project page opens for a project's life. */
export type LifeDialog = "apply" | "decide" | "revoke" | "return" | "sanction";

interface Step {
  dialog: LifeDialog;
  action: ProjectLifeAction;
  label: string;
  testId: string;
  /** Why the caller, who may take this kind of step, cannot take it on this project now; null when they can. */
  blocked: string | null;
  danger?: boolean;
}

/**
 * The steps the caller's role takes on a project's life, each enabled when the project offers it
 * (`life.actions`). A step the role takes but the project does not offer now stays visible, disabled,
 * with the reason beside it (a disabled button takes no focus, so the reason is written out too).
 */
export function LifeActions({
  project: p,
  onOpen,
}: {
  project: ProjectDetail;
  onOpen: (d: LifeDialog) => void;
}) {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const life = p.life;
  const may = (a: ProjectLifeAction) => life.actions.includes(a);
  const can = (permission: (typeof me.permissions)[number]) => me.permissions.includes(permission);
  const closedReason =
    life.closedAs === "revoked"
      ? t("项目已撤销", "The project is revoked")
      : life.closedAs === "terminated"
        ? t("项目已终止", "The project is terminated")
        : null;
  const requested = life.closures.find((c) => c.status === "requested");
  const decided = life.closures.find((c) => c.status === "decided");
  const reason = (a: ProjectLifeAction, ...why: (string | null | false | undefined)[]) =>
    may(a)
      ? null
      : (why.find((w): w is string => typeof w === "string") ?? t("您无权进行此操作", "Not yours to do"));

  const steps: Step[] = [];
  if (can("projectLife.apply")) {
    steps.push({
      dialog: "apply",
      action: "applyTermination",
      label: t("申请终止", "Apply to terminate"),
      testId: "life-apply",
      blocked: reason(
        "applyTermination",
        closedReason,
        p.stage === "closed" && t("项目已完成验收，已结题", "The project's acceptance has concluded"),
        requested && t("已有终止申请待市科技局审定", "A termination application awaits the bureau"),
        t("仅项目承担单位的管理员可申请终止", "Only the project's unit applies"),
      ),
    });
  }
  if (can("projectLife.decide") && requested) {
    steps.push({
      dialog: "decide",
      action: "decideTermination",
      label: t("审定终止申请", "Decide the termination"),
      testId: "life-decide",
      blocked: reason("decideTermination", t("仅市科技局项目主管可审定", "Only a program officer decides")),
    });
  }
  if (can("projectLife.decide") && decided && decided.dueFen !== null) {
    steps.push({
      dialog: "return",
      action: "recordReturn",
      label:
        decided.kind === "revocation"
          ? t("登记追回资金", "Record money recovered")
          : t("登记退回资金", "Record money returned"),
      testId: "life-return",
      blocked: reason(
        "recordReturn",
        decided.dueFen === 0 && t("无应退回的资金", "Nothing is due back"),
        decided.outstandingFen === 0 && t("应退回的资金已全部退回", "Everything due has come back"),
      ),
    });
  }
  if (can("sanction.impose")) {
    steps.push({
      dialog: "sanction",
      action: "imposeSanction",
      label: t("采取处理措施", "Impose a sanction"),
      testId: "life-sanction",
      danger: true,
      blocked: reason(
        "imposeSanction",
        closedReason,
        t(
          `本市政策未规定由您所属机关采取处理措施（${sourceText(life.rules.sanctionSource, lang)}）`,
          `Your city's policy does not have your authority impose sanctions (${sourceText(life.rules.sanctionSource, lang)})`,
        ),
      ),
    });
  }
  if (can("projectLife.decide")) {
    steps.push({
      dialog: "revoke",
      action: "revoke",
      label: t("撤销项目", "Revoke the project"),
      testId: "life-revoke",
      danger: true,
      blocked: reason(
        "revoke",
        closedReason,
        t("仅市科技局项目主管可撤销项目", "Only a program officer revokes"),
      ),
    });
  }
  if (steps.length === 0) return null;

  const blocked = steps.filter((s) => s.blocked !== null);
  return (
    <Space direction="vertical" size={4} data-testid="life-actions">
      <Space wrap>
        {steps.map((s) => (
          <GuardedButton
            key={s.dialog}
            type={s.blocked === null && !s.danger ? "primary" : "default"}
            danger={s.danger}
            blockedReason={s.blocked}
            testId={s.testId}
            onClick={() => onOpen(s.dialog)}
          >
            {s.label}
          </GuardedButton>
        ))}
      </Space>
      {blocked.map((s) => (
        <Typography.Text
          key={s.dialog}
          type="secondary"
          style={{ fontSize: 12 }}
          data-testid={`${s.testId}-reason`}
        >
          {t(`“${s.label}”：${s.blocked}`, `"${s.label}": ${s.blocked}`)}
        </Typography.Text>
      ))}
    </Space>
  );
}
