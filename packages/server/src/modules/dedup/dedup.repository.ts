import {
  type ApplicationContent,
  type ApplicationState,
  applicationStates,
  revisionSnapshotSchema,
} from "@luoshu/domain";
import { and, desc, eq, gt, inArray, or } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { applicationRevisions, applications, dedupDecisions, projects } from "../../db/schema/index.ts";

export const dedupVerdicts = ["duplicate", "notDuplicate"] as const;
export type DedupVerdict = (typeof dedupVerdicts)[number];

export interface DedupDecision {
  matchId: string;
  decision: DedupVerdict;
  reason: string;
  similarityBp: number;
  decidedAt: Date;
}

const state = z.enum(applicationStates);
const verdict = z.enum(dedupVerdicts);

/** What the duplicate check reads (submitted revisions) and the officer's decisions on its matches. */
export function dedupRepository(db: Db) {
  return {
    /**
     * Submitted revisions in submission order, since an instant or all of them, each marked when its
     * application has become a project; a project approved since the instant brings its revisions
     * back, so the index files it as funded.
     */
    async revisionsSince(since: Date | null) {
      const rows = await db
        .select({
          id: applicationRevisions.applicationId,
          cityId: applicationRevisions.cityId,
          snapshot: applicationRevisions.content,
          submittedAt: applicationRevisions.submittedAt,
          approvedAt: projects.approvedAt,
        })
        .from(applicationRevisions)
        .leftJoin(
          projects,
          and(
            eq(projects.cityId, applicationRevisions.cityId),
            eq(projects.applicationId, applicationRevisions.applicationId),
          ),
        )
        .where(
          since ? or(gt(applicationRevisions.submittedAt, since), gt(projects.approvedAt, since)) : undefined,
        )
        .orderBy(applicationRevisions.submittedAt);
      return rows.map(
        (
          r,
        ): {
          id: string;
          cityId: string;
          content: ApplicationContent;
          submittedAt: Date;
          approvedAt: Date | null;
        } => ({
          id: r.id,
          cityId: r.cityId,
          content: revisionSnapshotSchema.parse(r.snapshot).content,
          submittedAt: r.submittedAt,
          approvedAt: r.approvedAt,
        }),
      );
    },

    async titlesOf(ids: string[]): Promise<Map<string, { title: string; status: ApplicationState }>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .select({ id: applications.id, title: applications.title, status: applications.status })
        .from(applications)
        .where(inArray(applications.id, ids));
      return new Map(rows.map((r) => [r.id, { title: r.title, status: state.parse(r.status) }]));
    },

    async decisionsOn(a: { cityId: string; id: string }): Promise<DedupDecision[]> {
      const rows = await db
        .select()
        .from(dedupDecisions)
        .where(and(eq(dedupDecisions.cityId, a.cityId), eq(dedupDecisions.applicationId, a.id)))
        .orderBy(desc(dedupDecisions.decidedAt));
      return rows.map((d) => ({
        matchId: d.matchId,
        decision: verdict.parse(d.decision),
        reason: d.reason,
        similarityBp: d.similarityBp,
        decidedAt: d.decidedAt,
      }));
    },

    async insertDecision(
      a: { cityId: string; id: string },
      d: DedupDecision & { decidedBy: string },
    ): Promise<void> {
      await db.insert(dedupDecisions).values({ ...d, cityId: a.cityId, applicationId: a.id });
    },
  };
}
export type DedupRepository = ReturnType<typeof dedupRepository>;
