import type { PaymentDto, ProjectDetailDto, TaskBookDto } from "@luoshu/contract";
import {
  citeSource,
  errorCatalogue,
  nodeDue,
  type Policy,
  paymentActions,
  paymentApprovalOf,
  postSubsidyOfNode,
  projectFigures,
  type Role,
  reportsHolding,
  taskBookActions,
} from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import { lifeOf } from "../project-life/life-view.ts";
import { nodeFactsOf } from "../tracking/node-facts.ts";
import type { PaymentRow, TaskBookRow } from "./execution.repository.ts";
import { type ExecutionDeps, visibleProject } from "./task-books.ts";

type Names = Map<string, string>;
const nameOf = (names: Names, id: string | null) => (id ? (names.get(id) ?? "") : "");
const signed = (names: Names, at: Date | null, by: string | null) =>
  at ? { at: at.toISOString(), byName: nameOf(names, by) } : null;

export function paymentDtoOf(
  policy: Policy,
  ctx: CallerContext,
  names: Names,
  pay: PaymentRow,
  project: { number: string; title: string; unitName: string },
): PaymentDto {
  const approval = paymentApprovalOf(policy);
  return {
    id: pay.id,
    projectId: pay.projectId,
    projectNumber: project.number,
    projectTitle: project.title,
    unitName: project.unitName,
    node: pay.node,
    amountFen: pay.amountFen,
    status: pay.status,
    note: pay.note,
    prepared: { at: pay.preparedAt.toISOString(), byName: nameOf(names, pay.preparedBy) },
    approved: signed(names, pay.approvedAt, pay.approvedBy),
    paid:
      pay.paidAt && pay.treasuryRef
        ? { at: pay.paidAt.toISOString(), byName: nameOf(names, pay.paidBy), treasuryRef: pay.treasuryRef }
        : null,
    cancelled: signed(names, pay.cancelledAt, pay.cancelledBy),
    financeApproves: approval.financeApproves,
    financeApprovalSource: approval.source,
    actions: paymentActions(policy, pay, ctx.actor),
  };
}

/** The user ids a payment names, so that one query finds every name. */
export const paymentPeople = (p: PaymentRow) =>
  [p.preparedBy, p.approvedBy, p.paidBy, p.cancelledBy].filter((x): x is string => x !== null);

function taskBookDto(tb: TaskBookRow, names: Names, roles: readonly Role[]): TaskBookDto {
  return {
    status: tb.status,
    content: tb.content,
    drawn: { at: tb.drawnAt.toISOString(), byName: nameOf(names, tb.drawnBy) },
    unitConfirmed: signed(names, tb.unitConfirmedAt, tb.unitConfirmedBy),
    bureauConfirmed: signed(names, tb.bureauConfirmedAt, tb.bureauConfirmedBy),
    signed:
      tb.signedAt && tb.scan && tb.signedOn
        ? {
            at: tb.signedAt.toISOString(),
            byName: nameOf(names, tb.signedBy),
            signedOn: tb.signedOn,
            fileName: tb.scan.fileName,
            size: tb.scan.size,
          }
        : null,
    actions: taskBookActions(tb, roles),
  };
}

/**
 * 项目页: the project with its task book, payment nodes, payments and ledger balances, a timeline
 * of everything that happened to it in order, and what the caller may do.
 */
export async function readProject(
  deps: Pick<ExecutionDeps, "repos" | "policies">,
  ctx: CallerContext,
  id: string,
): Promise<ProjectDetailDto> {
  const { repos } = deps;
  const found = await visibleProject(repos, deps.policies, ctx, id);
  const { p, policy } = found;
  const [tb, pays, postings] = await Promise.all([
    repos.execution.taskBook(p.cityId, p.id),
    repos.execution.paymentsOf(p.cityId, p.id),
    repos.ledger.postingsOfProject(p.cityId, p.id),
  ]);
  const names = await repos.execution.displayNames(
    [
      tb?.drawnBy,
      tb?.unitConfirmedBy,
      tb?.bureauConfirmedBy,
      tb?.signedBy,
      p.responsibleOfficerId,
      ...pays.flatMap(paymentPeople),
    ].filter((x): x is string => !!x),
  );
  const roles = ctx.actor.roles;
  const payments = pays.map((pay) =>
    paymentDtoOf(policy, ctx, names, pay, { ...p, unitName: found.unitName }),
  );
  const { facts, outstanding, concluded } = await nodeFactsOf(
    repos,
    policy,
    p,
    tb?.status === "signed",
    ctx.now,
  );
  const nodes = (tb?.content.nodes ?? []).map((n) => {
    const live = pays.find((x) => x.node === n.code && x.status !== "cancelled");
    return {
      ...n,
      due: nodeDue(n.after, facts),
      waitsForReports: live ? [] : reportsHolding(policy, n.after, outstanding),
      payableFen:
        n.after !== "graded" ? n.amountFen : (postSubsidyOfNode(policy, p, n.amountFen)?.amountFen ?? null),
      paidFen: postings
        .filter((x) => x.kind === "pay" && x.node === n.code)
        .reduce((s, x) => s + x.amountFen, 0),
      paymentId: live?.id ?? null,
      paymentStatus: live?.status ?? null,
    };
  });
  const officer = roles.includes("programOfficer");
  const book = tb ? taskBookDto(tb, names, roles) : null;
  const approval = paymentApprovalOf(policy);
  const blocked = p.origin === "filing" ? errorCatalogue.TASK_BOOK_NOT_APPLICABLE : null;
  const { life, timeline } = await lifeOf(repos, policy, ctx, { ...p, concluded });
  const payable = p.closedAs === null && !life.suspended;
  return {
    id: p.id,
    number: p.number,
    title: p.title,
    unitId: p.unitId,
    unitName: found.unitName,
    piName: found.piName,
    program: p.program,
    programName: policy.programs.find((x) => x.code === p.program)?.nameZh ?? p.program,
    year: p.year,
    amountFen: p.amountFen,
    policyVersion: p.policyVersion,
    approvedOn: p.approvedOn,
    origin: p.origin,
    applicationId: p.applicationId,
    grade: p.grade,
    responsibleOfficer: p.responsibleOfficerId ? { name: nameOf(names, p.responsibleOfficerId) } : null,
    stage:
      p.closedAs || concluded
        ? "closed"
        : !tb
          ? "approved"
          : tb.status === "signed"
            ? "executing"
            : "taskBook",
    taskBook: book,
    nodes,
    payments,
    paymentApproval: { financeApproves: approval.financeApproves, source: approval.source },
    money: projectFigures(postings, p.id),
    timeline: [...timelineOf(p, book, payments), ...timeline].sort((a, b) => a.at.localeCompare(b.at)),
    actions: [
      ...(officer && !tb && !blocked && p.closedAs === null ? (["drawTaskBook"] as const) : []),
      ...(officer && payable && nodes.some((n) => n.due && n.paymentStatus === null && n.paidFen === 0)
        ? (["preparePayment"] as const)
        : []),
      ...(officer ? (["assignOfficer"] as const) : []),
    ],
    lumpSumPilotOffered:
      !tb && policy.taskBook.lumpSumPilot?.unitKinds.includes(found.unitKind)
        ? { source: citeSource(policy.taskBook.lumpSumPilot.source) }
        : null,
    taskBookBlocked: blocked ? { messageZh: blocked.messageZh, messageEn: blocked.messageEn } : null,
    life,
  };
}

type Entry = ProjectDetailDto["timeline"][number];

/** Everything that happened to the project, oldest first: approval, the task book's steps, each payment's. */
function timelineOf(
  p: { approvedAt: Date; amountFen: number },
  book: TaskBookDto | null,
  payments: readonly PaymentDto[],
): Entry[] {
  const entry = (at: string, kind: string, byName: string | null, rest: Partial<Entry> = {}): Entry => ({
    at,
    kind,
    byName,
    detail: null,
    reference: null,
    amountFen: null,
    source: null,
    ...rest,
  });
  const out: Entry[] = [entry(p.approvedAt.toISOString(), "approved", null, { amountFen: p.amountFen })];
  if (book) {
    const { drawn, unitConfirmed, bureauConfirmed, signed: done } = book;
    out.push(entry(drawn.at, "taskBookDrawn", drawn.byName));
    if (unitConfirmed) out.push(entry(unitConfirmed.at, "taskBookUnitConfirmed", unitConfirmed.byName));
    if (bureauConfirmed)
      out.push(entry(bureauConfirmed.at, "taskBookBureauConfirmed", bureauConfirmed.byName));
    if (done) out.push(entry(done.at, "taskBookSigned", done.byName, { detail: done.signedOn }));
  }
  for (const pay of payments) {
    const src = book?.content.nodes.find((n) => n.code === pay.node)?.source ?? null;
    const money = { amountFen: pay.amountFen, detail: pay.node, source: src };
    out.push(entry(pay.prepared.at, "paymentPrepared", pay.prepared.byName, money));
    if (pay.approved) out.push(entry(pay.approved.at, "paymentApproved", pay.approved.byName, money));
    if (pay.paid)
      out.push(
        entry(pay.paid.at, "paymentPaid", pay.paid.byName, {
          ...money,
          reference: pay.paid.treasuryRef,
        }),
      );
    if (pay.cancelled) out.push(entry(pay.cancelled.at, "paymentCancelled", pay.cancelled.byName, money));
  }
  return out.sort((a, b) => a.at.localeCompare(b.at));
}
