import { type Actor, checkRoleAssignment, DomainError, inScope, type Role, scopeFor } from "@luoshu/domain";
import type { Db } from "../../db/client.ts";
import type { RequestContext } from "../../lib/context.ts";
import { inTransaction } from "../../lib/legacy-transaction.ts";
import { userNotFound } from "./user-errors.ts";
import { endSessionsOf, findUser, replaceRoles, updateUser } from "./users.repository.ts";

type Target = NonNullable<Awaited<ReturnType<typeof findUser>>>;

export function userVisibleTo(actor: Actor, u: Target): boolean {
  if (!u.cityId)
    return actor.cityId === null && actor.roles.some((r) => r === "sysAdmin" || r === "secAdmin");
  return inScope(scopeFor(actor, "platform"), {
    cityId: u.cityId,
    districtCode: u.districtCode,
    unitId: u.unitId,
    ownerUserId: u.id,
  });
}

export async function grantRoles(opts: {
  db: Db;
  ctx: RequestContext;
  actor: Actor;
  id: string;
  roles: Role[];
}) {
  const roles = [...new Set(opts.roles)];
  return inTransaction(opts.db, opts.ctx, async (tx, audit) => {
    const user = await findUser(tx, opts.id);
    if (!user || !userVisibleTo(opts.actor, user)) throw userNotFound();
    const problems = checkRoleAssignment(
      opts.actor.userId,
      { userId: user.id, cityId: user.cityId, districtCode: user.districtCode, unitId: user.unitId },
      roles,
    );
    if (problems[0]) throw new DomainError(problems[0]);
    await replaceRoles(tx, user.id, roles);
    // A changed role set takes effect at the next login, not halfway through a session.
    await endSessionsOf(tx, user.id);
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

export async function changeUser(opts: {
  db: Db;
  ctx: RequestContext;
  actor: Actor;
  id: string;
  input: { displayName?: string; status?: "active" | "disabled" };
}) {
  return inTransaction(opts.db, opts.ctx, async (tx, audit) => {
    const user = await findUser(tx, opts.id);
    if (!user || !userVisibleTo(opts.actor, user)) throw userNotFound();
    if (opts.input.status && user.id === opts.actor.userId) {
      throw new DomainError({
        code: "FORBIDDEN",
        messageZh: "不能停用或启用自己的账号。",
        messageEn: "You cannot change your own account status.",
        path: "status",
      });
    }
    await updateUser(tx, user.id, { ...opts.input, updatedAt: opts.ctx.now });
    if (opts.input.status === "disabled") await endSessionsOf(tx, user.id);
    audit({
      action: "user.update",
      entityType: "user",
      entityId: user.id,
      cityId: user.cityId,
      before: { displayName: user.displayName, status: user.status },
      after: {
        displayName: opts.input.displayName ?? user.displayName,
        status: opts.input.status ?? user.status,
      },
    });
    return { ...user, ...opts.input };
  });
}
