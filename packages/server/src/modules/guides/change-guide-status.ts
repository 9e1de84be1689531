import { fire, type GuideEvent, guideMachine, type Policy } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Transactor } from "../../lib/transaction.ts";
import { guideNotFound } from "./guide-errors.ts";
import { assertValidGuide, policyInForceFor } from "./guide-policy.ts";
import type { GuidesRepository, GuideWithCalls } from "./guides.repository.ts";
import { type GuideReadDeps, getGuide } from "./read-guides.ts";

/**
 * Moves a guide through its lifecycle (guide.machine.ts): submitted for review and published only
 * while it still satisfies the policy in force.
 */
export async function changeGuideStatus(
  deps: GuideReadDeps & {
    tx: Transactor<{ guides: Pick<GuidesRepository, "lock" | "update"> }>;
    policies: readonly Policy[];
  },
  input: { ctx: CallerContext; id: string; event: GuideEvent },
): Promise<GuideWithCalls> {
  const { ctx, event } = input;
  await deps.tx.run(ctx, async ({ guides }, audit) => {
    const found = await guides.lock(ctx.scope, input.id);
    if (!found) throw guideNotFound();
    const from = found.guide.status;
    const to = fire(guideMachine, from, event, ctx.actor.roles);
    if (event === "submitForReview" || event === "publish") {
      assertValidGuide(policyInForceFor(deps.policies, ctx.actor.cityId, ctx.now), found.guide.content);
    }
    await guides.update(found.guide, {
      status: to,
      updatedAt: ctx.now,
      ...(to === "published" ? { publishedAt: ctx.now } : {}),
    });
    audit({
      action: `guide.${event}`,
      entityType: "guide",
      entityId: found.guide.id,
      before: { status: from },
      after: { status: to },
    });
  });
  return getGuide(deps, { ctx, id: input.id });
}
