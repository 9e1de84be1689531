import type { PolicyCity } from "@luoshu/domain";
import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { cities, districts } from "../../db/schema/index.ts";

/** Administrative facts (GB/T 2260) the forms and public pages need. */
export function referenceRepository(db: Db) {
  return {
    /** The tenants are the cities the policy files cover; their names follow the files. */
    async registerCities(list: PolicyCity[]): Promise<void> {
      if (list.length === 0) return;
      await db
        .insert(cities)
        .values(
          list.map((c) => ({ id: c.code, nameZh: c.nameZh, nameEn: c.nameEn, divisionCode: c.divisionCode })),
        )
        .onConflictDoUpdate({
          target: cities.id,
          set: {
            nameZh: sql`excluded.name_zh`,
            nameEn: sql`excluded.name_en`,
            divisionCode: sql`excluded.division_code`,
          },
        });
    },

    async districtsOf(cityId: string) {
      const rows = await db
        .select()
        .from(districts)
        .where(eq(districts.cityId, cityId))
        .orderBy(asc(districts.code));
      return rows.map((d) => ({ code: d.code, nameZh: d.nameZh, nameEn: d.nameEn }));
    },
  };
}
export type ReferenceRepository = ReturnType<typeof referenceRepository>;
