import { Alert, Card, Descriptions, Divider, Skeleton, Space, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import type { ProjectDetail } from "../../api/execution";
import type { Acceptance, Assessment, AssessmentEvent } from "../../api/tracking";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { wan } from "../../components/money";
import { formatDateTime } from "../../components/time";
import { useCurrentUser } from "../auth/session";
import { GuardedButton } from "../reviews/GuardedButton";
import { Citation } from "../reviews/HorseRaceModal";
import { AcceptanceMaterials } from "./AcceptanceMaterials";
import { AcceptanceModal } from "./AcceptanceModal";
import { AssessmentCard } from "./AssessmentCard";
import { type AcceptanceNodes, ConcludeModal } from "./ConcludeModal";
import { ConveneModal } from "./ConveneModal";
import { DistrictOpinionModal } from "./DistrictOpinionModal";
import { useLineName, useTracking } from "./hooks";
import { acceptanceStatusColors, acceptanceStatusNames, gradeColors, gradeNames } from "./labels";
import { RegradeModal } from "./RegradeModal";

/** The city's rules: the panel, the grades by the panel's mean, the balance after passing. */
function AcceptanceRules({ acceptance: a }: { acceptance: Acceptance }) {
  const { t } = useLocale();
  const g = a.grades;
  return (
    <Space direction="vertical" size={2} data-testid="acceptance-rules">
      <Space size={4} wrap>
        <span>
          {t(
            `承担单位提交考核指标完成情况、科技报告、经费决算和诚信承诺，市科技局组织不少于 ${a.panelSize} 名专家验收`,
            `The unit submits the targets met, the S&T report, the settlement and its commitment; the bureau convenes a panel of at least ${a.panelSize}`,
          )}
        </span>
        <Citation source={a.citation} />
      </Space>
      <Space size={4} wrap data-testid="acceptance-grades">
        <span>
          {t(
            `专家组平均分 ${g.excellent} 分及以上为“优”，${g.good} 分及以上为“良”，${g.pass} 分及以上为“合格”，其余为“不合格”`,
            `A panel mean of ${g.excellent} or more is excellent, ${g.good} good, ${g.pass} pass, below that fail`,
          )}
        </span>
        <Citation source={g.citation} />
      </Space>
      <Space size={4} wrap data-testid="acceptance-balance-rule">
        <span>
          {a.balanceRule === "staysWithUnit"
            ? t(
                "验收通过后，结余资金留归项目承担单位使用",
                "After acceptance the balance stays with the unit",
              )
            : t("验收通过后，结余资金按规定退回财政", "After acceptance the balance returns to the treasury")}
        </span>
        <Citation source={a.balanceCitation} />
      </Space>
    </Space>
  );
}

/** The outcome: status, grade and any re-evaluation, the verified R&D spend, the settled total. */
function AcceptanceOutcome({ acceptance: a }: { acceptance: Acceptance }) {
  const { lang, t } = useLocale();
  const app = a.application;
  if (!app)
    return (
      <Typography.Text type="secondary" data-testid="acceptance-none">
        {t("承担单位尚未提交验收材料。", "The unit has not submitted for acceptance yet.")}
      </Typography.Text>
    );
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2 }}
      styles={{ label: { whiteSpace: "nowrap" } }}
      data-testid="acceptance-outcome"
      items={[
        {
          key: "status",
          label: t("验收状态", "Status"),
          children: (
            <Tag color={acceptanceStatusColors[app.status]} data-testid="acceptance-status">
              {acceptanceStatusNames[app.status][lang]}
            </Tag>
          ),
        },
        {
          key: "submitted",
          label: t("提交", "Submitted"),
          children: `${app.submittedByName ?? "—"} ${formatDateTime(app.submittedAt)}`,
        },
        {
          key: "grade",
          label: t("评价等级", "Grade"),
          children: app.grade ? (
            <Space size={4} wrap>
              <Tag
                color={app.regrade ? "default" : gradeColors[app.grade]}
                data-testid="acceptance-grade"
                style={app.regrade ? { textDecoration: "line-through" } : undefined}
              >
                {gradeNames[app.grade][lang]}
              </Tag>
              {app.regrade && (
                <Tag color={gradeColors[app.regrade.grade]} data-testid="acceptance-regrade">
                  {t(
                    `再评价：${gradeNames[app.regrade.grade].zh}`,
                    `Re-evaluated: ${gradeNames[app.regrade.grade].en}`,
                  )}
                </Tag>
              )}
            </Space>
          ) : (
            "—"
          ),
        },
        {
          key: "settled",
          label: t("决算总额", "Settled"),
          children: <span data-testid="acceptance-settled-fen">{wan(app.settledFen, lang)}</span>,
        },
        ...(app.verifiedRdFen !== null
          ? [
              {
                key: "rd",
                label: t("核定研发经费", "Verified R&D spend"),
                children: <span data-testid="acceptance-verified-rd">{wan(app.verifiedRdFen, lang)}</span>,
              },
            ]
          : []),
        ...(app.regrade
          ? [
              {
                key: "regrade",
                label: t("再评价理由", "Re-evaluation"),
                span: 2,
                children: (
                  <span data-testid="acceptance-regrade-reason">
                    {`${app.regrade.reason}（${app.regrade.byName ?? "—"} ${formatDateTime(app.regrade.at)}）`}
                  </span>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

/**
 * 县区科技部门意见 (DT-RULES §17; LY-FUNDS §7–8): whether the project's district agrees with the
 * acceptance, its opinion, who gave it and when; awaited while the application waits for the panel.
 */
function DistrictOpinionSection({ acceptance: a }: { acceptance: Acceptance }) {
  const { t } = useLocale();
  const app = a.application;
  if (!app || !a.districtAsked) return null;
  const o = app.districtOpinion;
  if (!o && app.status !== "submitted") return null;
  return (
    <Space direction="vertical" size={2} data-testid="acceptance-district-opinion">
      <Typography.Text strong>
        {t("县区科技部门意见", "The district S&T department's opinion")}
      </Typography.Text>
      {o ? (
        <Space size={4} wrap>
          <Tag color={o.agrees ? "green" : "red"} data-testid="acceptance-district-agrees">
            {o.agrees ? t("同意验收", "Agrees") : t("不同意验收", "Disagrees")}
          </Tag>
          <span data-testid="acceptance-district-opinion-text">{o.opinion}</span>
          <Typography.Text type="secondary">{`（${o.byName ?? "—"} ${formatDateTime(o.at)}）`}</Typography.Text>
        </Space>
      ) : (
        <Typography.Text type="secondary" data-testid="acceptance-district-opinion-awaited">
          {t("待县区提出意见", "Awaiting the district's opinion")}
        </Typography.Text>
      )}
    </Space>
  );
}

/**
 * 验收与绩效评价 (DT-RULES §23; LY-FUNDS §5, §19, §23) on the project page: the city's rules with their
 * sources, the unit's materials, the panels, the grade and any re-evaluation, and the caller's steps —
 * the unit's or the PI's submission, the bureau's panel and conclusion, the finance bureau's
 * re-evaluation — each disabled with the reason when it cannot be taken now.
 */
export function AcceptanceCard({ project: p }: { project: ProjectDetail }) {
  const me = useCurrentUser();
  const { t } = useLocale();
  const query = useTracking(p.id);
  const name = useLineName(p.policyVersion);
  const [dialog, setDialog] = useState<"submit" | "convene" | "regrade" | "districtOpinion" | null>(null);
  const [concluding, setConcluding] = useState<{ assessment: Assessment; event: AssessmentEvent } | null>(
    null,
  );
  const tr = query.data;
  const a = tr?.acceptance;
  const settled = a?.application?.settledFen ?? 0;
  const accepted = p.nodes
    .filter((n) => n.after === "accepted")
    .map((n) => n.code)
    .join(",");
  const graded = p.nodes
    .filter((n) => n.after === "graded")
    .map((n) => n.code)
    .join(",");
  // primitives only: a refetch gives the same object, so the conclusion's form keeps what is typed
  const nodes = useMemo<AcceptanceNodes>(
    () => ({
      accepted: accepted ? accepted.split(",") : [],
      graded: graded ? graded.split(",") : [],
      settledFen: settled,
    }),
    [accepted, graded, settled],
  );

  // the server's reason (Chinese only) where it gives one, else what the state says
  const step = (
    action: "submit" | "convene" | "regrade" | "districtOpinion",
    otherwise: string,
    server = true,
  ) => (a?.actions.includes(action) ? null : ((server ? a?.blockedZh : null) ?? otherwise));
  const reporter = me.permissions.includes("progress.report");
  const officer = me.permissions.includes("progress.review");
  const finance = me.permissions.includes("acceptance.regrade");
  const district = me.permissions.includes("acceptance.districtOpinion") && !!a?.districtAsked;
  const status = a?.application?.status;
  const submitBlocked = step(
    "submit",
    status === "submitted"
      ? t("验收材料已提交，待市科技局组织验收。", "Submitted; the bureau convenes the panel.")
      : t("暂不能提交。", "Not now."),
  );
  const conveneBlocked = step(
    "convene",
    a?.application
      ? t("暂不能组织验收。", "Not now.")
      : t("承担单位尚未提交验收材料。", "The unit has not submitted yet."),
  );
  const regradeBlocked = step(
    "regrade",
    status === "accepted"
      ? t("后补助已提出拨付，评价等级不再变更。", "A post-subsidy is prepared: the grade stands.")
      : t("项目验收通过后方可再评价。", "Only an accepted project is re-evaluated."),
    false,
  );
  const opinionBlocked = step(
    "districtOpinion",
    !a?.application
      ? t("承担单位尚未提交验收材料。", "The unit has not submitted yet.")
      : status === "returned"
        ? t(
            "验收材料已退回补充，待单位重新提交后提出意见。",
            "Deferred: give it once the unit submits again.",
          )
        : status === "submitted"
          ? t("项目已终止或撤销。", "The project is closed.")
          : t("验收已作出结论。", "The acceptance is concluded."),
    false,
  );
  const buttons = [
    reporter && {
      key: "submit" as const,
      text:
        status === "returned"
          ? t("补充并重新提交", "Submit again")
          : t("提交验收材料", "Submit for acceptance"),
      blocked: submitBlocked,
    },
    officer && {
      key: "convene" as const,
      text: t("组织结题验收", "Convene the acceptance panel"),
      blocked: conveneBlocked,
    },
    district && {
      key: "districtOpinion" as const,
      text: a?.application?.districtOpinion
        ? t("重新提出县区意见", "Give the opinion again")
        : t("提出县区意见", "Give the district's opinion"),
      blocked: opinionBlocked,
    },
    finance && {
      key: "regrade" as const,
      text: t("绩效再评价", "Re-evaluate the grade"),
      blocked: regradeBlocked,
    },
  ].filter((b) => !!b);

  return (
    <Card
      size="small"
      title={t("验收与绩效评价", "Acceptance and performance grade")}
      data-testid="project-acceptance"
    >
      {query.isPending ? (
        <Skeleton active />
      ) : !tr || !a ? (
        <ErrorAlert error={query.error} />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: "100%" }}>
          <AcceptanceRules acceptance={a} />
          <AcceptanceOutcome acceptance={a} />
          <DistrictOpinionSection acceptance={a} />
          {buttons.length > 0 && (
            <Space direction="vertical" size={2}>
              <Space wrap>
                {buttons.map((b) => (
                  <GuardedButton
                    key={b.key}
                    type={b.blocked === null ? "primary" : "default"}
                    blockedReason={b.blocked}
                    onClick={() => setDialog(b.key)}
                    testId={`acceptance-${b.key}-open`}
                  >
                    {b.text}
                  </GuardedButton>
                ))}
              </Space>
              {/* a disabled button takes no focus: the reasons are written out as well */}
              {buttons
                .filter((b) => b.blocked !== null)
                .map((b) => (
                  <Typography.Text
                    key={b.key}
                    type="secondary"
                    style={{ fontSize: 12 }}
                    data-testid={`acceptance-${b.key}-reason`}
                  >
                    {`“${b.text}”：${b.blocked}`}
                  </Typography.Text>
                ))}
            </Space>
          )}
          {a.application && tr.terms && (
            <>
              <Divider style={{ margin: "4px 0" }} />
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t("验收材料", "Materials")}
              </Typography.Title>
              <AcceptanceMaterials
                content={a.application.content}
                targets={tr.terms.targets}
                budget={tr.terms.settlement}
              />
            </>
          )}
          {a.assessments.length > 0 && (
            <>
              <Divider style={{ margin: "4px 0" }} />
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t("验收专家组", "Acceptance panels")}
              </Typography.Title>
              <div data-testid="acceptance-panels">
                <Space direction="vertical" size="small" style={{ width: "100%" }}>
                  {[...a.assessments]
                    .sort((x, y) => y.convenedAt.localeCompare(x.convenedAt))
                    .map((x) => (
                      <AssessmentCard
                        key={x.id}
                        a={x}
                        onConclude={(assessment, event) => setConcluding({ assessment, event })}
                      />
                    ))}
                </Space>
              </div>
            </>
          )}
          {a.application?.status === "accepted" && (
            <Alert
              type="info"
              showIcon
              data-testid="acceptance-balance"
              message={
                a.balanceRule === "staysWithUnit"
                  ? t(
                      "项目已通过验收，结余资金留归承担单位使用。",
                      "Accepted: the balance stays with the unit.",
                    )
                  : t(
                      "项目已通过验收，结余资金应退回财政。",
                      "Accepted: the balance returns to the treasury.",
                    )
              }
            />
          )}
        </Space>
      )}
      {a && tr?.terms && (
        <AcceptanceModal
          project={p}
          acceptance={a}
          terms={tr.terms}
          open={dialog === "submit"}
          name={name}
          onClose={() => setDialog(null)}
        />
      )}
      {a && (
        <ConveneModal
          project={p}
          kind="acceptance"
          rules={a}
          open={dialog === "convene"}
          onClose={() => setDialog(null)}
        />
      )}
      <ConcludeModal
        project={p}
        releasesNode={null}
        acceptance={nodes}
        districtOpinion={a?.districtAsked ? (a.application?.districtOpinion ?? null) : undefined}
        conclusion={concluding}
        onClose={() => setConcluding(null)}
      />
      <DistrictOpinionModal
        project={p}
        given={a?.application?.districtOpinion ?? null}
        open={dialog === "districtOpinion"}
        onClose={() => setDialog(null)}
      />
      <RegradeModal
        project={p}
        application={a?.application ?? null}
        open={dialog === "regrade"}
        onClose={() => setDialog(null)}
      />
    </Card>
  );
}
