import { DomainError, type UnitFields, validateUscc } from "@luoshu/domain";
import type { UnitsRepository } from "./units.repository.ts";

/**
 * A unit's code is valid and its district belongs to the city. That the code is not taken in the
 * city is the database's to keep (units_city_uscc): the repository answers a taken one as 409.
 */
export async function checkUnitFields(
  units: Pick<UnitsRepository, "districtExists">,
  cityId: string,
  input: Partial<UnitFields>,
) {
  if (input.uscc !== undefined) {
    const v = validateUscc(input.uscc);
    if (!v.ok) throw new DomainError({ ...v, path: "uscc" });
  }
  if (input.districtCode !== undefined && !(await units.districtExists(cityId, input.districtCode))) {
    throw new DomainError({
      code: "VALIDATION",
      messageZh: "县区不属于该城市。",
      messageEn: "The district is not in this city.",
      path: "districtCode",
    });
  }
}
