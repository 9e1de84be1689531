import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import {
  changeRequests,
  closureReturns,
  projectClosures,
  projectSanctions,
  projects,
  units,
  userRoles,
  users,
} from "../../db/schema/index.ts";
import { withConflicts } from "../../db/unique-violation.ts";

export type ClosureRow = typeof projectClosures.$inferSelect;
export type SanctionRow = typeof projectSanctions.$inferSelect;
export type ReturnRow = typeof closureReturns.$inferSelect;
export type ChangeRow = typeof changeRequests.$inferSelect;

const liveClosure = {
  project_closures_live: {
    path: "projectId",
    messageZh: "该项目已有待审定的终止申请或已作出终止、撤销决定。",
    messageEn:
      "The project has a termination waiting for a decision, or a termination or revocation decided.",
  },
};

/** 终止、撤销与处理措施: a project's closures and sanctions, read through a project already in scope. */
export function projectLifeRepository(db: Db) {
  return {
    async closures(cityId: string, projectId: string): Promise<ClosureRow[]> {
      return db
        .select()
        .from(projectClosures)
        .where(and(eq(projectClosures.cityId, cityId), eq(projectClosures.projectId, projectId)))
        .orderBy(asc(projectClosures.requestedAt));
    },

    /** The closure waiting for a decision or decided, locked for the change that follows. */
    async liveClosure(cityId: string, projectId: string, lock = false): Promise<ClosureRow | undefined> {
      const q = db
        .select()
        .from(projectClosures)
        .where(
          and(
            eq(projectClosures.cityId, cityId),
            eq(projectClosures.projectId, projectId),
            inArray(projectClosures.status, ["requested", "decided"]),
          ),
        );
      const [r] = lock ? await q.for("update") : await q;
      return r;
    },

    /** Termination applications waiting for the bureau, with their projects' numbers and titles. */
    async closuresWaiting(cityId: string) {
      return db
        .select({ c: projectClosures, number: projects.number, title: projects.title })
        .from(projectClosures)
        .innerJoin(
          projects,
          and(eq(projects.cityId, projectClosures.cityId), eq(projects.id, projectClosures.projectId)),
        )
        .where(and(eq(projectClosures.cityId, cityId), eq(projectClosures.status, "requested")))
        .orderBy(asc(projectClosures.requestedAt));
    },

    async insertClosure(row: typeof projectClosures.$inferInsert): Promise<ClosureRow> {
      const [r] = await withConflicts(liveClosure, () => db.insert(projectClosures).values(row).returning());
      if (!r) throw new Error("insert returned no row");
      return r;
    },

    async updateClosure(c: Pick<ClosureRow, "cityId" | "id">, changes: Partial<ClosureRow>) {
      const [r] = await db
        .update(projectClosures)
        .set(changes)
        .where(and(eq(projectClosures.cityId, c.cityId), eq(projectClosures.id, c.id)))
        .returning();
      if (!r) throw new Error("closure vanished");
      return r;
    },

    /** A PI as an integrity record names them: the display name and the keyed digest of the ID number. */
    async person(userId: string) {
      const [r] = await db
        .select({ name: users.displayName, digest: users.idNumberDigest })
        .from(users)
        .where(eq(users.id, userId));
      return r;
    },

    async markClosed(cityId: string, projectId: string, closedAs: "terminated" | "revoked") {
      await db
        .update(projects)
        .set({ closedAs })
        .where(and(eq(projects.cityId, cityId), eq(projects.id, projectId)));
    },

    async returnsOf(cityId: string, closureIds: readonly string[]): Promise<ReturnRow[]> {
      if (closureIds.length === 0) return [];
      return db
        .select()
        .from(closureReturns)
        .where(and(eq(closureReturns.cityId, cityId), inArray(closureReturns.closureId, [...closureIds])))
        .orderBy(asc(closureReturns.recordedAt));
    },

    async returnByKey(cityId: string, key: string): Promise<ReturnRow | undefined> {
      const [r] = await db
        .select()
        .from(closureReturns)
        .where(and(eq(closureReturns.cityId, cityId), eq(closureReturns.idempotencyKey, key)));
      return r;
    },

    async insertReturn(row: typeof closureReturns.$inferInsert): Promise<ReturnRow> {
      const [r] = await db.insert(closureReturns).values(row).returning();
      if (!r) throw new Error("insert returned no row");
      return r;
    },

    async changes(cityId: string, projectId: string): Promise<ChangeRow[]> {
      return db
        .select()
        .from(changeRequests)
        .where(and(eq(changeRequests.cityId, cityId), eq(changeRequests.projectId, projectId)))
        .orderBy(asc(changeRequests.requestedAt));
    },

    async change(cityId: string, id: string, lock = false): Promise<ChangeRow | undefined> {
      const q = db
        .select()
        .from(changeRequests)
        .where(and(eq(changeRequests.cityId, cityId), eq(changeRequests.id, id)));
      const [r] = lock ? await q.for("update") : await q;
      return r;
    },

    async insertChange(row: typeof changeRequests.$inferInsert): Promise<ChangeRow> {
      const [r] = await withConflicts(
        {
          change_requests_waiting: {
            path: "kind",
            messageZh: "该项目已有同类变更申请待市科技局审批。",
            messageEn: "A change of this kind is waiting for the bureau already.",
          },
        },
        () => db.insert(changeRequests).values(row).returning(),
      );
      if (!r) throw new Error("insert returned no row");
      return r;
    },

    async updateChange(c: Pick<ChangeRow, "cityId" | "id">, changes: Partial<ChangeRow>) {
      const [r] = await db
        .update(changeRequests)
        .set(changes)
        .where(and(eq(changeRequests.cityId, c.cityId), eq(changeRequests.id, c.id)))
        .returning();
      if (!r) throw new Error("change vanished");
      return r;
    },

    /** A principal investigator account of the unit, which a PI change may name. */
    async unitPi(cityId: string, unitId: string, userId: string) {
      const [r] = await db
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .innerJoin(
          userRoles,
          and(eq(userRoles.userId, users.id), eq(userRoles.role, "principalInvestigator")),
        )
        // an active account: a disabled one cannot sign in to lead the project
        .where(
          and(
            eq(users.cityId, cityId),
            eq(users.unitId, unitId),
            eq(users.id, userId),
            eq(users.status, "active"),
          ),
        );
      return r;
    },

    async unitLegalPerson(cityId: string, unitId: string) {
      const [r] = await db
        .select({ name: units.legalRepresentative })
        .from(units)
        .where(and(eq(units.cityId, cityId), eq(units.id, unitId)));
      return r?.name ?? "";
    },

    /** What an effective change does to the records it concerns. */
    async setPi(cityId: string, projectId: string, userId: string) {
      await db
        .update(projects)
        .set({ piUserId: userId })
        .where(and(eq(projects.cityId, cityId), eq(projects.id, projectId)));
    },

    async setLegalPerson(cityId: string, unitId: string, name: string) {
      await db
        .update(units)
        .set({ legalRepresentative: name })
        .where(and(eq(units.cityId, cityId), eq(units.id, unitId)));
    },

    async sanctions(cityId: string, projectId: string): Promise<SanctionRow[]> {
      return db
        .select()
        .from(projectSanctions)
        .where(and(eq(projectSanctions.cityId, cityId), eq(projectSanctions.projectId, projectId)))
        .orderBy(asc(projectSanctions.createdAt));
    },

    /** Every payment suspension of a city (or of all cities), for the ledger's check. */
    async suspensionsOf(cityId: string | null) {
      return db
        .select()
        .from(projectSanctions)
        .where(
          and(
            eq(projectSanctions.kind, "paymentSuspension"),
            cityId === null ? undefined : eq(projectSanctions.cityId, cityId),
          ),
        );
    },

    async sanction(cityId: string, id: string, lock = false): Promise<SanctionRow | undefined> {
      const q = db
        .select()
        .from(projectSanctions)
        .where(and(eq(projectSanctions.cityId, cityId), eq(projectSanctions.id, id)));
      const [r] = lock ? await q.for("update") : await q;
      return r;
    },

    async insertSanction(row: typeof projectSanctions.$inferInsert): Promise<SanctionRow> {
      const [r] = await db.insert(projectSanctions).values(row).returning();
      if (!r) throw new Error("insert returned no row");
      return r;
    },

    async liftSanction(s: Pick<SanctionRow, "cityId" | "id">, by: string, at: Date, reason: string) {
      const [r] = await db
        .update(projectSanctions)
        .set({ liftedBy: by, liftedAt: at, liftReason: reason })
        .where(and(eq(projectSanctions.cityId, s.cityId), eq(projectSanctions.id, s.id)))
        .returning();
      if (!r) throw new Error("sanction vanished");
      return r;
    },
  };
}
export type ProjectLifeRepository = ReturnType<typeof projectLifeRepository>;
