import type { QueueNotice } from "@luoshu/domain";
import { and, desc, eq, type Placeholder, type SQL, sql } from "drizzle-orm";
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

type Bound<T> = { [K in keyof T]: T[K] | Placeholder };

/**
 * Tells every active holder of a role in the city (of one district when `districtCode` is not null)
 * that work arrived in their queue, as one insert, so a single-statement change (the submission,
 * submissions-sql.ts) can include it under its own guard (`onlyIf`).
 */
export function queueNoticeInsert(
  p: Bound<{ cityId: string; at: string } & Omit<QueueNotice, "role"> & { role: string | null }>,
  onlyIf?: SQL,
): SQL {
  return sql`insert into notifications (city_id, user_id, title_zh, title_en, link, created_at)
    select ${p.cityId}, u.id, ${p.titleZh}, ${p.titleEn}, ${p.link}, ${p.at}::timestamptz
    from users u join user_roles r on r.user_id = u.id
    where u.city_id = ${p.cityId} and r.role = ${p.role} and u.status = 'active'
      and (${p.districtCode}::text is null or u.district_code = ${p.districtCode}::text)
      ${onlyIf ? sql`and ${onlyIf}` : sql``}`;
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
    /** False when the user has no such notification: another user's id reads as unknown. */
    async markRead(userId: string, id: string, at: Date): Promise<boolean> {
      const rows = await db
        .update(notifications)
        .set({ readAt: sql`coalesce(${notifications.readAt}, ${at.toISOString()}::timestamptz)` })
        .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
        .returning({ id: notifications.id });
      return rows.length > 0;
    },

    /**
     * A decision on an application reaches the applicant side: its PI, whoever created it and the
     * unit's active administrators (who confirm for the legal representative), each once.
     */
    async notifyApplicant(
      a: { cityId: string; unitId: string; piUserId: string | null; createdBy: string | null },
      n: { titleZh: string; titleEn: string; link: string; createdAt: Date },
    ): Promise<void> {
      const named = [a.piUserId, a.createdBy].filter((x): x is string => Boolean(x));
      const people = named.length
        ? sql`u.id in (${sql.join(
            named.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`
        : sql`false`;
      await db.execute(sql`insert into notifications (city_id, user_id, title_zh, title_en, link, created_at)
        select distinct ${a.cityId}, u.id, ${n.titleZh}, ${n.titleEn}, ${n.link}, ${n.createdAt.toISOString()}::timestamptz
        from users u
        where ${people}
          or (u.unit_id = ${a.unitId}::uuid and u.status = 'active'
            and exists (select 1 from user_roles r where r.user_id = u.id and r.role = 'unitAdmin'))`);
    },

    /** Review work for experts of the pool (invitations, reminders), each expert once. */
    async notifyExperts(
      cityId: string,
      expertIds: readonly string[],
      n: { titleZh: string; titleEn: string; link: string; createdAt: Date },
    ): Promise<void> {
      if (expertIds.length === 0) return;
      await db.execute(sql`insert into notifications (city_id, user_id, title_zh, title_en, link, created_at)
        select distinct ${cityId}, p.user_id, ${n.titleZh}, ${n.titleEn}, ${n.link}, ${n.createdAt.toISOString()}::timestamptz
        from expert_profiles p
        where p.city_id = ${cityId} and p.id in (${sql.join(
          [...new Set(expertIds)].map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`);
    },

    /** Work arrived in a queue: its people are told (see `reviewQueueNotice`). */
    async notifyQueue(cityId: string, notice: QueueNotice, at: Date): Promise<void> {
      await db.execute(queueNoticeInsert({ cityId, ...notice, at: at.toISOString() }));
    },
  };
}
export type NotificationsRepository = ReturnType<typeof notificationsRepository>;
