import {
  type Call,
  type Guide,
  type GuideContent,
  type GuideState,
  guideContentSchema,
  guideStates,
  type Scope,
} from "@luoshu/domain";
import { and, asc, count, desc, eq, inArray, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { calls, guides } from "../../db/schema/index.ts";
import { scopeWhere } from "../../lib/scope-sql.ts";

type GuideRow = typeof guides.$inferSelect;
const guideState = z.enum(guideStates);

/** Stored content is parsed once, here, through the domain's schema (its defaults fill older shapes). */
export const toGuide = (row: GuideRow): Guide => ({
  ...row,
  status: guideState.parse(row.status),
  content: guideContentSchema.parse(row.content),
});

export interface GuideWithCalls {
  guide: Guide;
  calls: Call[];
}

const scoped = (scope: Scope) => scopeWhere(scope, { cityId: guides.cityId });

export type GuideFields = Pick<Guide, "program" | "year" | "titleZh" | "content" | "policyVersion">;

export function guidesRepository(db: Db) {
  const callsOf = (cityId: string, guideIds: string[]) =>
    guideIds.length
      ? db
          .select()
          .from(calls)
          .where(and(eq(calls.cityId, cityId), inArray(calls.guideId, guideIds)))
          .orderBy(asc(calls.position))
      : Promise.resolve([]);

  async function find(scope: Scope, id: string, lock = false): Promise<GuideWithCalls | undefined> {
    const q = db
      .select()
      .from(guides)
      .where(and(scoped(scope), eq(guides.id, id)));
    const [row] = await (lock ? q.for("update") : q);
    if (!row) return undefined;
    return { guide: toGuide(row), calls: await callsOf(row.cityId, [row.id]) };
  }

  return {
    find: (scope: Scope, id: string) => find(scope, id),
    /** Row lock: two decisions on one guide at once must not both apply. */
    lock: (scope: Scope, id: string) => find(scope, id, true),

    async list(scope: Scope, statuses: readonly GuideState[], page: number, pageSize: number) {
      const conds: (SQL | undefined)[] = [scoped(scope), inArray(guides.status, [...statuses])];
      const where = and(...conds);
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(guides)
          .where(where)
          .orderBy(desc(guides.year), desc(guides.createdAt))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ n: count() }).from(guides).where(where),
      ]);
      const items = rows.map(toGuide);
      // A list is one city's (the caller's, or the public board's).
      const callRows = items[0]
        ? await callsOf(
            items[0].cityId,
            items.map((g) => g.id),
          )
        : [];
      return {
        items: items.map((guide) => ({ guide, calls: callRows.filter((c) => c.guideId === guide.id) })),
        total: total?.n ?? 0,
      };
    },

    async findCall(scope: Scope, id: string): Promise<Call | undefined> {
      const [row] = await db
        .select()
        .from(calls)
        .where(and(scopeWhere(scope, { cityId: calls.cityId }), eq(calls.id, id)));
      return row;
    },

    async insert(
      values: GuideFields & { cityId: string; createdBy: string; createdAt: Date; updatedAt: Date },
    ): Promise<Guide> {
      const [row] = await db
        .insert(guides)
        .values({ ...values, status: "draft" })
        .returning();
      if (!row) throw new Error("insert returned no row");
      return toGuide(row);
    },

    async update(
      guide: Guide,
      values: Partial<GuideFields> & { status?: GuideState; updatedAt: Date; publishedAt?: Date },
    ): Promise<void> {
      await db
        .update(guides)
        .set(values)
        .where(and(eq(guides.cityId, guide.cityId), eq(guides.id, guide.id)));
    },

    /** Calls are replaced whole while the guide is a draft; afterwards they are fixed. */
    async replaceCalls(guide: Pick<Guide, "cityId" | "id">, items: GuideContent["calls"]): Promise<void> {
      await db.delete(calls).where(and(eq(calls.cityId, guide.cityId), eq(calls.guideId, guide.id)));
      await db.insert(calls).values(
        items.map((c, position) => ({
          cityId: guide.cityId,
          guideId: guide.id,
          position,
          nameZh: c.nameZh,
          opensAt: new Date(c.opensAt),
          closesAt: new Date(c.closesAt),
        })),
      );
    },
  };
}
export type GuidesRepository = ReturnType<typeof guidesRepository>;
