/**
 * Roles and the permissions they carry: the one declarative place where "who may do what" lives.
 * Routes declare a permission and a data scope; `can()` answers for a role set. Data scope is not
 * a permission: it narrows which rows a permitted action reaches (see scope.ts).
 */
export const roles = [
  "programOfficer",
  "bureauLeader",
  "financeOfficer",
  "districtOfficer",
  "agencyOfficer",
  "unitAdmin",
  "principalInvestigator",
  "expert",
  "fundManager",
  "laboratoryApprover",
  "sysAdmin",
  "secAdmin",
  "auditor",
] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  "workspace.read",
  "unit.read",
  "unit.create",
  "unit.update",
  "user.read",
  "user.create",
  "user.update",
  "role.grant",
  "audit.read",
  "guide.read",
  "guide.manage",
  "guide.decide",
  /** The finance bureau co-issues guides the policy has issued together with it (LY-FUNDS §12). */
  "guide.coIssue",
  "need.read",
  "need.submit",
  "need.triage",
  "application.read",
  "application.edit",
  "application.districtReview",
  "application.formalCheck",
  "application.dedupDecide",
  "integrity.read",
  "integrity.manage",
  /** The city's expert pool (专家库): read it, and import, suspend and reinstate experts. */
  "expert.read",
  "expert.manage",
  /** An expert's own profile: keywords, availability and contact. */
  "expert.profile",
  /** 专家评审: watch a call's review; run it (the organiser the policy names); entrust it to an agency. */
  "review.read",
  "review.organise",
  "review.entrust",
  /** An expert's own review work: commitments, declarations, scores. */
  "review.score",
  /** 立项决策: read the proposed lists; draw and steer them; the leader's approval; finance's co-sign. */
  "decision.read",
  "decision.manage",
  "decision.approve",
  "decision.coSign",
  /** 预算控制数: the finance bureau sets the year's figure. */
  "budget.control",
  /** Approved projects (项目) in the caller's scope. */
  "project.read",
  /** 联合科研: read the questions and task list; the bureau's scoring and committee records; the laboratory's part. */
  "joint.read",
  "joint.manage",
  "joint.laboratory",
  /** 计划任务书: the bureau draws it up and names the responsible officer; both parties confirm and sign it. */
  "taskBook.manage",
  "taskBook.sign",
  /** 拨款: the bureau prepares and pays; finance approves each payment where the city sets it (LY-FUNDS §12). */
  "payment.prepare",
  "payment.approve",
  /** 基金推送: the bureau pushes selected enterprises; the fund management institution decides by its charter. */
  "fundPush.read",
  "fundPush.manage",
  "fundPush.decide",
  /** The unit applies to terminate its project (DT-RULES §20). */
  "projectLife.apply",
  /** The unit applies for a change, or the unit or the PI records one it decides itself (DT-RULES §19; LY-FUNDS §18). */
  "projectLife.change",
  /** The bureau decides terminations, revokes projects and records what comes back. */
  "projectLife.decide",
  /** The S&T or the finance bureau imposes and lifts sanctions (LY-FUNDS §25). */
  "sanction.impose",
  /** Spot checks and inspections, their results shared between departments (LY-PLAN §七(四)). */
  "supervision.read",
  /** Record an inspection (an audit, a finance check) and its result. */
  "supervision.manage",
  /** Draw the cycle's spot check: the S&T bureau's. */
  "supervision.draw",
  /** 进展报告: the unit or its PI files the project's progress reports. */
  "progress.report",
  /** The bureau reviews progress reports, reminds, and convenes and concludes mid-term assessments. */
  "progress.review",
  /** An expert scores the assessments they sit on. */
  "assessment.score",
  /** 再评价 (LY-FUNDS §5): the finance bureau re-evaluates a project's grade. */
  "acceptance.regrade",
  /** 县区意见 (DT-RULES §17; LY-FUNDS §7–8): the project's district records its opinion on acceptance. */
  "acceptance.districtOpinion",
  /** 后补助资金使用报告 (LY-FUNDS §20): the unit or its PI reports how a paid post-subsidy was used. */
  "subsidyUse.report",
  /** The bureau acknowledges a use report or returns it to be corrected. */
  "subsidyUse.review",
] as const;
export type Permission = (typeof permissions)[number];

/** Platform administrators are separated three ways (三员分立): none of them holds another's power. */
export const platformRoles: readonly Role[] = ["sysAdmin", "secAdmin", "auditor"];

const grants: Record<Role, readonly Permission[]> = {
  programOfficer: [
    "workspace.read",
    "unit.read",
    "unit.create",
    "unit.update",
    "user.read",
    "guide.read",
    "guide.manage",
    "guide.decide",
    "need.read",
    "need.triage",
    "application.read",
    "application.dedupDecide",
    "integrity.read",
    "integrity.manage",
    "expert.read",
    "expert.manage",
    "review.read",
    "review.organise",
    "review.entrust",
    "decision.read",
    "decision.manage",
    "project.read",
    "joint.read",
    "joint.manage",
    "taskBook.manage",
    "taskBook.sign",
    "payment.prepare",
    "fundPush.read",
    "fundPush.manage",
    "projectLife.decide",
    "sanction.impose",
    "supervision.read",
    "supervision.manage",
    "supervision.draw",
    "progress.review",
    "subsidyUse.review",
  ],
  bureauLeader: [
    "workspace.read",
    "unit.read",
    "user.read",
    "guide.read",
    "guide.decide",
    "need.read",
    "application.read",
    "integrity.read",
    "review.read",
    "decision.read",
    "decision.approve",
    "project.read",
    "joint.read",
    "fundPush.read",
    "supervision.read",
  ],
  financeOfficer: [
    "workspace.read",
    "unit.read",
    "guide.read",
    "guide.coIssue",
    "application.read",
    "decision.read",
    "decision.coSign",
    "budget.control",
    "project.read",
    "payment.approve",
    "sanction.impose",
    "supervision.read",
    "supervision.manage",
    "acceptance.regrade",
  ],
  districtOfficer: [
    "workspace.read",
    "unit.read",
    "user.read",
    "guide.read",
    "application.read",
    "application.districtReview",
    "project.read",
    "supervision.read",
    "acceptance.districtOpinion",
  ],
  agencyOfficer: [
    "workspace.read",
    "unit.read",
    "guide.read",
    "application.read",
    "application.formalCheck",
    // The agency entrusted with the review (LY-REFORM §三(二)1) keeps the city's expert pool with the bureau.
    "expert.read",
    "expert.manage",
    "review.read",
    "review.organise",
  ],
  unitAdmin: [
    "workspace.read",
    "unit.read",
    "unit.update",
    "user.read",
    "user.create",
    "user.update",
    "guide.read",
    "need.submit",
    "application.read",
    "application.edit",
    "project.read",
    "joint.read",
    "taskBook.sign",
    "projectLife.apply",
    "projectLife.change",
    "progress.report",
    "subsidyUse.report",
  ],
  principalInvestigator: [
    "workspace.read",
    "unit.read",
    "guide.read",
    "need.submit",
    "application.read",
    "application.edit",
    "project.read",
    "joint.read",
    "projectLife.change",
    "progress.report",
    "subsidyUse.report",
  ],
  expert: ["workspace.read", "expert.profile", "review.score", "assessment.score"],
  fundManager: ["workspace.read", "unit.read", "fundPush.read", "fundPush.decide"],
  /** 龙门实验室's approver: its side of joint research, from the proposal to the outcome (LY-REFORM §三(二)2, §三(三)4). */
  laboratoryApprover: ["workspace.read", "unit.read", "joint.read", "joint.laboratory", "project.read"],
  sysAdmin: [
    "workspace.read",
    "unit.read",
    "unit.create",
    "unit.update",
    "user.read",
    "user.create",
    "user.update",
  ],
  secAdmin: ["workspace.read", "user.read", "role.grant"],
  auditor: ["workspace.read", "audit.read"],
};

export function permissionsOf(userRoles: readonly Role[]): Permission[] {
  const set = new Set<Permission>();
  for (const r of userRoles) for (const p of grants[r]) set.add(p);
  return permissions.filter((p) => set.has(p));
}

export function can(userRoles: readonly Role[], permission: Permission): boolean {
  return userRoles.some((r) => grants[r].includes(permission));
}

export const roleNames: Record<Role, { zh: string; en: string }> = {
  programOfficer: { zh: "市科技局项目主管", en: "Program officer (S&T bureau)" },
  bureauLeader: { zh: "市科技局领导", en: "Bureau leader" },
  financeOfficer: { zh: "市财政局经办人", en: "Finance bureau officer" },
  districtOfficer: { zh: "县区科技主管部门", en: "District S&T officer" },
  agencyOfficer: { zh: "第三方评审机构", en: "Review agency officer" },
  unitAdmin: { zh: "申报单位管理员", en: "Applicant unit administrator" },
  principalInvestigator: { zh: "项目负责人", en: "Principal investigator" },
  expert: { zh: "评审专家", en: "Expert" },
  fundManager: { zh: "基金管理机构", en: "Fund manager" },
  laboratoryApprover: { zh: "实验室审定人", en: "Laboratory approver" },
  sysAdmin: { zh: "系统管理员", en: "System administrator" },
  secAdmin: { zh: "安全管理员", en: "Security administrator" },
  auditor: { zh: "安全审计员", en: "Auditor" },
};
