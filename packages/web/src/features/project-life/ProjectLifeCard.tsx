import { Alert, Card, Collapse, Space, Typography } from "antd";
import { useEffect, useState } from "react";
import { useSearchParams } from "react-router-dom";
import type { ProjectDetail } from "../../api/execution";
import type { Closure, Sanction } from "../../api/projectLife";
import { useLocale } from "../../app/locale";
import { yuan } from "../../components/money";
import { Citation } from "../reviews/HorseRaceModal";
import { ClosuresList } from "./ClosuresList";
import { DecideTerminationModal } from "./DecideTerminationModal";
import { LifeActions, type LifeDialog } from "./LifeActions";
import { LifeRules } from "./LifeRules";
import { LiftSanctionModal } from "./LiftSanctionModal";
import { sanctionAuthorityNames } from "./labels";
import { ReturnModal } from "./ReturnModal";
import { RevokeModal } from "./RevokeModal";
import { SanctionModal } from "./SanctionModal";
import { SanctionsTable } from "./SanctionsTable";
import { TerminationModal } from "./TerminationModal";

/** Payments suspended now: by whom, from when and until when, with the clause. */
function SuspendedAlert({ project: p }: { project: ProjectDetail }) {
  const { lang, t } = useLocale();
  const active = p.life.sanctions.filter((s) => s.kind === "paymentSuspension" && s.inForce);
  return (
    <Alert
      type="error"
      showIcon
      data-testid="project-suspended"
      message={t("本项目拨款已暂停", "Payments of this project are suspended")}
      description={
        <Space direction="vertical" size={2}>
          <span>
            {t(
              "暂停期间不得提出或拨付本项目的拨款，直至期满或由作出机关解除。",
              "Meanwhile no payment may be prepared or paid, until the suspension ends or its authority lifts it.",
            )}
          </span>
          {active.map((s) => (
            <Space key={s.id} size={4} wrap>
              {t(
                `${sanctionAuthorityNames[s.authority].zh}：自 ${s.fromDate} 起${s.untilDate ? `至 ${s.untilDate}` : "，直至解除"}`,
                `${sanctionAuthorityNames[s.authority][lang]}: from ${s.fromDate}${s.untilDate ? ` to ${s.untilDate}` : " until lifted"}`,
              )}
              <Citation source={s.source} />
            </Space>
          ))}
        </Space>
      }
    />
  );
}

/**
 * 项目终止、撤销与处理措施 (DT-RULES §20–22; LY-FUNDS §25): the project's closures with their money,
 * the measures taken on it, whether its payments are suspended, the city's rules with their clauses,
 * and the steps the caller may take, each in a dialog that asks before it acts.
 */
export function ProjectLifeCard({ project: p }: { project: ProjectDetail }) {
  const { t } = useLocale();
  const life = p.life;
  const [dialog, setDialog] = useState<LifeDialog | null>(null);
  const [lifting, setLifting] = useState<Sanction | null>(null);
  const [params, setParams] = useSearchParams();
  const [reasonSeed, setReasonSeed] = useState<string | undefined>(undefined);
  // opened from an inspection's findings (`?sanction=<the finding>`): the sanction dialog, its reason
  // started from the finding; the measure and the authority are still the officer's to choose
  const asked = params.get("sanction");
  const mayImpose = life.actions.includes("imposeSanction");
  useEffect(() => {
    if (asked === null) return;
    if (mayImpose) {
      setReasonSeed(asked);
      setDialog("sanction");
    }
    setParams(
      (q) => {
        q.delete("sanction");
        return q;
      },
      { replace: true },
    );
  }, [asked, mayImpose, setParams]);
  const close = () => setDialog(null);
  const requested: Closure | undefined = life.closures.find((c) => c.status === "requested");
  const decided: Closure | undefined = life.closures.find((c) => c.status === "decided");

  return (
    <Card
      size="small"
      title={t("项目终止、撤销与处理措施", "Termination, revocation and sanctions")}
      data-testid="project-life"
    >
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        {life.suspended && <SuspendedAlert project={p} />}
        {life.closedAs && (
          <Alert
            type="warning"
            showIcon
            data-testid="project-closed"
            message={
              life.closedAs === "revoked"
                ? t("本项目已撤销", "This project is revoked")
                : t("本项目已终止", "This project is terminated")
            }
            description={
              decided && decided.outstandingFen > 0
                ? t(
                    `不再拨款；尚有 ${yuan(decided.outstandingFen)} 应由承担单位退回。`,
                    `Nothing more is paid; ${yuan(decided.outstandingFen)} is still due back from the unit.`,
                  )
                : t("不再拨款。", "Nothing more is paid.")
            }
          />
        )}
        {requested && (
          <Alert
            type="info"
            showIcon
            data-testid="termination-waiting"
            message={t(
              "承担单位已申请终止，待市科技局审定。",
              "The unit has applied to terminate; the bureau decides.",
            )}
          />
        )}
        <LifeActions project={p} onOpen={setDialog} />
        <div>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t("终止与撤销", "Termination and revocation")}
          </Typography.Title>
          <ClosuresList closures={life.closures} />
        </div>
        <div>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t("处理措施", "Sanctions")}
          </Typography.Title>
          <SanctionsTable sanctions={life.sanctions} onLift={setLifting} />
        </div>
        <Collapse
          size="small"
          items={[
            {
              key: "rules",
              label: t("本市规定及依据", "The city's rules and their sources"),
              children: <LifeRules rules={life.rules} />,
            },
          ]}
        />
      </Space>
      <TerminationModal project={p} open={dialog === "apply"} onClose={close} />
      <DecideTerminationModal
        project={p}
        closure={dialog === "decide" ? (requested ?? null) : null}
        onClose={close}
      />
      <RevokeModal project={p} open={dialog === "revoke"} onClose={close} />
      <ReturnModal project={p} closure={dialog === "return" ? (decided ?? null) : null} onClose={close} />
      <SanctionModal
        project={p}
        open={dialog === "sanction"}
        initialReason={reasonSeed}
        onClose={() => {
          setReasonSeed(undefined);
          close();
        }}
      />
      <LiftSanctionModal project={p} sanction={lifting} onClose={() => setLifting(null)} />
    </Card>
  );
}
