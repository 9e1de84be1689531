import {
  type Scope,
  type Unit,
  type UnitFields,
  type UnitKind,
  type UnitView,
  unitKinds,
} from "@luoshu/domain";
import { and, asc, count, eq, ilike, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { districts, units } from "../../db/schema/index.ts";
import { withConflicts } from "../../db/unique-violation.ts";
import { scopeWhere } from "../../lib/scope-sql.ts";

export interface UnitFilter {
  keyword?: string;
  kind?: UnitKind;
  district?: string;
  city?: string;
}

type UnitRow = typeof units.$inferSelect;
const unitKind = z.enum(unitKinds);
const unitConflicts = {
  units_city_uscc: {
    path: "uscc",
    messageZh: "该统一社会信用代码的单位已登记。",
    messageEn: "A unit with this unified social credit code is already registered.",
  },
};
const toUnit = (row: UnitRow): Unit => ({ ...row, kind: unitKind.parse(row.kind) });
const toView = (r: { unit: UnitRow; districtNameZh: string | null }): UnitView => ({
  ...toUnit(r.unit),
  districtNameZh: r.districtNameZh,
});
const scoped = (scope: Scope) =>
  scopeWhere(scope, { cityId: units.cityId, districtCode: units.districtCode, unitId: units.id });
/** Escapes LIKE wildcards so a keyword matches literally. */
export const likeOf = (keyword: string) => `%${keyword.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;

export function unitsRepository(db: Db) {
  const withDistrict = () =>
    db
      .select({ unit: units, districtNameZh: districts.nameZh })
      .from(units)
      .leftJoin(districts, and(eq(districts.cityId, units.cityId), eq(districts.code, units.districtCode)));

  return {
    async list(scope: Scope, filter: UnitFilter, page: number, pageSize: number) {
      const conds: (SQL | undefined)[] = [scoped(scope)];
      if (filter.city) conds.push(eq(units.cityId, filter.city));
      if (filter.kind) conds.push(eq(units.kind, filter.kind));
      if (filter.district) conds.push(eq(units.districtCode, filter.district));
      if (filter.keyword) {
        const like = likeOf(filter.keyword);
        conds.push(or(ilike(units.nameZh, like), ilike(units.uscc, like)));
      }
      const where = and(...conds);
      const [items, [total]] = await Promise.all([
        withDistrict()
          .where(where)
          .orderBy(asc(units.cityId), asc(units.nameZh))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ n: count() }).from(units).where(where),
      ]);
      return { items: items.map(toView), total: total?.n ?? 0 };
    },

    async count(scope: Scope): Promise<number> {
      const [row] = await db.select({ n: count() }).from(units).where(scoped(scope));
      return row?.n ?? 0;
    },

    /** Inside the scope, or undefined: "not found" and "not yours" answer alike. */
    async find(scope: Scope, id: string): Promise<UnitView | undefined> {
      const [row] = await withDistrict().where(and(scoped(scope), eq(units.id, id)));
      return row && toView(row);
    },

    async districtExists(cityId: string, code: string): Promise<boolean> {
      const [row] = await db
        .select({ code: districts.code })
        .from(districts)
        .where(and(eq(districts.cityId, cityId), eq(districts.code, code)));
      return Boolean(row);
    },

    async insert(values: UnitFields & { cityId: string; createdAt: Date; updatedAt: Date }): Promise<Unit> {
      const [row] = await withConflicts(unitConflicts, () => db.insert(units).values(values).returning());
      if (!row) throw new Error("insert returned no row");
      return toUnit(row);
    },

    async update(unit: Unit, values: Partial<UnitFields> & { updatedAt: Date }): Promise<Unit> {
      const [row] = await withConflicts(unitConflicts, () =>
        db
          .update(units)
          .set(values)
          .where(and(eq(units.cityId, unit.cityId), eq(units.id, unit.id)))
          .returning(),
      );
      if (!row) throw new Error("update returned no row");
      return toUnit(row);
    },
  };
}
export type UnitsRepository = ReturnType<typeof unitsRepository>;
