import { checkAdministratorSeparation, checkRoleAssignment, DomainError, type Role } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Transactor } from "../../lib/transaction.ts";
import { userNotFound } from "./user-errors.ts";
import type { UsersRepository } from "./users.repository.ts";

/** The security administrator replaces a user's roles (三员分立: never their own). */
export async function grantRoles(
  deps: { tx: Transactor<{ users: Pick<UsersRepository, "find" | "replaceRoles" | "endSessionsOf"> }> },
  input: { ctx: CallerContext; id: string; roles: Role[] },
) {
  const { ctx } = input;
  const roles = [...new Set(input.roles)];
  return deps.tx.run(ctx, async ({ users }, audit) => {
    const user = await users.find(ctx.scope, input.id);
    if (!user) throw userNotFound();
    const target = {
      userId: user.id,
      cityId: user.cityId,
      districtCode: user.districtCode,
      unitId: user.unitId,
      unitKind: user.unitKind,
    };
    const separation = checkAdministratorSeparation(ctx.actor.userId, { userId: user.id, roles: user.roles });
    const problems = [
      ...(separation ? [separation] : []),
      ...checkRoleAssignment(ctx.actor.userId, target, roles),
    ];
    if (problems[0]) throw new DomainError(problems[0]);
    await users.replaceRoles(user.id, roles);
    // A changed role set takes effect at the next login, not halfway through a session.
    await users.endSessionsOf(user.id);
    audit({
      action: "user.grantRoles",
      entityType: "user",
      entityId: user.id,
      cityId: user.cityId,
      before: { roles: user.roles },
      after: { roles },
    });
    return { ...user, roles };
  });
}
