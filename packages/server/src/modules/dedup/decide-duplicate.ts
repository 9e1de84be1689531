import type { DuplicateDecisionBody } from "@luoshu/contract";
import { DomainError, invalidTransition } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Transactor } from "../../lib/transaction.ts";
import type { ApplicationsRepository } from "../applications/applications.repository.ts";
import { findVisibleApplication } from "../applications/read-applications.ts";
import type { DedupRepository } from "./dedup.repository.ts";

/** The officer records whether a match is a repeated application, with the reason (audited). */
export async function decideDuplicate(
  deps: {
    repos: { applications: Pick<ApplicationsRepository, "find"> };
    tx: Transactor<{ dedup: Pick<DedupRepository, "insertDecision"> }>;
  },
  input: { ctx: CallerContext; id: string; decision: DuplicateDecisionBody },
): Promise<void> {
  const { ctx, decision: b } = input;
  const a = await findVisibleApplication(deps, ctx, input.id);
  // The match must be an application the officer can see: never an id of another city, nor itself.
  const match = b.matchId === a.id ? undefined : await deps.repos.applications.find(ctx.scope, b.matchId);
  if (!match || match.status === "draft") {
    throw new DomainError({
      code: "VALIDATION",
      messageZh: "查重对象不是本市已提交的其他申报书。",
      messageEn: "The match is not another submitted application of this city.",
      path: "matchId",
    });
  }
  if (a.status === "draft")
    throw invalidTransition("草稿尚未提交，无需查重决定。", "A draft is not checked yet.");
  await deps.tx.run(ctx, async ({ dedup }, audit) => {
    await dedup.insertDecision(a, {
      matchId: b.matchId,
      similarityBp: Math.round(b.similarity * 10_000),
      decision: b.decision,
      reason: b.reason,
      decidedBy: ctx.actor.userId,
      decidedAt: ctx.now,
    });
    audit({
      action: "application.dedupDecision",
      entityType: "application",
      entityId: a.id,
      cityId: a.cityId,
      after: b,
    });
  });
}
