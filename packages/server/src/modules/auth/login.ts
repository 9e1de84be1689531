import type { MeDto } from "@luoshu/contract";
import { type Actor, DomainError } from "@luoshu/domain";
import type { RequestContext } from "../../lib/context.ts";
import { hashPassword, verifyPassword } from "../../lib/passwords.ts";
import type { Transactor } from "../../lib/transaction.ts";
import type { CredentialsRepository } from "./credentials.repository.ts";
import { describeMe } from "./describe-me.ts";
import { beforeGuess, type GuessDeps } from "./password-guesses.ts";
import type { SessionsRepository } from "./sessions.repository.ts";

/** Verifying against a fixed hash when the user is unknown keeps the answer time the same. */
let decoyHash: Promise<string> | null = null;

const invalid = () => new DomainError({ code: "AUTH_INVALID_CREDENTIALS" });

type Deps = GuessDeps & {
  repos: { credentials: Pick<CredentialsRepository, "byUsername" | "rolesOf" | "describe"> };
  tx: Transactor<{ sessions: Pick<SessionsRepository, "create"> }>;
  production: boolean;
};

/**
 * The password is checked outside any transaction (argon2 takes tens of milliseconds). Wrong
 * guesses are counted per account and address and per account (password-guessing.ts): unknown and
 * known names alike, so neither the answers nor their timing tell which accounts exist.
 */
export async function login(
  deps: Deps,
  input: { ctx: RequestContext; username: string; password: string; userAgent: string | null },
): Promise<{ me: MeDto; token: string }> {
  const { ctx } = input;
  const now = ctx.now;
  const guess = await beforeGuess(deps, ctx, input.username);
  const user = await deps.repos.credentials.byUsername(input.username);
  if (user?.isDemo && deps.production) throw new DomainError({ code: "DEMO_ACCOUNT_REFUSED" });
  decoyHash ??= hashPassword("decoy-password-never-used");
  const right = await verifyPassword(user?.passwordHash ?? (await decoyHash), input.password);
  if (!user || !right) {
    await guess.wrong();
    await deps.tx.run(ctx, async (_repos, audit) =>
      audit({
        action: "auth.loginFailed",
        entityType: "user",
        entityId: user?.id ?? null,
        cityId: user?.cityId ?? null,
        after: user ? { reason: "wrongPassword" } : { username: input.username, reason: "unknownUser" },
      }),
    );
    throw invalid();
  }
  await guess.right();

  const baseActor: Actor = {
    userId: user.id,
    username: user.username,
    cityId: user.cityId,
    districtCode: user.districtCode,
    unitId: user.unitId,
    roles: [],
  };
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
    async ({ sessions }, audit) => {
      const created = await sessions.create({ userId: user.id, now, ip: ctx.ip, userAgent: input.userAgent });
      audit({ action: "auth.login", entityType: "user", entityId: user.id, cityId: user.cityId });
      return created;
    },
  );
  const me = await describeMe(deps, {
    actor,
    csrfToken: session.csrfToken,
    mustChangePassword: user.mustChangePassword,
  });
  return { me, token: session.token };
}
