import { DomainError, validatePassword } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import { hashPassword, verifyPassword } from "../../lib/passwords.ts";
import type { Transactor } from "../../lib/transaction.ts";
import type { CredentialsRepository } from "./credentials.repository.ts";
import { beforeGuess, type GuessDeps } from "./password-guesses.ts";
import type { SessionsRepository } from "./sessions.repository.ts";

/**
 * A wrong current password counts as a guess, on the same budget as logging in; the new password
 * ends every other session of the account, since whoever else holds one may be why it changed.
 */
export async function changePassword(
  deps: GuessDeps & {
    repos: { credentials: Pick<CredentialsRepository, "passwordHashOf"> };
    tx: Transactor<{
      credentials: Pick<CredentialsRepository, "setPassword">;
      sessions: Pick<SessionsRepository, "deleteOthersOf">;
    }>;
  },
  input: { ctx: CallerContext; sessionId: string; currentPassword: string; newPassword: string },
): Promise<void> {
  const { ctx } = input;
  const guess = await beforeGuess(deps, ctx, ctx.actor.username);
  const current = await deps.repos.credentials.passwordHashOf(ctx.actor.userId);
  if (!current || !(await verifyPassword(current, input.currentPassword))) {
    await guess.wrong();
    throw new DomainError({
      code: "AUTH_INVALID_CREDENTIALS",
      messageZh: "当前密码不正确。",
      messageEn: "The current password is wrong.",
      path: "currentPassword",
    });
  }
  await guess.right();
  const check = validatePassword(input.newPassword, ctx.actor.username);
  if (!check.ok) throw new DomainError({ ...check, path: "newPassword" });
  if (input.newPassword === input.currentPassword) {
    throw new DomainError({
      code: "PASSWORD_WEAK",
      messageZh: "新密码不能与当前密码相同。",
      messageEn: "The new password must differ from the current one.",
      path: "newPassword",
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await deps.tx.run(ctx, async ({ credentials, sessions }, audit) => {
    await credentials.setPassword(ctx.actor.userId, passwordHash, ctx.now);
    await sessions.deleteOthersOf(ctx.actor.userId, input.sessionId);
    audit({ action: "auth.passwordChanged", entityType: "user", entityId: ctx.actor.userId });
  });
}
