import type { Policy } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { ApplicationsRepository } from "../applications/applications.repository.ts";
import { findVisibleApplication } from "../applications/read-applications.ts";
import type { DedupRepository } from "./dedup.repository.ts";
import { type DedupService, dedupRowText } from "./dedup.service.ts";

/** 查重 (LY-FUNDS §17): the closest applications of the same city, with the decisions recorded on them. */
export async function findDuplicates(
  deps: {
    repos: {
      applications: Pick<ApplicationsRepository, "find">;
      dedup: Pick<DedupRepository, "titlesOf" | "decisionsOn">;
    };
    dedup: DedupService;
    policies: readonly Policy[];
  },
  input: { ctx: CallerContext; id: string },
) {
  const a = await findVisibleApplication(deps, input.ctx, input.id);
  const policy = deps.policies.find((p) => p.city === a.cityId && p.version === a.policyVersion);
  const threshold = policy?.duplicateCheck.similarityThreshold ?? 0.3;
  await deps.dedup.sync();
  const text = `${a.content.basic.title}\n${dedupRowText(a.content)}`;
  const matches = deps.dedup.index.query(a.cityId, text, { threshold, limit: 5, excludeId: a.id });
  const [titles, decisions] = await Promise.all([
    deps.repos.dedup.titlesOf(matches.map((m) => m.id)),
    deps.repos.dedup.decisionsOn(a),
  ]);
  return {
    threshold,
    clause: "LY-FUNDS §17",
    text,
    matches: matches.map(({ kind, ...m }) => ({
      ...m,
      funded: kind === "project",
      title: titles.get(m.id)?.title ?? "",
      status: titles.get(m.id)?.status ?? null,
    })),
    decisions,
  };
}
