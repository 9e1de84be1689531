import type { ApplicationState, GuideState, NeedState, Scope } from "@luoshu/domain";
import { and, count, eq, gte, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { applications, auditLog, guides, needs } from "../../db/schema/index.ts";
import { scopeWhere } from "../../lib/scope-sql.ts";

/** The counts the inbox shows, each within the caller's scope. */
export function workspaceRepository(db: Db) {
  const n = async (q: Promise<{ n: number }[]>) => (await q)[0]?.n ?? 0;
  return {
    applicationsIn: (scope: Scope, statuses: ApplicationState[]) =>
      n(
        db
          .select({ n: count() })
          .from(applications)
          .where(
            and(
              scopeWhere(scope, {
                cityId: applications.cityId,
                districtCode: applications.districtCode,
                unitId: applications.unitId,
              }),
              inArray(applications.status, statuses),
            ),
          ),
      ),
    guidesIn: (scope: Scope, status: GuideState) =>
      n(
        db
          .select({ n: count() })
          .from(guides)
          .where(and(scopeWhere(scope, { cityId: guides.cityId }), eq(guides.status, status))),
      ),
    needsIn: (scope: Scope, status: NeedState) =>
      n(
        db
          .select({ n: count() })
          .from(needs)
          .where(and(scopeWhere(scope, { cityId: needs.cityId }), eq(needs.status, status))),
      ),
    auditSince: (since: Date) => n(db.select({ n: count() }).from(auditLog).where(gte(auditLog.at, since))),
  };
}
export type WorkspaceRepository = ReturnType<typeof workspaceRepository>;
