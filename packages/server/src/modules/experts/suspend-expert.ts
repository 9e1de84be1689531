import { invalidTransition } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Transactor } from "../../lib/transaction.ts";
import { expertNotFound } from "./expert-errors.ts";
import type { ExpertsRepository } from "./experts.repository.ts";
import { type ExpertReadDeps, getExpert } from "./read-experts.ts";

type Deps = ExpertReadDeps & {
  tx: Transactor<{ experts: Pick<ExpertsRepository, "find" | "lock" | "setStatus"> }>;
};

/**
 * Suspends an expert of the city with a reason, or reinstates one: a suspended expert stays in the
 * pool and keeps the account, but no assignment picks them (`isAssignable`). Audited either way.
 */
export async function setExpertSuspension(
  deps: Deps,
  input: { ctx: CallerContext; id: string; suspend: boolean; reason: string },
) {
  const { ctx, suspend, reason } = input;
  await deps.tx.run(ctx, async ({ experts }, audit) => {
    const found = await experts.find(ctx.scope, input.id);
    if (!found) throw expertNotFound();
    await experts.lock(found.cityId, found.id);
    const before = await experts.find(ctx.scope, input.id);
    if (!before) throw expertNotFound();
    if (suspend && before.status === "suspended")
      throw invalidTransition("该专家已暂停。", "The expert is suspended already.");
    if (!suspend && before.status === "active")
      throw invalidTransition("该专家未被暂停。", "The expert is not suspended.");
    const values = suspend
      ? {
          status: "suspended" as const,
          suspensionReason: reason,
          suspendedAt: ctx.now,
          suspendedBy: ctx.actor.userId,
        }
      : { status: "active" as const, suspensionReason: null, suspendedAt: null, suspendedBy: null };
    await experts.setStatus(before, { ...values, updatedAt: ctx.now });
    audit({
      action: suspend ? "expert.suspend" : "expert.reinstate",
      entityType: "expert",
      entityId: before.id,
      cityId: before.cityId,
      before: { status: before.status, suspensionReason: before.suspensionReason },
      after: { status: values.status, reason },
    });
  });
  return getExpert(deps, { ctx, id: input.id });
}
