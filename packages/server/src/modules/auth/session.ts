import type { Actor, Role } from "@luoshu/domain";
import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { sessions, users } from "../../db/schema/index.ts";
import { namedStatement, rawSelect } from "../../lib/hot-sql.ts";
import { randomToken, sm3 } from "../../lib/sm-crypto.ts";

export const sessionCookie = "luoshu_session";
export const idleTimeoutMs = 30 * 60 * 1000;
/** last_seen_at is written at most this often, so reads do not each cost a write. */
const touchEveryMs = 60 * 1000;

// Read on every request, so rendered once (see hot-sql.ts).
const sessionFields = rawSelect({
  csrfToken: sessions.csrfToken,
  lastSeenAt: sessions.lastSeenAt,
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
  const [raw] = await lookUpSession(db, { id });
  if (!raw) return null;
  const row = { ...sessionFields.map(raw), roles: raw.roles };
  if (row.status !== "active") return null;
  const idle = now.getTime() - row.lastSeenAt.getTime();
  if (idle > idleTimeoutMs) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return { expired: true };
  }
  if (idle > touchEveryMs) await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  return {
    id,
    csrfToken: row.csrfToken,
    actor: {
      userId: row.userId,
      username: row.username,
      cityId: row.cityId,
      districtCode: row.districtCode,
      unitId: row.unitId,
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
