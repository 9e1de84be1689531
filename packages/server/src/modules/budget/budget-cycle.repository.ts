import type { CycleRecords, PerformanceTarget } from "@luoshu/domain";
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { budgetCycles } from "../../db/schema/index.ts";

/** 两上两下: a city's budget years as their steps were recorded. */
export function budgetCycleRepository(db: Db) {
  return {
    async list(cityId: string) {
      return db
        .select()
        .from(budgetCycles)
        .where(eq(budgetCycles.cityId, cityId))
        .orderBy(desc(budgetCycles.year));
    },

    /** The year's row, created empty when missing, locked for the rest of the transaction. */
    async lock(cityId: string, year: number, now: Date) {
      await db
        .insert(budgetCycles)
        .values({ cityId, year, steps: {}, performanceTargets: [], updatedAt: now })
        .onConflictDoNothing();
      const [r] = await db
        .select()
        .from(budgetCycles)
        .where(and(eq(budgetCycles.cityId, cityId), eq(budgetCycles.year, year)))
        .for("update");
      if (!r) throw new Error("budget cycle row missing");
      return r;
    },

    async update(
      cityId: string,
      year: number,
      steps: CycleRecords,
      performanceTargets: PerformanceTarget[],
      now: Date,
    ) {
      await db
        .update(budgetCycles)
        .set({ steps, performanceTargets, updatedAt: now })
        .where(and(eq(budgetCycles.cityId, cityId), eq(budgetCycles.year, year)));
    },
  };
}
export type BudgetCycleRepository = ReturnType<typeof budgetCycleRepository>;
