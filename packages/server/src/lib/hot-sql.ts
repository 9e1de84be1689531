import { type Column, type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { type Db, rowsOf } from "../db/client.ts";

// The few statements on the hot path of a deadline rush (session look-up, submission) are raw SQL,
// rendered once and prepared by name, because there the costs below are what limits throughput:
// drizzle's query builder costs about 0.1 ms of Node CPU per statement, and PostgreSQL spends more
// time planning the submission's facts query (about 1.5 ms) than running it.

type RowOf<F extends Record<string, Column>> = {
  [K in keyof F]: F[K]["_"]["notNull"] extends true ? F[K]["_"]["data"] : F[K]["_"]["data"] | null;
};

const dialect = new PgDialect();

/**
 * A select list rendered once. Rows come back under the field names and are mapped by the columns'
 * own driver mappings, as drizzle does, so the two drivers (pg, PGlite) give the same values.
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

/**
 * A statement with `sql.placeholder` parameters, rendered once and prepared under `name`: the pg
 * driver parses it once per connection and PostgreSQL reuses its plan (PGlite ignores the name).
 * The text must not vary between calls, so no conditional fragments.
 */
export function namedStatement<Row>(name: string, statement: SQL) {
  const query = dialect.sqlToQuery(statement);
  return async (db: Db, values: Record<string, unknown>): Promise<Row[]> =>
    rowsOf<Row>(await db._.session.prepareQuery(query, undefined, name, false).execute(values));
}
