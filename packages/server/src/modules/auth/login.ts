import { type Actor, DomainError, type Role } from "@luoshu/domain";
import { hash, verify } from "@node-rs/argon2";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { userRoles, users } from "../../db/schema/index.ts";
import type { RequestContext } from "../../lib/context.ts";
import { inTransaction } from "../../lib/legacy-transaction.ts";
import { createSession } from "./session.ts";

export const maxFailedLogins = 5;
export const lockoutMs = 15 * 60 * 1000;

/** argon2id with the library's defaults (OWASP-level memory cost). */
export const hashPassword = (password: string) => hash(password, { algorithm: 2 });

/** Verifying against a fixed hash when the user is unknown keeps the answer time the same. */
let decoyHash: Promise<string> | null = null;

export interface LoginOptions {
  db: Db;
  ctx: RequestContext;
  username: string;
  password: string;
  userAgent: string | null;
  production: boolean;
}

const invalid = () =>
  new DomainError({
    code: "AUTH_INVALID_CREDENTIALS",
    messageZh: "用户名或密码错误。",
    messageEn: "Wrong username or password.",
  });

const locked = (until: Date) =>
  new DomainError({
    code: "AUTH_LOCKED",
    messageZh: `连续 ${maxFailedLogins} 次密码错误，账号已锁定至 ${until.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false })}（北京时间）。`,
    messageEn: `Account locked after ${maxFailedLogins} failed logins until ${until.toISOString()}.`,
    details: { lockedUntil: until.toISOString() },
  });

/**
 * The password is checked outside any transaction (argon2 takes tens of milliseconds); the failure
 * counter then moves with one atomic update, so concurrent wrong guesses on several servers all count.
 */
export async function login(opts: LoginOptions): Promise<{ actor: Actor; token: string; csrfToken: string }> {
  const { db, ctx } = opts;
  const now = ctx.now;
  const [user] = await db.select().from(users).where(eq(users.username, opts.username));
  if (!user) {
    decoyHash ??= hashPassword("decoy-password-never-used");
    await verify(await decoyHash, opts.password);
    await inTransaction(db, ctx, async (_tx, audit) =>
      audit({
        action: "auth.loginFailed",
        entityType: "user",
        cityId: null,
        after: { username: opts.username, reason: "unknownUser" },
      }),
    );
    throw invalid();
  }
  if (user.isDemo && opts.production) {
    throw new DomainError({
      code: "DEMO_ACCOUNT_REFUSED",
      messageZh: "生产环境不允许使用演示账号登录。",
      messageEn: "Demo accounts are refused in production.",
    });
  }
  if (user.lockedUntil && user.lockedUntil > now) throw locked(user.lockedUntil);

  const baseActor: Actor = {
    userId: user.id,
    username: user.username,
    cityId: user.cityId,
    districtCode: user.districtCode,
    unitId: user.unitId,
    roles: [],
  };
  const actorCtx = (): RequestContext => ({ ...ctx, actor: baseActor });

  if (!(await verify(user.passwordHash, opts.password))) {
    const lockedUntil = await inTransaction(db, actorCtx(), async (tx, audit) => {
      const [row] = await tx
        .update(users)
        .set({
          failedLogins: sql`case when ${users.failedLogins} + 1 >= ${maxFailedLogins} then 0 else ${users.failedLogins} + 1 end`,
          lockedUntil: sql`case when ${users.failedLogins} + 1 >= ${maxFailedLogins} then ${new Date(now.getTime() + lockoutMs).toISOString()}::timestamptz else ${users.lockedUntil} end`,
        })
        .where(and(eq(users.id, user.id)))
        .returning({ lockedUntil: users.lockedUntil });
      const justLocked = row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
      audit({
        action: justLocked ? "auth.locked" : "auth.loginFailed",
        entityType: "user",
        entityId: user.id,
        cityId: user.cityId,
        after: { reason: "wrongPassword", lockedUntil: justLocked },
      });
      return justLocked;
    });
    throw lockedUntil ? locked(lockedUntil) : invalid();
  }

  // Said only to someone who knows the password, so it does not reveal which accounts exist.
  if (user.status !== "active") {
    throw new DomainError({
      code: "ACCOUNT_DISABLED",
      messageZh: "账号已停用，请联系管理员。",
      messageEn: "This account is disabled.",
    });
  }
  const roleRows = await db
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(eq(userRoles.userId, user.id));
  const actor: Actor = { ...baseActor, roles: roleRows.map((r) => r.role as Role) };
  return inTransaction(db, { ...ctx, actor, role: actor.roles.join(",") }, async (tx, audit) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    const session = await createSession(tx, { userId: user.id, now, ip: ctx.ip, userAgent: opts.userAgent });
    audit({ action: "auth.login", entityType: "user", entityId: user.id, cityId: user.cityId });
    return { actor, ...session };
  });
}
