import {
  acceptanceConcluded,
  addYears,
  allocateBack,
  assessmentMachine,
  type ClosureEvent,
  checkClosureGround,
  chinaDateOf,
  citationOf,
  closureMachine,
  DomainError,
  fire,
  invalidTransition,
  moneyHeld,
  type Policy,
  type RevocationGround,
  revocationSettlement,
  type TerminationGround,
  terminationSettlement,
} from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Audit, Transactor } from "../../lib/transaction.ts";
import type { Repositories } from "../../repositories.ts";
import { ledgerProjectOf, mustBeOpen, visibleProject } from "../execution/task-books.ts";
import { postToLedger } from "../ledger/post-to-ledger.ts";
import type { ClosureRow } from "./project-life.repository.ts";
import { recordOnIntegrity } from "./record-on-integrity.ts";

type Repos = Pick<Repositories, "execution" | "ledger" | "projectLife" | "integrity" | "tracking">;
export type LifeDeps = { repos: Repos; tx: Transactor<Repos>; policies: Policy[] };

const role = (ctx: CallerContext, r: "programOfficer" | "unitAdmin") => {
  if (!ctx.actor.roles.includes(r)) throw new DomainError({ code: "FORBIDDEN" });
};

/**
 * 终止申请 (DT-RULES §20): the project's unit applies on one of the grounds its city names, with what
 * it has spent of the money paid, so that the bureau sees the balance to return before deciding. One
 * live application per project (the partial unique index): a second is a 409.
 */
export async function applyTermination(
  deps: LifeDeps,
  input: {
    ctx: CallerContext;
    projectId: string;
    ground: TerminationGround;
    reason: string;
    spentFen: number;
  },
) {
  const { ctx } = input;
  const { p, policy } = await visibleProject(deps.repos, deps.policies, ctx, input.projectId);
  role(ctx, "unitAdmin");
  mustBeOpen(p);
  checkClosureGround(policy, "termination", input.ground);
  return deps.tx.run(ctx, async (repos, audit) => {
    // under the ledger's lock, which the acceptance's conclusion takes too
    await repos.ledger.lock(p.cityId);
    await mustNotBeConcluded(repos, p);
    const c = await repos.projectLife.insertClosure({
      cityId: p.cityId,
      projectId: p.id,
      kind: "termination",
      ground: input.ground,
      status: "requested",
      reason: input.reason,
      spentFen: input.spentFen,
      requestedBy: ctx.actor.userId,
      requestedAt: ctx.now,
    });
    audit({
      action: "closure.apply",
      entityType: "closure",
      entityId: c.id,
      after: { projectId: p.id, ground: input.ground, spentFen: input.spentFen },
    });
    return c;
  });
}

/**
 * The bureau's decision on a termination application. Approving closes the project: the unpaid
 * commitment goes back to the year's budget at once, and the balance the unit is to return is fixed
 * from the ledger and the city's rule (结余资金退回财政, DT-RULES §20).
 */
export async function decideTermination(
  deps: LifeDeps,
  input: { ctx: CallerContext; projectId: string; event: ClosureEvent; note: string },
) {
  const { ctx, event } = input;
  const { p, policy } = await visibleProject(deps.repos, deps.policies, ctx, input.projectId);
  return deps.tx.run(ctx, async (repos, audit) => {
    await repos.ledger.lock(p.cityId);
    const c = await repos.projectLife.liveClosure(p.cityId, p.id, true);
    if (!c)
      throw invalidTransition("该项目没有待审定的终止申请。", "The project has no termination to decide.");
    if (c.status !== "requested") {
      // a revocation or a termination as a measure closed the project before any decision
      if (c.kind === "revocation" || c.ground === "sanction")
        throw new DomainError({
          code: "PROJECT_CLOSED",
          details: { closedAs: c.kind === "revocation" ? "revoked" : "terminated" },
        });
      // the second of two officers deciding at once
      throw new DomainError({
        code: "CONFLICT",
        messageZh: "该终止申请已审定。",
        messageEn: "The termination has been decided already.",
      });
    }
    const status = fire(closureMachine, c.status, event, ctx.actor.roles);
    if (event === "approve") await mustNotBeConcluded(repos, p);
    const decided = { status, decidedBy: ctx.actor.userId, decidedAt: ctx.now, decisionNote: input.note };
    if (event === "refuse") {
      const row = await repos.projectLife.updateClosure(c, decided);
      audit({ action: "closure.refuse", entityType: "closure", entityId: c.id, after: { note: input.note } });
      return row;
    }
    const held = moneyHeld(await repos.ledger.postingsOfProject(p.cityId, p.id), p.id);
    const s = terminationSettlement(policy, held, c.spentFen ?? 0);
    const row = await closeProject(repos, policy, ctx, audit, p, c.id, s.releaseFen, "terminated", {
      ...decided,
      releaseFen: s.releaseFen,
      dueFen: s.dueFen,
      clause: "clause" in s ? s.clause : null,
    });
    audit({
      action: "closure.approve",
      entityType: "closure",
      entityId: c.id,
      after: { releaseFen: s.releaseFen, dueFen: s.dueFen, balanceFen: s.balanceFen },
    });
    return row;
  });
}

/** Refuses to terminate a project whose acceptance has concluded (结题): there is nothing left to end. */
export async function mustNotBeConcluded(repos: Repos, p: { cityId: string; id: string }) {
  const app = await repos.tracking.acceptance(p.cityId, p.id);
  if (acceptanceConcluded(app?.status))
    throw invalidTransition(
      "项目已完成验收（结题），不能再终止。",
      "The project's acceptance has concluded: there is nothing left to terminate.",
      { state: app?.status },
    );
}

/**
 * Sets the live closure aside for a decision that replaces it (a revocation, a termination as a
 * measure). A waiting application takes that decision as its answer; one already decided (the balance
 * due after acceptance) keeps its own, so the timeline still shows when and by whom it was set.
 * Answers its id, which the replacing decision's audit names.
 */
export async function supersedeClosure(repos: Repos, ctx: CallerContext, live: ClosureRow, note: string) {
  await repos.projectLife.updateClosure(
    live,
    live.status === "requested"
      ? { status: "superseded", decidedBy: ctx.actor.userId, decidedAt: ctx.now, decisionNote: note }
      : { status: "superseded" },
  );
  return live.id;
}

/**
 * Releases what was never paid and marks the project closed, with the closure's decision; a panel
 * still sitting on the project (mid-term or acceptance) is withdrawn, its experts no longer asked.
 */
export async function closeProject(
  repos: Repos,
  policy: Policy,
  ctx: CallerContext,
  audit: Audit,
  p: { cityId: string; id: string; year: number; amountFen: number },
  closureId: string,
  releaseFen: number,
  closedAs: "terminated" | "revoked",
  changes: Parameters<Repos["projectLife"]["updateClosure"]>[1],
) {
  if (releaseFen > 0) {
    const tb = await repos.execution.taskBook(p.cityId, p.id);
    await postToLedger(repos, {
      cityId: p.cityId,
      policy,
      by: ctx.actor.userId,
      now: ctx.now,
      op: { op: "release", projectId: p.id, amountFen: releaseFen },
      idempotencyKey: `close:${closureId}`,
      project: ledgerProjectOf(p, tb),
    });
  }
  await repos.projectLife.markClosed(p.cityId, p.id, closedAs);
  for (const a of await repos.tracking.assessmentsOf(p.cityId, p.id)) {
    if (a.status !== "convened") continue;
    const status = fire(assessmentMachine, a.status, "withdraw", ctx.actor.roles);
    await repos.tracking.updateAssessment(a.cityId, a.id, {
      status,
      concludedBy: ctx.actor.userId,
      concludedAt: ctx.now,
      note: `项目${closedAs === "revoked" ? "撤销" : "终止"}，评估撤回。`,
    });
    audit({
      action: "assessment.withdraw",
      entityType: "assessment",
      entityId: a.id,
      cityId: a.cityId,
      before: { status: a.status },
      after: { status, closureId, closedAs },
    });
  }
  return repos.projectLife.updateClosure({ cityId: p.cityId, id: closureId }, changes);
}

/**
 * 撤销 (DT-RULES §21–22): the bureau revokes with its grounds. Everything the unit holds is to be
 * recovered (追缴), what was never paid goes back to the year, a termination application waiting is
 * superseded, and the unit and the PI go on the record the city's policy names (the blacklist in
 * Datong) from today, until lifted by a recorded decision unless the city sets a period. The
 * application gates refuse them from the next submission on, citing the clause.
 */
export async function revokeProject(
  deps: LifeDeps,
  input: { ctx: CallerContext; projectId: string; ground: RevocationGround; reason: string },
) {
  const { ctx } = input;
  const { p, policy } = await visibleProject(deps.repos, deps.policies, ctx, input.projectId);
  role(ctx, "programOfficer");
  checkClosureGround(policy, "revocation", input.ground);
  return deps.tx.run(ctx, async (repos, audit) => {
    await repos.ledger.lock(p.cityId);
    const again = await repos.execution.project(ctx.scope, p.id);
    mustBeOpen({ closedAs: again?.p.closedAs ?? null });
    const live = await repos.projectLife.liveClosure(p.cityId, p.id, true);
    // a waiting termination, or the balance due after acceptance: the recovery of all held replaces it
    const superseded =
      live?.status === "requested" || live?.kind === "settlement"
        ? await supersedeClosure(repos, ctx, live, input.reason)
        : null;
    const held = moneyHeld(await repos.ledger.postingsOfProject(p.cityId, p.id), p.id);
    const s = revocationSettlement(policy, held);
    const c = await repos.projectLife.insertClosure({
      cityId: p.cityId,
      projectId: p.id,
      kind: "revocation",
      ground: input.ground,
      status: "decided",
      reason: input.reason,
      requestedBy: ctx.actor.userId,
      requestedAt: ctx.now,
    });
    const row = await closeProject(repos, policy, ctx, audit, p, c.id, s.releaseFen, "revoked", {
      decidedBy: ctx.actor.userId,
      decidedAt: ctx.now,
      releaseFen: s.releaseFen,
      dueFen: s.dueFen,
      clause: "clause" in s ? s.clause : null,
    });
    const listing = policy.projectLife.revocation.listing;
    const fromDate = chinaDateOf(ctx.now);
    const listed = await recordOnIntegrity(repos, ctx, p, {
      kind: listing.kind,
      subjects: listing.subjects,
      fromDate,
      untilDate: listing.years === null ? null : addYears(fromDate, listing.years),
      reason: `项目 ${p.number} 撤销：${input.reason}`,
      clause: citationOf(listing.source),
      originId: c.id,
    });
    audit({
      action: "closure.revoke",
      entityType: "closure",
      entityId: c.id,
      after: {
        projectId: p.id,
        ground: input.ground,
        releaseFen: s.releaseFen,
        dueFen: s.dueFen,
        listed,
        superseded,
      },
    });
    return row;
  });
}

/**
 * The unit gives back money due on a decided closure, recorded by the bureau with the treasury's
 * reference: spread over the payments it came from as `return` (termination, settlement) or
 * `recover` (revocation) postings. The caller's key replays the first record instead of a second.
 */
export async function recordReturn(
  deps: LifeDeps,
  input: {
    ctx: CallerContext;
    projectId: string;
    amountFen: number;
    reference: string;
    idempotencyKey: string;
  },
) {
  const { ctx } = input;
  const { p, policy } = await visibleProject(deps.repos, deps.policies, ctx, input.projectId);
  role(ctx, "programOfficer");
  return deps.tx.run(ctx, async (repos, audit) => {
    await repos.ledger.lock(p.cityId);
    const key = `request:${input.idempotencyKey}`;
    const earlier = await repos.projectLife.returnByKey(p.cityId, key);
    const c = await repos.projectLife.liveClosure(p.cityId, p.id, true);
    if (earlier) {
      if (earlier.closureId !== c?.id || earlier.amountFen !== input.amountFen)
        throw new DomainError({ code: "LEDGER_IDEMPOTENCY_MISMATCH" });
      return earlier;
    }
    if (c?.status !== "decided" || c.dueFen === null)
      throw invalidTransition("该项目没有应退回或追回的资金。", "Nothing is due back on this project.");
    const settled = (await repos.projectLife.returnsOf(p.cityId, [c.id])).reduce(
      (s, r) => s + r.amountFen,
      0,
    );
    if (input.amountFen > c.dueFen - settled) {
      throw new DomainError({
        code: "CLOSURE_OVER_DUE",
        path: "amountFen",
        details: { outstandingFen: c.dueFen - settled },
      });
    }
    const postings = await repos.ledger.postingsOfProject(p.cityId, p.id);
    const pays = postings
      .filter((x) => x.kind === "pay")
      .map((x) => ({
        id: x.id,
        at: x.at,
        amountFen: x.amountFen,
        backFen: postings
          .filter((b) => b.paymentId === x.id && (b.kind === "return" || b.kind === "recover"))
          .reduce((s, b) => s + b.amountFen, 0),
      }));
    const row = await repos.projectLife.insertReturn({
      cityId: p.cityId,
      closureId: c.id,
      amountFen: input.amountFen,
      reference: input.reference,
      idempotencyKey: key,
      recordedBy: ctx.actor.userId,
      recordedAt: ctx.now,
    });
    const op = c.kind === "revocation" ? "recover" : "return";
    for (const [i, part] of allocateBack(pays, input.amountFen).entries()) {
      await postToLedger(repos, {
        cityId: p.cityId,
        policy,
        by: ctx.actor.userId,
        now: ctx.now,
        op: { op, paymentId: part.paymentId, amountFen: part.amountFen },
        idempotencyKey: `back:${row.id}:${i}`,
        project: ledgerProjectOf(p, undefined),
      });
    }
    audit({
      action: "closure.return",
      entityType: "closure",
      entityId: c.id,
      after: { amountFen: input.amountFen, reference: input.reference, kind: op },
    });
    return row;
  });
}
