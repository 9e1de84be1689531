import type { Policy } from "@luoshu/domain";
import type { Database } from "./db/client.ts";
import type { Clock } from "./lib/clock.ts";
import type { FileStore } from "./lib/files/file-store.ts";
import type { FieldCipher } from "./lib/sm-crypto.ts";
import { createTransactor, type Transactor } from "./lib/transaction.ts";
import { DedupService } from "./modules/dedup/dedup.service.ts";
import { createRepositories, type Repositories } from "./repositories.ts";

/**
 * What the composition root (main.ts, the test harness) hands to the routes. Routes pass it on to
 * use cases, which name the narrow part they use.
 */
export interface AppDeps {
  /** Repositories bound to the database, for reads outside a transaction. */
  repos: Repositories;
  /** Runs a use case's writes in one transaction with its audit records. */
  tx: Transactor;
  database: Pick<Database, "kind" | "migrationVersion">;
  policies: Policy[];
  cipher: FieldCipher;
  files: FileStore;
  /** The duplicate-check index, a cache of the submitted revisions (see dedup.service.ts). */
  dedup: DedupService;
  clock: Clock;
  secureCookies: boolean;
  production: boolean;
  /** Check every response against its contract schema (tests, development; see response-serializer.ts). */
  checkResponses: boolean;
  /** Built web UI to serve at `/`; absent in API tests. */
  webDist?: string;
  logger?: boolean;
}

export type AppOptions = Omit<AppDeps, "repos" | "tx" | "dedup"> & { database: Database };

/** Binds repositories, the transactor and the duplicate-check index to the database. */
export function appDeps(opts: AppOptions): AppDeps {
  const db = opts.database.db;
  const repos = createRepositories(db);
  return { ...opts, repos, tx: createTransactor(db), dedup: new DedupService(repos.dedup) };
}
