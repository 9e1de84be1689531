import { Descriptions, Space, Tag, Typography } from "antd";
import type { Closure } from "../../api/projectLife";
import { useLocale } from "../../app/locale";
import { yuan } from "../../components/money";
import { byAt } from "../execution/labels";
import { Citation } from "../reviews/HorseRaceModal";
import { closureGroundNames, closureKindNames, closureStatusColors, closureStatusNames } from "./labels";

/**
 * The project's terminations and revocations, newest first: the ground and reason, who applied and
 * who decided, and the money: released to the year's budget, due back from the unit, given back so
 * far and still outstanding.
 */
export function ClosuresList({ closures }: { closures: readonly Closure[] }) {
  const { lang, t } = useLocale();
  if (closures.length === 0) {
    return (
      <Typography.Text type="secondary" data-testid="closures-none">
        {t("无终止或撤销记录。", "No termination or revocation.")}
      </Typography.Text>
    );
  }
  const sorted = [...closures].sort((a, b) => b.requested.at.localeCompare(a.requested.at));
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }} data-testid="closures">
      {sorted.map((c) => {
        const revocation = c.kind === "revocation";
        const settlement = c.kind === "settlement";
        const decided = c.status === "decided";
        const applied = c.kind === "termination" && c.ground !== "sanction";
        return (
          <div key={c.id} data-testid={`closure-${c.kind}-${c.status}`}>
            <Descriptions
              bordered
              size="small"
              column={1}
              styles={{ label: { whiteSpace: "nowrap", width: 150 } }}
              title={
                <Space size={6} wrap>
                  {closureKindNames[c.kind][lang]}
                  <Tag color={closureStatusColors[c.status]} data-testid="closure-status">
                    {c.kind === "revocation" && decided
                      ? t("已撤销", "Revoked")
                      : c.kind === "termination" && decided
                        ? t("已终止", "Terminated")
                        : settlement && decided
                          ? c.outstandingFen > 0
                            ? t("结余待退回", "Balance due back")
                            : t("结余已退回", "Balance given back")
                          : closureStatusNames[c.status][lang]}
                  </Tag>
                  <Citation source={c.source} />
                </Space>
              }
              items={[
                { key: "ground", label: t("事由", "Ground"), children: closureGroundNames[c.ground][lang] },
                {
                  key: "reason",
                  label: t("理由", "Reason"),
                  children: <span style={{ whiteSpace: "pre-wrap" }}>{c.reason}</span>,
                },
                // the bureau's own decision (a revocation, a termination as a sanction) is taken and decided at once
                ...(applied
                  ? [{ key: "requested", label: t("申请", "Applied"), children: byAt(c.requested) }]
                  : [
                      { key: "taken", label: t("决定", "Decided"), children: byAt(c.decided ?? c.requested) },
                    ]),
                ...(c.spentFen !== null
                  ? [
                      {
                        key: "spent",
                        label: settlement
                          ? t("经费决算支出", "Spent as settled")
                          : t("承担单位已支出", "Spent by the unit"),
                        children: yuan(c.spentFen),
                      },
                    ]
                  : []),
                ...(applied && c.decided
                  ? [
                      {
                        key: "decided",
                        label: t("审定", "Decided"),
                        children: (
                          <Space direction="vertical" size={0}>
                            <span>{byAt(c.decided)}</span>
                            {c.decided.note && (
                              <Typography.Text type="secondary" style={{ whiteSpace: "pre-wrap" }}>
                                {c.decided.note}
                              </Typography.Text>
                            )}
                          </Space>
                        ),
                      },
                    ]
                  : []),
                ...(decided
                  ? [
                      // a settlement releases nothing: the project was not cut short
                      ...(settlement
                        ? []
                        : [
                            {
                              key: "release",
                              label: t("退回年度预算", "Released to the budget"),
                              children: <span data-testid="closure-release">{yuan(c.releaseFen)}</span>,
                            },
                          ]),
                      {
                        key: "due",
                        label: revocation ? t("应追回", "To recover") : t("应退回结余", "Balance due back"),
                        children: <span data-testid="closure-due">{yuan(c.dueFen)}</span>,
                      },
                      {
                        key: "settled",
                        label: t("已退回", "Given back"),
                        children: <span data-testid="closure-settled">{yuan(c.settledFen)}</span>,
                      },
                      {
                        key: "outstanding",
                        label: t("尚未退回", "Outstanding"),
                        children: (
                          <Typography.Text
                            type={c.outstandingFen > 0 ? "danger" : undefined}
                            data-testid="closure-outstanding"
                          >
                            {yuan(c.outstandingFen)}
                          </Typography.Text>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </div>
        );
      })}
    </Space>
  );
}
