import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { notifications } from "../../db/schema/index.ts";

export interface Notification {
  id: string;
  titleZh: string;
  titleEn: string;
  link: string;
  createdAt: Date;
  readAt: Date | null;
}

/** What changed for a user (decisions on their applications…), listed in the inbox. */
export function notificationsRepository(db: Db) {
  return {
    async listFor(userId: string, limit = 50): Promise<Notification[]> {
      return db
        .select({
          id: notifications.id,
          titleZh: notifications.titleZh,
          titleEn: notifications.titleEn,
          link: notifications.link,
          createdAt: notifications.createdAt,
          readAt: notifications.readAt,
        })
        .from(notifications)
        .where(eq(notifications.userId, userId))
        .orderBy(desc(notifications.createdAt))
        .limit(limit);
    },

    /** Only the owner's own unread notification changes; anything else is silently nothing. */
    async markRead(userId: string, id: string, at: Date): Promise<void> {
      await db
        .update(notifications)
        .set({ readAt: at })
        .where(and(eq(notifications.id, id), eq(notifications.userId, userId), isNull(notifications.readAt)));
    },

    async notify(
      cityId: string,
      userIds: string[],
      n: { titleZh: string; titleEn: string; link: string; createdAt: Date },
    ): Promise<void> {
      if (userIds.length === 0) return;
      await db.insert(notifications).values(userIds.map((userId) => ({ cityId, userId, ...n })));
    },
  };
}
export type NotificationsRepository = ReturnType<typeof notificationsRepository>;
