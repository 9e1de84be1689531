import type { UnitDto } from "@luoshu/contract";
import type { Unit } from "@luoshu/domain";

export const toUnitDto = (u: Unit & { districtNameZh?: string | null }): UnitDto => ({
  id: u.id,
  cityCode: u.cityId,
  uscc: u.uscc,
  nameZh: u.nameZh,
  kind: u.kind,
  districtCode: u.districtCode,
  districtNameZh: u.districtNameZh ?? null,
  legalRepresentative: u.legalRepresentative,
  createdAt: u.createdAt.toISOString(),
});
