import { Alert, Button, Card, Empty, Skeleton, Space, Steps, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import type { BudgetCycle } from "../../api/fundPush";
import { pickLang, useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { LabelledSwitch } from "../../components/LabelledSwitch";
import { wan } from "../../components/money";
import { PageHeader } from "../../components/PageHeader";
import { formatDateTime } from "../../components/time";
import { useCurrentUser } from "../auth/session";
import { useCityPolicy } from "../decisions/commissionPolicy";
import { notApplicable, useBudgetCycles } from "../fund/hooks";
import { GuardedButton } from "../reviews/GuardedButton";
import { Citation } from "../reviews/HorseRaceModal";
import { actorNames, StepModal } from "./StepModal";

type Step = BudgetCycle["steps"][number];

/** "一上：报送收支规划安排建议" → "一上" for a button; the whole name elsewhere. */
const shortName = (s: Step, lang: "zh" | "en") =>
  lang === "zh" ? (s.nameZh.split("：")[0] ?? s.nameZh) : (s.nameEn.split(":")[0] ?? s.nameEn);

/** "一上：报送收支规划安排建议" → "报送收支规划安排建议" under the step's short name. */
const restOfName = (s: Step, lang: "zh" | "en") => {
  const [, ...rest] = lang === "zh" ? s.nameZh.split("：") : s.nameEn.split(":");
  return rest.join(lang === "zh" ? "：" : ":").trim();
};

function StepDescription({ step: s, year }: { step: Step; year: number }) {
  const { lang, t } = useLocale();
  const r = s.record;
  return (
    <div data-testid={`cycle-${year}-${s.code}`} style={{ fontSize: 13 }}>
      <div>{restOfName(s, lang)}</div>
      <div>
        {pickLang(lang, actorNames[s.actor].zh, actorNames[s.actor].en)} <Citation source={s.source} />
      </div>
      {s.due && (
        <div>
          {t("应于", "Due")} {s.due} {t("前", "")}
          {s.overdue && !r && (
            <Tag color="red" style={{ marginInlineStart: 4 }} data-testid={`cycle-${year}-${s.code}-overdue`}>
              {t("已逾期", "Overdue")}
            </Tag>
          )}
        </div>
      )}
      {r ? (
        <div data-testid={`cycle-${year}-${s.code}-record`}>
          <div>
            {r.on} · {r.docNumber}
          </div>
          <div>{wan(r.amountFen, lang)}</div>
          <Typography.Text type="secondary">
            {r.byName} · {formatDateTime(r.at)}
          </Typography.Text>
          {r.note && <div style={{ whiteSpace: "pre-wrap" }}>{r.note}</div>}
        </div>
      ) : (
        <Typography.Text type="secondary">{t("未办理", "Not recorded")}</Typography.Text>
      )}
    </div>
  );
}

function CycleCard({ cycle: c, onRecord }: { cycle: BudgetCycle; onRecord: () => void }) {
  const { lang, t } = useLocale();
  const policy = useCityPolicy();
  const next = c.steps.find((s) => s.code === c.next);
  const current = next ? c.steps.indexOf(next) : c.steps.length;
  const programName = (code: string) => {
    const p = policy.data?.programs.find((x) => x.code === code);
    return p ? pickLang(lang, p.nameZh, p.nameEn) : code;
  };
  return (
    <Card
      data-testid={`cycle-${c.year}`}
      title={
        <Space wrap>
          <span>{t(`${c.year} 年度预算`, `Budget ${c.year}`)}</span>
          <Tag color={next ? "blue" : "green"} data-testid={`cycle-${c.year}-status`}>
            {next
              ? t(
                  `待${actorNames[next.actor].zh}办理${shortName(next, "zh")}`,
                  `${shortName(next, "en")} by the ${actorNames[next.actor].en}`,
                )
              : t("四步已办结", "All four steps done")}
          </Tag>
        </Space>
      }
      extra={
        next &&
        (c.mayRecord ? (
          <Button type="primary" onClick={onRecord} data-testid={`cycle-${c.year}-record`}>
            {t(`办理${shortName(next, "zh")}`, `Record ${shortName(next, "en")}`)}
          </Button>
        ) : (
          <GuardedButton
            testId={`cycle-${c.year}-record`}
            blockedReason={t(
              `下一步“${next.nameZh}”由${actorNames[next.actor].zh}办理`,
              `The next step (${next.nameEn}) is the ${actorNames[next.actor].en}'s`,
            )}
          >
            {t(`办理${shortName(next, "zh")}`, `Record ${shortName(next, "en")}`)}
          </GuardedButton>
        ))
      }
    >
      <Steps
        current={current}
        status="process"
        size="small"
        responsive
        items={c.steps.map((s, i) => ({
          title: shortName(s, lang),
          status: s.record ? "finish" : i === current ? (s.overdue ? "error" : "process") : "wait",
          description: <StepDescription step={s} year={c.year} />,
        }))}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t("项目绩效目标（随二上报送）", "Program performance targets (with the second proposal)")}{" "}
        <Citation source={c.performanceTargetsSource} />
      </Typography.Title>
      <Table
        size="small"
        pagination={false}
        rowKey={(r) => `${r.program}-${r.indicator}`}
        dataSource={c.performanceTargets}
        data-testid={`cycle-${c.year}-targets`}
        locale={{ emptyText: t("尚未设定", "None yet") }}
        columns={[
          { title: t("专项", "Program"), dataIndex: "program", render: programName },
          { title: t("绩效指标", "Indicator"), dataIndex: "indicator" },
          { title: t("目标值", "Target"), dataIndex: "target" },
        ]}
      />
    </Card>
  );
}

/**
 * 预算“两上两下” (LY-FUNDS §11): each budget year, the coming year first, as its four steps between the
 * S&T bureau and the finance bureau, with due days, what was recorded and the clause; the side whose
 * step is next records it. A city whose documents set no such steps (Datong) is told so by the server.
 */
export function BudgetCyclesPage() {
  const { lang, t } = useLocale();
  const me = useCurrentUser();
  const policy = useCityPolicy();
  const [search] = useSearchParams();
  const [mine, setMine] = useState(search.get("mine") === "true");
  const cycles = useBudgetCycles(mine);
  const [recording, setRecording] = useState<BudgetCycle | null>(null);
  const refused = notApplicable(cycles.error) ? cycles.error : null;

  return (
    <div data-testid="page-budget-cycles">
      <PageHeader
        title={t("预算“两上两下”", "Budget: two up, two down")}
        extra={
          !refused &&
          !cycles.isPending && (
            <Space wrap>
              {me.permissions.includes("budget.control") && (
                <Link to="/budget/control-numbers">{t("预算控制数", "Control numbers")}</Link>
              )}
              <LabelledSwitch
                label={t("待我处理", "Waiting for me")}
                checked={mine}
                onChange={setMine}
                data-testid="cycle-mine"
              />
            </Space>
          )
        }
      />
      {refused ? (
        <Alert
          type="info"
          showIcon
          data-testid="cycle-not-applicable"
          message={`${pickLang(lang, refused.messageZh, refused.messageEn)}${t("本页无可办理事项。", " There is nothing to do here.")}`}
        />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: "100%" }}>
          <Alert
            type="info"
            showIcon
            message={t(
              "一上：市科技局报送收支规划安排建议 → 一下：市财政局下达控制数 → 二上：市科技局报送预算草案及项目绩效目标 → 二下：市财政局批复。",
              "First up: the bureau proposes → first down: finance sets the control number → second up: the bureau's draft with performance targets → second down: finance approves.",
            )}
          />
          <ErrorAlert error={cycles.error} />
          {cycles.isPending && <Skeleton active />}
          {cycles.data?.items.length === 0 && (
            <Empty
              data-testid="cycle-empty"
              description={
                mine
                  ? t("没有等待您办理的步骤", "Nothing is waiting for you")
                  : t("暂无预算年度", "No budget year")
              }
            />
          )}
          {cycles.data?.items.map((c) => (
            <CycleCard key={c.year} cycle={c} onRecord={() => setRecording(c)} />
          ))}
        </Space>
      )}
      <StepModal cycle={recording} policy={policy.data} onClose={() => setRecording(null)} />
    </div>
  );
}
