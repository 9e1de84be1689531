import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { subsidyUseReports } from "../../db/schema/index.ts";
import { withConflicts } from "../../db/unique-violation.ts";

export type SubsidyUseRow = typeof subsidyUseReports.$inferSelect;

const filed = {
  subsidy_use_reports_payment: {
    path: "paymentId",
    messageZh: "该笔后补助资金的使用报告已提交，请刷新后查看。",
    messageEn: "The use of this post-subsidy has been reported already; reload to see it.",
  },
};

/** 后补助资金使用报告 (LY-FUNDS §20): one per paid post-subsidy, read through a project in scope. */
export function subsidyUseRepository(db: Db) {
  return {
    async ofProject(cityId: string, projectId: string): Promise<SubsidyUseRow[]> {
      return db
        .select()
        .from(subsidyUseReports)
        .where(and(eq(subsidyUseReports.cityId, cityId), eq(subsidyUseReports.projectId, projectId)))
        .orderBy(asc(subsidyUseReports.submittedAt));
    },

    async ofPayment(cityId: string, paymentId: string, lock = false): Promise<SubsidyUseRow | undefined> {
      const q = db
        .select()
        .from(subsidyUseReports)
        .where(and(eq(subsidyUseReports.cityId, cityId), eq(subsidyUseReports.paymentId, paymentId)));
      const [r] = lock ? await q.for("update") : await q;
      return r;
    },

    async byId(cityId: string, id: string, lock = false): Promise<SubsidyUseRow | undefined> {
      const q = db
        .select()
        .from(subsidyUseReports)
        .where(and(eq(subsidyUseReports.cityId, cityId), eq(subsidyUseReports.id, id)));
      const [r] = lock ? await q.for("update") : await q;
      return r;
    },

    /** The first report of a payment; a second at once hits the unique index and is a 409. */
    async insert(row: typeof subsidyUseReports.$inferInsert): Promise<SubsidyUseRow> {
      return withConflicts(filed, async () => {
        const [r] = await db.insert(subsidyUseReports).values(row).returning();
        if (!r) throw new Error("insert returned nothing");
        return r;
      });
    },

    async update(cityId: string, id: string, set: Partial<typeof subsidyUseReports.$inferInsert>) {
      await db
        .update(subsidyUseReports)
        .set(set)
        .where(and(eq(subsidyUseReports.cityId, cityId), eq(subsidyUseReports.id, id)));
    },
  };
}
