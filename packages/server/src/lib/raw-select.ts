import { type Column, type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";

type RowOf<F extends Record<string, Column>> = {
  [K in keyof F]: F[K]["_"]["notNull"] extends true ? F[K]["_"]["data"] : F[K]["_"]["data"] | null;
};

const dialect = new PgDialect();

/**
 * A select list rendered once, for the few statements on a hot path written as raw SQL: drizzle's
 * query builder costs about 0.1 ms of CPU per statement, which the deadline rush notices. Rows come
 * back under the field names and are mapped by the columns' own driver mappings, as drizzle does,
 * so the two drivers (pg, PGlite) give the same values.
 */
export function rawSelect<F extends Record<string, Column>>(fields: F, tableAlias?: string) {
  const entries = Object.entries(fields);
  const list = entries
    .map(([key, column]) => {
      const source = tableAlias ? `"${tableAlias}"."${column.name}"` : dialect.sqlToQuery(sql`${column}`).sql;
      return `${source} as "${key}"`;
    })
    .join(", ");
  return {
    list: sql.raw(list) as SQL,
    map(row: Record<string, unknown>): RowOf<F> {
      const out: Record<string, unknown> = {};
      for (const [key, column] of entries) {
        const v = row[key];
        out[key] = v === null || v === undefined ? null : column.mapFromDriverValue(v);
      }
      return out as RowOf<F>;
    },
  };
}
