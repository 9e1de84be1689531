import { checkUnitChangesByUnitAdmin, DomainError, type UnitFields } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Transactor } from "../../lib/transaction.ts";
import { checkUnitFields } from "./check-unit-fields.ts";
import { getUnit, type UnitReadDeps } from "./read-units.ts";
import { unitNotFound } from "./unit-errors.ts";
import type { UnitsRepository } from "./units.repository.ts";

/** Changes a unit's details inside the caller's scope (a unit administrator: their own unit). */
export async function updateUnit(
  deps: UnitReadDeps & {
    tx: Transactor<{ units: Pick<UnitsRepository, "find" | "districtExists" | "update"> }>;
  },
  input: { ctx: CallerContext; id: string; changes: Partial<UnitFields> },
) {
  const { ctx, changes } = input;
  const unit = await deps.tx.run(ctx, async ({ units }, audit) => {
    const before = await units.find(ctx.scope, input.id);
    if (!before) throw unitNotFound();
    // A unit-scoped caller is the unit's own administrator, whatever else they hold.
    if (ctx.scope.kind === "unit") {
      const refusal = checkUnitChangesByUnitAdmin(before, changes);
      if (refusal) throw new DomainError(refusal);
    }
    await checkUnitFields(units, before.cityId, changes);
    const after = await units.update(before, { ...changes, updatedAt: ctx.now });
    const { districtNameZh: _n, ...beforeRow } = before;
    audit({
      action: "unit.update",
      entityType: "unit",
      entityId: before.id,
      cityId: before.cityId,
      before: beforeRow,
      after,
    });
    return after;
  });
  // Read back with its district's name, as the caller sees it.
  return getUnit(deps, { ctx, id: unit.id });
}
