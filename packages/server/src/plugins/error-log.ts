/**
 * What of a failed request's error may be written to the log. The database driver and Drizzle hang
 * the failed statement's parameters on their errors (`params`, and Drizzle's message repeats them),
 * PostgreSQL's `detail` quotes the failing row ("Failing row contains (…)"), and a data exception's
 * message quotes the value it could not take: any of them may be a password hash, an ID number or a
 * draft's text. So a database error is logged by what identifies it (SQLSTATE, routine, constraint,
 * table, column, the statement with its $n placeholders), and any other error by its name, code,
 * message and stack; never the request body or the parameters.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  const chain = causesOf(error);
  const database = chain.find(isDatabaseError);
  const query = chain.find((e) => typeof e.query === "string");
  const statement =
    typeof query?.query === "string" ? query.query.replace(/\s+/g, " ").trim().slice(0, 300) : undefined;
  if (database) {
    const sqlState = String(database.code);
    return {
      type: "DatabaseError",
      sqlState,
      // Class 22 (data exception) messages quote the offending value.
      message: sqlState.startsWith("22") ? `data exception ${sqlState}` : database.message,
      ...pick(database, ["routine", "constraint", "table", "column"]),
      ...(statement ? { statement } : {}),
    };
  }
  if (query)
    return { type: "QueryError", message: "the statement failed before reaching the database", statement };
  const top = chain[0];
  if (!top) return { type: typeof error, message: String(error) };
  return { type: top.name, message: top.message, ...pick(top, ["code"]), stack: top.stack };
}

type ErrorLike = Error & Record<string, unknown>;

function causesOf(error: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  let e: unknown = error;
  while (e instanceof Error && out.length < 5) {
    out.push(e as ErrorLike);
    e = e.cause;
  }
  return out;
}

/** PostgreSQL's (and PGlite's) errors carry a five-character SQLSTATE and a severity. */
function isDatabaseError(e: ErrorLike): boolean {
  return typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code) && typeof e.severity === "string";
}

function pick(e: ErrorLike, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => typeof e[k] === "string").map((k) => [k, e[k]]));
}
