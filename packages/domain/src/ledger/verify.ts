import {
  type Account,
  accountKey,
  balances,
  type LedgerProject,
  type Posting,
  type PostingKind,
  suspensionAt,
} from "./ledger.ts";

/**
 * The ledger's invariants, checked over any set of postings — the guarded operations' output in
 * tests, the live rows in `npm run ledger:verify`. Each finding names the rule and the rows.
 */
export interface LedgerFinding {
  rule:
    | "amount"
    | "shape"
    | "duplicate"
    | "unknownProject"
    | "unknownNode"
    | "balancesToZero"
    | "negativeBalance"
    | "paidOverApproved"
    | "paidOverNode"
    | "nodePaidTwice"
    | "paidWhileSuspended"
    | "committedOverBudget"
    | "returnUnmatched";
  detail: string;
}

/** Which accounts each kind of posting moves money between. */
const shapes: Record<PostingKind, [Account["kind"], Account["kind"]]> = {
  appropriate: ["treasury", "budget"],
  reduce: ["budget", "treasury"],
  commit: ["budget", "commitment"],
  release: ["commitment", "budget"],
  pay: ["commitment", "unit"],
  return: ["unit", "treasury"],
  recover: ["unit", "treasury"],
};

const sum = (ps: readonly Posting[]) => ps.reduce((s, p) => s + p.amountFen, 0);

export function verifyLedger(
  postings: readonly Posting[],
  projects: ReadonlyMap<string, LedgerProject>,
): LedgerFinding[] {
  const out: LedgerFinding[] = [];
  const find = (rule: LedgerFinding["rule"], detail: string) => out.push({ rule, detail });

  const seen = { ids: new Set<string>(), keys: new Set<string>() };
  for (const p of postings) {
    if (!Number.isSafeInteger(p.amountFen) || p.amountFen <= 0) find("amount", `${p.id}: ${p.amountFen}`);
    const [from, to] = shapes[p.kind];
    if (p.from.kind !== from || p.to.kind !== to)
      find("shape", `${p.id}: ${p.kind} ${accountKey(p.from)} → ${accountKey(p.to)}`);
    // a project's accounts, its postings' project and year agree
    for (const a of [p.from, p.to]) {
      if ("projectId" in a && a.projectId !== p.projectId)
        find("shape", `${p.id}: account ${accountKey(a)} of project ${p.projectId}`);
      if (a.kind === "budget" && a.year !== p.year)
        find("shape", `${p.id}: account ${accountKey(a)} in year ${p.year}`);
    }
    if (seen.ids.has(p.id)) find("duplicate", `id ${p.id}`);
    if (seen.keys.has(p.idempotencyKey)) find("duplicate", `idempotency key ${p.idempotencyKey}`);
    seen.ids.add(p.id);
    seen.keys.add(p.idempotencyKey);
    const project = p.projectId === null ? undefined : projects.get(p.projectId);
    if (p.projectId !== null && !project) find("unknownProject", `${p.id}: ${p.projectId}`);
    if (project && project.year !== p.year)
      find("shape", `${p.id}: year ${p.year}, project of ${project.year}`);
    if (project && p.kind === "pay" && !project.nodes.some((n) => n.code === p.node)) {
      find("unknownNode", `${p.id}: ${p.projectId}/${p.node}`);
    }
  }
  const all = balances(postings);
  const total = [...all.values()].reduce((s, v) => s + v, 0);
  if (total !== 0) find("balancesToZero", `the accounts sum to ${total}`);
  for (const [key, fen] of all) {
    if (key !== "treasury" && fen < 0) find("negativeBalance", `${key}: ${fen}`);
  }

  for (const project of projects.values()) {
    const mine = postings.filter((p) => p.projectId === project.projectId);
    const pays = mine.filter((p) => p.kind === "pay");
    if (sum(pays) > project.approvedFen)
      find("paidOverApproved", `${project.projectId}: ${sum(pays)} > ${project.approvedFen}`);
    for (const node of project.nodes) {
      const ofNode = pays.filter((p) => p.node === node.code);
      if (ofNode.length > 1)
        find("nodePaidTwice", `${project.projectId}/${node.code}: ${ofNode.map((p) => p.id).join(", ")}`);
      if (sum(ofNode) > node.amountFen)
        find("paidOverNode", `${project.projectId}/${node.code}: ${sum(ofNode)} > ${node.amountFen}`);
    }
    for (const p of pays) {
      if (suspensionAt(project.suspensions, p.at))
        find("paidWhileSuspended", `${project.projectId}: ${p.id} at ${p.at}`);
    }
  }

  const years = new Set(postings.map((p) => p.year));
  for (const year of years) {
    const ofYear = postings.filter((p) => p.year === year);
    const approved =
      sum(ofYear.filter((p) => p.kind === "appropriate")) - sum(ofYear.filter((p) => p.kind === "reduce"));
    const committed =
      sum(ofYear.filter((p) => p.kind === "commit")) - sum(ofYear.filter((p) => p.kind === "release"));
    if (committed > approved) find("committedOverBudget", `${year}: ${committed} > ${approved}`);
  }

  for (const back of postings.filter((p) => p.kind === "return" || p.kind === "recover")) {
    const payment = postings.find((p) => p.id === back.paymentId && p.kind === "pay");
    if (!payment || payment.projectId !== back.projectId)
      find("returnUnmatched", `${back.id}: no payment ${back.paymentId}`);
  }
  for (const payment of postings.filter((p) => p.kind === "pay")) {
    const back = postings.filter(
      (p) => p.paymentId === payment.id && (p.kind === "return" || p.kind === "recover"),
    );
    if (sum(back) > payment.amountFen)
      find("returnUnmatched", `${payment.id}: ${sum(back)} back of ${payment.amountFen}`);
  }
  return out;
}
