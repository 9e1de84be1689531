import type { UserDto } from "@luoshu/contract";
import type { User } from "@luoshu/domain";

export const toUserDto = (u: User & { unitNameZh?: string | null }): UserDto => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  cityCode: u.cityId,
  districtCode: u.districtCode,
  unitId: u.unitId,
  unitNameZh: u.unitNameZh ?? null,
  roles: u.roles,
  idNumberMasked: u.idNumberMasked,
  status: u.status,
  mustChangePassword: u.mustChangePassword,
  createdAt: u.createdAt.toISOString(),
});
