/**
 * The money ledger (LY-FUNDS §11–13, DT-RULES §18): not a status field but postings. Every amount
 * committed, paid, released, returned or recovered moves whole fen from one account to another, so
 * that the ledger sums to zero and each figure (the year's budget left, a project's commitment not
 * yet paid, what its unit has received) is a balance that anyone can recompute.
 *
 *   treasury ──appropriate──▶ budget(year) ──commit──▶ commitment(project) ──pay──▶ unit(project)
 *                                  ▲                        │                          │
 *                                  └────────release─────────┘          return, recover ─▶ treasury
 */
export type Account =
  /** The finance bureau's funds, which the year's approved budget is drawn from. */
  | { kind: "treasury" }
  /** The year's approved budget: the control number the ledger enforces. */
  | { kind: "budget"; year: number }
  /** What a project is approved to receive and has not received yet. */
  | { kind: "commitment"; projectId: string }
  /** What the project's unit has received, less what it gave back. */
  | { kind: "unit"; projectId: string };

export const postingKinds = [
  "appropriate",
  /** A lower approved budget gives back what the year no longer has (a control number set lower). */
  "reduce",
  "commit",
  "release",
  "pay",
  "return",
  "recover",
] as const;
export type PostingKind = (typeof postingKinds)[number];

export interface Posting {
  id: string;
  kind: PostingKind;
  from: Account;
  to: Account;
  /** Whole fen, more than zero. */
  amountFen: number;
  /** The budget year the money belongs to. */
  year: number;
  projectId: string | null;
  /** The payment node (a task book's node code) a payment settles. */
  node: string | null;
  /** The payment a return or recovery gives money back from. */
  paymentId: string | null;
  /** The caller's idempotency key and the request it named, so a retry never posts twice. */
  idempotencyKey: string;
  request: string;
  /** ISO instant. */
  at: string;
}

export const accountKey = (a: Account): string => {
  switch (a.kind) {
    case "treasury":
      return "treasury";
    case "budget":
      return `budget:${a.year}`;
    default:
      return `${a.kind}:${a.projectId}`;
  }
};

/** Every account's balance: what came in less what went out. */
export function balances(postings: readonly Posting[]): Map<string, number> {
  const out = new Map<string, number>();
  const add = (a: Account, fen: number) => out.set(accountKey(a), (out.get(accountKey(a)) ?? 0) + fen);
  for (const p of postings) {
    add(p.from, -p.amountFen);
    add(p.to, p.amountFen);
  }
  return out;
}

export const balanceOf = (postings: readonly Posting[], a: Account): number =>
  balances(postings).get(accountKey(a)) ?? 0;

/** What the ledger needs to know of a project: its year, approved amount and payment nodes. */
export interface LedgerProject {
  projectId: string;
  year: number;
  approvedFen: number;
  /** The task book's payment nodes, each with the most it may pay. */
  nodes: readonly { code: string; amountFen: number }[];
  /** When payments were suspended (LY-FUNDS §25 暂停拨款): instants, `until` open while in force. */
  suspensions: readonly Suspension[];
}

/** A payment suspension from `from` up to (not including) `until`; `until` null while in force. */
export interface Suspension {
  from: string;
  until: string | null;
}

/** The suspension in force at an instant (ISO strings compare in time order), if any. */
export const suspensionAt = (suspensions: readonly Suspension[], at: string): Suspension | undefined =>
  suspensions.find((s) => s.from <= at && (s.until === null || at < s.until));

/** A year's figures as a finance officer reads them. */
export function yearFigures(postings: readonly Posting[], year: number) {
  const of = (kind: PostingKind) =>
    postings.filter((p) => p.year === year && p.kind === kind).reduce((s, p) => s + p.amountFen, 0);
  return {
    approvedFen: of("appropriate") - of("reduce"),
    committedFen: of("commit") - of("release"),
    paidFen: of("pay"),
    returnedFen: of("return") + of("recover"),
    availableFen: balanceOf(postings, { kind: "budget", year }),
  };
}
