import { applicationMachine, checkWithdrawal, commitmentScanCode, fire } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Transactor } from "../../lib/transaction.ts";
import { applicationNotFound } from "./application-errors.ts";
import type { ApplicationsRepository } from "./applications.repository.ts";
import { type ApplicationViewDeps, getApplication } from "./read-applications.ts";

type Repos = {
  applications: Pick<ApplicationsRepository, "lock" | "update" | "insertEvent" | "removeAttachment">;
};

/**
 * The applicant takes a submission back before the district has decided on it (the machine allows
 * `withdraw` only from `submitted`, which every district decision leaves). The row lock orders it
 * against a district decision made at the same moment: whichever comes second finds the other's state.
 * The withdrawn revision stays frozen; what is edited now is the next one, which needs both
 * confirmations and a newly signed letter again, as after a return.
 */
export async function withdrawApplication(
  deps: ApplicationViewDeps & { tx: Transactor<Repos> },
  input: { ctx: CallerContext; id: string },
) {
  const { ctx } = input;
  await deps.tx.run(ctx, async ({ applications }, audit) => {
    const a = await applications.lock(ctx.scope, input.id);
    if (!a) throw applicationNotFound();
    const to = fire(applicationMachine, a.status, "withdraw", ctx.actor.roles);
    checkWithdrawal(a, ctx.actor);
    await applications.removeAttachment(a, commitmentScanCode);
    await applications.update(a, {
      status: to,
      revision: a.revision + 1,
      commitment: {},
      updatedAt: ctx.now,
    });
    await applications.insertEvent(a, {
      event: "withdraw",
      fromState: a.status,
      toState: to,
      revision: a.revision,
      actorId: ctx.actor.userId,
      actorRole: ctx.role,
      reason: null,
      details: {},
      at: ctx.now,
    });
    audit({
      action: "application.withdraw",
      entityType: "application",
      entityId: a.id,
      cityId: a.cityId,
      before: { status: a.status, revision: a.revision },
      after: { status: to, revision: a.revision + 1 },
    });
  });
  return getApplication(deps, { ctx, id: input.id });
}
