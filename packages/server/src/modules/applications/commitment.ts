import { type Actor, type ApplicationState, DomainError, editableStates } from "@luoshu/domain";
import type { Db } from "../../db/client.ts";
import type { RequestContext } from "../../lib/context.ts";
import { inTransaction } from "../../lib/legacy-transaction.ts";
import { lockVisible } from "./access.ts";
import { updateApplication } from "./applications.repository.ts";

/** 承诺书 (LY-FUNDS §24): confirmed by the PI and, for the legal representative, by the unit administrator. */
export interface Commitment {
  piConfirmedAt?: string;
  piConfirmedBy?: string;
  unitConfirmedAt?: string;
  unitConfirmedBy?: string;
}

export async function confirmCommitment(opts: {
  db: Db;
  ctx: RequestContext;
  actor: Actor;
  id: string;
  as: "pi" | "unit";
}) {
  const role = opts.as === "pi" ? "principalInvestigator" : "unitAdmin";
  if (!opts.actor.roles.includes(role)) {
    throw new DomainError({
      code: "FORBIDDEN",
      messageZh:
        opts.as === "pi" ? "只有项目负责人可以确认本人承诺。" : "只有单位管理员可以代表法定代表人确认承诺。",
      messageEn:
        opts.as === "pi"
          ? "Only the principal investigator confirms their own commitment."
          : "Only the unit administrator confirms for the legal representative.",
    });
  }
  return inTransaction(opts.db, opts.ctx, async (tx, audit) => {
    const row = await lockVisible(tx, opts.actor, opts.id);
    if (!editableStates.includes(row.status as ApplicationState)) {
      throw new DomainError({
        code: "INVALID_TRANSITION",
        messageZh: "申报书已提交。",
        messageEn: "The application is already submitted.",
      });
    }
    if (opts.as === "pi" && row.piUserId && row.piUserId !== opts.actor.userId) {
      throw new DomainError({
        code: "FORBIDDEN",
        messageZh: "您不是本申报书的项目负责人。",
        messageEn: "You are not this application's principal investigator.",
      });
    }
    const at = opts.ctx.now.toISOString();
    const commitment: Commitment = {
      ...(row.commitment as Commitment),
      ...(opts.as === "pi"
        ? { piConfirmedAt: at, piConfirmedBy: opts.actor.userId }
        : { unitConfirmedAt: at, unitConfirmedBy: opts.actor.userId }),
    };
    await updateApplication(tx, row, {
      commitment,
      ...(opts.as === "pi" && !row.piUserId ? { piUserId: opts.actor.userId } : {}),
      updatedAt: opts.ctx.now,
    });
    audit({
      action: `application.commitment.${opts.as}`,
      entityType: "application",
      entityId: row.id,
      cityId: row.cityId,
      before: row.commitment,
      after: commitment,
    });
    return commitment;
  });
}
