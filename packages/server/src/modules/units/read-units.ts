import type { CallerContext } from "../../lib/context.ts";
import { unitNotFound } from "./unit-errors.ts";
import type { UnitFilter, UnitsRepository } from "./units.repository.ts";

type Deps = { repos: { units: Pick<UnitsRepository, "list" | "find"> } };
/** What reading one unit back needs. */
export type UnitReadDeps = { repos: { units: Pick<UnitsRepository, "find"> } };

/** Units in the caller's scope: the platform, the city, the district, or the caller's own unit. */
export function listUnits(
  deps: Deps,
  input: { ctx: CallerContext; filter: UnitFilter; page: number; pageSize: number },
) {
  return deps.repos.units.list(input.ctx.scope, input.filter, input.page, input.pageSize);
}

export async function getUnit(deps: UnitReadDeps, input: { ctx: CallerContext; id: string }) {
  const unit = await deps.repos.units.find(input.ctx.scope, input.id);
  if (!unit) throw unitNotFound();
  return unit;
}
