import type { NotificationDto } from "@luoshu/contract";
import type { CallerContext } from "../../lib/context.ts";
import type { NotificationsRepository } from "./notifications.repository.ts";

/** The caller's own notifications, newest first. */
export async function listNotifications(
  deps: { repos: { notifications: Pick<NotificationsRepository, "listFor"> } },
  input: { ctx: CallerContext },
): Promise<NotificationDto[]> {
  const rows = await deps.repos.notifications.listFor(input.ctx.actor.userId);
  return rows.map(({ readAt, createdAt, ...x }) => ({
    ...x,
    createdAt: createdAt.toISOString(),
    read: readAt !== null,
  }));
}
