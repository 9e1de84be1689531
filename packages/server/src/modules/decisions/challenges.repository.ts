import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { challengeBids, openChallenges, projects, units } from "../../db/schema/index.ts";
import { withConflicts } from "../../db/unique-violation.ts";

export type ChallengeRow = typeof openChallenges.$inferSelect;
export type BidRow = typeof challengeBids.$inferSelect;

const bidConflicts = {
  challenge_bids_unit_once: {
    path: "challengeId",
    messageZh: "本单位已揭此榜。",
    messageEn: "Your unit has bid for this challenge already.",
  },
};

/** 揭榜挂帅: challenge lists and their bids. */
export function challengesRepository(db: Db) {
  return {
    async insert(row: typeof openChallenges.$inferInsert): Promise<ChallengeRow> {
      const [r] = await db.insert(openChallenges).values(row).returning();
      if (!r) throw new Error("insert returned no row");
      return r;
    },

    async lock(cityId: string, id: string): Promise<ChallengeRow | undefined> {
      const [r] = await db
        .select()
        .from(openChallenges)
        .where(and(eq(openChallenges.cityId, cityId), eq(openChallenges.id, id)))
        .for("update");
      return r;
    },

    async update(c: Pick<ChallengeRow, "cityId" | "id">, changes: Partial<ChallengeRow>) {
      await db
        .update(openChallenges)
        .set(changes)
        .where(and(eq(openChallenges.cityId, c.cityId), eq(openChallenges.id, c.id)));
    },

    /** A city's challenges, or (cityId null) every city's challenges in the given states. */
    async list(cityId: string | null, states?: readonly ChallengeRow["status"][]) {
      return db
        .select({ c: openChallenges, demandUnitName: units.nameZh })
        .from(openChallenges)
        .innerJoin(
          units,
          and(eq(units.cityId, openChallenges.cityId), eq(units.id, openChallenges.demandUnitId)),
        )
        .where(
          and(
            cityId === null ? undefined : eq(openChallenges.cityId, cityId),
            states ? inArray(openChallenges.status, [...states]) : undefined,
          ),
        )
        .orderBy(desc(openChallenges.createdAt));
    },

    async bids(cityId: string, challengeIds: readonly string[]) {
      if (challengeIds.length === 0) return [];
      return db
        .select({ b: challengeBids, unitName: units.nameZh, projectNumber: projects.number })
        .from(challengeBids)
        .innerJoin(units, and(eq(units.cityId, challengeBids.cityId), eq(units.id, challengeBids.unitId)))
        .leftJoin(
          projects,
          and(
            eq(projects.cityId, challengeBids.cityId),
            eq(projects.challengeId, challengeBids.challengeId),
            eq(projects.unitId, challengeBids.unitId),
          ),
        )
        .where(and(eq(challengeBids.cityId, cityId), inArray(challengeBids.challengeId, [...challengeIds])))
        .orderBy(asc(challengeBids.submittedAt));
    },

    async insertBid(row: typeof challengeBids.$inferInsert): Promise<BidRow> {
      return withConflicts(bidConflicts, async () => {
        const [r] = await db.insert(challengeBids).values(row).returning();
        if (!r) throw new Error("insert returned no row");
        return r;
      });
    },

    async updateBid(b: Pick<BidRow, "cityId" | "id">, changes: Partial<BidRow>) {
      await db
        .update(challengeBids)
        .set(changes)
        .where(and(eq(challengeBids.cityId, b.cityId), eq(challengeBids.id, b.id)));
    },
  };
}
export type ChallengesRepository = ReturnType<typeof challengesRepository>;
