import { and, asc, count, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { calls, guides } from "../../db/schema/index.ts";

export type GuideRow = typeof guides.$inferSelect;
export type CallRow = typeof calls.$inferSelect;

export async function findGuide(db: Db | Tx, cityId: string, id: string) {
  const [guide] = await db
    .select()
    .from(guides)
    .where(and(eq(guides.cityId, cityId), eq(guides.id, id)));
  if (!guide) return undefined;
  const rows = await db
    .select()
    .from(calls)
    .where(and(eq(calls.cityId, cityId), eq(calls.guideId, id)))
    .orderBy(asc(calls.position));
  return { guide, calls: rows };
}

export async function listGuides(
  db: Db,
  filter: { cityId?: string; statuses?: string[] },
  page: number,
  pageSize: number,
) {
  const conds: (SQL | undefined)[] = [];
  if (filter.cityId) conds.push(eq(guides.cityId, filter.cityId));
  if (filter.statuses?.length) conds.push(inArray(guides.status, filter.statuses));
  const where = and(...conds);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(guides)
      .where(where)
      .orderBy(desc(guides.year), desc(guides.createdAt))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(guides).where(where),
  ]);
  const callRows = items.length
    ? await db
        .select()
        .from(calls)
        .where(
          inArray(
            calls.guideId,
            items.map((g) => g.id),
          ),
        )
        .orderBy(asc(calls.position))
    : [];
  return {
    items: items.map((guide) => ({ guide, calls: callRows.filter((c) => c.guideId === guide.id) })),
    total: total?.n ?? 0,
  };
}

export async function insertGuide(tx: Tx, values: typeof guides.$inferInsert): Promise<GuideRow> {
  const [row] = await tx.insert(guides).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateGuide(
  tx: Tx,
  cityId: string,
  id: string,
  values: Partial<typeof guides.$inferInsert>,
): Promise<void> {
  await tx
    .update(guides)
    .set(values)
    .where(and(eq(guides.cityId, cityId), eq(guides.id, id)));
}

/** Calls are replaced whole while the guide is a draft; afterwards they are fixed. */
export async function replaceCalls(
  tx: Tx,
  cityId: string,
  guideId: string,
  items: { nameZh: string; opensAt: string; closesAt: string }[],
) {
  await tx.delete(calls).where(and(eq(calls.cityId, cityId), eq(calls.guideId, guideId)));
  await tx.insert(calls).values(
    items.map((c, position) => ({
      cityId,
      guideId,
      position,
      nameZh: c.nameZh,
      opensAt: new Date(c.opensAt),
      closesAt: new Date(c.closesAt),
    })),
  );
}

export async function findCall(db: Db | Tx, cityId: string, id: string): Promise<CallRow | undefined> {
  const [row] = await db
    .select()
    .from(calls)
    .where(and(eq(calls.cityId, cityId), eq(calls.id, id)));
  return row;
}
