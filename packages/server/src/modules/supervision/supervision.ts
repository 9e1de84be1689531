import { randomInt } from "node:crypto";
import type { InspectionDto, PublicDrawDto, SupervisionDto } from "@luoshu/contract";
import {
  cycleOf,
  DomainError,
  drawSpotCheck,
  type InspectionResult,
  notFound,
  type Policy,
  selectPolicy,
  spotCheckAlgorithm,
  spotCheckAlgorithmText,
  supervisionOf,
} from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Transactor } from "../../lib/transaction.ts";
import type { Repositories } from "../../repositories.ts";
import { policyInForce } from "../decisions/decision-shared.ts";
import { visibleProject } from "../execution/task-books.ts";
import type { DrawRow } from "./supervision.repository.ts";

type Repos = Pick<Repositories, "supervision" | "execution" | "ledger" | "projectLife">;
type ReadDeps = { repos: Repos; policies: Policy[] };
type Deps = ReadDeps & { tx: Transactor<Repos> };

/** Who speaks for each department when recording an inspection and its result. */
const departmentOf = (kind: "spotCheck" | "audit" | "financeCheck") =>
  kind === "financeCheck" ? ("financeBureau" as const) : ("scienceBureau" as const);
const roleOf = (department: "scienceBureau" | "financeBureau") =>
  department === "financeBureau" ? "financeOfficer" : "programOfficer";

function publicDraw(policy: Policy, d: DrawRow): PublicDrawDto {
  const rules = supervisionOf(policy);
  return {
    id: d.id,
    city: d.cityId,
    cityNameZh: policy.cityNameZh,
    cycle: d.cycle,
    algorithm: d.algorithm,
    algorithmZh: spotCheckAlgorithmText.zh,
    algorithmEn: spotCheckAlgorithmText.en,
    seed: d.seed,
    ratePercent: d.ratePercent,
    eligible: d.eligible,
    drawn: d.drawn,
    drawnAt: d.drawnAt.toISOString(),
    source: rules.source,
    rateSource: rules.rateSource,
  };
}

/** The city's supervision: its rules, this cycle's draw, and the inspections the caller may see. */
export async function readSupervision(deps: ReadDeps, ctx: CallerContext): Promise<SupervisionDto> {
  const { cityId, policy } = policyInForce(deps.policies, ctx);
  const rules = supervisionOf(policy);
  const cycle = cycleOf(ctx.now);
  const [eligible, draws, rows] = await Promise.all([
    deps.repos.supervision.eligible(cityId, cycle),
    deps.repos.supervision.draws(cityId),
    deps.repos.supervision.inspections(ctx.scope),
  ]);
  const names = await deps.repos.execution.displayNames(
    rows.flatMap((r) => [r.i.recordedBy, r.i.resultBy]).filter((x): x is string => x !== null),
  );
  const roles = ctx.actor.roles;
  const inspections: InspectionDto[] = rows.map(({ i, number, title, unitName }) => ({
    id: i.id,
    projectId: i.projectId,
    projectNumber: number,
    projectTitle: title,
    unitName,
    cycle: i.cycle,
    kind: i.kind,
    department: i.department,
    recorded: { at: i.recordedAt.toISOString(), byName: names.get(i.recordedBy) ?? "" },
    result: i.result,
    findings: i.findings,
    resulted:
      i.resultAt && i.resultBy ? { at: i.resultAt.toISOString(), byName: names.get(i.resultBy) ?? "" } : null,
    actions: i.result === null && roles.includes(roleOf(i.department)) ? ["recordResult"] : [],
  }));
  return {
    cycle,
    ratePercent: rules.ratePercent,
    rateSource: rules.rateSource,
    cycleSource: rules.cycleSource,
    source: rules.source,
    oncePerCycleSource: rules.oncePerCycleSource,
    eligibleNow: eligible.length,
    draws: draws.map((d) => publicDraw(policy, d)),
    inspections,
    actions: [
      ...(roles.includes("programOfficer") && !draws.some((d) => d.cycle === cycle) && eligible.length > 0
        ? (["draw"] as const)
        : []),
      ...(roles.includes("programOfficer") || roles.includes("financeOfficer")
        ? (["recordInspection"] as const)
        : []),
    ],
  };
}

/** Every city's draws, for the public page: enough to draw again and compare. */
export async function publicDraws(deps: ReadDeps, now: Date): Promise<PublicDrawDto[]> {
  const draws = await deps.repos.supervision.draws(null);
  return draws.flatMap((d) => {
    const policy = selectPolicy(deps.policies, d.cityId, now);
    return policy?.supervision ? [publicDraw(policy, d)] : [];
  });
}

/**
 * 抽取: the bureau draws this cycle's projects from those in execution not yet inspected in it, at
 * the city's rate, with a fresh seed that is recorded and published with the eligible list. The
 * drawn projects get their inspections in the same transaction; one draw per cycle (409 after).
 */
export async function drawSpotCheckNow(deps: Deps, ctx: CallerContext): Promise<PublicDrawDto> {
  const { cityId, policy } = policyInForce(deps.policies, ctx);
  const rules = supervisionOf(policy);
  if (!ctx.actor.roles.includes("programOfficer")) throw new DomainError({ code: "FORBIDDEN" });
  const cycle = cycleOf(ctx.now);
  const row = await deps.tx.run(ctx, async (repos, audit) => {
    const eligible = await repos.supervision.eligible(cityId, cycle);
    if (eligible.length === 0) {
      throw new DomainError({
        code: "VALIDATION",
        messageZh: "本周期没有可抽查的项目（执行中且本周期未接受检查的项目）。",
        messageEn: "No project is in execution and uninspected this cycle.",
      });
    }
    const seed = randomInt(0, 2 ** 32 - 1);
    const numbers = eligible.map((p) => p.number);
    const drawn = drawSpotCheck(numbers, rules.ratePercent, seed);
    const draw = await repos.supervision.insertDraw({
      cityId,
      cycle,
      algorithm: spotCheckAlgorithm,
      seed,
      ratePercent: rules.ratePercent,
      eligible: numbers,
      drawn,
      drawnBy: ctx.actor.userId,
      drawnAt: ctx.now,
    });
    const clause = "clause" in rules.oncePerCycleSource ? rules.oncePerCycleSource.clause : null;
    await repos.supervision.insertInspections(
      eligible
        .filter((p) => drawn.includes(p.number))
        .map((p) => ({
          cityId,
          projectId: p.id,
          cycle,
          kind: "spotCheck" as const,
          department: "scienceBureau" as const,
          drawId: draw.id,
          recordedBy: ctx.actor.userId,
          recordedAt: ctx.now,
        })),
      clause,
    );
    audit({
      action: "spotCheck.draw",
      entityType: "spotCheckDraw",
      entityId: draw.id,
      after: { cycle, seed, ratePercent: rules.ratePercent, eligible: numbers.length, drawn },
    });
    return draw;
  });
  return publicDraw(policy, row);
}

/**
 * An audit (recorded by the bureau) or a finance check (by the finance bureau) of a project: the
 * same "at most once per cycle" counts it, so a project drawn or checked already is a 409.
 */
export async function recordInspection(
  deps: Deps,
  input: { ctx: CallerContext; projectId: string; kind: "audit" | "financeCheck" },
) {
  const { ctx, kind } = input;
  const { policy } = policyInForce(deps.policies, ctx);
  const rules = supervisionOf(policy);
  const department = departmentOf(kind);
  if (!ctx.actor.roles.includes(roleOf(department))) throw new DomainError({ code: "FORBIDDEN" });
  const { p } = await visibleProject(deps.repos, deps.policies, ctx, input.projectId);
  const clause = "clause" in rules.oncePerCycleSource ? rules.oncePerCycleSource.clause : null;
  return deps.tx.run(ctx, async (repos, audit) => {
    const [row] = await repos.supervision.insertInspections(
      [
        {
          cityId: p.cityId,
          projectId: p.id,
          cycle: cycleOf(ctx.now),
          kind,
          department,
          recordedBy: ctx.actor.userId,
          recordedAt: ctx.now,
        },
      ],
      clause,
    );
    if (!row) throw new Error("inspection not stored");
    audit({
      action: "inspection.record",
      entityType: "inspection",
      entityId: row.id,
      after: { projectId: p.id, kind },
    });
    return row;
  });
}

/** The inspecting department records what it found; findings may lead to sanctions on the project's page. */
export async function recordInspectionResult(
  deps: Deps,
  input: { ctx: CallerContext; id: string; result: InspectionResult; findings: string },
) {
  const { ctx } = input;
  const { cityId, policy } = policyInForce(deps.policies, ctx);
  supervisionOf(policy);
  return deps.tx.run(ctx, async (repos, audit) => {
    const i = await repos.supervision.inspection(cityId, input.id, true);
    if (!i) throw notFound("检查记录不存在。", "No such inspection.");
    if (!ctx.actor.roles.includes(roleOf(i.department))) throw new DomainError({ code: "FORBIDDEN" });
    if (i.result !== null) {
      throw new DomainError({
        code: "CONFLICT",
        messageZh: "该检查已登记结果。",
        messageEn: "The inspection's result has been recorded already.",
      });
    }
    const row = await repos.supervision.setResult(i, {
      result: input.result,
      findings: input.findings,
      resultBy: ctx.actor.userId,
      resultAt: ctx.now,
    });
    audit({
      action: "inspection.result",
      entityType: "inspection",
      entityId: i.id,
      after: { result: input.result, findings: input.findings },
    });
    return row;
  });
}
