import type { Policy } from "@luoshu/domain";
import type { FastifyLoggerOptions } from "fastify";
import type { Database } from "./db/client.ts";
import type { Clock, MovableClock } from "./lib/clock.ts";
import { createRenderPool, type DocumentRenderer } from "./lib/documents/render-pool.ts";
import type { FileStore } from "./lib/files/file-store.ts";
import type { FieldCipher } from "./lib/sm-crypto.ts";
import { createTransactor, type Transactor } from "./lib/transaction.ts";
import type { AnchorStore } from "./modules/audit/audit-anchor.ts";
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
  /** Present only when a browser test may move the clock (config `testClock`). */
  testClock?: MovableClock;
  /** Renders documents on worker threads; closed with the app. */
  documents: DocumentRenderer;
  secureCookies: boolean;
  production: boolean;
  /** Check every response against its contract schema (tests, development; see response-serializer.ts). */
  checkResponses: boolean;
  /** The audit chain's head, kept outside the database (modules/audit/audit-anchor.ts). */
  auditAnchor?: AnchorStore;
  /** Built web UI to serve at `/`; absent in API tests. */
  webDist?: string;
  /** Log requests and every 5xx (LUOSHU_LOG=1); a test passes a stream of its own to read what is logged. */
  logger?: boolean | FastifyLoggerOptions;
}

export type AppOptions = Omit<AppDeps, "repos" | "tx" | "dedup" | "documents"> & { database: Database };

/** Binds repositories, the transactor and the duplicate-check index to the database; starts the render pool. */
export function appDeps(opts: AppOptions): AppDeps {
  const db = opts.database.db;
  // The field key also signs audit records: whoever can write them as genuine can read personal data anyway.
  const keys = { signer: opts.cipher, anchor: opts.auditAnchor };
  const repos = createRepositories(db, keys);
  return {
    ...opts,
    repos,
    tx: createTransactor(db, keys),
    dedup: new DedupService(repos.dedup),
    documents: createRenderPool(),
  };
}
