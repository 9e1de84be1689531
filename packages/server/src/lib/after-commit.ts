import type { Db } from "../db/client.ts";

/** The audit sealer of each database, kicked after every commit (see modules/audit/audit-sealer.ts). */
const sealers = new WeakMap<Db, { kick(): void }>();

export function registerSealer(db: Db, sealer: { kick(): void }): void {
  sealers.set(db, sealer);
}

/** After a commit that wrote audit records: chain them now rather than at the sealer's next tick. */
export function afterCommit(db: Db): void {
  sealers.get(db)?.kick();
}
