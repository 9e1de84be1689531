import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Policy } from "@luoshu/domain";
import { sql } from "drizzle-orm";
import type { FastifyLoggerOptions } from "fastify";
import { inject } from "vitest";
import { type App, buildApp } from "../app.ts";
import { type Database, openDatabase } from "../db/client.ts";
import { demoPassword } from "../db/seed/demo-data.ts";
import { seedDemo } from "../db/seed/seed-demo.ts";
import { appDeps } from "../deps.ts";
import { registerSealer } from "../lib/after-commit.ts";
import { fixedClock } from "../lib/clock.ts";
import { createLocalFileStore, type FileStore } from "../lib/files/file-store.ts";
import { type Client, injectClients } from "../lib/inject-client.ts";
import { readPolicies } from "../lib/policy-files.ts";
import { FieldCipher } from "../lib/sm-crypto.ts";
import { fileAnchorStore } from "../modules/audit/audit-anchor.ts";
import { AuditSealer } from "../modules/audit/audit-sealer.ts";
import { registerPolicyCities } from "../modules/reference/read-reference.ts";
import { type AuditKeys, createRepositories } from "../repositories.ts";

export const policiesDir = path.resolve(import.meta.dirname, "../../../../policies");

/**
 * A real database for API tests: an in-memory PGlite per test file, or, when DATABASE_URL is set,
 * the PostgreSQL server's database wiped and migrated afresh (files then run one at a time).
 */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const template = new Blob([fs.readFileSync(inject("pgliteTemplate"))]);
    const database = await openDatabase({ memory: true, template });
    await database.migrate();
    return database;
  }
  const database = await openDatabase({ url });
  await database.db.execute(sql`drop schema if exists drizzle cascade`);
  await database.db.execute(sql`drop schema if exists public cascade`);
  await database.db.execute(sql`create schema public`);
  await database.migrate();
  return database;
}

/** The password every account opened in a test chooses at its first login. */
export const ownPassword = "Ziji-Xuan-2026";

export interface TestApp {
  app: App;
  database: Database;
  clock: ReturnType<typeof fixedClock>;
  cipher: FieldCipher;
  files: FileStore;
  auditKeys: AuditKeys;
  as(username: string, password?: string): Promise<Client>;
  /** Logs in an account an administrator opened and sets its own password (`ownPassword`); the session stays. */
  firstLogin(username: string, password: string): Promise<Client>;
  anonymous: Client;
  close(): Promise<void>;
}

export type { Client };

/**
 * `policies` replaces the policy files read from policies/ (a test may add a city of its own);
 * `logger` receives the app's log (a test reads what is logged).
 */
export async function createTestApp(
  opts: { production?: boolean; now?: Date; policies?: Policy[]; logger?: FastifyLoggerOptions } = {},
): Promise<TestApp> {
  const database = await openTestDatabase();
  const clock = fixedClock(opts.now ?? new Date("2026-03-02T02:00:00Z"));
  const cipher = new FieldCipher(crypto.randomBytes(16));
  const policies = opts.policies ?? readPolicies(policiesDir);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "luoshu-data-"));
  const auditKeys = { signer: cipher, anchor: fileAnchorStore(path.join(dataDir, "audit-anchor.json")) };
  await registerPolicyCities({ repos: createRepositories(database.db, auditKeys), policies });
  await seedDemo(database.db, cipher, clock.now());
  registerSealer(database.db, new AuditSealer(database.db, auditKeys, () => {}));
  const files = createLocalFileStore({ root: path.join(dataDir, "files") });
  // Every error a route answers must be one it declares (plugins/error-codes.ts).
  const undeclared = new Set<string>();
  const app = await buildApp(
    appDeps({
      database,
      policies,
      cipher,
      auditAnchor: auditKeys.anchor,
      files,
      clock,
      secureCookies: false,
      production: opts.production ?? false,
      checkResponses: true,
      logger: opts.logger,
    }),
    { onUndeclaredError: (route, code) => undeclared.add(`${route} answered ${code}`) },
  );

  const clients = injectClients(app);

  return {
    app,
    database,
    clock,
    cipher,
    files,
    auditKeys,
    anonymous: clients.anonymous,
    async firstLogin(username, password) {
      const c = await (this as TestApp).as(username, password);
      const changed = await c.post("/api/auth/password", {
        currentPassword: password,
        newPassword: ownPassword,
      });
      if (changed.status !== 200)
        throw new Error(`first login of ${username}: ${JSON.stringify(changed.body)}`);
      return c;
    },
    as: (username, password = demoPassword) => clients.login(username, password),
    async close() {
      await app.close();
      await database.close();
      if (undeclared.size > 0) {
        throw new Error(
          `routes answered error codes they do not declare (config.errors):\n${[...undeclared].join("\n")}`,
        );
      }
    },
  };
}
