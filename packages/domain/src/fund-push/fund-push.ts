import type { Role } from "../identity/roles.ts";
import { citeSource, type Policy } from "../policy/policy.schema.ts";
import { DomainError } from "../shared/errors.ts";
import { defineMachine } from "../shared/machine.ts";

/**
 * 基金推送 (LY-REFORM §二(三)): the bureau pushes a selected S&T SME, with its projects, grades and
 * key figures, to the fund management institution, which decides by its own charter (按照公司章程):
 * invest (with the amount), decline, or follow up and decide later. The bureau sees the outcome; the
 * platform pays nothing.
 */
export const fundPushStates = ["pushed", "followingUp", "invested", "declined"] as const;
export type FundPushState = (typeof fundPushStates)[number];

const fund: readonly Role[] = ["fundManager"];

export const fundPushMachine = defineMachine({
  name: "fundPush",
  states: fundPushStates,
  labels: {
    pushed: { zh: "已推送，待基金决策", en: "pushed, awaiting the fund's decision" },
    followingUp: { zh: "基金跟踪了解中", en: "the fund is following up" },
    invested: { zh: "基金已决定投资", en: "the fund decided to invest" },
    declined: { zh: "基金不予投资", en: "the fund declined" },
  },
  transitions: {
    invest: { from: ["pushed", "followingUp"], to: "invested", roles: fund },
    decline: { from: ["pushed", "followingUp"], to: "declined", roles: fund },
    followUp: { from: ["pushed"], to: "followingUp", roles: fund },
  },
});
export type FundPushEvent = keyof typeof fundPushMachine.transitions;

/** The city's fund-push program with its clause, or a refusal where its documents name none (Datong). */
export function fundPushProgramOf(policy: Policy) {
  const program = policy.programs.find((p) => p.fundingMode === "fundPush");
  if (!program) {
    throw new DomainError({
      code: "DECISION_NOT_APPLICABLE",
      messageZh: `${policy.cityNameZh}的政策文件未规定基金推送。`,
      messageEn: `${policy.cityNameEn}'s policy documents name no fund push.`,
    });
  }
  return { code: program.code, nameZh: program.nameZh, source: citeSource(program.source) };
}

/** The fund's decision as recorded: an investment names its amount; every decision its charter basis. */
export function checkFundDecision(event: FundPushEvent, input: { amountFen: number | null; note: string }) {
  if (
    event === "invest" &&
    !(input.amountFen !== null && Number.isSafeInteger(input.amountFen) && input.amountFen > 0)
  ) {
    throw new DomainError({
      code: "VALIDATION",
      path: "amountFen",
      messageZh: "决定投资须填写投资金额。",
      messageEn: "An investment states its amount.",
    });
  }
  if (event !== "invest" && input.amountFen !== null) {
    throw new DomainError({
      code: "VALIDATION",
      path: "amountFen",
      messageZh: "只有决定投资时填写金额。",
      messageEn: "Only an investment has an amount.",
    });
  }
  if (input.note.trim().length < 2) {
    throw new DomainError({
      code: "VALIDATION",
      path: "note",
      messageZh: "请写明按公司章程作出决策的依据或意见。",
      messageEn: "State the basis of the decision under the fund's charter.",
    });
  }
}
