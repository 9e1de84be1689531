import type { ApplicationContent } from "@luoshu/domain";
import { gt, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { applicationRevisions, applications } from "../../db/schema/index.ts";
import { DedupIndex, type DedupRow } from "./dedup-index.ts";

/** The applicant's own writing: what a repeated application (LY-FUNDS §17) would repeat. */
export function dedupRowText(content: ApplicationContent): string {
  return [
    content.basic.abstract,
    content.content.objectives,
    content.content.researchContent,
    content.content.technicalRoute,
    ...content.targets.map((t) => t.description),
  ]
    .filter((s) => s?.trim())
    .join("\n");
}

/**
 * The duplicate-check index is a cache of the database, never the only copy: it is filled from the
 * submitted revisions at first use and caught up before every query from the revisions submitted
 * since, so each server process also sees what the others received. The look-back covers
 * transactions that committed after later-stamped ones.
 */
export class DedupService {
  readonly index = new DedupIndex();
  private watermark: Date | null = null;
  private syncing: Promise<void> | null = null;
  private static readonly lookBackMs = 60_000;

  constructor(private readonly db: Db) {}

  sync(): Promise<void> {
    this.syncing ??= this.catchUp().finally(() => {
      this.syncing = null;
    });
    return this.syncing;
  }

  private async catchUp(): Promise<void> {
    const since = this.watermark ? new Date(this.watermark.getTime() - DedupService.lookBackMs) : null;
    const rows = await this.db
      .select({
        id: applicationRevisions.applicationId,
        cityId: applicationRevisions.cityId,
        revision: applicationRevisions.revision,
        snapshot: applicationRevisions.content,
        submittedAt: applicationRevisions.submittedAt,
      })
      .from(applicationRevisions)
      .where(since ? gt(applicationRevisions.submittedAt, since) : undefined)
      .orderBy(applicationRevisions.submittedAt);
    for (const r of rows) {
      const content = (r.snapshot as { content: ApplicationContent }).content;
      const row: DedupRow = {
        id: r.id,
        cityId: r.cityId,
        kind: "application",
        title: content.basic.title,
        text: dedupRowText(content),
      };
      this.index.upsert(row);
      if (!this.watermark || r.submittedAt > this.watermark) this.watermark = r.submittedAt;
    }
  }

  async titlesOf(
    ids: string[],
  ): Promise<Map<string, { title: string; status: string; submittedAt: Date | null }>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .select({
        id: applications.id,
        title: applications.title,
        status: applications.status,
        submittedAt: applications.submittedAt,
      })
      .from(applications)
      .where(inArray(applications.id, ids));
    return new Map(rows.map((r) => [r.id, r]));
  }
}
