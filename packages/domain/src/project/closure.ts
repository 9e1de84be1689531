import type { Role } from "../identity/roles.ts";
import { balanceOf, type Posting } from "../ledger/ledger.ts";
import type { Policy } from "../policy/policy.schema.ts";
import type { RevocationGround, TerminationGround } from "../policy/project-life.schema.ts";
import { citeSource } from "../policy/source.schema.ts";
import { DomainError } from "../shared/errors.ts";
import { defineMachine } from "../shared/machine.ts";

/**
 * How a project's money is settled when it ends. Termination (终止, DT-RULES §20): the unit applies on
 * one of the policy's grounds and the bureau decides, or the bureau terminates as a sanction (LY-FUNDS
 * §25); what was not paid goes back to the year's budget and the unspent balance is returned as the
 * city's rule says. Revocation (撤销, DT-RULES §21): the bureau decides at once and everything paid is
 * to be recovered. Settlement (结余资金清算): a project that passes acceptance where the city's rule
 * returns the balance to the treasury owes what it holds and did not spend. Each way the amount due
 * is computed from the ledger, and each return is a posting.
 */
export const closureKinds = ["termination", "revocation", "settlement"] as const;
export type ClosureKind = (typeof closureKinds)[number];

export type ClosureGround = TerminationGround | RevocationGround | "sanction" | "acceptance";

export const closureStates = ["requested", "decided", "refused", "superseded"] as const;
export type ClosureState = (typeof closureStates)[number];

const bureau: readonly Role[] = ["programOfficer"];

export const closureMachine = defineMachine({
  name: "closure",
  states: closureStates,
  labels: {
    requested: { zh: "已申请终止，待市科技局审定", en: "termination applied for, awaiting the bureau" },
    decided: { zh: "已决定", en: "decided" },
    refused: { zh: "不予终止", en: "refused" },
    superseded: { zh: "已被其后的决定取代", en: "superseded by a later decision" },
  },
  transitions: {
    approve: { from: ["requested"], to: "decided", roles: bureau },
    refuse: { from: ["requested"], to: "refused", roles: bureau },
  },
});
export type ClosureEvent = keyof typeof closureMachine.transitions;

/** What a project's postings say about it: paid to the unit, given back, and not yet paid. */
export function moneyHeld(postings: readonly Posting[], projectId: string) {
  const own = postings.filter((p) => p.projectId === projectId);
  const total = (kinds: readonly Posting["kind"][]) =>
    own.filter((p) => kinds.includes(p.kind)).reduce((s, p) => s + p.amountFen, 0);
  const paidFen = total(["pay"]);
  const backFen = total(["return", "recover"]);
  return {
    paidFen,
    backFen,
    /** What the unit holds of public money: paid less given back. */
    heldFen: paidFen - backFen,
    /** Committed and not paid: released to the year's budget when the project closes. */
    unpaidFen: balanceOf(own, { kind: "commitment", projectId }),
  };
}

/**
 * A termination's money: the unpaid commitment is released; the unit returns what it holds and has
 * not spent where the rule is 结余资金退回财政 (DT-RULES §20), nothing where the balance stays.
 */
export function terminationSettlement(
  policy: Policy,
  held: { heldFen: number; unpaidFen: number },
  spentFen: number,
) {
  const rule = policy.projectLife.termination.balance;
  if (!Number.isSafeInteger(spentFen) || spentFen < 0) {
    throw new DomainError({
      code: "VALIDATION",
      path: "spentFen",
      messageZh: "已支出金额须为不小于零的整数分。",
      messageEn: "The amount spent is a whole number of fen, zero or more.",
    });
  }
  const balanceFen = Math.max(0, held.heldFen - spentFen);
  return {
    releaseFen: held.unpaidFen,
    dueFen: rule.rule === "returnToTreasury" ? balanceFen : 0,
    balanceFen,
    ...citeSource(rule.source),
  };
}

/** A revocation's money: 追缴计划项目资金, everything the unit holds; the unpaid commitment is released. */
export function revocationSettlement(policy: Policy, held: { heldFen: number; unpaidFen: number }) {
  return {
    releaseFen: held.unpaidFen,
    dueFen: policy.projectLife.revocation.recover === "allPaid" ? held.heldFen : 0,
    ...citeSource(policy.projectLife.revocation.source),
  };
}

/**
 * The balance after a passed acceptance (LY-FUNDS §19 in Luoyang: it stays with the unit; Datong's
 * city setting: it returns to the treasury): what the unit holds of the money paid less what its
 * settlement says it spent. Post-subsidies paid later are a reward on the grade, not part of it.
 */
export function acceptanceSettlement(policy: Policy, heldFen: number, settledFen: number) {
  const rule = policy.tracking.acceptance.balance;
  const balanceFen = Math.max(0, heldFen - settledFen);
  return {
    balanceFen,
    dueFen: rule.rule === "returnToTreasury" ? balanceFen : 0,
    ...citeSource(rule.source),
  };
}

/** Refuses a ground the city's policy does not name for this kind of closure, citing the rule. */
export function checkClosureGround(policy: Policy, kind: "termination" | "revocation", ground: string) {
  const rules = policy.projectLife[kind];
  if (!(rules.grounds as readonly string[]).includes(ground)) {
    throw new DomainError({
      code: "VALIDATION",
      path: "ground",
      messageZh: `${policy.cityNameZh}的政策未将该情形列为${kind === "termination" ? "终止" : "撤销"}事由。`,
      messageEn: `${policy.cityNameEn}'s policy names no such ground for ${kind}.`,
      details: { grounds: rules.grounds, ...citeSource(rules.source) },
    });
  }
}

/**
 * Spreads an amount given back over the payments it came from, the latest first, never more than a
 * payment still holds: each part becomes one `return` or `recover` posting matched to its payment.
 */
export function allocateBack(
  payments: readonly { id: string; at: string; amountFen: number; backFen: number }[],
  amountFen: number,
): { paymentId: string; amountFen: number }[] {
  const out: { paymentId: string; amountFen: number }[] = [];
  let left = amountFen;
  for (const p of [...payments].sort((a, b) => b.at.localeCompare(a.at))) {
    if (left === 0) break;
    const part = Math.min(left, p.amountFen - p.backFen);
    if (part > 0) out.push({ paymentId: p.id, amountFen: part });
    left -= part;
  }
  if (left > 0) throw new DomainError({ code: "LEDGER_RETURN_UNMATCHED", details: { unmatchedFen: left } });
  return out;
}

/** What a closure still waits for: the amount due less what has come back since it was decided. */
export function outstandingOf(closure: { dueFen: number }, settledFen: number) {
  return Math.max(0, closure.dueFen - settledFen);
}
