import { type BidState, type ChallengeState, challengeMachine, type Policy } from "@luoshu/domain";
import type { ChallengeAction } from "../../api/challenges";
import type { Lang } from "../../app/locale";
import { capitalized } from "../applications/labels";

type Names<K extends string> = Record<K, { zh: string; en: string }>;

export function challengeStatusText(status: ChallengeState, lang: Lang): string {
  return capitalized(challengeMachine.labels[status][lang]);
}

export const challengeStatusColors: Record<ChallengeState, string> = {
  draft: "default",
  open: "blue",
  shortlisted: "cyan",
  cityApproved: "blue",
  inNotice: "purple",
  noticeClosed: "geekblue",
  coSigned: "geekblue",
  agreed: "gold",
  announced: "green",
  cancelled: "default",
};

/** The buttons, in the order of the path; each names the act it does. */
export const challengeActionNames: Names<ChallengeAction> = {
  publish: { zh: "张榜发布", en: "Publish the challenge" },
  bid: { zh: "揭榜", en: "Bid" },
  recordNegotiation: { zh: "记录磋商", en: "Record the negotiation" },
  shortlist: { zh: "提出拟中榜名单", en: "Propose the shortlist" },
  recordCityGovernment: { zh: "录入市政府批准", en: "Record the city government's approval" },
  startNotice: { zh: "公示拟中榜名单", en: "Start the public notice" },
  closeNotice: { zh: "结束公示", en: "Close the public notice" },
  coSign: { zh: "财政会签", en: "Co-sign" },
  recordAgreement: { zh: "登记三方协议", en: "Record the tripartite agreement" },
  announce: { zh: "发布中榜公告", en: "Announce the award" },
  cancel: { zh: "撤榜", en: "Withdraw the challenge" },
};

export const bidStatusNames: Names<BidState> = {
  submitted: { zh: "已揭榜", en: "Submitted" },
  negotiated: { zh: "已磋商", en: "Negotiated" },
  shortlisted: { zh: "拟中榜", en: "Shortlisted" },
  notSelected: { zh: "未中榜", en: "Not selected" },
  withdrawn: { zh: "已撤回", en: "Withdrawn" },
};

export const bidStatusColors: Record<BidState, string> = {
  submitted: "blue",
  negotiated: "cyan",
  shortlisted: "green",
  notSelected: "default",
  withdrawn: "default",
};

const runs = (policy: Policy | undefined, program: string | undefined, mode: string) =>
  Boolean(policy?.programs.find((p) => p.code === program)?.selectionModes.some((m) => m.mode === mode));

/** The programs whose policy runs open challenges (Datong: all five; Luoyang: public welfare, major innovation). */
export function challengePrograms(policy: Policy | undefined) {
  return policy?.programs.filter((p) => runs(policy, p.code, "openChallenge")) ?? [];
}

/** Several bidders may be shortlisted only where the program runs a horse race (赛马制). */
export const allowsHorseRace = (policy: Policy | undefined, program: string) =>
  runs(policy, program, "horseRace");
