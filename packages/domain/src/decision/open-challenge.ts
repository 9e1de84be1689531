import { citeSource, type Policy } from "../policy/policy.schema.ts";
import { DomainError } from "../shared/errors.ts";
import { defineMachine } from "../shared/machine.ts";
import type { DecisionSteps } from "./proposed-list.ts";

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
  "cityApproved",
  "inNotice",
  "noticeClosed",
  "coSigned",
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
    cityApproved: { zh: "市政府已批准", en: "approved by the city government" },
    inNotice: { zh: "拟中榜名单公示中", en: "shortlist in public notice" },
    noticeClosed: { zh: "公示结束", en: "notice closed" },
    coSigned: { zh: "财政已会签", en: "co-signed by finance" },
    agreed: { zh: "已签订三方协议", en: "tripartite agreement signed" },
    announced: { zh: "已发布中榜公告", en: "award announced" },
    cancelled: { zh: "已撤榜", en: "withdrawn" },
  },
  transitions: {
    publish: { from: ["draft"], to: "open", roles: officer },
    shortlist: { from: ["open"], to: "shortlisted", roles: officer },
    // the steps a city adds for the program (decisionSteps): see challengeStepCheck
    recordCityGovernment: { from: ["shortlisted"], to: "cityApproved", roles: officer },
    startNotice: { from: ["shortlisted", "cityApproved"], to: "inNotice", roles: officer },
    closeNotice: { from: ["inNotice"], to: "noticeClosed", roles: officer },
    coSign: { from: ["noticeClosed"], to: "coSigned", roles: ["financeOfficer"] },
    recordAgreement: { from: ["noticeClosed", "coSigned"], to: "agreed", roles: officer },
    announce: { from: ["agreed"], to: "announced", roles: ["bureauLeader"] },
    // once the city government has approved the shortlist, the bureau alone does not withdraw it
    cancel: { from: ["draft", "open", "shortlisted"], to: "cancelled", roles: officer },
  },
});
export type ChallengeEvent = keyof typeof challengeMachine.transitions;

/**
 * The steps of the city's decision that a challenge's program takes too (LY-REFORM §三(二)1: the
 * city government approves the public-welfare plan before its notice; LY-FUNDS §12: finance co-signs
 * before the award). A step the program does not take is refused; one it takes cannot be skipped.
 */
export function challengeStepCheck(
  steps: Pick<DecisionSteps, "cityGovernment" | "coSign">,
  status: ChallengeState,
  event: ChallengeEvent,
): DomainError | null {
  const notTaken = () =>
    new DomainError({
      code: "DECISION_NOT_APPLICABLE",
      messageZh: "本计划类别的决策不含此环节。",
      messageEn: "This program's decision takes no such step.",
    });
  if (event === "recordCityGovernment" && !steps.cityGovernment) return notTaken();
  if (event === "coSign" && !steps.coSign) return notTaken();
  if (event === "startNotice" && steps.cityGovernment && status === "shortlisted") {
    return new DomainError({
      code: "DECISION_STEP_PENDING",
      messageZh: "须先录入市政府批准，再公示拟中榜名单。",
      messageEn: "Record the city government's approval before the notice.",
      ...citeSource(steps.cityGovernment),
    });
  }
  if (event === "recordAgreement" && steps.coSign && status === "noticeClosed") {
    return new DomainError({
      code: "DECISION_STEP_PENDING",
      messageZh: "须先经市财政局会签，再签订三方协议。",
      messageEn: "Finance co-signs before the tripartite agreement.",
      ...citeSource(steps.coSign),
    });
  }
  return null;
}

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
