import type { MeDto } from "@luoshu/contract";
import { type Actor, DomainError } from "@luoshu/domain";
import type { RequestContext } from "../../lib/context.ts";
import { hashPassword, verifyPassword } from "../../lib/passwords.ts";
import type { Transactor } from "../../lib/transaction.ts";
import type { CredentialsRepository } from "./credentials.repository.ts";
import { describeMe } from "./describe-me.ts";
import type { SessionsRepository } from "./sessions.repository.ts";

export const maxFailedLogins = 5;
export const lockoutMs = 15 * 60 * 1000;

/** Verifying against a fixed hash when the user is unknown keeps the answer time the same. */
let decoyHash: Promise<string> | null = null;

const invalid = () => new DomainError({ code: "AUTH_INVALID_CREDENTIALS" });

const locked = (until: Date) =>
  new DomainError({
    code: "AUTH_LOCKED",
    messageZh: `连续 ${maxFailedLogins} 次密码错误，账号已锁定至 ${until.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false })}（北京时间）。`,
    messageEn: `Account locked after ${maxFailedLogins} failed logins until ${until.toISOString()}.`,
    details: { lockedUntil: until.toISOString() },
  });

type Deps = {
  repos: { credentials: Pick<CredentialsRepository, "byUsername" | "rolesOf" | "describe"> };
  tx: Transactor<{
    credentials: Pick<CredentialsRepository, "recordFailure" | "clearFailures">;
    sessions: Pick<SessionsRepository, "create">;
  }>;
  production: boolean;
};

/**
 * The password is checked outside any transaction (argon2 takes tens of milliseconds); the failure
 * counter then moves with one atomic update, so concurrent wrong guesses on several servers all count.
 */
export async function login(
  deps: Deps,
  input: { ctx: RequestContext; username: string; password: string; userAgent: string | null },
): Promise<{ me: MeDto; token: string }> {
  const { ctx } = input;
  const now = ctx.now;
  const user = await deps.repos.credentials.byUsername(input.username);
  if (!user) {
    decoyHash ??= hashPassword("decoy-password-never-used");
    await verifyPassword(await decoyHash, input.password);
    await deps.tx.run(ctx, async (_repos, audit) =>
      audit({
        action: "auth.loginFailed",
        entityType: "user",
        cityId: null,
        after: { username: input.username, reason: "unknownUser" },
      }),
    );
    throw invalid();
  }
  if (user.isDemo && deps.production) throw new DomainError({ code: "DEMO_ACCOUNT_REFUSED" });
  if (user.lockedUntil && user.lockedUntil > now) throw locked(user.lockedUntil);

  const baseActor: Actor = {
    userId: user.id,
    username: user.username,
    cityId: user.cityId,
    districtCode: user.districtCode,
    unitId: user.unitId,
    roles: [],
  };
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const lockedUntil = await deps.tx.run({ ...ctx, actor: baseActor }, async ({ credentials }, audit) => {
      const justLocked = await credentials.recordFailure(user.id, now, maxFailedLogins, lockoutMs);
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
  const actor: Actor = { ...baseActor, roles: await deps.repos.credentials.rolesOf(user.id) };
  const session = await deps.tx.run(
    { ...ctx, actor, role: actor.roles.join(",") },
    async ({ credentials, sessions }, audit) => {
      await credentials.clearFailures(user.id);
      const created = await sessions.create({ userId: user.id, now, ip: ctx.ip, userAgent: input.userAgent });
      audit({ action: "auth.login", entityType: "user", entityId: user.id, cityId: user.cityId });
      return created;
    },
  );
  return { me: await describeMe(deps, { actor, csrfToken: session.csrfToken }), token: session.token };
}
