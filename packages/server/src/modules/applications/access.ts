import { type Actor, inScope, scopeFor, scopeOf } from "@luoshu/domain";
import type { Db, Tx } from "../../db/client.ts";
import { applicationNotFound } from "./application-errors.ts";
import { type ApplicationRow, findApplication, lockApplication } from "./applications.repository.ts";

/** A draft is the unit's own work until it is submitted: reviewers see it from then on. */
export const visible = (actor: Actor, row: ApplicationRow) =>
  inScope(scopeFor(actor, "platform"), {
    cityId: row.cityId,
    districtCode: row.districtCode,
    unitId: row.unitId,
  }) &&
  (row.status !== "draft" || scopeOf(actor.roles) === "unit");

/** Loads an application the actor may see; "not found" either way, so scope reveals nothing. */
export async function loadVisible(db: Db, actor: Actor, id: string): Promise<ApplicationRow> {
  const row = await findApplication(db, actor.cityId, id);
  if (!row || !visible(actor, row)) throw applicationNotFound();
  return row;
}

/**
 * The same inside a transaction, with the row locked for the decision about to be made. Locking
 * before the scope check is harmless: a refused caller's transaction rolls back at once.
 */
export async function lockVisible(tx: Tx, actor: Actor, id: string): Promise<ApplicationRow> {
  const row = await lockApplication(tx, actor.cityId, id);
  if (!row || !visible(actor, row)) throw applicationNotFound();
  return row;
}
