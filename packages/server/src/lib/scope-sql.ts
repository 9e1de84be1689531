import type { Scope } from "@luoshu/domain";
import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/**
 * The columns a table's rows are scoped by. A table without a column for a narrowing holds rows of
 * the whole city at that narrowing (guides, needs), filtered by city only, as the domain's `inScope`.
 */
export interface ScopeColumns {
  cityId: AnyPgColumn;
  districtCode?: AnyPgColumn;
  unitId?: AnyPgColumn;
  ownerUserId?: AnyPgColumn;
}

const nothing = sql`false`;

const narrowed = (city: SQL, col: AnyPgColumn | undefined, value: string) =>
  col ? and(city, eq(col, value)) : city;

/**
 * The SQL twin of the domain's `inScope`: lists filter rows with it, single reads check with
 * `inScope`. The scope is the one the access plugin worked out for the request.
 */
export function scopeWhere(scope: Scope, cols: ScopeColumns): SQL | undefined {
  switch (scope.kind) {
    case "platform":
      return undefined;
    case "city":
      return eq(cols.cityId, scope.cityId);
    case "district":
      return narrowed(eq(cols.cityId, scope.cityId), cols.districtCode, scope.districtCode);
    case "unit":
      return narrowed(eq(cols.cityId, scope.cityId), cols.unitId, scope.unitId);
    case "own": {
      // A platform account's own rows have no city, as the account itself (domain `inScope`).
      const city = scope.cityId ? eq(cols.cityId, scope.cityId) : isNull(cols.cityId);
      return narrowed(city, cols.ownerUserId, scope.userId);
    }
    case "nothing":
      return nothing;
    default: {
      const never: never = scope;
      return never;
    }
  }
}
