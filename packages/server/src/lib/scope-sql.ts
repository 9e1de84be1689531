import { type Actor, scopeOf } from "@luoshu/domain";
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

export interface ScopeColumns {
  cityId: AnyPgColumn;
  districtCode?: AnyPgColumn;
  unitId?: AnyPgColumn;
  ownerUserId?: AnyPgColumn;
}

const nothing = sql`false`;

/** The SQL twin of the domain's `inScope`: lists filter rows with it, single reads check with `inScope`. */
export function scopeWhere(actor: Actor, cols: ScopeColumns): SQL | undefined {
  const kind = scopeOf(actor.roles);
  if (kind === "platform") return undefined;
  if (!actor.cityId) return nothing;
  const city = eq(cols.cityId, actor.cityId);
  switch (kind) {
    case "city":
      return city;
    case "district":
      return cols.districtCode && actor.districtCode
        ? and(city, eq(cols.districtCode, actor.districtCode))
        : nothing;
    case "unit":
      return cols.unitId && actor.unitId ? and(city, eq(cols.unitId, actor.unitId)) : nothing;
    case "own":
      return cols.ownerUserId ? and(city, eq(cols.ownerUserId, actor.userId)) : nothing;
    default: {
      const never: never = kind;
      return never;
    }
  }
}
