import { PlusOutlined } from "@ant-design/icons";
import { chinaDateOf, citeSource, type Source } from "@luoshu/domain";
import { Alert, Button, Empty, Skeleton, Space } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import type { JointEvent, JointTopic } from "../../api/joint";
import { pickLang, useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { LabelledSwitch } from "../../components/LabelledSwitch";
import { PageHeader } from "../../components/PageHeader";
import { FilterSelect } from "../../components/Select";
import { useCurrentUser } from "../auth/session";
import { useCityPolicy } from "../decisions/commissionPolicy";
import { Citation } from "../reviews/HorseRaceModal";
import { AssessModal } from "./AssessModal";
import { CloseModal } from "./CloseModal";
import { useJointTopics } from "./hooks";
import { JointTopicCard } from "./JointTopicCard";
import { isNoteAction, NoteModal } from "./NoteModal";
import { ProposeModal } from "./ProposeModal";
import { QuestionModal } from "./QuestionModal";
import { ReviewModal } from "./ReviewModal";

type Dialog = { kind: "create" } | { kind: JointEvent; topic: JointTopic } | null;

const thisYear = () => Number(chinaDateOf(new Date()).slice(0, 4));
const cite = (source: Source | undefined) => <Citation source={source ? citeSource(source) : null} />;

/**
 * 联合科研项目 (LY-REFORM §三(一)2, §三(二)2, §三(三)4, §三(四)4): enterprises set questions; the
 * bureau scores them with the experts' argument and lists the best into the year's task list; the
 * laboratory proposes the research; the joint expert committee reviews it; the bureau and the
 * laboratory approve it together, which numbers the project; the laboratory manages it and records
 * the outcome. The platform records all of it and pays nothing. A city whose policy names no joint
 * research (Datong) says so and offers nothing.
 */
export function JointResearchPage() {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const policy = useCityPolicy();
  const rules = policy.data?.decision.jointResearch;
  const [search] = useSearchParams();
  const [year, setYear] = useState(thisYear);
  const [mine, setMine] = useState(search.get("mine") === "true");
  const topics = useJointTopics({ year, mine }, Boolean(rules));
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  // 企业出题: the enterprises set the questions (LY-REFORM §三(一)2)
  const canAsk = Boolean(rules) && me.permissions.includes("need.submit") && me.unit?.kind === "enterprise";
  const years = Array.from({ length: 5 }, (_, i) => thisYear() + 1 - i).map((y) => ({
    value: y,
    label: String(y),
  }));
  const program = policy.data?.programs.find((p) => p.code === rules?.program);

  /** The topic the open dialog of this kind is for, if it is open. */
  const dialogFor = (kind: JointEvent) =>
    dialog && dialog.kind === kind && "topic" in dialog ? dialog.topic : null;
  const noteTarget =
    dialog && "topic" in dialog && isNoteAction(dialog.kind)
      ? { topic: dialog.topic, action: dialog.kind }
      : null;

  if (policy.isPending) return <Skeleton active />;

  return (
    <div data-testid="page-joint-research">
      <PageHeader
        title={t("联合科研", "Joint research")}
        extra={
          rules && (
            <Space wrap>
              <FilterSelect<number>
                placeholder={t("年度", "Year")}
                style={{ width: 110 }}
                value={year}
                onChange={setYear}
                options={years}
                data-testid="joint-year"
              />
              <LabelledSwitch
                label={t("待我处理", "Waiting for me")}
                checked={mine}
                onChange={setMine}
                data-testid="joint-mine"
              />
              {canAsk && (
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setDialog({ kind: "create" })}
                  data-testid="joint-create"
                >
                  {t("企业出题", "New question")}
                </Button>
              )}
            </Space>
          )
        }
      />
      <ErrorAlert error={policy.error} style={{ marginBottom: 16 }} />
      {policy.data && !rules && (
        <Alert
          type="info"
          showIcon
          data-testid="joint-not-applicable"
          message={t(
            `${policy.data.cityNameZh}政策未设立联合科研项目，本页无可办理事项。`,
            `The ${policy.data.cityNameEn} policy runs no joint research; there is nothing to do here.`,
          )}
        />
      )}
      {rules && (
        <Space direction="vertical" size="middle" style={{ width: "100%" }}>
          <Alert
            type="info"
            showIcon
            data-testid="joint-flow"
            message={
              <Space size={4} wrap>
                {program ? pickLang(lang, program.nameZh, program.nameEn) : rules.program}
                {t("：", ": ")}
                {t(
                  "企业出题 → 专家咨询论证，从技术先进性、产业带动性、实施可行性评估需求优先级，形成重大攻关任务清单",
                  "enterprises set questions → experts argue them and the priority is scored on advancement, leverage and feasibility into the task list",
                )}
                {cite(rules.ranking.source)}
                {cite(rules.scoreScale.source)}
                {t(
                  "→ 实验室提出项目 → 联合专家委员会评审",
                  "→ the laboratory proposes → the joint expert committee reviews",
                )}
                {cite(rules.committee.source)}
                {t("→ 市科技局与实验室联合审定立项", "→ the bureau and the laboratory approve together")}
                {cite(rules.approval.source)}
                {t(
                  "→ 实验室主导管理并记录结题；平台不拨付资金。",
                  "→ the laboratory manages it and records the outcome; the platform pays nothing.",
                )}
                {cite(rules.management.source)}
              </Space>
            }
          />
          <ErrorAlert error={topics.error} />
          {topics.isPending && <Skeleton active />}
          {topics.data?.items.length === 0 && (
            <Empty
              data-testid="joint-empty"
              description={
                mine
                  ? t("没有等待您处理的课题", "Nothing is waiting for you")
                  : t(`${year} 年暂无联合科研课题`, `No joint research question in ${year}`)
              }
            />
          )}
          {topics.data?.items.map((c) => (
            <JointTopicCard
              key={c.id}
              topic={c}
              scale={rules.scoreScale.value}
              onAction={(a) => setDialog({ kind: a, topic: c })}
            />
          ))}
        </Space>
      )}
      <QuestionModal open={dialog?.kind === "create"} policy={policy.data} onClose={close} />
      <AssessModal topic={dialogFor("assess")} policy={policy.data} onClose={close} />
      <NoteModal target={noteTarget} onClose={close} />
      <ProposeModal topic={dialogFor("propose")} onClose={close} />
      <ReviewModal topic={dialogFor("review")} policy={policy.data} onClose={close} />
      <CloseModal topic={dialogFor("close")} onClose={close} />
    </div>
  );
}
