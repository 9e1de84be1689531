import { checkMergeTarget, fire, type NeedDecision, needMachine, notFound } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Transactor } from "../../lib/transaction.ts";
import type { NeedsRepository } from "./needs.repository.ts";

/** The bureau accepts a need into the needs list, merges it into an accepted one, or rejects it. */
export async function triageNeed(
  deps: { tx: Transactor<{ needs: Pick<NeedsRepository, "lock" | "find" | "decide"> }> },
  input: { ctx: CallerContext; id: string; decision: NeedDecision },
) {
  const { ctx, decision } = input;
  return deps.tx.run(ctx, async ({ needs }, audit) => {
    const need = await needs.lock(ctx.scope, input.id);
    if (!need) throw notFound("需求不存在。", "Need not found.");
    const to = fire(needMachine, need.status, decision.event, ctx.actor.roles);
    if (decision.event === "merge") checkMergeTarget(need, await needs.find(ctx.scope, decision.into));
    const decided = await needs.decide(need, {
      status: to,
      mergedInto: decision.event === "merge" ? decision.into : null,
      decisionReason: decision.reason ?? null,
      decidedAt: ctx.now,
    });
    audit({
      action: `need.${decision.event}`,
      entityType: "need",
      entityId: need.id,
      before: { status: need.status },
      after: { status: to, reason: decision.reason ?? null },
    });
    return decided;
  });
}
