import { type Need, type NeedInput, type NeedState, needStates, type Scope } from "@luoshu/domain";
import { and, count, desc, eq, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { needs } from "../../db/schema/index.ts";
import { scopeWhere } from "../../lib/scope-sql.ts";

type NeedRow = typeof needs.$inferSelect;

const needStatus = z.enum(needStates);
const toNeed = (row: NeedRow): Need => ({ ...row, status: needStatus.parse(row.status) });
const scoped = (scope: Scope) => scopeWhere(scope, { cityId: needs.cityId });

/** 需求征集: collected needs and their triage. */
export function needsRepository(db: Db) {
  const findBy = async (scope: Scope, id: string, lock: boolean): Promise<Need | undefined> => {
    const q = db
      .select()
      .from(needs)
      .where(and(scoped(scope), eq(needs.id, id)));
    const [row] = await (lock ? q.for("update") : q);
    return row && toNeed(row);
  };

  return {
    async insert(values: NeedInput & { cityId: string; submitterUserId: string | null; createdAt: Date }) {
      const [row] = await db
        .insert(needs)
        .values({ ...values, status: "submitted" })
        .returning();
      if (!row) throw new Error("need not stored");
      return toNeed(row);
    },

    async list(scope: Scope, filter: { status?: NeedState }, page: number, pageSize: number) {
      const conds: (SQL | undefined)[] = [scoped(scope)];
      if (filter.status) conds.push(eq(needs.status, filter.status));
      const where = and(...conds);
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(needs)
          .where(where)
          .orderBy(desc(needs.createdAt))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ n: count() }).from(needs).where(where),
      ]);
      return { items: rows.map(toNeed), total: total?.n ?? 0 };
    },

    find: (scope: Scope, id: string) => findBy(scope, id, false),
    /** Row lock: two officers triaging one need at once must not both apply. */
    lock: (scope: Scope, id: string) => findBy(scope, id, true),

    async decide(
      need: Need,
      values: {
        status: NeedState;
        mergedInto: string | null;
        decisionReason: string | null;
        decidedAt: Date;
      },
    ): Promise<Need> {
      const [row] = await db
        .update(needs)
        .set(values)
        .where(and(eq(needs.cityId, need.cityId), eq(needs.id, need.id)))
        .returning();
      if (!row) throw new Error("need vanished");
      return toNeed(row);
    },
  };
}
export type NeedsRepository = ReturnType<typeof needsRepository>;
