import type { JointEventName, JointTopicDto } from "@luoshu/contract";
import {
  allowedEvents,
  chinaDateOf,
  citeSource,
  jointTopicMachine,
  jointTopicVisible,
  notFound,
  type Policy,
  type Role,
  rankJointQuestions,
} from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Repositories } from "../../repositories.ts";
import { policyOf } from "../reviews/review-access.ts";
import type { JointTopicRow, StepRecord } from "./joint.repository.ts";

type Deps = { repos: Pick<Repositories, "joint">; policies: Policy[] };
type Row = Awaited<ReturnType<Repositories["joint"]["list"]>>[number];

export const jointTopicNotFound = () => notFound("联合科研课题不存在。", "No such joint research topic.");

const bureauRoles: readonly Role[] = ["programOfficer", "bureauLeader"];
const isBureau = (ctx: CallerContext) => ctx.actor.roles.some((r) => bureauRoles.includes(r));
const isLaboratory = (ctx: CallerContext) => ctx.actor.roles.includes("laboratoryApprover");

/** The city's topics of a year, ranked by priority; `mine` keeps those waiting for the caller's step. */
export async function listJointTopics(
  deps: Deps,
  ctx: CallerContext,
  query: { year?: number; mine?: boolean },
): Promise<JointTopicDto[]> {
  const cityId = ctx.actor.cityId ?? "";
  const year = query.year ?? Number(chinaDateOf(ctx.now).slice(0, 4));
  const rows = await deps.repos.joint.list(cityId, year);
  // the rank is the year's, whoever reads it
  const ranked = rankJointQuestions(
    rows.map((r) => ({ ...r, priority: r.t.priority, submittedAt: r.t.submittedAt })),
  );
  const views = ranked
    .filter((r) => jointTopicVisible(ctx.actor, r.t))
    .map((r) => jointView(deps.policies, ctx, r, r.rank));
  return query.mine ? views.filter((v) => v.allowedActions.length > 0) : views;
}

export async function readJointTopic(deps: Deps, ctx: CallerContext, id: string): Promise<JointTopicDto> {
  const year = await deps.repos.joint.yearOf(ctx.actor.cityId ?? "", id);
  const found =
    year === undefined ? undefined : (await listJointTopics(deps, ctx, { year })).find((t) => t.id === id);
  if (!found) throw jointTopicNotFound();
  return found;
}

const stepOf = (s: StepRecord) => ({ byName: s.byName, at: s.at, note: s.note });
const maybeStep = (s: StepRecord | null) => (s ? stepOf(s) : null);

/** The caller's side in the approval, if the caller may approve this topic at all. */
export function approvingParty(ctx: CallerContext, t: JointTopicRow): "bureau" | "laboratory" | null {
  if (ctx.actor.roles.includes("bureauLeader")) return "bureau";
  if (isLaboratory(ctx) && t.laboratoryId === ctx.actor.unitId) return "laboratory";
  return null;
}

/** The events the caller may fire now, as the API names them, and those they could fire but not yet. */
function actionsOf(ctx: CallerContext, t: JointTopicRow) {
  const events = allowedEvents(jointTopicMachine, t.status, ctx.actor.roles);
  const party = approvingParty(ctx, t);
  const ownLab = t.laboratoryId !== null && t.laboratoryId === ctx.actor.unitId;
  const approved =
    party === "bureau" ? t.bureauApproval : party === "laboratory" ? t.laboratoryApproval : null;
  const allowed = new Set<JointEventName>();
  const blocked: { action: JointEventName; reasonZh: string; reasonEn: string }[] = [];
  for (const e of events) {
    if (e === "recommend" || e === "notRecommend") allowed.add("review");
    else if (e === "approve" || e === "decline") {
      if (!party) continue;
      // a side that approved waits for the other; it does not turn round and decline
      if (approved) {
        blocked.push({
          action: e,
          reasonZh: "本方已审定，等待另一方审定。",
          reasonEn: "Your side has approved; waiting for the other side.",
        });
      } else allowed.add(e);
    } else if (e === "close") {
      if (ownLab) allowed.add(e);
    } else allowed.add(e);
  }
  return { allowedActions: [...allowed], blocked };
}

function jointView(
  policies: readonly Policy[],
  ctx: CallerContext,
  r: Row,
  rank: number | null,
): JointTopicDto {
  const { t } = r;
  const policy = policyOf(policies, t.cityId, t.policyVersion);
  const rules = policy.decision.jointResearch;
  const cite = (key: "ranking" | "committee" | "approval" | "management") =>
    rules ? citeSource(rules[key].source) : {};
  // the committee's members are the bureau's and the laboratory's to know, not the enterprise's
  const seesMembers = isBureau(ctx) || isLaboratory(ctx);
  return {
    id: t.id,
    program: t.program,
    programName: policy.programs.find((p) => p.code === t.program)?.nameZh ?? t.program,
    year: t.year,
    enterpriseId: t.unitId,
    enterpriseName: r.unitName,
    title: t.title,
    problem: t.problem,
    expectedOutcome: t.expectedOutcome,
    enterpriseFundingFen: t.enterpriseFundingFen,
    status: t.status,
    rank,
    priority: t.priority,
    assessment: t.assessment
      ? { ...stepOf(t.assessment), scores: t.assessment.scores, argument: t.assessment.argument }
      : null,
    listing: maybeStep(t.listing),
    laboratoryId: t.laboratoryId,
    laboratoryName: r.laboratoryName,
    proposal: t.proposal
      ? {
          ...stepOf(t.proposal),
          leaderName: t.proposal.leaderName,
          plan: t.proposal.plan,
          withEnterprise: t.proposal.withEnterprise,
          laboratoryFundingFen: t.proposal.laboratoryFundingFen,
          enterpriseFundingFen: t.proposal.enterpriseFundingFen,
          months: t.proposal.months,
        }
      : null,
    committee: t.committee
      ? {
          ...stepOf(t.committee),
          meetingOn: t.committee.meetingOn,
          recommended: t.committee.recommended,
          members: seesMembers ? t.committee.members : [],
        }
      : null,
    approvals: { bureau: maybeStep(t.bureauApproval), laboratory: maybeStep(t.laboratoryApproval) },
    declined: maybeStep(t.declined),
    outcome: t.outcome
      ? { ...stepOf(t.outcome), result: t.outcome.result, closedOn: t.outcome.closedOn }
      : null,
    projectNumber: r.projectNumber,
    sources: {
      ranking: cite("ranking"),
      committee: cite("committee"),
      approval: cite("approval"),
      management: cite("management"),
    },
    submittedAt: t.submittedAt.toISOString(),
    ...actionsOf(ctx, t),
  };
}
