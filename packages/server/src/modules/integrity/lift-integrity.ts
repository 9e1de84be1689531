import { DomainError, notFound } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Transactor } from "../../lib/transaction.ts";
import type { IntegrityRepository } from "./integrity.repository.ts";

/**
 * 移出黑名单 / 解除: a record ends by a recorded decision with its reason (DT-RULES §22 sets no period).
 * From then the gates no longer find it; the record itself stays, with who lifted it and why.
 */
export async function liftIntegrity(
  deps: { tx: Transactor<{ integrity: Pick<IntegrityRepository, "find" | "lift"> }> },
  input: { ctx: CallerContext; id: string; reason: string },
) {
  const { ctx } = input;
  const cityId = ctx.actor.cityId;
  if (!cityId) throw new DomainError({ code: "FORBIDDEN" });
  return deps.tx.run(ctx, async ({ integrity }, audit) => {
    const before = await integrity.find(cityId, input.id, true);
    if (!before) throw notFound("诚信记录不存在。", "No such integrity record.");
    if (before.liftedAt) {
      throw new DomainError({
        code: "CONFLICT",
        messageZh: "该记录已解除。",
        messageEn: "The record has been lifted already.",
      });
    }
    const [after] = await integrity.lift(cityId, { id: before.id }, ctx.actor.userId, ctx.now, input.reason);
    if (!after) throw new Error("integrity record vanished");
    audit({
      action: "integrity.lift",
      entityType: "integrityRecord",
      entityId: before.id,
      before: { kind: before.kind, subject: before.subject },
      after: { reason: input.reason },
    });
    return after;
  });
}
