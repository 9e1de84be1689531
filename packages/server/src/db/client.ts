import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "./schema/index.ts";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; services take this so they cannot escape the transaction. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface Database {
  db: Db;
  kind: "embedded" | "server";
  migrate(): Promise<void>;
  migrationVersion(): Promise<string | null>;
  close(): Promise<void>;
  /** Embedded only: the whole database as a tarball, loadable as a `template`. */
  dump?(): Promise<Blob>;
}

export const migrationsFolder = path.join(import.meta.dirname, "migrations");

/** `memory` may start from a dump of an already migrated database (see test/global-setup.ts). */
export type DatabaseOptions =
  | { url: string; poolSize?: number }
  | { dataDir: string }
  | { memory: true; template?: Blob };

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if ("url" in opts) {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: "server",
      migrate: () => migratePg(drizzlePg(pool), { migrationsFolder }),
      migrationVersion: () => readMigrationVersion(db),
      close: () => pool.end(),
    };
  }
  let release = () => {};
  let client: PGlite;
  if ("dataDir" in opts) {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    release = lockDataDir(opts.dataDir);
    client = new PGlite(path.join(opts.dataDir, "pglite"));
  } else {
    client = new PGlite(opts.template ? { loadDataDir: opts.template } : {});
  }
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: "embedded",
    migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder }),
    migrationVersion: () => readMigrationVersion(db),
    dump: () => client.dumpDataDir("none"),
    close: async () => {
      await client.close();
      release();
    },
  };
}

/**
 * PGlite is one process's private database: a second process opening the same folder would corrupt
 * it, so the folder carries a lock file naming the owner.
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = path.join(dataDir, "server.lock");
  try {
    const owner = Number(fs.readFileSync(lockFile, "utf8"));
    if (owner && owner !== process.pid && isAlive(owner)) {
      throw new Error(
        `数据目录 ${dataDir} 正被进程 ${owner} 使用（嵌入式数据库只能由一个进程打开）。请先停止该进程，或设置 DATABASE_URL 使用 PostgreSQL 服务器。\n` +
          `The data folder ${dataDir} is in use by process ${owner}; the embedded database can be opened by one process only.`,
      );
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  fs.writeFileSync(lockFile, String(process.pid));
  return () => fs.rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function readMigrationVersion(db: Db): Promise<string | null> {
  const journal = JSON.parse(
    fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8"),
  ) as {
    entries: { tag: string; when: number }[];
  };
  const [row] = rowsOf<{ created_at: string }>(
    await db.execute(
      sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
    ),
  );
  const last = Number(row?.created_at);
  return journal.entries.find((e) => e.when === last)?.tag ?? null;
}

/** Both drivers answer `execute` with an object holding `rows`; drizzle types it per driver. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
