import type { ApplicationContent } from "@luoshu/domain";
import type { DedupRepository } from "./dedup.repository.ts";
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

  constructor(private readonly revisions: Pick<DedupRepository, "revisionsSince">) {}

  sync(): Promise<void> {
    this.syncing ??= this.catchUp().finally(() => {
      this.syncing = null;
    });
    return this.syncing;
  }

  private async catchUp(): Promise<void> {
    const since = this.watermark ? new Date(this.watermark.getTime() - DedupService.lookBackMs) : null;
    for (const r of await this.revisions.revisionsSince(since)) {
      const row: DedupRow = {
        id: r.id,
        cityId: r.cityId,
        kind: r.approvedAt ? "project" : "application",
        title: r.content.basic.title,
        text: dedupRowText(r.content),
      };
      this.index.upsert(row);
      const seen = r.approvedAt && r.approvedAt > r.submittedAt ? r.approvedAt : r.submittedAt;
      if (!this.watermark || seen > this.watermark) this.watermark = seen;
    }
  }
}
