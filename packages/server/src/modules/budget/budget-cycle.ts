import type { BudgetCycleDto } from "@luoshu/contract";
import {
  type BudgetCycleStep,
  budgetCycleOf,
  type CycleRecords,
  checkCycleStep,
  chinaDateOf,
  citeSource,
  cycleSchedule,
  mayRecordStep,
  type PerformanceTarget,
  type Policy,
} from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Transactor } from "../../lib/transaction.ts";
import type { Repositories } from "../../repositories.ts";
import { policyInForce } from "../decisions/decision-shared.ts";
import { recordControlNumber } from "../decisions/projects.ts";

type Repos = Pick<Repositories, "budgetCycle" | "projects" | "ledger" | "execution">;
type ReadDeps = { repos: Pick<Repositories, "budgetCycle" | "execution">; policies: Policy[] };
type Deps = { repos: Repos; tx: Transactor<Repos>; policies: Policy[] };

function rulesOf(policies: readonly Policy[], ctx: CallerContext) {
  return budgetCycleOf(policyInForce(policies, ctx).policy);
}

async function dtoOf(
  deps: ReadDeps,
  ctx: CallerContext,
  row: { year: number; steps: CycleRecords; performanceTargets: PerformanceTarget[] },
): Promise<BudgetCycleDto> {
  const rules = rulesOf(deps.policies, ctx);
  const people = Object.values(row.steps).map((r) => r.by);
  const names = await deps.repos.execution.displayNames(people);
  const schedule = cycleSchedule(rules, row.year, row.steps, chinaDateOf(ctx.now));
  return {
    year: row.year,
    steps: schedule.map((s) => ({
      ...s,
      record: s.record ? { ...s.record, byName: names.get(s.record.by) ?? "" } : null,
    })),
    performanceTargets: row.performanceTargets,
    performanceTargetsSource: citeSource(rules.performanceTargets.source),
    next: schedule.find((s) => !s.record)?.code ?? null,
    mayRecord: mayRecordStep(rules, row.steps, ctx.actor.roles),
  };
}

/**
 * The city's budget years: those on record and the coming one (whose first step is due 30 September
 * of this year), newest first; `mine`: those whose next step is the caller's.
 */
export async function listBudgetCycles(deps: ReadDeps, ctx: CallerContext, mine: boolean) {
  rulesOf(deps.policies, ctx);
  const rows = await deps.repos.budgetCycle.list(ctx.actor.cityId ?? "");
  const coming = Number(chinaDateOf(ctx.now).slice(0, 4)) + 1;
  const all = rows.some((r) => r.year === coming)
    ? rows
    : [{ year: coming, steps: {}, performanceTargets: [] }, ...rows];
  const dtos = await Promise.all(all.map((r) => dtoOf(deps, ctx, r)));
  return mine ? dtos.filter((d) => d.mayRecord) : dtos;
}

export async function readBudgetCycle(deps: ReadDeps, ctx: CallerContext, year: number) {
  rulesOf(deps.policies, ctx);
  const rows = await deps.repos.budgetCycle.list(ctx.actor.cityId ?? "");
  return dtoOf(deps, ctx, rows.find((r) => r.year === year) ?? { year, steps: {}, performanceTargets: [] });
}

/**
 * One step recorded, in order and by its actor. 一下 and 二下 set the year's figure (the control
 * number lists are measured against, and the budget the ledger enforces): the approved one last.
 */
export async function recordCycleStep(
  deps: Deps,
  input: {
    ctx: CallerContext;
    year: number;
    step: BudgetCycleStep;
    on: string;
    docNumber: string;
    amountFen: number;
    note: string;
    performanceTargets: PerformanceTarget[];
  },
): Promise<BudgetCycleDto> {
  const { ctx, step } = input;
  const rules = rulesOf(deps.policies, ctx);
  const cityId = ctx.actor.cityId ?? "";
  const row = await deps.tx.run(ctx, async (repos, audit) => {
    const row = await repos.budgetCycle.lock(cityId, input.year, ctx.now);
    checkCycleStep(rules, row.steps, step, {
      roles: ctx.actor.roles,
      on: input.on,
      today: chinaDateOf(ctx.now),
      performanceTargets: input.performanceTargets,
    });
    const record = {
      on: input.on,
      docNumber: input.docNumber,
      amountFen: input.amountFen,
      note: input.note,
      by: ctx.actor.userId,
      at: ctx.now.toISOString(),
    };
    const steps = { ...row.steps, [step]: record };
    const targets = step === "secondUp" ? input.performanceTargets : row.performanceTargets;
    await repos.budgetCycle.update(cityId, input.year, steps, targets, ctx.now);
    if (step === "firstDown" || step === "secondDown") {
      await recordControlNumber(repos, audit, { ...input, policies: deps.policies });
    }
    audit({
      action: `budget.cycle.${step}`,
      entityType: "budgetCycle",
      entityId: String(input.year),
      cityId,
      after: { on: input.on, docNumber: input.docNumber, amountFen: input.amountFen },
    });
    return { year: input.year, steps, performanceTargets: targets };
  });
  return dtoOf(deps, ctx, row);
}
