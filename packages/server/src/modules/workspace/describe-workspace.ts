import type { WorkspaceTask } from "@luoshu/contract";
import {
  chinaDateOf,
  editableStates,
  nextActor,
  type Policy,
  proposedListStates,
  type Role,
  selectPolicy,
} from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { BudgetCycleRepository } from "../budget/budget-cycle.repository.ts";
import { listBudgetCycles } from "../budget/budget-cycle.ts";
import type { ChallengesRepository } from "../decisions/challenges.repository.ts";
import type { DecisionsRepository } from "../decisions/decisions.repository.ts";
import { listChallenges } from "../decisions/open-challenges.ts";
import type { ProjectsRepository } from "../decisions/projects.repository.ts";
import type { ExecutionRepository } from "../execution/execution.repository.ts";
import { listPayments } from "../execution/payment-views.ts";
import { projectIdsWaitingForTaskBook } from "../execution/task-books-waiting.ts";
import type { FundPushRepository } from "../fund-push/fund-push.repository.ts";
import { listFundPushes } from "../fund-push/fund-push.ts";
import type { JointRepository } from "../joint/joint.repository.ts";
import { listJointTopics } from "../joint/joint-view.ts";
import type { LedgerRepository } from "../ledger/ledger.repository.ts";
import { closuresWaiting } from "../project-life/closures-waiting.ts";
import type { ProjectLifeRepository } from "../project-life/project-life.repository.ts";
import type { ReviewsRepository } from "../reviews/reviews.repository.ts";
import type { RectificationsRepository } from "../supervision/rectifications.repository.ts";
import { type RectificationNeed, rectificationInbox } from "../supervision/rectifications.ts";
import { acceptancePartOf, projectIdsWaitingForAcceptance } from "../tracking/acceptances-waiting.ts";
import { myAssessments } from "../tracking/expert-assessments.ts";
import { type ProgressNeed, progressInbox } from "../tracking/progress-inbox.ts";
import type { TrackingRepository } from "../tracking/tracking.repository.ts";
import type { UnitsRepository } from "../units/units.repository.ts";
import type { UsersRepository } from "../users/users.repository.ts";
import type { WorkspaceRepository } from "./workspace.repository.ts";

type Deps = {
  policies: Policy[];
  repos: {
    joint: JointRepository;
    challenges: ChallengesRepository;
    workspace: WorkspaceRepository;
    units: Pick<UnitsRepository, "count">;
    users: Pick<UsersRepository, "count">;
    decisions: Pick<DecisionsRepository, "listsInStates">;
    projects: Pick<ProjectsRepository, "controlNumbers" | "projectsInScope">;
    execution: ExecutionRepository;
    fundPush: FundPushRepository;
    budgetCycle: BudgetCycleRepository;
    ledger: LedgerRepository;
    projectLife: ProjectLifeRepository;
    tracking: TrackingRepository;
    reviews: ReviewsRepository;
    rectifications: RectificationsRepository;
  };
};
/** A tile, or null where the city runs no such work. */
type Provider = (deps: Deps, ctx: CallerContext) => Promise<WorkspaceTask | null>;

const task = (key: string, titleZh: string, titleEn: string, link: string, count: number | null) => ({
  key,
  titleZh,
  titleEn,
  count,
  link,
});

const unitsInScope: Provider = async ({ repos }, ctx) => {
  const own = ctx.scope.kind === "unit";
  const n = await repos.units.count(ctx.scope);
  return own
    ? task("units", "本单位信息", "My unit", "/units", n)
    : task("units", "辖区内登记单位", "Registered units in scope", "/units", n);
};
const unitPeople: Provider = async ({ repos }, ctx) =>
  task("unitPeople", "本单位人员账号", "Accounts of my unit", "/users", await repos.users.count(ctx.scope));
const accountsWithoutRoles: Provider = async ({ repos }, ctx) =>
  task(
    "accountsWithoutRoles",
    "待分配角色的账号",
    "Accounts waiting for roles",
    "/users?withoutRoles=true",
    await repos.users.count(ctx.scope, { withoutRoles: true }),
  );
/** Accounts someone is guessing at: slowed, never locked (password-guessing.ts). */
const guessedAccounts: Provider = async ({ repos }, ctx) =>
  task(
    "guessedAccounts",
    "近 1 小时被反复猜测密码的账号",
    "Accounts under password guessing in the last hour",
    "/users?guessed=true",
    await repos.users.count(ctx.scope, { guessedAt: ctx.now }),
  );
const auditToday: Provider = async ({ repos }, ctx) => {
  const since = new Date(ctx.now.getTime() - 24 * 3600 * 1000);
  // the page opens filtered to the same 24 hours it counts
  return task(
    "auditToday",
    "近 24 小时审计记录",
    "Audit records in the last 24 hours",
    `/audit?from=${encodeURIComponent(since.toISOString())}`,
    await repos.workspace.auditSince(since),
  );
};
const districtReview: Provider = async ({ repos }, ctx) =>
  task(
    "districtReview",
    "待县区初审的申报书",
    "Applications waiting for district review",
    "/applications?status=submitted",
    await repos.workspace.applicationsIn(ctx.scope, ["submitted"]),
  );
const formalCheck: Provider = async ({ repos }, ctx) =>
  task(
    "formalCheck",
    "待形式审查的申报书",
    "Applications waiting for the formal check",
    "/applications?status=recommended",
    await repos.workspace.applicationsIn(ctx.scope, ["recommended"]),
  );
const myDrafts: Provider = async ({ repos }, ctx) =>
  task(
    "myDrafts",
    "本单位草稿与退回修改的申报书",
    "Drafts and returned applications of my unit",
    "/applications?editable=true",
    await repos.workspace.applicationsIn(ctx.scope, [...editableStates]),
  );
const guidesToPublish: Provider = async ({ repos }, ctx) =>
  task(
    "guidesToPublish",
    "待审核发布的申报指南",
    "Guides waiting for review and publication",
    "/guides?status=internalReview",
    await repos.workspace.guidesIn(ctx.scope, "internalReview"),
  );
const openGuides: Provider = async ({ repos }, ctx) =>
  task(
    "openGuides",
    "已发布的申报指南",
    "Published guides",
    "/guides?status=published",
    await repos.workspace.guidesIn(ctx.scope, "published"),
  );
const needsToTriage: Provider = async ({ repos }, ctx) =>
  task(
    "needsToTriage",
    "待分拣的技术需求",
    "Technology needs to triage",
    "/needs",
    await repos.workspace.needsIn(ctx.scope, "submitted"),
  );
const policies: Provider = async () =>
  task("policies", "查阅本市政策规则", "Read the city's policy rules", "/policies", null);
const budget: Provider = async () => task("budget", "预算测算", "Budget calculator", "/budget", null);

/** Proposed lists whose next step is the caller's (the leader's approval, finance's co-sign, the officer's steps). */
const listsWaiting: Provider = async ({ repos }, ctx) => {
  const open = proposedListStates.filter((s) => s !== "issued");
  const lists = await repos.decisions.listsInStates(ctx.actor.cityId ?? "", open);
  const mine = lists.filter((l) => {
    const who = nextActor(l.steps, l.status);
    return who !== null && ctx.actor.roles.includes(who);
  });
  return task(
    "listsWaiting",
    "待我处理的拟立项名单",
    "Proposed lists waiting for me",
    "/decisions?mine=true",
    mine.length,
  );
};
/** 预算控制数: the finance bureau's figure for this year, which every list stays within. */
const controlNumber: Provider = async ({ repos }, ctx) => {
  const year = Number(chinaDateOf(ctx.now).slice(0, 4));
  const set = (await repos.projects.controlNumbers(ctx.actor.cityId ?? "")).some((r) => r.year === year);
  return set
    ? task(
        "controlNumber",
        `${year} 年预算控制数（已录入）`,
        `${year} budget control number (set)`,
        "/budget/control-numbers",
        null,
      )
    : task(
        "controlNumber",
        `录入 ${year} 年预算控制数`,
        `Set the ${year} budget control number`,
        "/budget/control-numbers",
        null,
      );
};
const projects: Provider = async ({ repos }, ctx) =>
  task(
    "projects",
    "已立项项目",
    "Approved projects",
    "/projects",
    (await repos.projects.projectsInScope(ctx.scope)).length,
  );

/** 联合科研: this year's topics waiting for the caller's step (scoring, proposal, review, approval, outcome). */
const jointWaiting: Provider = async (deps, ctx) => {
  const policy = selectPolicy(deps.policies, ctx.actor.cityId ?? "", ctx.now);
  if (!policy?.decision.jointResearch) return null;
  return task(
    "jointWaiting",
    "待我处理的联合科研课题",
    "Joint research waiting for me",
    "/joint-research?mine=true",
    (await listJointTopics(deps, ctx, { mine: true })).length,
  );
};

/** 揭榜挂帅: challenges waiting for the caller's step (shortlist, notice, co-sign, agreement, award). */
const challengesWaiting: Provider = async (deps, ctx) =>
  task(
    "challengesWaiting",
    "待我处理的揭榜挂帅榜单",
    "Open challenges waiting for me",
    "/challenges?mine=true",
    (await listChallenges(deps, ctx, { mine: true })).length,
  );

/** 计划任务书: task books to draw up (the bureau), to confirm, or whose signed scan is still to come. */
const taskBooksWaiting: Provider = async ({ repos }, ctx) =>
  task(
    "taskBooksWaiting",
    "待我处理的计划任务书",
    "Task books waiting for me",
    "/projects?mine=true",
    (await projectIdsWaitingForTaskBook(repos, ctx)).size,
  );

/** 拨款: payments waiting for finance's approval, or for the bureau to pay them. */
const paymentsWaiting: Provider = async (deps, ctx) =>
  task(
    "paymentsWaiting",
    ctx.actor.roles.includes("financeOfficer") ? "待审核的拨款" : "待拨付的拨款",
    ctx.actor.roles.includes("financeOfficer") ? "Payments to approve" : "Payments to pay",
    "/payments?mine=true",
    (await listPayments(deps, ctx, { status: null, mine: true })).length,
  );

/** 基金推送: enterprises the bureau pushed that wait for the fund's decision (LY-REFORM §二(三)). */
const fundPushesWaiting: Provider = async (deps, ctx) => {
  const policy = selectPolicy(deps.policies, ctx.actor.cityId ?? "", ctx.now);
  if (!policy?.programs.some((p) => p.fundingMode === "fundPush")) return null;
  return task(
    "fundPushesWaiting",
    "待决策的推送企业",
    "Pushed enterprises awaiting the fund's decision",
    "/fund-pushes?mine=true",
    (await listFundPushes(deps, ctx, true)).length,
  );
};

/** 两上两下: a budget year whose next step is the caller's (the proposal is due 30 September, the draft end of November). */
const budgetCycleWaiting: Provider = async (deps, ctx) => {
  const policy = selectPolicy(deps.policies, ctx.actor.cityId ?? "", ctx.now);
  if (!policy?.budgetCycle) return null;
  return task(
    "budgetCycleWaiting",
    "待办理的预算“两上两下”",
    "Budget steps (two up, two down) waiting for me",
    "/budget/cycles?mine=true",
    (await listBudgetCycles(deps, ctx, true)).length,
  );
};

/** 终止申请: the units' applications to terminate, waiting for the bureau's decision (DT-RULES §20). */
const closuresWaitingTile: Provider = async (deps, ctx) =>
  task(
    "closuresWaiting",
    "待审定的终止申请",
    "Terminations to decide",
    "/project-closures",
    (await closuresWaiting(deps, ctx)).length,
  );

/** 进展报告: to file (due within two weeks, overdue, returned), to review, overdue (DT-RULES §14(五); LY-FUNDS §10). */
const progressTile =
  (need: ProgressNeed, titleZh: string, titleEn: string): Provider =>
  async (deps, ctx) =>
    task(
      `progress-${need}`,
      titleZh,
      titleEn,
      `/progress-reports?need=${need}`,
      (await progressInbox(deps, ctx, need)).total,
    );
const reportsToFile = progressTile("file", "待提交的进展报告", "Progress reports to file");
const reportsToReview = progressTile("review", "待审核的进展报告", "Progress reports to review");
const reportsOverdue = progressTile("overdue", "逾期未报的进展报告", "Progress reports overdue");

/** 整改事项 (LY-FUNDS §10, §23): the unit's to correct and report, the raising department's to verify. */
const rectificationTile =
  (need: RectificationNeed, titleZh: string, titleEn: string): Provider =>
  async (deps, ctx) =>
    task(
      `rectification-${need}`,
      titleZh,
      titleEn,
      `/rectifications?need=${need}`,
      (await rectificationInbox(deps, ctx, need)).total,
    );
const rectificationsToReport = rectificationTile("report", "待整改的事项", "Issues to correct");
const rectificationsToVerify = rectificationTile("verify", "待核验的整改事项", "Corrections to verify");

/** 结题验收: submitted acceptances under way at the bureau, or waiting for the district's opinion. */
const acceptancesWaiting: Provider = async ({ repos }, ctx) => {
  const district = acceptancePartOf(ctx) === "district";
  return task(
    "acceptancesWaiting",
    district ? "待提出县区意见的结题验收" : "已提交、待验收的项目",
    district ? "Acceptances waiting for the district's opinion" : "Acceptances submitted, under way",
    "/projects?acceptance=waiting",
    (await projectIdsWaitingForAcceptance(repos, ctx)).size,
  );
};

/** 期中评估 and 结题验收: the panels an expert sits on and has not scored yet. */
const assessmentsToScore: Provider = async (deps, ctx) => {
  const mine = await myAssessments(deps, ctx);
  return task(
    "assessmentsToScore",
    "待评分的期中评估与结题验收",
    "Assessments and acceptances to score",
    "/assessments",
    mine.items.filter((a) => a.status === "convened" && a.mySheet.submittedAt === null).length,
  );
};

/** What waits for each role; later steps add providers (applications to review, reports due…). */
const providersByRole: Record<Role, Provider[]> = {
  programOfficer: [
    listsWaiting,
    challengesWaiting,
    jointWaiting,
    taskBooksWaiting,
    paymentsWaiting,
    budgetCycleWaiting,
    closuresWaitingTile,
    reportsToReview,
    reportsOverdue,
    acceptancesWaiting,
    rectificationsToVerify,
    needsToTriage,
    guidesToPublish,
    openGuides,
    formalCheck,
    projects,
    unitsInScope,
  ],
  bureauLeader: [
    listsWaiting,
    challengesWaiting,
    jointWaiting,
    guidesToPublish,
    openGuides,
    projects,
    unitsInScope,
    policies,
  ],
  financeOfficer: [
    listsWaiting,
    challengesWaiting,
    paymentsWaiting,
    rectificationsToVerify,
    controlNumber,
    openGuides,
    projects,
    policies,
    budget,
  ],
  districtOfficer: [districtReview, reportsOverdue, acceptancesWaiting, projects, unitsInScope, policies],
  agencyOfficer: [formalCheck, policies],
  unitAdmin: [
    myDrafts,
    taskBooksWaiting,
    reportsToFile,
    rectificationsToReport,
    openGuides,
    projects,
    unitsInScope,
    unitPeople,
    budget,
  ],
  principalInvestigator: [
    myDrafts,
    reportsToFile,
    rectificationsToReport,
    openGuides,
    projects,
    budget,
    policies,
  ],
  expert: [assessmentsToScore, policies],
  fundManager: [fundPushesWaiting, policies],
  laboratoryApprover: [jointWaiting, projects, policies],
  sysAdmin: [unitsInScope, guessedAccounts],
  secAdmin: [accountsWithoutRoles, guessedAccounts],
  auditor: [auditToday],
};

export async function describeWorkspace(deps: Deps, input: { ctx: CallerContext }): Promise<WorkspaceTask[]> {
  const providers = [...new Set(input.ctx.actor.roles.flatMap((r) => providersByRole[r]))];
  const tasks = await Promise.all(providers.map((p) => p(deps, input.ctx)));
  return tasks.filter((t) => t !== null);
}
