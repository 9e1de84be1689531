import type { JointEventBody, JointEventName } from "@luoshu/contract";
import {
  chinaDateOf,
  citeSource,
  committeeConclusion,
  conflictsOf,
  type DeclaredRelation,
  DomainError,
  fire,
  jointPartyOf,
  jointPriority,
  jointRulesOf,
  jointTopicMachine,
  jointTopicVisible,
  notAfterToday,
  type Policy,
  recordJointApproval,
} from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Transactor } from "../../lib/transaction.ts";
import type { Repositories } from "../../repositories.ts";
import { policyInForce, stepRecordOf } from "../decisions/decision-shared.ts";
import { issueProjects, reserveNumbers } from "../decisions/issue-projects.ts";
import { policyOf } from "../reviews/review-access.ts";
import type { JointTopicRow, StepRecord } from "./joint.repository.ts";
import { approvingParty, jointTopicNotFound, readJointTopic } from "./joint-view.ts";

type Repos = Pick<
  Repositories,
  "joint" | "units" | "experts" | "projects" | "decisions" | "reviews" | "notifications"
>;
type Deps = { repos: Repos; policies: Policy[]; tx: Transactor<Repos> };

const missing = (path: string, zh: string, en: string) =>
  new DomainError({ code: "VALIDATION", path, messageZh: zh, messageEn: en });

function need<K extends keyof JointEventBody>(body: JointEventBody, key: K, zh: string, en: string) {
  const v = body[key];
  if (v === undefined) throw missing(key, zh, en);
  return v as NonNullable<JointEventBody[K]>;
}

/** 企业出题: an enterprise of the city sets a question for the year's joint research. */
export async function submitJointQuestion(
  deps: Deps,
  input: {
    ctx: CallerContext;
    body: { title: string; problem: string; expectedOutcome: string; enterpriseFundingFen: number };
  },
) {
  const { ctx, body } = input;
  const { cityId, policy } = policyInForce(deps.policies, ctx);
  const rules = jointRulesOf(policy);
  const row = await deps.tx.run(ctx, async (repos, audit) => {
    const unit = ctx.actor.unitId
      ? await repos.units.find({ kind: "city", cityId }, ctx.actor.unitId)
      : undefined;
    if (unit?.kind !== "enterprise") {
      throw new DomainError({ code: "JOINT_ENTERPRISE_ONLY", ...citeSource(rules.ranking.source) });
    }
    const row = await repos.joint.insert({
      cityId,
      program: rules.program,
      year: Number(chinaDateOf(ctx.now).slice(0, 4)),
      unitId: unit.id,
      ...body,
      status: "submitted",
      policyVersion: policy.version,
      submittedBy: ctx.actor.userId,
      submittedAt: ctx.now,
      updatedAt: ctx.now,
    });
    audit({ action: "joint.submit", entityType: "jointTopic", entityId: row.id, cityId, after: body });
    return row;
  });
  return readJointTopic(deps, ctx, row.id);
}

/** One step of a joint topic, checked by the machine and the city's rules, and audited. */
export async function fireJointEvent(
  deps: Deps,
  input: { ctx: CallerContext; id: string; event: JointEventName; body: JointEventBody },
) {
  const { ctx, event, body } = input;
  const cityId = ctx.actor.cityId ?? "";
  await deps.tx.run(ctx, async (repos, audit) => {
    const t = await repos.joint.lock(cityId, input.id);
    // a topic the caller may not read does not exist for them
    if (!t || !jointTopicVisible(ctx.actor, t)) throw jointTopicNotFound();
    const policy = policyOf(deps.policies, cityId, t.policyVersion);
    const record = (note: string | null = body.note ?? null): StepRecord => stepRecordOf(ctx, note);
    const changes = await stepChanges(deps.policies, repos, { ctx, t, policy, event, body, record });
    await repos.joint.update(t, { ...changes, updatedAt: ctx.now });
    audit({
      action: `joint.${event}`,
      entityType: "jointTopic",
      entityId: t.id,
      cityId,
      before: { status: t.status },
      after: { status: changes.status ?? t.status, ...body },
    });
  });
  return readJointTopic(deps, ctx, input.id);
}

interface Step {
  ctx: CallerContext;
  t: JointTopicRow;
  policy: Policy;
  event: JointEventName;
  body: JointEventBody;
  record: (note?: string | null) => StepRecord;
}

async function stepChanges(
  policies: readonly Policy[],
  repos: Repos,
  s: Step,
): Promise<Partial<JointTopicRow>> {
  const { ctx, t, policy, body, record } = s;
  const roles = ctx.actor.roles;
  switch (s.event) {
    case "assess": {
      const scores = need(body, "scores", "请为三个维度评分。", "Score the three dimensions.");
      const argument = need(body, "argument", "请填写专家咨询论证意见。", "Give the experts' argument.");
      const priority = jointPriority(policy, scores);
      const status = fire(jointTopicMachine, t.status, "assess", roles);
      return { status, priority, assessment: { ...record(null), scores, argument } };
    }
    case "list":
      return { status: fire(jointTopicMachine, t.status, "list", roles), listing: record() };
    case "notList":
      need(body, "note", "请说明未列入任务清单的理由。", "Say why the question is not listed.");
      return { status: fire(jointTopicMachine, t.status, "notList", roles), listing: record() };
    case "propose":
      return propose(repos, s);
    case "review":
      return review(repos, s);
    case "approve":
      return approve(policies, repos, s);
    case "decline": {
      const status = fire(jointTopicMachine, t.status, "decline", roles);
      const party = approvingParty(ctx, t);
      if (!party) throw new DomainError({ code: "JOINT_LABORATORY_ONLY" });
      if ((party === "bureau" ? t.bureauApproval : t.laboratoryApproval) !== null) {
        throw new DomainError({ code: "JOINT_ALREADY_APPROVED" });
      }
      need(body, "note", "请说明不予立项的理由。", "Say why the project is declined.");
      return { status, declined: record() };
    }
    case "close": {
      const status = fire(jointTopicMachine, t.status, "close", roles);
      if (t.laboratoryId !== ctx.actor.unitId) throw new DomainError({ code: "JOINT_LABORATORY_ONLY" });
      const result = need(body, "result", "请选择结题结论。", "Choose the outcome.");
      const closedOn = notAfterToday(
        ctx.now,
        "closedOn",
        need(body, "closedOn", "请填写结题日期。", "Give the day of closure."),
      );
      const note = need(body, "note", "请填写结题情况。", "Summarise the outcome.");
      return { status, outcome: { ...record(note), result, closedOn } };
    }
  }
}

/** The laboratory, alone or with the enterprise, proposes the research of a listed task. */
async function propose(repos: Repos, s: Step): Promise<Partial<JointTopicRow>> {
  const { ctx, t, body } = s;
  const status = fire(jointTopicMachine, t.status, "propose", ctx.actor.roles);
  const unit = ctx.actor.unitId
    ? await repos.units.find({ kind: "city", cityId: t.cityId }, ctx.actor.unitId)
    : undefined;
  if (unit?.kind !== "laboratory") throw new DomainError({ code: "JOINT_LABORATORY_ONLY" });
  const proposal = {
    ...s.record(null),
    leaderName: need(body, "leaderName", "请填写项目负责人。", "Name the project leader."),
    plan: need(body, "plan", "请填写研究方案。", "Describe the research plan."),
    withEnterprise: need(
      body,
      "withEnterprise",
      "请选择是否与需求企业联合攻关。",
      "Say whether the enterprise joins.",
    ),
    laboratoryFundingFen: need(
      body,
      "laboratoryFundingFen",
      "请填写实验室投入经费。",
      "Give the laboratory's funding.",
    ),
    enterpriseFundingFen: need(
      body,
      "enterpriseFundingFen",
      "请填写企业投入经费。",
      "Give the enterprise's funding.",
    ),
    months: need(body, "months", "请填写实施期限。", "Give the duration."),
  };
  return { status, laboratoryId: unit.id, proposal };
}

/** 联合专家委员会: the officer records the committee's review; its majority decides the next state. */
async function review(repos: Repos, s: Step): Promise<Partial<JointTopicRow>> {
  const { ctx, t, policy, body } = s;
  const meetingOn = notAfterToday(
    ctx.now,
    "meetingOn",
    need(body, "meetingOn", "请填写评审日期。", "Give the day of the review."),
  );
  const members = need(body, "members", "请录入委员会专家。", "List the committee's members.");
  const rules = jointRulesOf(policy);
  const recommended = committeeConclusion(policy, members);
  const status = fire(
    jointTopicMachine,
    t.status,
    recommended ? "recommend" : "notRecommend",
    ctx.actor.roles,
  );
  // relations experts declared with a whole unit (those with one application concern reviews only)
  const declared: DeclaredRelation[] = (await repos.reviews.relations(t.cityId)).flatMap((r) =>
    r.declaredBy === "expert" && r.expertId && r.unitId
      ? [{ declaredBy: "expert" as const, expertId: r.expertId, unitId: r.unitId }]
      : [],
  );
  const parties = [t.unitId, t.laboratoryId ?? t.unitId];
  const named = [];
  for (const [i, m] of members.entries()) {
    const expert = await repos.experts.find({ kind: "city", cityId: t.cityId }, m.expertId);
    if (expert?.status !== "active") {
      throw missing(
        `members.${i}.expertId`,
        "专家库中没有该专家或其已暂停。",
        "No such active expert in the pool.",
      );
    }
    // 回避 by the review's rules, with each party in turn as the one reviewed (its former staff
    // within the look-back too) and the other as its partner
    const conflicts = parties.flatMap((unitId) =>
      conflictsOf(
        { ...expert, unitUscc: expert.unitUscc, idNumberDigest: null },
        {
          id: t.id,
          unitId,
          partnerUnitIds: parties.filter((p) => p !== unitId),
          partnerUsccs: [],
          teamIdDigests: [],
        },
        declared,
        { today: chinaDateOf(ctx.now), policy },
      ),
    );
    if (conflicts.length > 0) {
      throw new DomainError({
        code: "JOINT_COMMITTEE_CONFLICT",
        path: `members.${i}.expertId`,
        details: { expertId: m.expertId, reasons: conflicts.map((c) => c.reason) },
        ...citeSource(rules.committee.source),
      });
    }
    named.push({ ...m, name: expert.displayName });
  }
  return { status, committee: { ...s.record(null), meetingOn, members: named, recommended } };
}

/**
 * 联合审定: the bureau leader and the laboratory's approver each approve once; the second approval
 * numbers the project, led by the laboratory and funded by it and the enterprise, so that the
 * platform commits no money (LY-REFORM §三(四)4).
 */
async function approve(policies: readonly Policy[], repos: Repos, s: Step): Promise<Partial<JointTopicRow>> {
  const { ctx, t, policy } = s;
  const party = jointPartyOf(ctx.actor.roles);
  if (approvingParty(ctx, t) !== party) throw new DomainError({ code: "JOINT_LABORATORY_ONLY" });
  // a side that approved already hears so (409), even when its approval completed the project
  const { approvals, complete } = recordJointApproval(
    policy,
    { bureau: t.bureauApproval, laboratory: t.laboratoryApproval },
    party,
    s.record(),
  );
  const to = fire(jointTopicMachine, t.status, "approve", ctx.actor.roles);
  const changes = { bureauApproval: approvals.bureau, laboratoryApproval: approvals.laboratory };
  if (!complete) return changes;
  const laboratoryId = t.laboratoryId ?? t.unitId;
  const numberOf = await reserveNumbers(repos, policy, t, 1);
  await issueProjects(repos, policies, ctx, { ...t, origin: "jointResearch", numberOf, fallback: policy }, [
    {
      applicationId: null,
      callId: null,
      listId: null,
      jointTopicId: t.id,
      unitId: laboratoryId,
      piUserId: null,
      title: t.title,
      amountFen: 0,
      piYouth: null,
    },
  ]);
  for (const unitId of new Set([t.unitId, laboratoryId])) {
    await repos.notifications.notifyApplicant(
      { cityId: t.cityId, unitId, piUserId: null, createdBy: unitId === t.unitId ? t.submittedBy : null },
      {
        titleZh: `联合科研项目“${t.title}”已由市科技局和实验室联合审定立项`,
        titleEn: `The joint research project "${t.title}" is approved by the bureau and the laboratory`,
        link: "/joint-research",
        createdAt: ctx.now,
      },
    );
  }
  return { ...changes, status: to };
}
