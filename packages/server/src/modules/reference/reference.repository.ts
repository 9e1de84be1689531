import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { districts } from "../../db/schema/index.ts";

/** Administrative facts (GB/T 2260) the forms and public pages need. */
export function referenceRepository(db: Db) {
  return {
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
