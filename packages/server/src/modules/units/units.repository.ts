import type { Actor } from "@luoshu/domain";
import { scopeFor } from "@luoshu/domain";
import { and, asc, count, eq, ilike, or, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { districts, units } from "../../db/schema/index.ts";
import { scopeWhere } from "../../lib/scope-sql.ts";

export type UnitRow = typeof units.$inferSelect;

export interface UnitFilter {
  keyword?: string;
  kind?: string;
  district?: string;
  city?: string;
}

const unitScope = { cityId: units.cityId, districtCode: units.districtCode, unitId: units.id };

export async function listUnits(db: Db, actor: Actor, filter: UnitFilter, page: number, pageSize: number) {
  const conds: (SQL | undefined)[] = [scopeWhere(scopeFor(actor, "platform"), unitScope)];
  if (filter.city) conds.push(eq(units.cityId, filter.city));
  if (filter.kind) conds.push(eq(units.kind, filter.kind));
  if (filter.district) conds.push(eq(units.districtCode, filter.district));
  if (filter.keyword) {
    const like = `%${filter.keyword.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    conds.push(or(ilike(units.nameZh, like), ilike(units.uscc, like)));
  }
  const where = and(...conds);
  const [items, [total]] = await Promise.all([
    db
      .select({ unit: units, districtNameZh: districts.nameZh })
      .from(units)
      .leftJoin(districts, and(eq(districts.cityId, units.cityId), eq(districts.code, units.districtCode)))
      .where(where)
      .orderBy(asc(units.cityId), asc(units.nameZh))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(units).where(where),
  ]);
  return { items: items.map((r) => ({ ...r.unit, districtNameZh: r.districtNameZh })), total: total?.n ?? 0 };
}

export async function findUnit(
  db: Db | Tx,
  id: string,
): Promise<(UnitRow & { districtNameZh: string | null }) | undefined> {
  const [row] = await db
    .select({ unit: units, districtNameZh: districts.nameZh })
    .from(units)
    .leftJoin(districts, and(eq(districts.cityId, units.cityId), eq(districts.code, units.districtCode)))
    .where(eq(units.id, id));
  return row ? { ...row.unit, districtNameZh: row.districtNameZh } : undefined;
}

export async function findUnitByUscc(tx: Tx, cityId: string, uscc: string) {
  const [row] = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.cityId, cityId), eq(units.uscc, uscc)));
  return row;
}

export async function districtExists(tx: Tx, cityId: string, code: string): Promise<boolean> {
  const [row] = await tx
    .select({ code: districts.code })
    .from(districts)
    .where(and(eq(districts.cityId, cityId), eq(districts.code, code)));
  return Boolean(row);
}

export async function insertUnit(tx: Tx, values: typeof units.$inferInsert): Promise<UnitRow> {
  const [row] = await tx.insert(units).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateUnit(
  tx: Tx,
  id: string,
  cityId: string,
  values: Partial<typeof units.$inferInsert>,
): Promise<UnitRow> {
  const [row] = await tx
    .update(units)
    .set(values)
    .where(and(eq(units.cityId, cityId), eq(units.id, id)))
    .returning();
  if (!row) throw new Error("update returned no row");
  return row;
}
