import type { Scope } from "@luoshu/domain";
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/** The columns a table's rows are scoped by; a table without one never matches that narrowing. */
export interface ScopeColumns {
  cityId: AnyPgColumn;
  districtCode?: AnyPgColumn;
  unitId?: AnyPgColumn;
  ownerUserId?: AnyPgColumn;
}

const nothing = sql`false`;

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
      return cols.districtCode
        ? and(eq(cols.cityId, scope.cityId), eq(cols.districtCode, scope.districtCode))
        : nothing;
    case "unit":
      return cols.unitId ? and(eq(cols.cityId, scope.cityId), eq(cols.unitId, scope.unitId)) : nothing;
    case "own":
      return cols.ownerUserId && scope.cityId
        ? and(eq(cols.cityId, scope.cityId), eq(cols.ownerUserId, scope.userId))
        : nothing;
    case "nothing":
      return nothing;
    default: {
      const never: never = scope;
      return never;
    }
  }
}
