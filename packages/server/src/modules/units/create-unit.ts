import { DomainError, type UnitFields } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Transactor } from "../../lib/transaction.ts";
import { checkUnitFields } from "./check-unit-fields.ts";
import { getUnit, type UnitReadDeps } from "./read-units.ts";
import type { UnitsRepository } from "./units.repository.ts";

/** Registers a unit: in the officer's own city, or in the city a platform administrator names. */
export async function createUnit(
  deps: UnitReadDeps & {
    tx: Transactor<{ units: Pick<UnitsRepository, "districtExists" | "insert"> }>;
  },
  input: { ctx: CallerContext; unit: UnitFields & { cityCode?: string } },
) {
  const { ctx } = input;
  const { cityCode, ...fields } = input.unit;
  const cityId = ctx.scope.kind === "platform" ? cityCode : ctx.actor.cityId;
  if (!cityId) {
    throw new DomainError({
      code: "VALIDATION",
      messageZh: "请选择城市。",
      messageEn: "Choose the city.",
      path: "cityCode",
    });
  }
  if (cityCode && cityCode !== cityId) {
    throw new DomainError({
      code: "FORBIDDEN",
      messageZh: "只能登记本市的单位。",
      messageEn: "You may register units of your own city only.",
    });
  }
  const unit = await deps.tx.run(ctx, async ({ units }, audit) => {
    await checkUnitFields(units, cityId, fields);
    const unit = await units.insert({ ...fields, cityId, createdAt: ctx.now, updatedAt: ctx.now });
    audit({ action: "unit.create", entityType: "unit", entityId: unit.id, cityId, after: unit });
    return unit;
  });
  // Read back with its district's name, as the caller sees it.
  return getUnit(deps, { ctx, id: unit.id });
}
