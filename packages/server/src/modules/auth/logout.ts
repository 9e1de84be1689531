import type { CallerContext } from "../../lib/context.ts";
import type { Transactor } from "../../lib/transaction.ts";
import type { SessionsRepository } from "./sessions.repository.ts";

export async function logout(
  deps: { tx: Transactor<{ sessions: Pick<SessionsRepository, "delete"> }> },
  input: { ctx: CallerContext; sessionId: string },
): Promise<void> {
  await deps.tx.run(input.ctx, async ({ sessions }, audit) => {
    await sessions.delete(input.sessionId);
    audit({ action: "auth.logout", entityType: "user", entityId: input.ctx.actor.userId });
  });
}
