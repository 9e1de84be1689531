import {
  balanceOf,
  DomainError,
  nodeDue,
  notFound,
  type PaymentEvent,
  type PerformanceGrade,
  type Policy,
  paymentCheck,
  paymentMachine,
  postSubsidyOfNode,
  reportsHolding,
  suspensionAt,
  suspensionsOf,
} from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import { postToLedger } from "../ledger/post-to-ledger.ts";
import { nodeFactsOf } from "../tracking/node-facts.ts";
import type { PaymentRow } from "./execution.repository.ts";
import { type ExecutionDeps, ledgerProjectOf, mustBeOpen, visibleProject } from "./task-books.ts";

const paymentNotFound = () => notFound("拨款不存在。", "No such payment.");

/** The project's payment suspensions (LY-FUNDS §25) as the ledger reads them. */
async function suspensionsOfProject(repos: ExecutionDeps["repos"], cityId: string, projectId: string) {
  return suspensionsOf(await repos.projectLife.sanctions(cityId, projectId));
}

/** A caller's key in the ledger, apart from the server's own (`commit:<project>`, `budget:<year>:…`). */
const callerKey = (key: string) => `request:${key}`;

/**
 * 提出拨款 of one node of a signed task book: the node's amount as the task book set it, once its
 * condition is reached (LY-FUNDS §13), never a node paid or under way (the partial unique index), and
 * within what the ledger says the project has left. The key the bureau sent replays the payment it
 * prepared the first time instead of preparing another.
 */
export async function preparePayment(
  deps: ExecutionDeps,
  input: { ctx: CallerContext; projectId: string; node: string; note: string; idempotencyKey: string },
) {
  const { ctx } = input;
  const { p, policy } = await visibleProject(deps.repos, deps.policies, ctx, input.projectId);
  if (!ctx.actor.roles.includes("programOfficer")) throw new DomainError({ code: "FORBIDDEN" });
  return deps.tx.run(ctx, async (repos, audit) => {
    await repos.ledger.lock(p.cityId);
    mustBeOpen(p);
    const suspended = suspensionAt(await suspensionsOfProject(repos, p.cityId, p.id), ctx.now.toISOString());
    if (suspended)
      throw new DomainError({ code: "LEDGER_PROJECT_SUSPENDED", details: { since: suspended.from } });
    const earlier = await repos.execution.paymentByKey(p.cityId, input.idempotencyKey);
    if (earlier) {
      // the key stands for one request: this node of this project
      if (earlier.projectId !== p.id || earlier.node !== input.node)
        throw new DomainError({ code: "LEDGER_IDEMPOTENCY_MISMATCH" });
      return { payment: earlier, replayed: true };
    }
    const tb = await repos.execution.taskBook(p.cityId, p.id);
    const node = tb?.content.nodes.find((n) => n.code === input.node);
    if (!tb || !node) {
      throw new DomainError({
        code: "VALIDATION",
        path: "node",
        messageZh: "任务书中没有该拨付节点。",
        messageEn: "The task book has no such payment node.",
      });
    }
    const { facts, outstanding } = await nodeFactsOf(repos, policy, p, tb.status === "signed", ctx.now);
    if (!nodeDue(node.after, facts)) {
      throw new DomainError({
        code: "PAYMENT_NODE_NOT_DUE",
        details: { node: node.code, after: node.after },
      });
    }
    const holding = reportsHolding(policy, node.after, outstanding);
    if (holding.length > 0)
      throw new DomainError({ code: "PAYMENT_WAITS_FOR_REPORTS", details: { periods: holding } });
    const postings = await repos.ledger.postingsOfProject(p.cityId, p.id);
    if (postings.some((x) => x.kind === "pay" && x.node === node.code))
      throw new DomainError({ code: "LEDGER_NODE_PAID", details: { node: node.code } });
    // the grade as it stands under the ledger's lock: a re-evaluation (再评价) takes the same lock
    const amountFen =
      node.after === "graded"
        ? subsidyOf(policy, (await repos.execution.project(ctx.scope, p.id))?.p ?? p, node.amountFen)
        : node.amountFen;
    const payment = await repos.execution.insertPayment({
      cityId: p.cityId,
      projectId: p.id,
      node: node.code,
      amountFen,
      status: "prepared",
      idempotencyKey: input.idempotencyKey,
      preparedBy: ctx.actor.userId,
      preparedAt: ctx.now,
      note: input.note,
    });
    audit({
      action: "payment.prepare",
      entityType: "payment",
      entityId: payment.id,
      cityId: p.cityId,
      after: { projectId: p.id, node: node.code, amountFen },
    });
    return { payment, replayed: false };
  });
}

/**
 * 后补助 (LY-FUNDS §13(二)): the grade's share of the R&D spend verified at acceptance, within the
 * grade's cap (Luoyang public welfare 优: 50 %, at most ¥100,000, LY-REFORM §三(四)2) and the node.
 */
function subsidyOf(
  policy: Policy,
  p: { program: string; grade: PerformanceGrade | null; verifiedRdFen: number | null },
  nodeFen: number,
): number {
  const subsidy = postSubsidyOfNode(policy, p, nodeFen);
  if (!subsidy) {
    throw new DomainError({
      code: "PAYMENT_NODE_NOT_DUE",
      messageZh: "后补助须在绩效评价等级和核定研发经费确定后拨付。",
      messageEn: "A post-subsidy is paid once the grade and the verified R&D spend are known.",
      details: { after: "graded" },
    });
  }
  if (subsidy.amountFen === 0) {
    throw new DomainError({
      code: "PAYMENT_NODE_NOT_DUE",
      messageZh: "该评价等级不予后补助。",
      messageEn: "This grade earns no post-subsidy.",
      ...(subsidy.clause ? { clause: subsidy.clause } : { setting: "city" as const }),
      details: { grade: p.grade },
    });
  }
  return subsidy.amountFen;
}

/**
 * Finance's approval, the bureau's cancellation, or 已拨付 with the treasury's reference: the pay
 * posting is made under the request's key with the payment's own id, so a retried or doubled request
 * replays the payment as paid instead of paying twice, and the same key for another payment is refused.
 */
export async function firePaymentEvent(
  deps: ExecutionDeps,
  input: {
    ctx: CallerContext;
    paymentId: string;
    event: PaymentEvent;
    treasuryRef?: string;
    idempotencyKey?: string;
  },
): Promise<PaymentRow> {
  const { ctx, event } = input;
  return deps.tx.run(ctx, async (repos, audit) => {
    const found = await repos.execution.payment(ctx.scope, input.paymentId);
    if (!found) throw paymentNotFound();
    const { project } = found;
    const { policy } = await visibleProject(repos, deps.policies, ctx, project.id);
    // every money operation of a city runs one after the other, then the payment row is read again under its lock
    await repos.ledger.lock(project.cityId);
    const locked = await repos.execution.payment(ctx.scope, input.paymentId, true);
    if (!locked) throw paymentNotFound();
    const pay = locked.pay;
    // who may fire the event at all comes first: a replay answers only those who may pay
    if (!paymentMachine.transitions[event].roles.some((r) => ctx.actor.roles.includes(r)))
      throw new DomainError({ code: "FORBIDDEN" });
    const ledgerKey = input.idempotencyKey ? callerKey(input.idempotencyKey) : undefined;
    if (event === "pay" && pay.status === "paid" && ledgerKey) {
      const replay = await replayOf(repos, pay, ledgerKey, input.treasuryRef);
      if (replay) return replay;
    }
    // the second of two people pressing the same button: a clear conflict, not a state error
    if (pay.status === paymentMachine.transitions[event].to) {
      throw new DomainError(
        event === "pay"
          ? { code: "LEDGER_NODE_PAID", details: { node: pay.node } }
          : {
              code: "CONFLICT",
              messageZh: `该拨款已${paymentMachine.labels[pay.status].zh}。`,
              messageEn: `The payment is ${paymentMachine.labels[pay.status].en} already.`,
            },
      );
    }
    if (event !== "cancel") mustBeOpen(project);
    const status = paymentCheck(policy, pay, event, ctx.actor);
    let changes: Partial<PaymentRow>;
    if (event === "pay") {
      if (!ledgerKey || !input.treasuryRef) {
        throw new DomainError({
          code: "VALIDATION",
          path: input.treasuryRef ? "idempotency-key" : "treasuryRef",
          messageZh: "标记已拨付须填写国库支付凭证号，并携带 Idempotency-Key 请求头。",
          messageEn: "Marking paid takes the treasury's reference and an Idempotency-Key header.",
        });
      }
      const tb = await repos.execution.taskBook(project.cityId, project.id);
      const at = { cityId: project.cityId, policy, by: ctx.actor.userId, now: ctx.now };
      const ledgerProject = ledgerProjectOf(
        project,
        tb,
        await suspensionsOfProject(repos, project.cityId, project.id),
      );
      await postToLedger(repos, {
        ...at,
        op: { op: "pay", projectId: project.id, node: pay.node, amountFen: pay.amountFen },
        idempotencyKey: ledgerKey,
        project: ledgerProject,
        id: pay.id,
      });
      // a post-subsidy is the project's one payment: what its grade did not earn goes back to the year
      const left = balanceOf(await repos.ledger.postingsOfProject(project.cityId, project.id), {
        kind: "commitment",
        projectId: project.id,
      });
      const node = tb?.content.nodes.find((n) => n.code === pay.node);
      if (node?.after === "graded" && left > 0) {
        await postToLedger(repos, {
          ...at,
          op: { op: "release", projectId: project.id, amountFen: left },
          idempotencyKey: `release:${project.id}:${pay.node}`,
          project: ledgerProject,
        });
      }
      changes = { status, paidBy: ctx.actor.userId, paidAt: ctx.now, treasuryRef: input.treasuryRef };
    } else if (event === "approve") {
      changes = { status, approvedBy: ctx.actor.userId, approvedAt: ctx.now };
    } else {
      changes = { status, cancelledBy: ctx.actor.userId, cancelledAt: ctx.now };
    }
    const updated = await repos.execution.updatePayment(pay, changes);
    audit({
      action: `payment.${event}`,
      entityType: "payment",
      entityId: pay.id,
      cityId: pay.cityId,
      before: { status: pay.status },
      after: { status, ...(input.treasuryRef ? { treasuryRef: input.treasuryRef } : {}) },
    });
    return updated;
  });
}

/** A paid payment asked to be paid again under the key that paid it: the same answer, nothing posted. */
async function replayOf(
  repos: Pick<ExecutionDeps["repos"], "ledger">,
  pay: PaymentRow,
  key: string,
  treasuryRef: string | undefined,
): Promise<PaymentRow | null> {
  const posting = (await repos.ledger.postingsOfProject(pay.cityId, pay.projectId)).find(
    (x) => x.idempotencyKey === key,
  );
  if (!posting) return null;
  if (posting.id !== pay.id || pay.treasuryRef !== treasuryRef)
    throw new DomainError({ code: "LEDGER_IDEMPOTENCY_MISMATCH" });
  return pay;
}
