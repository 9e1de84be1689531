import { Space, Typography } from "antd";
import type { Assessment, AssessmentEvent, MidTerm } from "../../api/tracking";
import { useLocale } from "../../app/locale";
import { useCurrentUser } from "../auth/session";
import { nodeName } from "../execution/labels";
import { GuardedButton } from "../reviews/GuardedButton";
import { Citation } from "../reviews/HorseRaceModal";
import { AssessmentCard } from "./AssessmentCard";

/**
 * 期中评估 (LY-FUNDS §13(一)): which node waits for it, the panel's size, the assessments with their
 * panels, and for the bureau 组织期中评估 (disabled with the server's reason when it cannot now) and
 * the one conclusion the mean calls for.
 */
export function MidTermSection({
  midTerm,
  onConvene,
  onConclude,
}: {
  midTerm: MidTerm;
  onConvene: () => void;
  onConclude: (a: Assessment, e: AssessmentEvent) => void;
}) {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const officer = me.permissions.includes("progress.review");
  const blocked = midTerm.mayConvene ? null : (midTerm.conveneBlockedZh ?? t("暂不能组织", "Not now"));
  return (
    <Space direction="vertical" size="small" style={{ width: "100%" }} data-testid="midterm">
      <Space size={6} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t("期中评估", "Mid-term assessment")}
        </Typography.Title>
        <Citation source={midTerm.citation} />
      </Space>
      <Typography.Text type="secondary" data-testid="midterm-rule">
        {midTerm.releasesNode
          ? t(
              `期中评估通过后方可拨付“${nodeName(midTerm.releasesNode, "zh")}”节点资金；评估专家不少于 ${midTerm.panelSize} 名。`,
              `The "${nodeName(midTerm.releasesNode, lang)}" node is paid once the assessment passes; the panel has at least ${midTerm.panelSize} experts.`,
            )
          : t(
              `评估专家不少于 ${midTerm.panelSize} 名。`,
              `The panel has at least ${midTerm.panelSize} experts.`,
            )}
      </Typography.Text>
      {officer && (
        <Space direction="vertical" size={2}>
          <GuardedButton
            type={blocked === null ? "primary" : "default"}
            blockedReason={blocked}
            onClick={onConvene}
            testId="midterm-convene"
          >
            {t("组织期中评估", "Convene the assessment")}
          </GuardedButton>
          {blocked && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="midterm-convene-reason">
              {t(`“组织期中评估”：${blocked}`, `"Convene": ${blocked}`)}
            </Typography.Text>
          )}
        </Space>
      )}
      {midTerm.assessments.length === 0 ? (
        <Typography.Text type="secondary" data-testid="midterm-none">
          {t("尚未组织期中评估。", "No assessment convened yet.")}
        </Typography.Text>
      ) : (
        [...midTerm.assessments]
          .sort((x, y) => y.convenedAt.localeCompare(x.convenedAt))
          .map((a) => <AssessmentCard key={a.id} a={a} onConclude={onConclude} />)
      )}
    </Space>
  );
}
