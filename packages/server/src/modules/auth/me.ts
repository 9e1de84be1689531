import { type Actor, permissionsOf, scopeOf } from "@luoshu/domain";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { cities, districts, units, users } from "../../db/schema/index.ts";

export async function describeMe(db: Db, actor: Actor, csrfToken: string) {
  const [user] = await db
    .select({ displayName: users.displayName })
    .from(users)
    .where(eq(users.id, actor.userId));
  const [city] = actor.cityId ? await db.select().from(cities).where(eq(cities.id, actor.cityId)) : [];
  const [district] =
    actor.cityId && actor.districtCode
      ? await db
          .select()
          .from(districts)
          .where(and(eq(districts.cityId, actor.cityId), eq(districts.code, actor.districtCode)))
      : [];
  const [unit] =
    actor.cityId && actor.unitId
      ? await db
          .select()
          .from(units)
          .where(and(eq(units.cityId, actor.cityId), eq(units.id, actor.unitId)))
      : [];
  return {
    id: actor.userId,
    username: actor.username,
    displayName: user?.displayName ?? actor.username,
    city: city ? { code: city.id, nameZh: city.nameZh, nameEn: city.nameEn } : null,
    district: district ? { code: district.code, nameZh: district.nameZh, nameEn: district.nameEn } : null,
    unit: unit ? { id: unit.id, nameZh: unit.nameZh } : null,
    roles: actor.roles,
    permissions: permissionsOf(actor.roles),
    scope: { kind: scopeOf(actor.roles) },
    csrfToken,
  };
}
