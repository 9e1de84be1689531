import { assertKnownCity, type NeedInput, type Policy } from "@luoshu/domain";
import type { RequestContext } from "../../lib/context.ts";
import type { Transactor } from "../../lib/transaction.ts";
import type { NeedsRepository } from "./needs.repository.ts";

/**
 * 需求征集 (DT-RULES §14(一); LY-PLAN "企业出题"): anyone may submit a technology need to a city,
 * signed in or not; a signed-in user of that city is remembered as the submitter.
 */
export async function submitNeed(
  deps: { tx: Transactor<{ needs: Pick<NeedsRepository, "insert"> }>; policies: readonly Policy[] },
  input: { ctx: RequestContext; city: string; need: NeedInput },
) {
  const { ctx, city } = input;
  assertKnownCity(deps.policies, city);
  return deps.tx.run(ctx, async ({ needs }, audit) => {
    const need = await needs.insert({
      ...input.need,
      cityId: city,
      submitterUserId: ctx.actor?.cityId === city ? ctx.actor.userId : null,
      createdAt: ctx.now,
    });
    audit({
      action: "need.submit",
      entityType: "need",
      entityId: need.id,
      cityId: city,
      after: { title: need.title },
    });
    return need;
  });
}
