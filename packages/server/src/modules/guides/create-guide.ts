import type { GuideContent, Policy } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Transactor } from "../../lib/transaction.ts";
import { assertValidGuide, policyInForceFor } from "./guide-policy.ts";
import type { GuidesRepository, GuideWithCalls } from "./guides.repository.ts";
import { type GuideReadDeps, getGuide } from "./read-guides.ts";

/** The program officer drafts a guide with its calls, checked against the policy in force. */
export async function createGuide(
  deps: GuideReadDeps & {
    tx: Transactor<{ guides: Pick<GuidesRepository, "insert" | "replaceCalls"> }>;
    policies: readonly Policy[];
  },
  input: { ctx: CallerContext; content: GuideContent },
): Promise<GuideWithCalls> {
  const { ctx, content } = input;
  const policy = policyInForceFor(deps.policies, ctx.actor.cityId, ctx.now);
  assertValidGuide(policy, content);
  const id = await deps.tx.run(ctx, async ({ guides }, audit) => {
    const guide = await guides.insert({
      cityId: policy.city,
      policyVersion: policy.version,
      program: content.program,
      year: content.year,
      titleZh: content.titleZh,
      content,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await guides.replaceCalls(guide, content.calls);
    audit({ action: "guide.create", entityType: "guide", entityId: guide.id, after: content });
    return guide.id;
  });
  return getGuide(deps, { ctx, id });
}
