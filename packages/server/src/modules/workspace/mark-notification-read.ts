import { notFound } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Transactor } from "../../lib/transaction.ts";
import type { NotificationsRepository } from "./notifications.repository.ts";

export async function markNotificationRead(
  deps: { tx: Transactor<{ notifications: Pick<NotificationsRepository, "markRead"> }> },
  input: { ctx: CallerContext; id: string },
): Promise<void> {
  const { ctx, id } = input;
  await deps.tx.run(ctx, async ({ notifications }, audit) => {
    if (!(await notifications.markRead(ctx.actor.userId, id, ctx.now))) throw notFound();
    audit({ action: "notification.read", entityType: "notification", entityId: id });
  });
}
