import type { AssessmentDto, TrackingDto } from "@luoshu/contract";
import {
  acceptanceCommitmentZh,
  acceptanceConcluded,
  citeSource,
  type Policy,
  selfClosureSource,
} from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Repositories } from "../../repositories.ts";
import { isProjectsDistrict } from "./district-opinion.ts";

type Repos = Pick<Repositories, "execution" | "tracking">;

/**
 * The project's acceptance as its page shows it: the city's rules (panel, grades, the balance after
 * passing), the unit's materials, the panels, and what the caller may do next.
 */
export async function acceptanceOf(
  repos: Repos,
  policy: Policy,
  ctx: CallerContext,
  input: {
    p: {
      cityId: string;
      id: string;
      closedAs: string | null;
      piUserId: string | null;
      verifiedRdFen: number | null;
      diligenceFinding: string | null;
      diligenceFoundBy: string | null;
      diligenceFoundAt: Date | null;
      program: string;
    };
    /** The district of the project's unit, whose S&T department gives its opinion on acceptance. */
    districtCode: string | null;
    executing: boolean;
    assessments: AssessmentDto[];
    /** Whether the project is a failure the bureau may still find diligent. */
    mayFindDiligence: boolean;
  },
): Promise<TrackingDto["acceptance"]> {
  const { p } = input;
  const rules = policy.tracking.acceptance;
  const tolerance = citeSource(policy.projectLife.toleratedFailure.source);
  const app = await repos.tracking.acceptance(p.cityId, p.id);
  const names = await repos.execution.displayNames(
    [app?.submittedBy, app?.regradedBy, app?.districtOpinionBy, p.diligenceFoundBy].filter(
      (x): x is string => !!x,
    ),
  );
  const roles = ctx.actor.roles;
  const reporter = roles.includes("unitAdmin") || p.piUserId === ctx.actor.userId;
  const officer = roles.includes("programOfficer");
  const open = p.closedAs === null;
  const live = input.assessments.some((a) => a.status === "convened");
  const selfSource = selfClosureSource(policy, p.program);
  const blocked = !open
    ? "项目已终止或撤销。"
    : selfSource
      ? app
        ? "项目已自行组织结项。"
        : "指导计划项目由承担单位自行组织结项。"
      : !input.executing
        ? "项目尚未签订任务书、进入执行。"
        : acceptanceConcluded(app?.status)
          ? "项目已完成验收。"
          : live
            ? "验收专家组正在评审。"
            : null;
  const mayEdit = blocked === null && (!app || app.status === "returned");
  const mayRegrade =
    roles.includes("financeOfficer") &&
    open &&
    app?.status === "accepted" &&
    !(await subsidyUnderWay(repos, p));
  return {
    panelSize: rules.panelSize.value,
    grades: {
      excellent: rules.grades.excellent,
      good: rules.grades.good,
      pass: rules.grades.pass,
      citation: citeSource(rules.grades.source),
    },
    citation: citeSource(rules.source),
    balanceRule: rules.balance.rule,
    balanceCitation: citeSource(rules.balance.source),
    commitmentZh: acceptanceCommitmentZh,
    application: app
      ? {
          status: app.status,
          content: app.content,
          settledFen: app.settledFen,
          submittedByName: names.get(app.submittedBy) ?? null,
          submittedAt: app.submittedAt.toISOString(),
          grade: app.grade,
          regrade:
            app.regrade && app.regradedAt
              ? {
                  grade: app.regrade,
                  reason: app.regradeReason ?? "",
                  byName: app.regradedBy ? (names.get(app.regradedBy) ?? null) : null,
                  at: app.regradedAt.toISOString(),
                }
              : null,
          verifiedRdFen: p.verifiedRdFen,
          selfOrganised: app.selfOrganised,
          districtOpinion:
            app.districtAgrees !== null && app.districtOpinion !== null && app.districtOpinionAt
              ? {
                  agrees: app.districtAgrees,
                  opinion: app.districtOpinion,
                  byName: app.districtOpinionBy ? (names.get(app.districtOpinionBy) ?? null) : null,
                  at: app.districtOpinionAt.toISOString(),
                }
              : null,
        }
      : null,
    districtAsked: input.districtCode !== null,
    selfClosure: selfSource ? citeSource(selfSource) : null,
    assessments: input.assessments,
    diligence:
      p.diligenceFinding && p.diligenceFoundAt
        ? {
            finding: p.diligenceFinding,
            byName: p.diligenceFoundBy ? (names.get(p.diligenceFoundBy) ?? null) : null,
            at: p.diligenceFoundAt.toISOString(),
            citation: tolerance,
          }
        : null,
    diligenceCitation: tolerance,
    actions: [
      ...(reporter && mayEdit ? (["submit"] as const) : []),
      ...(officer && blocked === null && app?.status === "submitted" ? (["convene"] as const) : []),
      ...(mayRegrade ? (["regrade"] as const) : []),
      ...(officer && input.mayFindDiligence ? (["findDiligence"] as const) : []),
      ...(selfSource && open && !app && roles.includes("unitAdmin") ? (["selfClose"] as const) : []),
      ...(open && app?.status === "submitted" && isProjectsDistrict(ctx, input.districtCode)
        ? (["districtOpinion"] as const)
        : []),
    ],
    blockedZh: blocked,
  };
}

/** The project's payments and the codes of its task book's nodes paid after the grade (post-subsidies). */
export async function postSubsidies(
  repos: Pick<Repositories, "execution">,
  p: { cityId: string; id: string },
) {
  const [tb, pays] = await Promise.all([
    repos.execution.taskBook(p.cityId, p.id),
    repos.execution.paymentsOf(p.cityId, p.id),
  ]);
  const graded = new Set(tb?.content.nodes.filter((n) => n.after === "graded").map((n) => n.code));
  return { pays, graded };
}

/** Whether a post-subsidy is prepared or paid on the grade, after which the grade stands (LY-FUNDS §5). */
export async function subsidyUnderWay(repos: Repos, p: { cityId: string; id: string }): Promise<boolean> {
  const { pays, graded } = await postSubsidies(repos, p);
  return pays.some((x) => graded.has(x.node) && x.status !== "cancelled");
}
