import type { closureGrounds } from "@luoshu/contract";
import type {
  Approver,
  ChangeKind,
  ChangeState,
  ClosureKind,
  ClosureState,
  SanctionAuthority,
  SanctionKind,
} from "@luoshu/domain";
import type { Lang } from "../../app/locale";

type Names<K extends string> = Record<K, { zh: string; en: string }>;
type ClosureGround = (typeof closureGrounds)[number];

/** 终止 (DT-RULES §20), 撤销 (DT-RULES §21), or the balance due back after acceptance. */
export const closureKindNames: Names<ClosureKind> = {
  termination: { zh: "项目终止", en: "Termination" },
  revocation: { zh: "项目撤销", en: "Revocation" },
  settlement: { zh: "结题结余资金退回", en: "Balance due back after acceptance" },
};

/** The grounds of a termination (the unit's application), of a revocation, and a termination as a sanction. */
export const closureGroundNames: Names<ClosureGround> = {
  forceMajeure: {
    zh: "不可抗力，实施条件与环境发生重大变化",
    en: "Force majeure: the conditions of the work changed greatly",
  },
  infeasibleRoute: {
    zh: "技术路线不可行，项目无法实施",
    en: "The technical route proved infeasible",
  },
  lawViolation: { zh: "违反有关法律法规", en: "Violation of laws or regulations" },
  fraud: { zh: "弄虚作假", en: "Fraud" },
  taskBookBreach: { zh: "不按计划任务书约定实施", en: "Not carried out as the task book agreed" },
  sanction: { zh: "作为处理措施终止项目执行", en: "Terminated as a sanction" },
  acceptance: {
    zh: "验收通过，结余资金按本市规定退回财政",
    en: "Accepted: the city's rule returns the balance to the treasury",
  },
};

export const closureStatusNames: Names<ClosureState> = {
  requested: { zh: "已申请，待市科技局审定", en: "Applied for, awaiting the bureau" },
  decided: { zh: "已决定", en: "Decided" },
  refused: { zh: "不予终止", en: "Refused" },
  superseded: { zh: "已被其后的决定取代", en: "Superseded by a later decision" },
};

export const closureStatusColors: Record<ClosureState, string> = {
  requested: "orange",
  decided: "red",
  refused: "default",
  superseded: "default",
};

/** The measures of LY-FUNDS §25. */
export const sanctionKindNames: Names<SanctionKind> = {
  interview: { zh: "约谈", en: "Interview" },
  reprimand: { zh: "通报批评", en: "Reprimand" },
  paymentSuspension: { zh: "暂停项目拨款", en: "Payment suspension" },
  termination: { zh: "终止项目执行", en: "Termination of the project" },
  eligibilityBan: { zh: "取消申报资格", en: "Eligibility ban" },
  badRecord: { zh: "纳入科研诚信不良记录", en: "Bad integrity record" },
  judicialReferral: { zh: "移送司法机关", en: "Referral to the judicial organs" },
};

export const sanctionAuthorityNames: Names<SanctionAuthority> = {
  scienceBureau: { zh: "市科技局", en: "S&T bureau" },
  financeBureau: { zh: "市财政局", en: "Finance bureau" },
};

/** The role that speaks for each authority (the server checks the same). */
export const authorityRoles: Record<SanctionAuthority, "programOfficer" | "financeOfficer"> = {
  scienceBureau: "programOfficer",
  financeBureau: "financeOfficer",
};

/** What happens to the unspent balance when a project is terminated. */
export const balanceRuleNames: Names<"returnToTreasury" | "staysWithUnit"> = {
  returnToTreasury: { zh: "结余资金退回财政", en: "The unspent balance returns to the treasury" },
  staysWithUnit: { zh: "结余资金留归承担单位", en: "The unit keeps the unspent balance" },
};

/** The integrity record a revocation leaves. */
export const listingKindNames: Names<"blacklist" | "eligibilityBan"> = {
  blacklist: { zh: "科研诚信黑名单", en: "the integrity blacklist" },
  eligibilityBan: { zh: "取消申报资格记录", en: "an eligibility ban" },
};

export const listingSubjectNames: Names<"unit" | "principalInvestigator"> = {
  unit: { zh: "承担单位", en: "the unit" },
  principalInvestigator: { zh: "项目负责人", en: "the PI" },
};

/** "承担单位及项目负责人" / "the unit and the PI". */
export function subjectsText(subjects: readonly ("unit" | "principalInvestigator")[], lang: Lang): string {
  return subjects.map((s) => listingSubjectNames[s][lang]).join(lang === "zh" ? "及" : " and ");
}

/** The decision on a termination application. */
export const closureEventNames: Names<"approve" | "refuse"> = {
  approve: { zh: "同意终止", en: "Approve the termination" },
  refuse: { zh: "不予终止", en: "Refuse the termination" },
};

/** 变更 (DT-RULES §19; LY-FUNDS §18): what a change is of. */
export const changeKindNames: Names<ChangeKind> = {
  legalPerson: { zh: "单位法人变更", en: "Change of the unit's legal person" },
  principalInvestigator: { zh: "项目负责人变更", en: "Change of PI" },
  budgetAdjustment: { zh: "预算调剂", en: "Budget adjustment" },
  extension: { zh: "延期", en: "Extension" },
};

export const changeStatusNames: Names<ChangeState> = {
  requested: { zh: "待市科技局审批", en: "Awaiting the bureau" },
  approved: { zh: "已批复", en: "Approved" },
  refused: { zh: "不予批复", en: "Refused" },
  recorded: { zh: "已自主决定并备案", en: "Decided and recorded" },
};

export const changeStatusColors: Record<ChangeState, string> = {
  requested: "orange",
  approved: "green",
  refused: "default",
  recorded: "blue",
};

/** Who decides a change by the city's policy. */
export const deciderNames: Names<Approver> = {
  bureau: { zh: "市科技局审批", en: "The bureau approves" },
  unit: { zh: "项目承担单位自主决定", en: "The unit decides itself" },
  principalInvestigator: { zh: "项目负责人自主决定", en: "The PI decides" },
};

/** The bureau's decision on a change waiting for it. */
export const changeEventNames: Names<"approve" | "refuse"> = {
  approve: { zh: "批准", en: "Approve" },
  refuse: { zh: "不予批准", en: "Refuse" },
};
