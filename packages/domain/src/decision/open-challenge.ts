import { citeSource, type Policy } from "../policy/policy.schema.ts";
import { DomainError } from "../shared/errors.ts";
import { defineMachine } from "../shared/machine.ts";

/**
 * 揭榜挂帅 (DT-RULES §15; LY-REFORM §三(三)2): the bureau publishes a challenge list (张榜) with its
 * requirements, technical indicators, performance targets, government funding and the enterprise's
 * co-funding; bidders (揭榜方) apply, negotiate with the demand side and sign a preliminary
 * cooperation agreement; the bureau proposes the shortlist (拟中榜名单), which is publicly noticed;
 * then the three parties sign the tripartite agreement (三方协议) and the award is announced.
 */
export const challengeStates = [
  "draft",
  "open",
  "shortlisted",
  "inNotice",
  "noticeClosed",
  "agreed",
  "announced",
  "cancelled",
] as const;
export type ChallengeState = (typeof challengeStates)[number];

const officer = ["programOfficer"] as const;

export const challengeMachine = defineMachine({
  name: "openChallenge",
  states: challengeStates,
  labels: {
    draft: { zh: "榜单拟订中", en: "being drafted" },
    open: { zh: "张榜中", en: "open for bids" },
    shortlisted: { zh: "已提出拟中榜名单", en: "shortlist proposed" },
    inNotice: { zh: "拟中榜名单公示中", en: "shortlist in public notice" },
    noticeClosed: { zh: "公示结束", en: "notice closed" },
    agreed: { zh: "已签订三方协议", en: "tripartite agreement signed" },
    announced: { zh: "已发布中榜公告", en: "award announced" },
    cancelled: { zh: "已撤榜", en: "withdrawn" },
  },
  transitions: {
    publish: { from: ["draft"], to: "open", roles: officer },
    shortlist: { from: ["open"], to: "shortlisted", roles: officer },
    startNotice: { from: ["shortlisted"], to: "inNotice", roles: officer },
    closeNotice: { from: ["inNotice"], to: "noticeClosed", roles: officer },
    recordAgreement: { from: ["noticeClosed"], to: "agreed", roles: officer },
    announce: { from: ["agreed"], to: "announced", roles: ["bureauLeader"] },
    cancel: { from: ["draft", "open", "shortlisted"], to: "cancelled", roles: officer },
  },
});
export type ChallengeEvent = keyof typeof challengeMachine.transitions;

/** A bid from submission to the shortlist: it may be shortlisted only with its negotiation on record. */
export const bidStates = ["submitted", "negotiated", "shortlisted", "notSelected", "withdrawn"] as const;
export type BidState = (typeof bidStates)[number];

/** Refuses a challenge in a program whose selection modes do not include the open challenge. */
export function checkOpenChallenge(policy: Policy, program: string): void {
  const mode = policy.programs
    .find((p) => p.code === program)
    ?.selectionModes.find((m) => m.mode === "openChallenge");
  if (!mode) {
    throw new DomainError({
      code: "DECISION_NOT_APPLICABLE",
      messageZh: `${policy.cityNameZh}政策中该计划类别不采取“揭榜挂帅”方式。`,
      messageEn: `The ${policy.cityNameEn} policy runs no open challenge in this program.`,
      path: "program",
    });
  }
}

/**
 * The shortlist: at least one bid, each with its negotiation record and preliminary cooperation
 * agreement; more than one only where the program allows a horse race (赛马制).
 */
export function checkShortlist(
  policy: Policy,
  program: string,
  bids: readonly { id: string; status: BidState; agreementOnRecord: boolean }[],
  chosen: readonly string[],
): void {
  const picked = bids.filter((b) => chosen.includes(b.id));
  if (picked.length === 0 || picked.length !== chosen.length) {
    throw new DomainError({
      code: "VALIDATION",
      path: "bidIds",
      messageZh: "请选择揭榜方。",
      messageEn: "Choose the bidders.",
    });
  }
  const mode = policy.programs
    .find((p) => p.code === program)
    ?.selectionModes.find((m) => m.mode === "openChallenge");
  const unready = picked.filter((b) => b.status !== "negotiated" || !b.agreementOnRecord);
  if (unready.length > 0) {
    throw new DomainError({
      code: "CHALLENGE_NOT_NEGOTIATED",
      path: "bidIds",
      messageZh: "拟中榜的揭榜方须已完成揭榜磋商并签署初步合作协议。",
      messageEn:
        "A shortlisted bidder needs its negotiation and preliminary cooperation agreement on record.",
      ...(mode ? citeSource(mode.source) : {}),
    });
  }
  const race = policy.programs
    .find((p) => p.code === program)
    ?.selectionModes.some((m) => m.mode === "horseRace");
  if (picked.length > 1 && !race) {
    throw new DomainError({ code: "HORSE_RACE_NOT_ALLOWED", path: "bidIds" });
  }
}
