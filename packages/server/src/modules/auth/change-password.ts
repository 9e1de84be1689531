import { type Actor, DomainError, validatePassword } from "@luoshu/domain";
import { verify } from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { users } from "../../db/schema/index.ts";
import type { RequestContext } from "../../lib/context.ts";
import { inTransaction } from "../../lib/legacy-transaction.ts";
import { hashPassword } from "./login.ts";

export async function changePassword(opts: {
  db: Db;
  ctx: RequestContext;
  actor: Actor;
  currentPassword: string;
  newPassword: string;
}): Promise<void> {
  const { db, actor } = opts;
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user || !(await verify(user.passwordHash, opts.currentPassword))) {
    throw new DomainError({
      code: "AUTH_INVALID_CREDENTIALS",
      messageZh: "当前密码不正确。",
      messageEn: "The current password is wrong.",
      path: "currentPassword",
    });
  }
  const check = validatePassword(opts.newPassword, actor.username);
  if (!check.ok)
    throw new DomainError({
      code: "PASSWORD_WEAK",
      messageZh: check.messageZh,
      messageEn: check.messageEn,
      path: "newPassword",
    });
  const passwordHash = await hashPassword(opts.newPassword);
  await inTransaction(db, opts.ctx, async (tx, audit) => {
    await tx.update(users).set({ passwordHash, updatedAt: opts.ctx.now }).where(eq(users.id, actor.userId));
    audit({ action: "auth.passwordChanged", entityType: "user", entityId: actor.userId });
  });
}
