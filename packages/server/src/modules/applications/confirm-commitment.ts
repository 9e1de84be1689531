import { type Commitment, checkCommitmentConfirmation, checkCommitmentRole } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Transactor } from "../../lib/transaction.ts";
import { applicationNotFound } from "./application-errors.ts";
import type { ApplicationsRepository } from "./applications.repository.ts";
import { type ApplicationViewDeps, getApplication } from "./read-applications.ts";

/** 承诺书 (LY-FUNDS §24): the PI confirms their own commitment, the unit for its legal representative. */
export async function confirmCommitment(
  deps: ApplicationViewDeps & {
    tx: Transactor<{ applications: Pick<ApplicationsRepository, "lock" | "update"> }>;
  },
  input: { ctx: CallerContext; id: string; as: "pi" | "unit" },
) {
  const { ctx } = input;
  checkCommitmentRole(ctx.actor, input.as);
  await deps.tx.run(ctx, async ({ applications }, audit) => {
    const a = await applications.lock(ctx.scope, input.id);
    if (!a) throw applicationNotFound();
    checkCommitmentConfirmation(a, ctx.actor, input.as);
    const at = ctx.now.toISOString();
    const commitment: Commitment = {
      ...a.commitment,
      ...(input.as === "pi"
        ? { piConfirmedAt: at, piConfirmedBy: ctx.actor.userId }
        : { unitConfirmedAt: at, unitConfirmedBy: ctx.actor.userId }),
    };
    await applications.update(a, {
      commitment,
      updatedAt: ctx.now,
    });
    audit({
      action: `application.commitment.${input.as}`,
      entityType: "application",
      entityId: a.id,
      cityId: a.cityId,
      before: a.commitment,
      after: commitment,
    });
  });
  return getApplication(deps, { ctx, id: input.id });
}
