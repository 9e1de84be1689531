import { checkAdministratorSeparation, DomainError, type UserStatus } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Transactor } from "../../lib/transaction.ts";
import { userNotFound } from "./user-errors.ts";
import type { UsersRepository } from "./users.repository.ts";

/** Changes a user's display name or status; a disabled account's sessions end at once. */
export async function updateUser(
  deps: { tx: Transactor<{ users: Pick<UsersRepository, "find" | "update" | "endSessionsOf"> }> },
  input: { ctx: CallerContext; id: string; changes: { displayName?: string; status?: UserStatus } },
) {
  const { ctx, changes } = input;
  return deps.tx.run(ctx, async ({ users }, audit) => {
    const user = await users.find(ctx.scope, input.id);
    if (!user) throw userNotFound();
    const separation = checkAdministratorSeparation(ctx.actor.userId, { userId: user.id, roles: user.roles });
    if (separation) throw new DomainError(separation);
    if (changes.status && user.id === ctx.actor.userId) {
      throw new DomainError({
        code: "FORBIDDEN",
        messageZh: "不能停用或启用自己的账号。",
        messageEn: "You cannot change your own account status.",
        path: "status",
      });
    }
    await users.update(user.id, { ...changes, updatedAt: ctx.now });
    if (changes.status === "disabled") await users.endSessionsOf(user.id);
    audit({
      action: "user.update",
      entityType: "user",
      entityId: user.id,
      cityId: user.cityId,
      before: { displayName: user.displayName, status: user.status },
      after: { displayName: changes.displayName ?? user.displayName, status: changes.status ?? user.status },
    });
    return { ...user, ...changes };
  });
}
