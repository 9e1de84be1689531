import { DomainError, type UnitFields, validateUscc } from "@luoshu/domain";
import type { UnitsRepository } from "./units.repository.ts";

/** A unit's code is valid and not taken in its city, and its district belongs to the city. */
export async function checkUnitFields(
  units: Pick<UnitsRepository, "findByUscc" | "districtExists">,
  cityId: string,
  input: Partial<UnitFields>,
  selfId?: string,
) {
  if (input.uscc !== undefined) {
    const v = validateUscc(input.uscc);
    if (!v.ok) throw new DomainError({ ...v, path: "uscc" });
    const other = await units.findByUscc(cityId, input.uscc);
    if (other && other.id !== selfId) {
      throw new DomainError({
        code: "CONFLICT",
        messageZh: "该统一社会信用代码的单位已登记。",
        messageEn: "A unit with this unified social credit code is already registered.",
        path: "uscc",
      });
    }
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
