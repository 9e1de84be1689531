import type { ApplicationResultDto, ControlNumberDto, DecisionCallDto, ProjectDto } from "@luoshu/contract";
import { chinaDateOf, citeSource, nextActor, type Policy, selectPolicy } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Audit, Transactor } from "../../lib/transaction.ts";
import type { Repositories } from "../../repositories.ts";
import { findVisibleApplication } from "../applications/read-applications.ts";
import { appropriate } from "../ledger/appropriate.ts";
import type { DecisionRepos } from "./list-facts.ts";

type Deps = { repos: DecisionRepos; policies: Policy[] };

const programName = (policies: readonly Policy[], cityId: string, at: Date, code: string) =>
  selectPolicy(policies, cityId, at)?.programs.find((p) => p.code === code)?.nameZh ?? code;

/** Calls whose review is completed, each with its list and whom the list waits for. */
export async function decidableCalls(
  deps: Deps,
  ctx: CallerContext,
  mine = false,
): Promise<DecisionCallDto[]> {
  const cityId = ctx.actor.cityId ?? "";
  const rows = await deps.repos.decisions.decidableCalls(cityId);
  const all = rows.map(
    (r): DecisionCallDto => ({
      callId: r.callId,
      callName: r.callName,
      guideTitle: r.guideTitle,
      program: r.program,
      programName: programName(deps.policies, cityId, r.opensAt, r.program),
      year: Number(chinaDateOf(r.opensAt).slice(0, 4)),
      reviewStatus: r.reviewStatus,
      list:
        r.listId && r.listStatus && r.listSteps
          ? { id: r.listId, status: r.listStatus, waitingFor: nextActor(r.listSteps, r.listStatus) }
          : null,
    }),
  );
  const waiting = (c: DecisionCallDto) =>
    c.list?.waitingFor != null && ctx.actor.roles.includes(c.list.waitingFor);
  return mine ? all.filter(waiting) : all;
}

/** The issued projects in the caller's scope; `only`: just these of them. */
export async function projectsInScope(
  deps: Deps,
  ctx: CallerContext,
  only?: ReadonlySet<string>,
): Promise<ProjectDto[]> {
  const rows = await deps.repos.projects.projectsInScope(ctx.scope, only && [...only]);
  return rows.map(({ p, unitName }) => ({
    id: p.id,
    number: p.number,
    title: p.title,
    unitId: p.unitId,
    unitName,
    program: p.program,
    programName: programName(deps.policies, p.cityId, p.approvedAt, p.program),
    year: p.year,
    amountFen: p.amountFen,
    policyVersion: p.policyVersion,
    approvedOn: p.approvedOn,
    origin: p.origin,
    applicationId: p.applicationId,
  }));
}

/**
 * An applicant's own result once its call's list is issued: approved with its number, or not, with
 * the reviews' count, trimmed mean and rank among the list's entries. No expert is named.
 */
export async function applicationResult(
  deps: Deps & { repos: DecisionRepos & Pick<Repositories, "applications"> },
  ctx: CallerContext,
  applicationId: string,
): Promise<ApplicationResultDto> {
  const a = await findVisibleApplication(deps, ctx, applicationId);
  const [entryOf, project] = await Promise.all([
    deps.repos.decisions.entryOfApplication(a.cityId, a.id),
    deps.repos.projects.projectOfApplication(a.cityId, a.id),
  ]);
  // a filed guiding project (备案立项) has no list and no review
  if (project && !entryOf) {
    return { status: "approved", projectNumber: project.number, reviews: 0, mean: null, rank: null, of: 0 };
  }
  if (entryOf?.list.status !== "issued") {
    return { status: "pending", projectNumber: null, reviews: 0, mean: null, rank: null, of: 0 };
  }
  return {
    status: project ? "approved" : "notApproved",
    projectNumber: project?.number ?? null,
    reviews: entryOf.reviews,
    mean: entryOf.entry.mean === null ? null : entryOf.entry.mean / 100,
    rank: entryOf.entry.rank,
    of: entryOf.of,
  };
}

export async function controlNumbers(deps: Deps, ctx: CallerContext): Promise<ControlNumberDto[]> {
  const cityId = ctx.actor.cityId ?? "";
  const [rows, committed] = await Promise.all([
    deps.repos.projects.controlNumbers(cityId),
    deps.repos.projects.committedByYear(cityId),
  ]);
  return rows.map((r) => controlNumberDto(deps.policies, r, committed));
}

function controlNumberDto(
  policies: readonly Policy[],
  r: Awaited<ReturnType<DecisionRepos["projects"]["controlNumbers"]>>[number],
  committed: readonly { year: number; committed: number }[],
): ControlNumberDto {
  const policy = selectPolicy(policies, r.cityId, r.setAt);
  return {
    year: r.year,
    amountFen: r.amountFen,
    docNumber: r.docNumber,
    committedFen: Number(committed.find((c) => c.year === r.year)?.committed ?? 0),
    setAt: r.setAt.toISOString(),
    source: policy ? citeSource(policy.decision.budgetControl.source) : {},
  };
}

/**
 * 预算控制数 as the finance bureau sets it for a year; a later figure replaces it, audited. The
 * ledger follows: the year's budget account is raised or lowered to the figure by one posting, and
 * lowering it below what is committed from it is refused.
 */
export async function setControlNumber(
  deps: Deps & { tx: Transactor<DecisionRepos & Pick<Repositories, "ledger">> },
  input: { ctx: CallerContext; year: number; amountFen: number; docNumber: string },
): Promise<ControlNumberDto> {
  const { ctx } = input;
  const cityId = ctx.actor.cityId ?? "";
  const row = await deps.tx.run(ctx, (repos, audit) =>
    recordControlNumber(repos, audit, { ...input, policies: deps.policies }),
  );
  const committed = await deps.repos.projects.committedByYear(cityId);
  return controlNumberDto(deps.policies, row, committed);
}

/**
 * The figure written and the ledger's budget account brought to it, in the caller's transaction:
 * finance's form, and the 一下 and 二下 steps of 两上两下 where the city takes them (LY-FUNDS §11).
 */
export async function recordControlNumber(
  repos: Pick<Repositories, "projects" | "ledger">,
  audit: Audit,
  input: {
    ctx: CallerContext;
    policies: readonly Policy[];
    year: number;
    amountFen: number;
    docNumber: string;
  },
) {
  const { ctx } = input;
  const cityId = ctx.actor.cityId ?? "";
  const row = await repos.projects.setControlNumber({
    cityId,
    year: input.year,
    amountFen: input.amountFen,
    docNumber: input.docNumber,
    setBy: ctx.actor.userId,
    setAt: ctx.now,
  });
  const policy = selectPolicy(input.policies, cityId, ctx.now);
  if (!policy) throw new Error(`no policy in force for ${cityId}`);
  await appropriate(repos, { cityId, policy, by: ctx.actor.userId, now: ctx.now }, input);
  audit({
    action: "budget.controlNumber.set",
    entityType: "budgetControlNumber",
    entityId: String(input.year),
    cityId,
    after: { amountFen: input.amountFen, docNumber: input.docNumber },
  });
  return row;
}
