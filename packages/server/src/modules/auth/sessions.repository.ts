import { type Actor, type Role, roles as roleList } from "@luoshu/domain";
import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { sessions, users } from "../../db/schema/index.ts";
import { namedStatement, rawSelect } from "../../lib/hot-sql.ts";
import { randomToken, sm3 } from "../../lib/sm-crypto.ts";

export const sessionCookie = "luoshu_session";
export const idleTimeoutMs = 30 * 60 * 1000;
/** However active, a session ends this long after login: a stolen cookie does not live for ever. */
export const absoluteLifetimeMs = 12 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, so reads do not each cost a write. */
const touchEveryMs = 60 * 1000;

// Read on every request, so rendered once (see hot-sql.ts).
const sessionFields = rawSelect({
  csrfToken: sessions.csrfToken,
  createdAt: sessions.createdAt,
  lastSeenAt: sessions.lastSeenAt,
  mustChangePassword: users.mustChangePassword,
  userId: users.id,
  username: users.username,
  status: users.status,
  cityId: users.cityId,
  districtCode: users.districtCode,
  unitId: users.unitId,
});

const lookUpSession = namedStatement<Record<string, unknown> & { roles: string[] | null }>(
  "luoshu_session",
  sql`select ${sessionFields.list},
      (select array_agg(r.role) from user_roles r where r.user_id = users.id) as roles
    from sessions join users on users.id = sessions.user_id
    where sessions.id = ${sql.placeholder("id")}`,
);

const roleArray = z.array(z.enum(roleList));

export interface ResolvedSession {
  id: string;
  csrfToken: string;
  /** Until the account chooses its own password, it may do nothing else. */
  mustChangePassword: boolean;
  actor: Actor;
}

/** Sessions live in the database, so that several server processes serve one city. */
export function sessionsRepository(db: Db) {
  return {
    async resolve(token: string, now: Date): Promise<ResolvedSession | { expired: true } | null> {
      const id = sm3(token);
      // One round trip per request: the session, its user and the user's roles together.
      const [raw] = await lookUpSession(db, { id });
      if (!raw) return null;
      const row = sessionFields.map(raw);
      if (row.status !== "active") return null;
      const idle = now.getTime() - row.lastSeenAt.getTime();
      if (idle > idleTimeoutMs || now.getTime() - row.createdAt.getTime() > absoluteLifetimeMs) {
        await db.delete(sessions).where(eq(sessions.id, id));
        return { expired: true };
      }
      if (idle > touchEveryMs) await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
      const roles: Role[] = roleArray.parse(raw.roles ?? []);
      return {
        id,
        csrfToken: row.csrfToken,
        mustChangePassword: row.mustChangePassword,
        actor: {
          userId: row.userId,
          username: row.username,
          cityId: row.cityId,
          districtCode: row.districtCode,
          unitId: row.unitId,
          roles,
        },
      };
    },

    /** The cookie token is returned once; only its SM3 digest is stored. */
    async create(opts: { userId: string; now: Date; ip: string | null; userAgent: string | null }) {
      const token = randomToken();
      const csrfToken = randomToken(24);
      await db.insert(sessions).values({
        id: sm3(token),
        userId: opts.userId,
        csrfToken,
        createdAt: opts.now,
        lastSeenAt: opts.now,
        ip: opts.ip,
        userAgent: opts.userAgent,
      });
      return { token, csrfToken };
    },

    async delete(id: string): Promise<void> {
      await db.delete(sessions).where(eq(sessions.id, id));
    },

    /** After a password change: whoever else held the account is out, this session stays. */
    async deleteOthersOf(userId: string, keepId: string): Promise<void> {
      await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, keepId)));
    },
  };
}
export type SessionsRepository = ReturnType<typeof sessionsRepository>;
