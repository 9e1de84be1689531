import {
  citeSource,
  type DisbursementTrigger,
  disbursementRuleOf,
  type Policy,
} from "../policy/policy.schema.ts";

export interface PaymentNode {
  code: string;
  /** What the node waits for before it may be paid. */
  after: DisbursementTrigger;
  amountFen: number;
  source: ReturnType<typeof citeSource>;
}

/**
 * A project's payment nodes (LY-FUNDS §13): the program's shares of `baseFen` — the approved amount,
 * or for a post-subsidy the subsidy its grade earns. Shares are taken in whole fen, rounding down, and
 * the last node takes what is left, so the nodes always add up to `baseFen` exactly. A program the
 * policy pays nothing (filing, joint research, fund push) has no nodes.
 */
export function paymentSchedule(policy: Policy, programCode: string, baseFen: number): PaymentNode[] {
  if (!Number.isSafeInteger(baseFen) || baseFen < 0)
    throw new RangeError("baseFen must be whole fen, not negative");
  const rule = disbursementRuleOf(policy, programCode);
  if (!rule || baseFen === 0) return [];
  let left = baseFen;
  return rule.nodes.map((n, i) => {
    const last = i === rule.nodes.length - 1;
    // BigInt: the product passes 2^53 for amounts above ¥900 billion, where a number would round
    const amountFen = last ? left : Number((BigInt(baseFen) * BigInt(n.percent.value)) / 100n);
    left -= amountFen;
    return { code: n.code, after: n.after, amountFen, source: citeSource(n.percent.source) };
  });
}
