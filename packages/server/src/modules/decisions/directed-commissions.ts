import type { DirectedCommissionDto } from "@luoshu/contract";
import {
  allowedEvents,
  checkDirectedCommission,
  chinaDateOf,
  citeSource,
  type DirectedCommissionEvent,
  DomainError,
  directedCommissionMachine,
  fire,
  notFound,
  type Policy,
} from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Transactor } from "../../lib/transaction.ts";
import type { Repositories } from "../../repositories.ts";
import { policyOf } from "../reviews/review-access.ts";
import { mustBeCityUnit, noticeFrom, policyInForce } from "./decision-shared.ts";
import { issueProjects, reserveNumbers } from "./issue-projects.ts";
import type { DecisionRepos } from "./list-facts.ts";
import type { CommissionRow } from "./projects.repository.ts";

type Repos = DecisionRepos & Pick<Repositories, "notifications" | "units">;
type Deps = { repos: Repos; policies: Policy[]; tx: Transactor<Repos> };

const commissionNotFound = () => notFound("定向委托不存在。", "No such directed commission.");

export interface CommissionInput {
  program: string;
  title: string;
  unitId: string;
  reason: string;
  basis: string;
  amountFen: number;
}

/** 定向委托 drafted by the program officer: only for a program and a reason the city's policy allows. */
export async function draftCommission(deps: Deps, input: { ctx: CallerContext; body: CommissionInput }) {
  const { ctx, body } = input;
  const { cityId, policy } = policyInForce(deps.policies, ctx);
  checkDirectedCommission(policy, body.program, body.reason);
  const row = await deps.tx.run(ctx, async (repos, audit) => {
    await mustBeCityUnit(repos.units, cityId, body.unitId, "unitId");
    const row = await repos.projects.insertCommission({
      cityId,
      ...body,
      year: Number(chinaDateOf(ctx.now).slice(0, 4)),
      status: "draft",
      policyVersion: policy.version,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    audit({
      action: "decision.commission.create",
      entityType: "directedCommission",
      entityId: row.id,
      cityId,
      after: body,
    });
    return row;
  });
  return readCommission(deps, ctx, row.id);
}

async function readCommission(deps: Pick<Deps, "repos" | "policies">, ctx: CallerContext, id: string) {
  const found = (await deps.repos.projects.commissions(ctx.actor.cityId ?? "")).find((r) => r.c.id === id);
  if (!found) throw commissionNotFound();
  return commissionView(deps.policies, ctx, found);
}

/**
 * Publish puts the reasons and the decision basis on the public page for the notice period; only
 * after it has run may the leader approve, which numbers the project like any other.
 */
export async function fireCommissionEvent(
  deps: Deps,
  input: { ctx: CallerContext; id: string; event: DirectedCommissionEvent },
) {
  const { ctx, event } = input;
  const cityId = ctx.actor.cityId ?? "";
  await deps.tx.run(ctx, async (repos, audit) => {
    const c = await repos.projects.lockCommission(cityId, input.id);
    if (!c) throw commissionNotFound();
    const to = fire(directedCommissionMachine, c.status, event, ctx.actor.roles);
    const policy = policyOf(deps.policies, cityId, c.policyVersion);
    const changes: Partial<CommissionRow> = { status: to, updatedAt: ctx.now };
    if (event === "publish") {
      Object.assign(changes, noticeFrom(policy, ctx.now));
    }
    if (event === "approve") {
      if (!c.noticeEndsAt || ctx.now < c.noticeEndsAt) {
        throw new DomainError({
          code: "DECISION_NOTICE_RUNNING",
          messageZh: "定向理由及决策依据的公示期尚未结束，项目不能立项。",
          messageEn: "The reasons and basis are still in their notice period; the project cannot proceed.",
          ...(policy.decision.directedCommission
            ? citeSource(policy.decision.directedCommission.source)
            : {}),
        });
      }
      const numberOf = await reserveNumbers(repos, policy, c, 1);
      await issueProjects(
        repos,
        deps.policies,
        ctx,
        { ...c, origin: "directedCommission", numberOf, fallback: policy },
        [
          {
            applicationId: null,
            callId: null,
            listId: null,
            commissionId: c.id,
            unitId: c.unitId,
            piUserId: null,
            title: c.title,
            amountFen: c.amountFen,
            piYouth: null,
          },
        ],
      );
      changes.approvedBy = ctx.actor.userId;
      await repos.notifications.notifyApplicant(
        { cityId, unitId: c.unitId, piUserId: null, createdBy: null },
        {
          titleZh: `定向委托项目“${c.title}”已立项`,
          titleEn: `The directed commission "${c.title}" is approved`,
          link: "/projects",
          createdAt: ctx.now,
        },
      );
    }
    await repos.projects.updateCommission(c, changes);
    audit({
      action: `decision.commission.${event}`,
      entityType: "directedCommission",
      entityId: c.id,
      cityId,
      before: { status: c.status },
      after: { status: to },
    });
  });
  return readCommission(deps, ctx, input.id);
}

export async function listCommissions(deps: Pick<Deps, "repos" | "policies">, ctx: CallerContext) {
  const rows = await deps.repos.projects.commissions(ctx.actor.cityId ?? "");
  return rows.map((r) => commissionView(deps.policies, ctx, r));
}

/** The public page's part: reasons and basis of every commission in notice or approved, no login. */
export async function publicCommissions(deps: Pick<Deps, "repos" | "policies">) {
  const rows = await deps.repos.projects.commissions(null, true);
  return rows.map((r) => {
    const policy = policyOf(deps.policies, r.c.cityId, r.c.policyVersion);
    const reason = policy.decision.directedCommission?.reasons.find((x) => x.code === r.c.reason);
    return {
      id: r.c.id,
      cityNameZh: policy.cityNameZh,
      title: r.c.title,
      unitName: r.unitName,
      reasonZh: reason?.nameZh ?? r.c.reason,
      basis: r.c.basis,
      noticeStartedAt: r.c.noticeStartedAt?.toISOString() ?? "",
      noticeEndsAt: r.c.noticeEndsAt?.toISOString() ?? "",
      source: policy.decision.directedCommission ? citeSource(policy.decision.directedCommission.source) : {},
    };
  });
}

function commissionView(
  policies: readonly Policy[],
  ctx: CallerContext,
  r: { c: CommissionRow; unitName: string; projectNumber: string | null },
): DirectedCommissionDto {
  const { c } = r;
  const policy = policyOf(policies, c.cityId, c.policyVersion);
  const rule = policy.decision.directedCommission;
  const events = allowedEvents(directedCommissionMachine, c.status, ctx.actor.roles);
  const noticeRunning = c.noticeEndsAt !== null && ctx.now < c.noticeEndsAt;
  return {
    id: c.id,
    program: c.program,
    programName: policy.programs.find((p) => p.code === c.program)?.nameZh ?? c.program,
    year: c.year,
    title: c.title,
    unitId: c.unitId,
    unitName: r.unitName,
    reason: c.reason,
    reasonZh: rule?.reasons.find((x) => x.code === c.reason)?.nameZh ?? c.reason,
    basis: c.basis,
    amountFen: c.amountFen,
    status: c.status,
    noticeStartedAt: c.noticeStartedAt?.toISOString() ?? null,
    noticeEndsAt: c.noticeEndsAt?.toISOString() ?? null,
    projectNumber: r.projectNumber,
    source: rule ? citeSource(rule.source) : {},
    allowedActions: events.filter((e) => e !== "approve" || !noticeRunning),
    blocked: [
      ...(events.includes("approve") && noticeRunning
        ? [
            {
              action: "approve" as const,
              reasonZh: "定向理由公示期尚未结束。",
              reasonEn: "The reasons are still in notice.",
            },
          ]
        : []),
    ],
  };
}
