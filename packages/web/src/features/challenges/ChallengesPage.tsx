import { PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Empty, Skeleton, Space } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import type { Challenge, ChallengeAction, ChallengeBid } from "../../api/challenges";
import { pickLang, useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { LabelledSwitch } from "../../components/LabelledSwitch";
import { PageHeader } from "../../components/PageHeader";
import { useCurrentUser } from "../auth/session";
import { noticeWorkingDays, useCityPolicy } from "../decisions/commissionPolicy";
import { ActionErrorAlert } from "../decisions/Problems";
import { BidModal } from "./BidModal";
import { ChallengeCard } from "./ChallengeCard";
import { ChallengeFormModal } from "./ChallengeFormModal";
import { isPlainStep, useChallengeSteps } from "./challengeSteps";
import { useChallenges } from "./hooks";
import { challengePrograms } from "./labels";
import { AgreementModal, CityGovernmentModal, NegotiationModal } from "./RecordModals";
import { ShortlistModal } from "./ShortlistModal";

/** The steps with a dialog of their own. */
const dialogSteps = ["bid", "shortlist", "recordCityGovernment", "recordAgreement"] as const;
type DialogStep = (typeof dialogSteps)[number];
const isDialogStep = (a: string): a is DialogStep => (dialogSteps as readonly string[]).includes(a);

type Dialog =
  | { kind: "create" }
  | { kind: DialogStep; challenge: Challenge }
  | { kind: "negotiate"; challenge: Challenge; bid: ChallengeBid }
  | null;

/**
 * 揭榜挂帅 (DT-RULES §15; LY-REFORM §三(三)2): the program officer drafts and publishes a challenge
 * list (张榜), units bid (揭榜), the officer records each bidder's negotiation and preliminary
 * agreement, proposes the shortlist after the deadline and puts it on public notice, then records
 * the tripartite agreement; the bureau leader announces the award, which numbers the projects.
 * Where the city's policy has it for the program, the city government approves before the notice
 * (LY-REFORM §三(二)1) and the finance bureau co-signs before the agreement (LY-FUNDS §12).
 * "待我处理" (?mine=true, the workspace tile) keeps the challenges waiting for the caller's step.
 */
export function ChallengesPage() {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const policy = useCityPolicy();
  const days = noticeWorkingDays(policy.data);
  const [search] = useSearchParams();
  const [mine, setMine] = useState(search.get("mine") === "true");
  const challenges = useChallenges(mine);
  const { run, step, pendingFor } = useChallengeSteps(days);
  const [dialog, setDialog] = useState<Dialog>(null);
  const programs = challengePrograms(policy.data);
  const bureau = me.permissions.includes("decision.read");
  const canCreate = me.permissions.includes("decision.manage") && programs.length > 0;
  const close = () => setDialog(null);

  const programName = (c: Challenge) => {
    const p = policy.data?.programs.find((x) => x.code === c.program);
    return p ? pickLang(lang, p.nameZh, p.nameEn) : c.programName;
  };
  const onAction = (c: Challenge, a: ChallengeAction) => {
    if (isPlainStep(a)) void run(c, a);
    else if (isDialogStep(a)) setDialog({ kind: a, challenge: c });
  };
  /** The challenge the open dialog of this kind is for, if it is open. */
  const dialogFor = (kind: DialogStep) =>
    dialog?.kind === kind && "challenge" in dialog ? dialog.challenge : null;

  return (
    <div data-testid="page-challenges">
      <PageHeader
        title={t("揭榜挂帅", "Open challenges")}
        extra={
          <Space wrap>
            <LabelledSwitch
              label={t("待我处理", "Waiting for me")}
              checked={mine}
              onChange={setMine}
              data-testid="challenges-mine"
            />
            {canCreate && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setDialog({ kind: "create" })}
                data-testid="challenge-create"
              >
                {t("新建榜单", "New challenge")}
              </Button>
            )}
          </Space>
        }
      />
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        <Alert
          type="info"
          showIcon
          message={
            bureau
              ? t(
                  `张榜 → 揭榜 → 揭榜磋商并签署初步合作协议 → 揭榜截止后提出拟中榜名单 →（本市政策要求的计划类别：市政府批准）→ 公示 ${days ?? "—"} 个工作日 →（本市政策要求的计划类别：财政会签）→ 签订三方协议 → 局领导发布中榜公告并生成项目编号。各榜单列出其计划类别的决策环节及依据条款。`,
                  `Publish → bids → negotiation and preliminary agreement → after the deadline, the shortlist → (where the city's policy asks it of the program: the city government's approval) → public notice for ${days ?? "—"} working days → (where asked: the finance co-sign) → tripartite agreement → the bureau leader announces the award and the projects are numbered. Each challenge lists the steps its program takes, with their clauses.`,
                )
              : t(
                  "张榜中的榜单在揭榜截止前均可揭榜，每个单位限揭榜一次；谁有本事谁揭榜。",
                  "Any unit may bid for an open challenge before its deadline, once per unit.",
                )
          }
        />
        <ErrorAlert error={challenges.error} />
        <ActionErrorAlert error={step.error} />
        {challenges.isPending && <Skeleton active />}
        {challenges.data?.items.length === 0 && (
          <Empty
            description={
              mine
                ? t("没有等待您处理的榜单", "Nothing is waiting for you")
                : t("暂无榜单", "No challenge yet")
            }
            data-testid="challenges-empty"
          />
        )}
        {challenges.data?.items.map((c) => (
          <ChallengeCard
            key={c.id}
            challenge={c}
            programName={programName(c)}
            showBids={bureau && c.status !== "draft"}
            pending={pendingFor(c.id)}
            onAction={(a) => onAction(c, a)}
            onNegotiate={(bid) => setDialog({ kind: "negotiate", challenge: c, bid })}
          />
        ))}
      </Space>
      <ChallengeFormModal open={dialog?.kind === "create"} policy={policy.data} onClose={close} />
      <BidModal challenge={dialogFor("bid")} onClose={close} />
      <ShortlistModal challenge={dialogFor("shortlist")} policy={policy.data} days={days} onClose={close} />
      <CityGovernmentModal challenge={dialogFor("recordCityGovernment")} onClose={close} />
      <AgreementModal challenge={dialogFor("recordAgreement")} onClose={close} />
      <NegotiationModal target={dialog?.kind === "negotiate" ? dialog : null} onClose={close} />
    </div>
  );
}
