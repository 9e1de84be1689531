import { type GuideContent, invalidTransition, type Policy } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Transactor } from "../../lib/transaction.ts";
import { guideNotFound } from "./guide-errors.ts";
import { assertValidGuide, policyInForceFor } from "./guide-policy.ts";
import type { GuidesRepository, GuideWithCalls } from "./guides.repository.ts";
import { type GuideReadDeps, getGuide } from "./read-guides.ts";

/** A draft guide is changed whole, calls included; after review it is fixed. */
export async function updateGuide(
  deps: GuideReadDeps & {
    tx: Transactor<{ guides: Pick<GuidesRepository, "lock" | "update" | "replaceCalls"> }>;
    policies: readonly Policy[];
  },
  input: { ctx: CallerContext; id: string; content: GuideContent },
): Promise<GuideWithCalls> {
  const { ctx, content } = input;
  const policy = policyInForceFor(deps.policies, ctx.actor.cityId, ctx.now);
  assertValidGuide(policy, content);
  await deps.tx.run(ctx, async ({ guides }, audit) => {
    const found = await guides.lock(ctx.scope, input.id);
    if (!found) throw guideNotFound();
    if (found.guide.status !== "draft") {
      throw invalidTransition("只有草稿状态的指南可以修改。", "Only a draft guide can be edited.");
    }
    await guides.update(found.guide, {
      program: content.program,
      year: content.year,
      titleZh: content.titleZh,
      content,
      policyVersion: policy.version,
      updatedAt: ctx.now,
    });
    await guides.replaceCalls(found.guide, content.calls);
    audit({
      action: "guide.update",
      entityType: "guide",
      entityId: found.guide.id,
      before: found.guide.content,
      after: content,
    });
  });
  return getGuide(deps, { ctx, id: input.id });
}
