import type { Role } from "../identity/roles.ts";
import {
  citeSource,
  type DisbursementTrigger,
  type PerformanceGrade,
  type Policy,
} from "../policy/policy.schema.ts";
import { DomainError } from "../shared/errors.ts";
import { allowedEvents, defineMachine, fire } from "../shared/machine.ts";

/**
 * 拨付 of one payment node (LY-FUNDS §12–13): the bureau prepares it, the finance officer approves it
 * where the city's setting asks for that, and the bureau marks it paid with the treasury's reference —
 * only then does it become a posting in the ledger. Prepared or approved, it can still be cancelled.
 */
export const paymentStates = ["prepared", "approved", "paid", "cancelled"] as const;
export type PaymentState = (typeof paymentStates)[number];

const officer: readonly Role[] = ["programOfficer"];
const finance: readonly Role[] = ["financeOfficer"];

export const paymentMachine = defineMachine({
  name: "payment",
  states: paymentStates,
  labels: {
    prepared: { zh: "已提出，待财政审核", en: "prepared, awaiting finance" },
    approved: { zh: "财政已审核，待拨付", en: "approved by finance, awaiting payment" },
    paid: { zh: "已拨付", en: "paid" },
    cancelled: { zh: "已撤销", en: "cancelled" },
  },
  transitions: {
    approve: { from: ["prepared"], to: "approved", roles: finance },
    // from "prepared" only where the city's setting asks for no approval: see paymentCheck
    pay: { from: ["prepared", "approved"], to: "paid", roles: officer },
    cancel: { from: ["prepared", "approved"], to: "cancelled", roles: officer },
  },
});
export type PaymentEvent = keyof typeof paymentMachine.transitions;

export interface PaymentFacts {
  status: PaymentState;
  preparedBy: string;
}

/** The city's setting on finance approving each payment, with its source. */
export function paymentApprovalOf(policy: Policy) {
  const { financeApproves, source, basis } = policy.paymentApproval;
  return { financeApproves, source: citeSource(source), basis: basis ? citeSource(basis) : null };
}

/**
 * The next state of a payment, or the refusal: the machine's roles and states, the city's approval
 * setting (no payment before finance approved it where the city asks for that), and no approval of a
 * payment by the person who prepared it.
 */
export function paymentCheck(
  policy: Policy,
  payment: PaymentFacts,
  event: PaymentEvent,
  actor: { userId: string; roles: readonly Role[] },
): PaymentState {
  const to = fire(paymentMachine, payment.status, event, actor.roles);
  const { financeApproves, source } = paymentApprovalOf(policy);
  if (event === "approve" && !financeApproves) {
    throw new DomainError({
      code: "INVALID_TRANSITION",
      messageZh: "本市设定拨款无须财政逐笔审核。",
      messageEn: "The city's setting has no finance approval of each payment.",
    });
  }
  if (event === "pay" && payment.status === "prepared" && financeApproves) {
    throw new DomainError({
      code: "PAYMENT_NOT_APPROVED",
      ...("clause" in source ? { clause: source.clause } : { setting: "city" as const }),
    });
  }
  if (event === "approve" && payment.preparedBy === actor.userId) {
    throw new DomainError({ code: "PAYMENT_OWN_APPROVAL" });
  }
  return to;
}

export function paymentActions(
  policy: Policy,
  payment: PaymentFacts,
  actor: { userId: string; roles: readonly Role[] },
): PaymentEvent[] {
  return allowedEvents(paymentMachine, payment.status, actor.roles).filter((e) => {
    try {
      paymentCheck(policy, payment, e, actor);
      return true;
    } catch {
      return false;
    }
  });
}

/** What a project has reached, as far as its payment nodes wait for it. */
export interface NodeFacts {
  taskBookSigned: boolean;
  midTermPassed: boolean;
  accepted: boolean;
  /** 绩效评价 grade; fail (不合格) earns no post-subsidy. */
  grade: PerformanceGrade | null;
}

/** Whether a node's trigger has happened (LY-FUNDS §13: after signing, mid-term, acceptance, grading). */
export function nodeDue(after: DisbursementTrigger, facts: NodeFacts): boolean {
  switch (after) {
    case "taskBookSigned":
      return facts.taskBookSigned;
    case "midTermPassed":
      return facts.taskBookSigned && facts.midTermPassed;
    case "accepted":
      return facts.taskBookSigned && facts.accepted;
    case "graded":
      return facts.grade !== null && facts.grade !== "fail";
    default: {
      const never: never = after;
      return never;
    }
  }
}
