import {
  type DirectedCommissionState,
  directedCommissionMachine,
  type ProposedListState,
  proposedListMachine,
  type Role,
  roleNames,
} from "@luoshu/domain";
import type {
  CommissionEvent,
  ListAction,
  ListEvent,
  Objection,
  Project,
  ProposedList,
  ProposedListEntry,
  Source,
} from "../../api/decisions";
import type { Lang } from "../../app/locale";
import { capitalized } from "../applications/labels";

type Names<K extends string> = Record<K, { zh: string; en: string }>;

export function listStatusText(status: ProposedListState, lang: Lang): string {
  return capitalized(proposedListMachine.labels[status][lang]);
}

export const listStatusColors: Record<ProposedListState, string> = {
  draft: "default",
  awaitingLeader: "orange",
  leaderApproved: "blue",
  cityGovernmentApproved: "blue",
  inNotice: "purple",
  noticeClosed: "cyan",
  coSigned: "geekblue",
  issued: "green",
};

export function roleText(role: Role | null, lang: Lang): string {
  return role ? (roleNames[role]?.[lang] ?? role) : "—";
}

/** The steps of the forward path as the Steps indicator names them. */
export const stepNames: Names<ListEvent> = {
  submit: { zh: "提交审批", en: "Submit" },
  recall: { zh: "撤回", en: "Recall" },
  leaderApprove: { zh: "局领导审批", en: "Leader's approval" },
  leaderReturn: { zh: "局领导退回", en: "Returned by the leader" },
  recordCityGovernment: { zh: "市政府批准", en: "City government" },
  startNotice: { zh: "公示", en: "Public notice" },
  closeNotice: { zh: "公示结束", en: "Notice closed" },
  coSign: { zh: "财政会签", en: "Finance co-sign" },
  financeReturn: { zh: "财政退回", en: "Returned by finance" },
  issue: { zh: "下达立项", en: "Issue" },
};

/** The buttons: each names the act it does. */
export const actionNames: Names<ListAction> = {
  edit: { zh: "保存名单", en: "Save the list" },
  recordCollectiveDecision: { zh: "登记集体决策", en: "Record the collective decision" },
  withdrawEntry: { zh: "单位撤回", en: "Unit withdrew" },
  handleObjection: { zh: "处理异议", en: "Handle objection" },
  submit: { zh: "提交审批", en: "Submit for approval" },
  recall: { zh: "撤回名单", en: "Recall" },
  leaderApprove: { zh: "审批通过", en: "Approve" },
  leaderReturn: { zh: "退回修改", en: "Return for changes" },
  recordCityGovernment: { zh: "登记市政府批准", en: "Record the city government's approval" },
  startNotice: { zh: "开始公示", en: "Start the public notice" },
  closeNotice: { zh: "结束公示", en: "Close the public notice" },
  coSign: { zh: "财政会签", en: "Co-sign" },
  financeReturn: { zh: "退回修改", en: "Return for changes" },
  issue: { zh: "下达立项", en: "Issue the projects" },
};

/** The clause each step of the path follows; `issue` has none of its own. */
export function stepSource(list: ProposedList, event: ListEvent): Source | null {
  const s = list.steps;
  switch (event) {
    case "submit":
      return s.collectiveDecision;
    case "leaderApprove":
      return s.leaderApproval;
    case "recordCityGovernment":
      return s.cityGovernment;
    case "startNotice":
      return s.publicNotice?.source ?? null;
    case "closeNotice":
      return s.publicNotice?.periodSource ?? null;
    case "coSign":
      return s.coSign;
    default:
      return null;
  }
}

export type EditableDecision = "selected" | "reserve" | "notSelected";
export const decisionNames: Names<ProposedListEntry["decision"]> = {
  selected: { zh: "拟立项", en: "Selected" },
  reserve: { zh: "候补", en: "Reserve" },
  notSelected: { zh: "不立项", en: "Not selected" },
  withdrawn: { zh: "已撤回", en: "Withdrawn" },
  removed: { zh: "异议成立移出", en: "Removed (objection upheld)" },
};

export const decisionColors: Record<ProposedListEntry["decision"], string> = {
  selected: "green",
  reserve: "gold",
  notSelected: "default",
  withdrawn: "default",
  removed: "red",
};

export const objectionStatusNames: Names<Objection["status"]> = {
  open: { zh: "待处理", en: "Open" },
  upheld: { zh: "异议成立", en: "Upheld" },
  dismissed: { zh: "异议不成立", en: "Dismissed" },
};

export const objectionStatusColors: Record<Objection["status"], string> = {
  open: "orange",
  upheld: "red",
  dismissed: "default",
};

interface Guarded<A extends string> {
  allowedActions: readonly A[];
  blocked: readonly { action: A; reasonZh: string; reasonEn: string }[];
}

/**
 * Why the server does not allow the action now, in the caller's language (from `blocked`); null
 * when it is allowed.
 */
export function blockedReason<A extends string>(
  subject: Guarded<A> | undefined,
  action: A,
  lang: Lang,
): string | null {
  if (!subject) return lang === "zh" ? "加载中" : "Loading";
  if (subject.allowedActions.includes(action)) return null;
  const b = subject.blocked.find((x) => x.action === action);
  const reason = b ? (lang === "zh" ? b.reasonZh || b.reasonEn : b.reasonEn || b.reasonZh) : "";
  return reason || (lang === "zh" ? "当前不能进行此操作。" : "Not available now.");
}

/**
 * The steps worth a button for the caller: what they may do now, and the list's next step when it is
 * theirs to take (then disabled with the server's reason while it is blocked, e.g. submit with
 * problems open or the notice before its end). Other roles' steps are not shown at all.
 */
export function eventShown(list: ProposedList, event: ListEvent, roles: readonly Role[]): boolean {
  if (list.allowedActions.includes(event)) return true;
  return (
    event === list.nextEvent &&
    proposedListMachine.transitions[event].roles.some((r: Role) => roles.includes(r))
  );
}

export function commissionStatusText(status: DirectedCommissionState, lang: Lang): string {
  return capitalized(directedCommissionMachine.labels[status][lang]);
}

export const commissionStatusColors: Record<DirectedCommissionState, string> = {
  draft: "default",
  inNotice: "purple",
  approved: "green",
  cancelled: "default",
};

/** 定向委托's buttons, in the machine's order. */
export const commissionActionNames: Names<CommissionEvent> = {
  publish: { zh: "公示定向理由", en: "Publish the reasons" },
  approve: { zh: "批准立项", en: "Approve the project" },
  cancel: { zh: "撤销定向委托", en: "Cancel the commission" },
};

/** How a project came to be: a proposed list, a filing (备案), a directed commission, an open challenge, joint research. */
export const originNames: Names<Project["origin"]> = {
  proposedList: { zh: "立项名单", en: "Proposed list" },
  filing: { zh: "备案立项", en: "Filing" },
  directedCommission: { zh: "定向委托", en: "Directed commission" },
  openChallenge: { zh: "揭榜挂帅", en: "Open challenge" },
  jointResearch: { zh: "联合科研", en: "Joint research" },
};

export const originColors: Record<Project["origin"], string> = {
  proposedList: "blue",
  filing: "cyan",
  directedCommission: "purple",
  openChallenge: "gold",
  jointResearch: "magenta",
};
