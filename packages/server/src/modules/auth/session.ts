import type { Actor, Role } from "@luoshu/domain";
import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { sessions, userRoles, users } from "../../db/schema/index.ts";
import { randomToken, sm3 } from "../../lib/sm-crypto.ts";

export const sessionCookie = "luoshu_session";
export const idleTimeoutMs = 30 * 60 * 1000;
/** last_seen_at is written at most this often, so reads do not each cost a write. */
const touchEveryMs = 60 * 1000;

export interface ResolvedSession {
  id: string;
  csrfToken: string;
  actor: Actor;
}

export async function resolveSession(
  db: Db,
  token: string,
  now: Date,
): Promise<ResolvedSession | { expired: true } | null> {
  const id = sm3(token);
  // One round trip per request: the session, its user and the user's roles together.
  const [row] = await db
    .select({
      session: sessions,
      user: users,
      roles: sql<
        string[] | null
      >`(select array_agg(${userRoles.role}) from ${userRoles} where ${userRoles.userId} = ${users.id})`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id));
  if (!row || row.user.status !== "active") return null;
  const idle = now.getTime() - row.session.lastSeenAt.getTime();
  if (idle > idleTimeoutMs) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return { expired: true };
  }
  if (idle > touchEveryMs) await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  const roleRows = await db
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(eq(userRoles.userId, row.user.id));
  return {
    id,
    csrfToken: row.session.csrfToken,
    actor: {
      userId: row.user.id,
      username: row.user.username,
      cityId: row.user.cityId,
      districtCode: row.user.districtCode,
      unitId: row.user.unitId,
      roles: (row.roles ?? []) as Role[],
    },
  };
}

export async function createSession(
  tx: Tx,
  opts: { userId: string; now: Date; ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomToken();
  const csrfToken = randomToken(24);
  await tx.insert(sessions).values({
    id: sm3(token),
    userId: opts.userId,
    csrfToken,
    createdAt: opts.now,
    lastSeenAt: opts.now,
    ip: opts.ip,
    userAgent: opts.userAgent,
  });
  return { token, csrfToken };
}

export async function deleteSession(tx: Tx, id: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.id, id));
}
