import {
  checkSanction,
  citeSource,
  DomainError,
  invalidTransition,
  moneyHeld,
  notFound,
  type SanctionAuthority,
  type SanctionKind,
  sanctionLasts,
  terminationSettlement,
} from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import { mustBeOpen, visibleProject } from "../execution/task-books.ts";
import { closeProject, type LifeDeps, mustNotBeConcluded, supersedeClosure } from "./closures.ts";
import { recordOnIntegrity } from "./record-on-integrity.ts";

const sanctionNotFound = () => notFound("处理措施不存在。", "No such sanction.");

/**
 * 处理措施 (LY-FUNDS §25): the S&T or the finance bureau, as the city's policy allows, imposes a
 * measure on the project's unit and PI with its reason, clause and days. It takes effect where it
 * matters: a payment suspension in the ledger (refused payments from its first day); an eligibility
 * ban or a bad integrity record as integrity records of the unit and the PI, which the application
 * gates read; a termination closes the project, its unspent balance due back as on any termination.
 */
export async function imposeSanction(
  deps: LifeDeps,
  input: {
    ctx: CallerContext;
    projectId: string;
    kind: SanctionKind;
    authority: SanctionAuthority;
    fromDate: string;
    untilDate: string | null;
    reason: string;
  },
) {
  const { ctx, kind } = input;
  const { p, policy } = await visibleProject(deps.repos, deps.policies, ctx, input.projectId);
  const cite = checkSanction(policy, ctx.actor.roles, input);
  const clause = "clause" in cite ? cite.clause : null;
  return deps.tx.run(ctx, async (repos, audit) => {
    await repos.ledger.lock(p.cityId);
    const now = await repos.execution.project(ctx.scope, p.id);
    mustBeOpen({ closedAs: now?.p.closedAs ?? null });
    if (now?.p.diligenceFinding)
      throw new DomainError({
        code: "FAILURE_TOLERATED",
        ...citeSource(policy.projectLife.toleratedFailure.source),
      });
    if (kind === "termination") await mustNotBeConcluded(repos, p);
    const s = await repos.projectLife.insertSanction({
      cityId: p.cityId,
      projectId: p.id,
      kind,
      authority: input.authority,
      fromDate: input.fromDate,
      untilDate: input.untilDate,
      reason: input.reason,
      clause,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now,
    });
    if (kind === "eligibilityBan" || kind === "badRecord") {
      await recordOnIntegrity(repos, ctx, p, {
        kind,
        subjects: ["unit", "principalInvestigator"],
        fromDate: input.fromDate,
        untilDate: input.untilDate,
        reason: `项目 ${p.number}：${input.reason}`,
        clause,
        originId: s.id,
      });
    }
    let superseded: string | null = null;
    if (kind === "termination") {
      // 终止项目执行 as a measure: a decided termination, the unit's spending taken as nil until it reports
      const held = moneyHeld(await repos.ledger.postingsOfProject(p.cityId, p.id), p.id);
      const settlement = terminationSettlement(policy, held, 0);
      const live = await repos.projectLife.liveClosure(p.cityId, p.id, true);
      if (live) superseded = await supersedeClosure(repos, ctx, live, input.reason);
      const c = await repos.projectLife.insertClosure({
        cityId: p.cityId,
        projectId: p.id,
        kind: "termination",
        ground: "sanction",
        status: "decided",
        reason: input.reason,
        requestedBy: ctx.actor.userId,
        requestedAt: ctx.now,
      });
      await closeProject(repos, policy, ctx, audit, p, c.id, settlement.releaseFen, "terminated", {
        decidedBy: ctx.actor.userId,
        decidedAt: ctx.now,
        releaseFen: settlement.releaseFen,
        dueFen: settlement.dueFen,
        clause,
      });
    }
    audit({
      action: "sanction.impose",
      entityType: "sanction",
      entityId: s.id,
      after: {
        projectId: p.id,
        kind,
        authority: input.authority,
        fromDate: input.fromDate,
        untilDate: input.untilDate,
        clause,
        superseded,
      },
    });
    return s;
  });
}

/** A lasting measure (a payment suspension, an eligibility ban) lifted by the authority that imposed it, with its reason. */
export async function liftSanction(
  deps: LifeDeps,
  input: { ctx: CallerContext; projectId: string; sanctionId: string; reason: string },
) {
  const { ctx } = input;
  const { p } = await visibleProject(deps.repos, deps.policies, ctx, input.projectId);
  return deps.tx.run(ctx, async (repos, audit) => {
    await repos.ledger.lock(p.cityId);
    const s = await repos.projectLife.sanction(p.cityId, input.sanctionId, true);
    if (!s || s.projectId !== p.id) throw sanctionNotFound();
    const imposer = s.authority === "financeBureau" ? "financeOfficer" : "programOfficer";
    if (!ctx.actor.roles.includes(imposer)) throw new DomainError({ code: "FORBIDDEN" });
    if (!sanctionLasts(s.kind))
      throw invalidTransition(
        "该处理措施一次作出，无须解除。",
        "This measure is taken once; there is nothing to lift.",
      );
    if (s.liftedAt) {
      throw new DomainError({
        code: "CONFLICT",
        messageZh: "该处理措施已解除。",
        messageEn: "The sanction has been lifted already.",
      });
    }
    const row = await repos.projectLife.liftSanction(s, ctx.actor.userId, ctx.now, input.reason);
    // an eligibility ban stops binding the unit and the PI in the gates the moment it is lifted
    await repos.integrity.lift(p.cityId, { originId: s.id }, ctx.actor.userId, ctx.now, input.reason);
    audit({
      action: "sanction.lift",
      entityType: "sanction",
      entityId: s.id,
      after: { reason: input.reason },
    });
    return row;
  });
}
