import type { Role } from "../identity/roles.ts";
import { type CommitteeSeat, citeSource, type Policy } from "../policy/policy.schema.ts";
import { DomainError } from "../shared/errors.ts";
import { defineMachine } from "../shared/machine.ts";

/**
 * 联合科研项目 (LY-REFORM §二(二), §三(一)2–§三(四)4): an enterprise sets a question (出题目); the
 * bureau scores it on technical advancement, industrial leverage and feasibility with the experts'
 * argument and lists the best into the year's task list (重大攻关任务清单); the laboratory, alone or
 * with the enterprise, proposes the research; the joint expert committee reviews it; the bureau and
 * the laboratory approve it together; then the laboratory manages it under its own rules and money,
 * and the platform records it and its outcome without paying anything.
 */
export const jointTopicStates = [
  "submitted",
  "assessed",
  "listed",
  "notListed",
  "proposed",
  "reviewed",
  "rejected",
  "approved",
  "closed",
] as const;
export type JointTopicState = (typeof jointTopicStates)[number];

const officer = ["programOfficer"] as const;
const laboratory = ["laboratoryApprover"] as const;
const approvers = ["bureauLeader", "laboratoryApprover"] as const;

export const jointTopicMachine = defineMachine({
  name: "jointTopic",
  states: jointTopicStates,
  labels: {
    submitted: { zh: "企业已出题", en: "question submitted" },
    assessed: { zh: "已评估优先级", en: "priority assessed" },
    listed: { zh: "已列入攻关任务清单", en: "on the task list" },
    notListed: { zh: "未列入任务清单", en: "not listed" },
    proposed: { zh: "实验室已提出项目", en: "proposed by the laboratory" },
    reviewed: { zh: "联合专家委员会建议立项", en: "recommended by the joint committee" },
    rejected: { zh: "未立项", en: "not approved" },
    approved: { zh: "已联合审定立项", en: "approved jointly" },
    closed: { zh: "已结题", en: "closed" },
  },
  transitions: {
    assess: { from: ["submitted", "assessed"], to: "assessed", roles: officer },
    list: { from: ["assessed"], to: "listed", roles: officer },
    notList: { from: ["assessed"], to: "notListed", roles: officer },
    propose: { from: ["listed"], to: "proposed", roles: laboratory },
    recommend: { from: ["proposed"], to: "reviewed", roles: officer },
    notRecommend: { from: ["proposed"], to: "rejected", roles: officer },
    // Takes effect only once both parties have approved: see recordJointApproval.
    approve: { from: ["reviewed"], to: "approved", roles: approvers },
    decline: { from: ["reviewed"], to: "rejected", roles: approvers },
    close: { from: ["approved"], to: "closed", roles: laboratory },
  },
});
export type JointTopicEvent = keyof typeof jointTopicMachine.transitions;

const beforeTheList: readonly JointTopicState[] = ["submitted", "assessed", "notListed"];

/**
 * Who reads a topic: the bureau every one; the laboratory, as a party to every joint project, those
 * on the task list and after (not the questions still being weighed); the enterprise its own.
 */
export function jointTopicVisible(
  viewer: { roles: readonly Role[]; unitId: string | null },
  topic: { unitId: string; status: JointTopicState },
): boolean {
  if (viewer.roles.some((r) => r === "programOfficer" || r === "bureauLeader")) return true;
  if (viewer.roles.includes("laboratoryApprover") && !beforeTheList.includes(topic.status)) return true;
  return topic.unitId === viewer.unitId;
}

export const jointDimensions = ["advancement", "leverage", "feasibility"] as const;
export type JointDimension = (typeof jointDimensions)[number];
export type JointScores = Record<JointDimension, number>;

/** The city's joint-research rules, or a refusal citing that its documents name none. */
export function jointRulesOf(policy: Policy) {
  const rules = policy.decision.jointResearch;
  if (!rules) {
    throw new DomainError({
      code: "DECISION_NOT_APPLICABLE",
      messageZh: `${policy.cityNameZh}政策未设立联合科研项目。`,
      messageEn: `The ${policy.cityNameEn} policy runs no joint research.`,
    });
  }
  return rules;
}

/** Each dimension a whole score within the city's scale; the priority is their sum. */
export function jointPriority(policy: Policy, scores: JointScores): number {
  const rules = jointRulesOf(policy);
  const max = rules.scoreScale.value;
  for (const d of jointDimensions) {
    const v = scores[d];
    if (!Number.isInteger(v) || v < 0 || v > max) {
      throw new DomainError({
        code: "VALIDATION",
        path: d,
        messageZh: `评分须为 0–${max} 的整数。`,
        messageEn: `Scores are whole numbers from 0 to ${max}.`,
        ...citeSource(rules.scoreScale.source),
      });
    }
  }
  return jointDimensions.reduce((sum, d) => sum + scores[d], 0);
}

/**
 * The task list's order: assessed questions by priority, highest first, ties by who asked first;
 * questions not yet assessed follow, unranked.
 */
export function rankJointQuestions<T extends { priority: number | null; submittedAt: Date }>(
  questions: readonly T[],
): (T & { rank: number | null })[] {
  const assessed = questions
    .filter((q) => q.priority !== null)
    .sort(
      (a, b) => (b.priority ?? 0) - (a.priority ?? 0) || a.submittedAt.getTime() - b.submittedAt.getTime(),
    )
    .map((q, i) => ({ ...q, rank: i + 1 }));
  const waiting = questions.filter((q) => q.priority === null).map((q) => ({ ...q, rank: null }));
  return [...assessed, ...waiting];
}

export interface CommitteeMember {
  expertId: string;
  seat: CommitteeSeat;
  recommend: boolean;
}

/**
 * The joint expert committee's review: every seat the policy names is filled, nobody sits twice,
 * and the committee recommends the project when more than half of its members do.
 */
export function committeeConclusion(policy: Policy, members: readonly CommitteeMember[]): boolean {
  const rules = jointRulesOf(policy);
  const missing = rules.committee.seats.filter((s) => !members.some((m) => m.seat === s));
  if (missing.length > 0) {
    throw new DomainError({
      code: "JOINT_COMMITTEE_INCOMPLETE",
      path: "members",
      details: { missing },
      ...citeSource(rules.committee.source),
    });
  }
  if (new Set(members.map((m) => m.expertId)).size !== members.length) {
    throw new DomainError({
      code: "VALIDATION",
      path: "members",
      messageZh: "同一专家只能在委员会中占一个席位。",
      messageEn: "An expert holds one seat on the committee.",
    });
  }
  return members.filter((m) => m.recommend).length * 2 > members.length;
}

export const jointParties = ["bureau", "laboratory"] as const;
export type JointParty = (typeof jointParties)[number];

/** Which party the caller approves for: the bureau leader or the laboratory's approver, never both. */
export function jointPartyOf(roles: readonly Role[]): JointParty {
  const bureau = roles.includes("bureauLeader");
  const lab = roles.includes("laboratoryApprover");
  if (bureau && lab) throw new DomainError({ code: "JOINT_APPROVAL_SEPARATE" });
  if (!bureau && !lab) throw new DomainError({ code: "FORBIDDEN" });
  return bureau ? "bureau" : "laboratory";
}

export interface JointApproval {
  by: string;
  byName: string;
  at: string;
  note: string | null;
}
export type JointApprovals = Record<JointParty, JointApproval | null>;

/**
 * 联合审定 (LY-REFORM §三(二)2): one party's approval is recorded; the project is approved when the
 * other party's is on record too. A party approves once, and one person cannot approve for both.
 */
export function recordJointApproval(
  policy: Policy,
  approvals: JointApprovals,
  party: JointParty,
  approval: JointApproval,
): { approvals: JointApprovals; complete: boolean } {
  const source = citeSource(jointRulesOf(policy).approval.source);
  if (approvals[party]) throw new DomainError({ code: "JOINT_ALREADY_APPROVED", ...source });
  const other = approvals[party === "bureau" ? "laboratory" : "bureau"];
  if (other?.by === approval.by) throw new DomainError({ code: "JOINT_APPROVAL_SEPARATE", ...source });
  const next = { ...approvals, [party]: approval };
  return { approvals: next, complete: jointParties.every((p) => next[p] !== null) };
}
