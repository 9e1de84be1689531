import type { FundPushDto } from "@luoshu/contract";
import {
  allowedEvents,
  checkFundDecision,
  DomainError,
  type FundPushEvent,
  fire,
  fundPushMachine,
  fundPushProgramOf,
  notFound,
  type Policy,
} from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Transactor } from "../../lib/transaction.ts";
import type { Repositories } from "../../repositories.ts";
import { policyInForce } from "../decisions/decision-shared.ts";
import type { FundPushRow } from "./fund-push.repository.ts";

type Repos = Pick<Repositories, "fundPush" | "execution">;
type ReadDeps = { repos: Repos; policies: Policy[] };
type Deps = ReadDeps & { tx: Transactor<Repos> };

const pushNotFound = () => notFound("推送记录不存在。", "No such fund push.");

/** The city's fund-push program, or the refusal where its documents name none. */
function programOf(policies: readonly Policy[], ctx: CallerContext) {
  return fundPushProgramOf(policyInForce(policies, ctx).policy);
}

async function dtoOf(
  deps: ReadDeps,
  ctx: CallerContext,
  f: FundPushRow,
  unitName: string,
): Promise<FundPushDto> {
  const program = programOf(deps.policies, ctx);
  const names = await deps.repos.execution.displayNames([f.pushedBy, ...f.decisions.map((d) => d.by)]);
  return {
    id: f.id,
    unitId: f.unitId,
    unitName,
    field: f.field,
    highlights: f.highlights,
    projects: f.projects,
    status: f.status,
    pushed: { at: f.pushedAt.toISOString(), byName: names.get(f.pushedBy) ?? "" },
    decisions: f.decisions.map((d) => ({ ...d, byName: names.get(d.by) ?? "" })),
    source: program.source,
    actions: allowedEvents(fundPushMachine, f.status, ctx.actor.roles),
  };
}

export async function listFundPushes(
  deps: ReadDeps,
  ctx: CallerContext,
  mine: boolean,
): Promise<FundPushDto[]> {
  programOf(deps.policies, ctx);
  const rows = await deps.repos.fundPush.list(ctx.actor.cityId ?? "");
  const all = await Promise.all(rows.map((r) => dtoOf(deps, ctx, r.f, r.unitName)));
  return mine ? all.filter((f) => f.actions.length > 0) : all;
}

export async function readFundPush(deps: ReadDeps, ctx: CallerContext, id: string): Promise<FundPushDto> {
  const r = await deps.repos.fundPush.find(ctx.actor.cityId ?? "", id);
  if (!r) throw pushNotFound();
  return dtoOf(deps, ctx, r.f, r.unitName);
}

/**
 * 推送: the bureau pushes an S&T SME (an enterprise of the city) with the projects it chose of that
 * enterprise, their grades and amounts as they stand, and the key figures it writes.
 */
export async function pushEnterprise(
  deps: Deps,
  input: { ctx: CallerContext; unitId: string; projectIds: string[]; field: string; highlights: string },
): Promise<FundPushDto> {
  const { ctx } = input;
  programOf(deps.policies, ctx);
  const cityId = ctx.actor.cityId ?? "";
  const found = await deps.repos.fundPush.enterprise(cityId, input.unitId);
  if (found?.unit.kind !== "enterprise") {
    throw new DomainError({
      code: "VALIDATION",
      path: "unitId",
      messageZh: "只能推送本市的企业（科技型中小企业）。",
      messageEn: "Only an enterprise of the city (an S&T SME) can be pushed.",
    });
  }
  const chosen = found.projects.filter((p) => input.projectIds.includes(p.id));
  if (chosen.length !== new Set(input.projectIds).size) {
    throw new DomainError({
      code: "VALIDATION",
      path: "projectIds",
      messageZh: "所选项目须为该企业承担的项目。",
      messageEn: "The projects chosen are the enterprise's own.",
    });
  }
  const row = await deps.tx.run(ctx, async (repos, audit) => {
    const row = await repos.fundPush.insert({
      cityId,
      unitId: input.unitId,
      field: input.field,
      highlights: input.highlights,
      projects: chosen.map(({ number, title, grade, amountFen }) => ({ number, title, grade, amountFen })),
      status: "pushed",
      pushedBy: ctx.actor.userId,
      pushedAt: ctx.now,
      decisions: [],
      updatedAt: ctx.now,
    });
    audit({
      action: "fundPush.push",
      entityType: "fundPush",
      entityId: row.id,
      cityId,
      after: { unitId: input.unitId, projects: chosen.map((p) => p.number) },
    });
    return row;
  });
  return dtoOf(deps, ctx, row, found.unit.nameZh);
}

/** The fund's decision by its charter: invest with the amount, decline, or follow up first. */
export async function decideFundPush(
  deps: Deps,
  input: { ctx: CallerContext; id: string; event: FundPushEvent; amountFen: number | null; note: string },
): Promise<FundPushDto> {
  const { ctx, event } = input;
  programOf(deps.policies, ctx);
  const cityId = ctx.actor.cityId ?? "";
  checkFundDecision(event, input);
  const { row, unitName } = await deps.tx.run(ctx, async (repos, audit) => {
    const found = await repos.fundPush.find(cityId, input.id, true);
    if (!found) throw pushNotFound();
    const status = fire(fundPushMachine, found.f.status, event, ctx.actor.roles);
    const decision = {
      event,
      amountFen: input.amountFen,
      note: input.note,
      by: ctx.actor.userId,
      at: ctx.now.toISOString(),
    };
    const changes = { status, decisions: [...found.f.decisions, decision], updatedAt: ctx.now };
    await repos.fundPush.update(found.f, changes);
    audit({
      action: `fundPush.${event}`,
      entityType: "fundPush",
      entityId: found.f.id,
      cityId,
      before: { status: found.f.status },
      after: { status, amountFen: input.amountFen },
    });
    return { row: { ...found.f, ...changes }, unitName: found.unitName };
  });
  return dtoOf(deps, ctx, row, unitName);
}
