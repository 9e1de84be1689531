import { DomainError } from "../shared/errors.ts";
import { balanceOf, type LedgerProject, type Posting, suspensionAt } from "./ledger.ts";

/**
 * The money operations, each checked against the ledger as it stands before it becomes a posting.
 * The server runs them with the ledger's rows locked, so two requests never both pass a check the
 * other would have failed; the same idempotency key replays the first posting instead of a second.
 */
export type LedgerOperation =
  /** Finance approves the year's budget (LY-FUNDS §11 二下). */
  | { op: "appropriate"; year: number; amountFen: number }
  /** A control number set lower: the year gives back what it has not committed. */
  | { op: "reduce"; year: number; amountFen: number }
  /** A project's approved amount is set aside from its year's budget. */
  | { op: "commit"; projectId: string }
  /** A payment of one node of the task book (LY-FUNDS §13(一)). */
  | { op: "pay"; projectId: string; node: string; amountFen: number }
  /** What a project will no longer receive goes back to its year's budget (termination). */
  | { op: "release"; projectId: string; amountFen: number }
  /** The unit gives money back from a payment: a balance returned, or an amount recovered. */
  | { op: "return"; paymentId: string; amountFen: number }
  | { op: "recover"; paymentId: string; amountFen: number };

export interface LedgerState {
  postings: readonly Posting[];
  projects: ReadonlyMap<string, LedgerProject>;
}

const fail = (
  code: ConstructorParameters<typeof DomainError>[0]["code"],
  details?: Record<string, unknown>,
) => new DomainError({ code, ...(details ? { details } : {}) });

/** The request as the idempotency key remembers it: the same key with another body is refused. */
export const requestOf = (op: LedgerOperation): string =>
  JSON.stringify(Object.fromEntries(Object.entries(op).sort(([a], [b]) => a.localeCompare(b))));

/**
 * The posting an operation makes, or the one an earlier request with the same key made (`replayed`),
 * or a refusal naming the rule it would break.
 */
export function planPosting(
  state: LedgerState,
  op: LedgerOperation,
  meta: { id: string; idempotencyKey: string; at: string },
): { posting: Posting; replayed: boolean } {
  const request = requestOf(op);
  const earlier = state.postings.find((p) => p.idempotencyKey === meta.idempotencyKey);
  if (earlier) {
    if (earlier.request !== request) throw fail("LEDGER_IDEMPOTENCY_MISMATCH");
    return { posting: earlier, replayed: true };
  }
  if ("amountFen" in op && (!Number.isSafeInteger(op.amountFen) || op.amountFen <= 0)) {
    throw new DomainError({
      code: "VALIDATION",
      path: "amountFen",
      messageZh: "金额须为正的整数分。",
      messageEn: "The amount is a positive whole number of fen.",
    });
  }
  const base = { ...meta, request, node: null, paymentId: null };
  return { posting: { ...base, ...movement(state, op, meta.at) }, replayed: false };
}

type Movement = Pick<Posting, "kind" | "from" | "to" | "amountFen" | "year" | "projectId"> &
  Partial<Pick<Posting, "node" | "paymentId">>;

function movement(state: LedgerState, op: LedgerOperation, at: string): Movement {
  const { postings } = state;
  if (op.op === "appropriate") {
    return {
      kind: "appropriate",
      from: { kind: "treasury" },
      to: { kind: "budget", year: op.year },
      amountFen: op.amountFen,
      year: op.year,
      projectId: null,
    };
  }
  if (op.op === "reduce") {
    const budget = { kind: "budget", year: op.year } as const;
    const available = balanceOf(postings, budget);
    if (op.amountFen > available)
      throw fail("LEDGER_OVER_BUDGET", { availableFen: available, amountFen: op.amountFen });
    return {
      kind: "reduce",
      from: budget,
      to: { kind: "treasury" },
      amountFen: op.amountFen,
      year: op.year,
      projectId: null,
    };
  }
  if (op.op === "return" || op.op === "recover") {
    const payment = postings.find((p) => p.id === op.paymentId && p.kind === "pay");
    if (!payment?.projectId) throw fail("LEDGER_RETURN_UNMATCHED", { paymentId: op.paymentId });
    const back = postings
      .filter((p) => p.paymentId === payment.id && (p.kind === "return" || p.kind === "recover"))
      .reduce((s, p) => s + p.amountFen, 0);
    if (back + op.amountFen > payment.amountFen) {
      throw fail("LEDGER_RETURN_UNMATCHED", {
        paymentId: payment.id,
        paidFen: payment.amountFen,
        backFen: back,
      });
    }
    return {
      kind: op.op,
      from: { kind: "unit", projectId: payment.projectId },
      to: { kind: "treasury" },
      amountFen: op.amountFen,
      year: payment.year,
      projectId: payment.projectId,
      paymentId: payment.id,
    };
  }
  const project = state.projects.get(op.projectId);
  if (!project) throw fail("NOT_FOUND");
  const commitment = { kind: "commitment", projectId: project.projectId } as const;
  const budget = { kind: "budget", year: project.year } as const;
  const common = { year: project.year, projectId: project.projectId };
  if (op.op === "commit") {
    // a project that pays nothing (filing, joint research) has nothing to set aside
    if (!Number.isSafeInteger(project.approvedFen) || project.approvedFen <= 0) {
      throw new DomainError({
        code: "VALIDATION",
        path: "projectId",
        messageZh: "该项目没有须列入承诺的财政资金。",
        messageEn: "The project has no public money to commit.",
      });
    }
    if (postings.some((p) => p.kind === "commit" && p.projectId === project.projectId))
      throw fail("LEDGER_ALREADY_COMMITTED");
    const available = balanceOf(postings, budget);
    if (project.approvedFen > available)
      throw fail("LEDGER_OVER_BUDGET", { availableFen: available, amountFen: project.approvedFen });
    return { kind: "commit", from: budget, to: commitment, amountFen: project.approvedFen, ...common };
  }
  const left = balanceOf(postings, commitment);
  if (op.op === "release") {
    if (op.amountFen > left) throw fail("LEDGER_OVER_APPROVED", { leftFen: left });
    return { kind: "release", from: commitment, to: budget, amountFen: op.amountFen, ...common };
  }
  const suspended = suspensionAt(project.suspensions, at);
  if (suspended) throw fail("LEDGER_PROJECT_SUSPENDED", { since: suspended.from });
  const node = project.nodes.find((n) => n.code === op.node);
  if (!node)
    throw new DomainError({
      code: "VALIDATION",
      path: "node",
      messageZh: "任务书中没有该拨付节点。",
      messageEn: "The task book has no such payment node.",
    });
  if (postings.some((p) => p.kind === "pay" && p.projectId === project.projectId && p.node === node.code)) {
    throw fail("LEDGER_NODE_PAID", { node: node.code });
  }
  if (op.amountFen > node.amountFen)
    throw fail("LEDGER_OVER_NODE", { node: node.code, nodeFen: node.amountFen });
  if (op.amountFen > left) throw fail("LEDGER_OVER_APPROVED", { leftFen: left });
  return {
    kind: "pay",
    from: commitment,
    to: { kind: "unit", projectId: project.projectId },
    amountFen: op.amountFen,
    node: node.code,
    ...common,
  };
}
