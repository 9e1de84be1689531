import {
  type Call,
  type Guide,
  type GuideContent,
  type GuideState,
  guideContentSchema,
  guideStates,
  type Scope,
} from "@luoshu/domain";
import { and, asc, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { calls, guides } from "../../db/schema/index.ts";
import { scopeWhere } from "../../lib/scope-sql.ts";

type GuideRow = typeof guides.$inferSelect;
const guideState = z.enum(guideStates);

/** Stored content is parsed once, here, through the domain's schema (its defaults fill older shapes). */
export const toGuide = ({
  coIssuedBy,
  coIssuedAt,
  capOverrideReason,
  capOverrideBy,
  capOverrideAt,
  ...row
}: GuideRow): Guide => ({
  ...row,
  status: guideState.parse(row.status),
  content: guideContentSchema.parse(row.content),
  coIssue: coIssuedBy && coIssuedAt ? { userId: coIssuedBy, at: coIssuedAt } : null,
  capOverride:
    capOverrideReason && capOverrideBy && capOverrideAt
      ? { reason: capOverrideReason, userId: capOverrideBy, at: capOverrideAt }
      : null,
});

/** The states in which a guide's planned projects count against the program's yearly cap. */
const issuedStates: readonly GuideState[] = ["published", "closed", "archived"];

export interface GuideWithCalls {
  guide: Guide;
  calls: Call[];
  /** Projects the program's other issued guides of the same year plan (its yearly cap counts both). */
  plannedElsewhere: number;
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

  /** Planned projects of the city's issued guides per program and year (`program@year`). */
  async function plannedTotals(cityId: string, only?: Pick<Guide, "program" | "year">) {
    const rows = await db
      .select({
        program: guides.program,
        year: guides.year,
        n: sql<number>`coalesce(sum((${guides.content}->>'plannedCount')::int), 0)::int`,
      })
      .from(guides)
      .where(
        and(
          eq(guides.cityId, cityId),
          inArray(guides.status, [...issuedStates]),
          only ? and(eq(guides.program, only.program), eq(guides.year, only.year)) : undefined,
        ),
      )
      .groupBy(guides.program, guides.year);
    const totals = new Map(rows.map((r) => [`${r.program}@${r.year}`, r.n]));
    return (g: Guide) =>
      (totals.get(`${g.program}@${g.year}`) ?? 0) -
      (issuedStates.includes(g.status) ? (g.content.plannedCount ?? 0) : 0);
  }

  async function find(scope: Scope, id: string, lock = false): Promise<GuideWithCalls | undefined> {
    const q = db
      .select()
      .from(guides)
      .where(and(scoped(scope), eq(guides.id, id)));
    const [row] = await (lock ? q.for("update") : q);
    if (!row) return undefined;
    const guide = toGuide(row);
    const elsewhere = await plannedTotals(row.cityId, guide);
    return { guide, calls: await callsOf(row.cityId, [row.id]), plannedElsewhere: elsewhere(guide) };
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
      const first = items[0];
      const [callRows, elsewhere] = first
        ? await Promise.all([
            callsOf(
              first.cityId,
              items.map((g) => g.id),
            ),
            plannedTotals(first.cityId),
          ])
        : [[], () => 0];
      return {
        items: items.map((guide) => ({
          guide,
          calls: callRows.filter((c) => c.guideId === guide.id),
          plannedElsewhere: elsewhere(guide),
        })),
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
      values: Partial<GuideFields> &
        Partial<Pick<Guide, "coIssue" | "capOverride">> & {
          status?: GuideState;
          updatedAt: Date;
          publishedAt?: Date;
        },
    ): Promise<void> {
      const { coIssue, capOverride, ...rest } = values;
      await db
        .update(guides)
        .set({
          ...rest,
          ...(coIssue !== undefined
            ? { coIssuedBy: coIssue?.userId ?? null, coIssuedAt: coIssue?.at ?? null }
            : {}),
          ...(capOverride !== undefined
            ? {
                capOverrideReason: capOverride?.reason ?? null,
                capOverrideBy: capOverride?.userId ?? null,
                capOverrideAt: capOverride?.at ?? null,
              }
            : {}),
        })
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
