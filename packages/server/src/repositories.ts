import type { Db } from "./db/client.ts";
import { auditRepository } from "./modules/audit/audit.repository.ts";
import { needsRepository } from "./modules/needs/needs.repository.ts";

/**
 * Every repository, bound to one database handle: the database itself for reads, or a transaction
 * (lib/transaction.ts). Only repositories touch the database.
 */
export function createRepositories(db: Db) {
  return {
    audit: auditRepository(db),
    needs: needsRepository(db),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
