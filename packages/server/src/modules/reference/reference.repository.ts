import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { cities, districts } from "../../db/schema/index.ts";

export async function listCities(db: Db) {
  const rows = await db.select().from(cities).orderBy(asc(cities.divisionCode));
  return rows.map((c) => ({ code: c.id, nameZh: c.nameZh, nameEn: c.nameEn }));
}

export async function listDistricts(db: Db, cityId: string) {
  const rows = await db
    .select()
    .from(districts)
    .where(eq(districts.cityId, cityId))
    .orderBy(asc(districts.code));
  return rows.map((d) => ({ code: d.code, nameZh: d.nameZh, nameEn: d.nameEn }));
}
