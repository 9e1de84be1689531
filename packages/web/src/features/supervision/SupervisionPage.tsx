import { AuditOutlined, ExperimentOutlined } from "@ant-design/icons";
import { drawSize } from "@luoshu/domain";
import { Alert, App, Button, Card, Descriptions, Empty, Skeleton, Space, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import type { Inspection, Supervision } from "../../api/supervision";
import { pickLang, useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { useConfirmAct } from "../decisions/confirm";
import { notApplicable } from "../fund/hooks";
import { Citation } from "../reviews/HorseRaceModal";
import { DrawCard } from "./DrawCard";
import { useDrawSpotCheck, useSupervision } from "./hooks";
import { InspectionModal } from "./InspectionModal";
import { InspectionsTable } from "./InspectionsTable";
import { ResultModal } from "./ResultModal";

/** The city's rules with where each comes from: the plan's clause, or the city's own setting. */
function RulesCard({ s }: { s: Supervision }) {
  const { t } = useLocale();
  const drawn = s.draws.some((d) => d.cycle === s.cycle);
  const cited = (text: string, source: Supervision["source"], testId: string) => (
    <Space size={4} wrap data-testid={testId}>
      <span>{text}</span>
      <Citation source={source} />
    </Space>
  );
  return (
    <Card title={t("本市规则", "The city's rules")} data-testid="supervision-rules">
      <Descriptions
        bordered
        size="small"
        column={1}
        styles={{ label: { whiteSpace: "nowrap", width: 200 } }}
        items={[
          {
            key: "rule",
            label: t("随机抽查", "Spot check"),
            children: cited(
              t(
                "每个周期按公布的算法和记录的随机种子，从执行中的项目里随机抽取一定比例进行检查，种子与名单向社会公开。",
                "Each cycle a share of the projects in execution is drawn by a published algorithm with a recorded seed; the seed and the lists are public.",
              ),
              s.source,
              "supervision-rule",
            ),
          },
          {
            key: "rate",
            label: t("抽查比例", "Rate"),
            children: cited(`${s.ratePercent}%`, s.rateSource, "supervision-rate"),
          },
          {
            key: "cycle",
            label: t("检查周期", "Cycle"),
            children: cited(
              t(
                `每个自然年度（北京时间），本周期为 ${s.cycle} 年度`,
                `The calendar year (China time); now ${s.cycle}`,
              ),
              s.cycleSource,
              "supervision-cycle",
            ),
          },
          {
            key: "once",
            label: t("每周期最多检查一次", "At most once per cycle"),
            children: cited(
              t(
                "随机抽查、审计、财政检查合并计算，每个项目每个周期最多接受一次检查。",
                "Spot checks, audits and finance checks together: a project is inspected at most once per cycle.",
              ),
              s.oncePerCycleSource,
              "supervision-once",
            ),
          },
          {
            key: "eligible",
            label: t("本周期可抽查项目", "Eligible this cycle"),
            children: (
              <span data-testid="supervision-eligible">
                {t(
                  `${s.eligibleNow} 个（执行中且本周期未接受检查）${drawn ? "；本周期已抽取" : ""}`,
                  `${s.eligibleNow} (in execution, not inspected this cycle)${drawn ? "; drawn this cycle" : ""}`,
                )}
              </span>
            ),
          },
        ]}
      />
    </Card>
  );
}

/**
 * 随机抽查与检查 (LY-PLAN §七(四), Luoyang): the rules with their clause and the city's settings, the
 * bureau's draw for this cycle (once, confirmed with what it will do), the published draws, and every
 * inspection with its result, which the inspecting department records and both departments see.
 * A city whose documents set no spot checks (Datong) is told so by the server, and the page says it.
 */
export function SupervisionPage() {
  const { lang, t } = useLocale();
  const { message } = App.useApp();
  const confirmAct = useConfirmAct();
  const supervision = useSupervision();
  const draw = useDrawSpotCheck();
  const [recording, setRecording] = useState(false);
  const [resulting, setResulting] = useState<Inspection | null>(null);
  const refused = notApplicable(supervision.error) ? supervision.error : null;
  const s = supervision.data;

  const onDraw = async (s: Supervision) => {
    const k = drawSize(s.eligibleNow, s.ratePercent);
    const ok = await confirmAct({
      title: t(`抽取 ${s.cycle} 年度检查项目？`, `Draw the projects to inspect in ${s.cycle}?`),
      content: t(
        `将按 ${s.ratePercent}% 从 ${s.eligibleNow} 个执行中项目抽取 ${k} 个，种子与名单将公开，本周期不能再次抽取。抽中的项目记为本周期的随机抽查，由市科技局登记检查结果。此操作记入审计日志。`,
        `${k} of the ${s.eligibleNow} projects in execution will be drawn at ${s.ratePercent}%; the seed and the lists will be public, and this cycle cannot be drawn again. The drawn projects are this cycle's spot checks, whose results the S&T bureau records. The draw is audited.`,
      ),
      okText: t("抽取", "Draw"),
      testId: "supervision-draw-confirm",
    });
    if (!ok) return;
    draw.mutate(undefined, {
      onSuccess: (d) =>
        message.success(
          t(`已抽取 ${d.drawn.length} 个项目，种子 ${d.seed}`, `${d.drawn.length} drawn, seed ${d.seed}`),
        ),
    });
  };

  return (
    <div data-testid="page-supervision">
      <PageHeader
        title={t("随机抽查与检查", "Spot checks and inspections")}
        extra={
          s && (
            <Space wrap>
              <Link to="/public/spot-checks" data-testid="supervision-public-link">
                {t("公开的抽查结果", "Published draws")}
              </Link>
              {s.actions.includes("recordInspection") && (
                <Button
                  icon={<AuditOutlined />}
                  onClick={() => setRecording(true)}
                  data-testid="inspection-create"
                >
                  {t("登记审计/财政检查", "Record an audit or finance check")}
                </Button>
              )}
              {s.actions.includes("draw") && (
                <Button
                  type="primary"
                  icon={<ExperimentOutlined />}
                  loading={draw.isPending}
                  onClick={() => onDraw(s)}
                  data-testid="supervision-draw"
                >
                  {t("抽取本周期检查项目", "Draw this cycle's projects")}
                </Button>
              )}
            </Space>
          )
        }
      />
      {refused ? (
        <Alert
          type="info"
          showIcon
          data-testid="supervision-not-applicable"
          message={`${pickLang(lang, refused.messageZh, refused.messageEn)}${t("本页无可办理事项。", " There is nothing to do here.")}`}
        />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: "100%" }}>
          <ErrorAlert error={supervision.error ?? draw.error} />
          {supervision.isPending && <Skeleton active />}
          {s && <RulesCard s={s} />}
          {s && (
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t("抽取记录", "Draws")}
            </Typography.Title>
          )}
          {s?.draws.length === 0 && (
            <Empty data-testid="supervision-no-draws" description={t("尚未抽取", "Nothing drawn yet")} />
          )}
          {s && [...s.draws].sort((a, b) => b.cycle - a.cycle).map((d) => <DrawCard key={d.id} draw={d} />)}
          {s && (
            <Card title={t("检查记录", "Inspections")}>
              <InspectionsTable inspections={s.inspections} onRecordResult={setResulting} />
            </Card>
          )}
        </Space>
      )}
      {s && <InspectionModal supervision={s} open={recording} onClose={() => setRecording(false)} />}
      <ResultModal inspection={resulting} onClose={() => setResulting(null)} />
    </div>
  );
}
