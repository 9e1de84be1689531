import { type Actor, scopeFor, scopeOf } from "@luoshu/domain";
import { and, asc, count, desc, eq, ilike, ne, or, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import {
  applicationEvents,
  applicationRevisions,
  applications,
  attachments,
  units,
} from "../../db/schema/index.ts";
import { scopeWhere } from "../../lib/scope-sql.ts";

export type ApplicationRow = typeof applications.$inferSelect;

export const applicationScope = {
  cityId: applications.cityId,
  districtCode: applications.districtCode,
  unitId: applications.unitId,
};

export interface ApplicationFilter {
  callId?: string;
  guideId?: string;
  status?: string;
  district?: string;
  kind?: string;
  keyword?: string;
}

export async function listApplications(
  db: Db,
  actor: Actor,
  f: ApplicationFilter,
  page: number,
  pageSize: number,
) {
  const conds: (SQL | undefined)[] = [scopeWhere(scopeFor(actor, "platform"), applicationScope)];
  if (scopeOf(actor.roles) !== "unit") conds.push(ne(applications.status, "draft"));
  if (f.callId) conds.push(eq(applications.callId, f.callId));
  if (f.guideId) conds.push(eq(applications.guideId, f.guideId));
  if (f.status) conds.push(eq(applications.status, f.status));
  if (f.district) conds.push(eq(applications.districtCode, f.district));
  if (f.kind) conds.push(eq(units.kind, f.kind));
  if (f.keyword) {
    const like = `%${f.keyword.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    conds.push(or(ilike(applications.title, like), ilike(units.nameZh, like)));
  }
  const where = and(...conds);
  const from = () =>
    db
      .select({ application: applications, unitNameZh: units.nameZh, unitKind: units.kind })
      .from(applications)
      .innerJoin(units, and(eq(units.cityId, applications.cityId), eq(units.id, applications.unitId)));
  const [rows, [total]] = await Promise.all([
    from()
      .where(where)
      .orderBy(asc(applications.districtCode), asc(applications.districtRank), desc(applications.updatedAt))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ n: count() })
      .from(applications)
      .innerJoin(units, and(eq(units.cityId, applications.cityId), eq(units.id, applications.unitId)))
      .where(where),
  ]);
  return { items: rows, total: total?.n ?? 0 };
}

/**
 * By id within the caller's city (the primary key is city + id); platform users have no city and
 * look across cities.
 */
const applicationKey = (cityId: string | null, id: string) =>
  cityId ? and(eq(applications.cityId, cityId), eq(applications.id, id)) : eq(applications.id, id);

export async function findApplication(
  db: Db | Tx,
  cityId: string | null,
  id: string,
): Promise<ApplicationRow | undefined> {
  const [row] = await db.select().from(applications).where(applicationKey(cityId, id));
  return row;
}

/** Row lock: two decisions on one application at once must not both apply. */
export async function lockApplication(
  tx: Tx,
  cityId: string | null,
  id: string,
): Promise<ApplicationRow | undefined> {
  const [row] = await tx.select().from(applications).where(applicationKey(cityId, id)).for("update");
  return row;
}

export async function insertApplication(
  tx: Tx,
  values: typeof applications.$inferInsert,
): Promise<ApplicationRow> {
  const [row] = await tx.insert(applications).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateApplication(
  tx: Tx,
  row: ApplicationRow,
  values: Partial<typeof applications.$inferInsert>,
) {
  await tx
    .update(applications)
    .set(values)
    .where(and(eq(applications.cityId, row.cityId), eq(applications.id, row.id)));
}

export async function listRevisions(db: Db, cityId: string, applicationId: string) {
  return db
    .select()
    .from(applicationRevisions)
    .where(
      and(eq(applicationRevisions.cityId, cityId), eq(applicationRevisions.applicationId, applicationId)),
    )
    .orderBy(asc(applicationRevisions.revision));
}

export async function insertEvent(tx: Tx, values: typeof applicationEvents.$inferInsert) {
  await tx.insert(applicationEvents).values(values);
}

export async function listEvents(db: Db, cityId: string, applicationId: string) {
  return db
    .select()
    .from(applicationEvents)
    .where(and(eq(applicationEvents.cityId, cityId), eq(applicationEvents.applicationId, applicationId)))
    .orderBy(asc(applicationEvents.at));
}

export async function listAttachments(db: Db | Tx, cityId: string, applicationId: string) {
  return db
    .select()
    .from(attachments)
    .where(and(eq(attachments.cityId, cityId), eq(attachments.applicationId, applicationId)))
    .orderBy(asc(attachments.uploadedAt));
}

export async function countRecommended(
  tx: Tx,
  cityId: string,
  guideId: string,
  districtCode: string,
): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(applicationEvents)
    .innerJoin(
      applications,
      and(
        eq(applications.cityId, applicationEvents.cityId),
        eq(applications.id, applicationEvents.applicationId),
      ),
    )
    .where(
      and(
        eq(applicationEvents.cityId, cityId),
        eq(applications.guideId, guideId),
        eq(applications.districtCode, districtCode),
        eq(applicationEvents.event, "recommend"),
      ),
    );
  return row?.n ?? 0;
}
