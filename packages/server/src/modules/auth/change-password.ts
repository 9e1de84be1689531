import { DomainError, validatePassword } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import { hashPassword, verifyPassword } from "../../lib/passwords.ts";
import type { Transactor } from "../../lib/transaction.ts";
import type { CredentialsRepository } from "./credentials.repository.ts";

export async function changePassword(
  deps: {
    repos: { credentials: Pick<CredentialsRepository, "passwordHashOf"> };
    tx: Transactor<{ credentials: Pick<CredentialsRepository, "setPassword"> }>;
  },
  input: { ctx: CallerContext; currentPassword: string; newPassword: string },
): Promise<void> {
  const { ctx } = input;
  const current = await deps.repos.credentials.passwordHashOf(ctx.actor.userId);
  if (!current || !(await verifyPassword(current, input.currentPassword))) {
    throw new DomainError({
      code: "AUTH_INVALID_CREDENTIALS",
      messageZh: "当前密码不正确。",
      messageEn: "The current password is wrong.",
      path: "currentPassword",
    });
  }
  const check = validatePassword(input.newPassword, ctx.actor.username);
  if (!check.ok) throw new DomainError({ ...check, path: "newPassword" });
  const passwordHash = await hashPassword(input.newPassword);
  await deps.tx.run(ctx, async ({ credentials }, audit) => {
    await credentials.setPassword(ctx.actor.userId, passwordHash, ctx.now);
    audit({ action: "auth.passwordChanged", entityType: "user", entityId: ctx.actor.userId });
  });
}
