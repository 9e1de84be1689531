import { DomainError, maskResidentId, validateResidentId } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { FieldCipher } from "../../lib/sm-crypto.ts";
import type { Transactor } from "../../lib/transaction.ts";
import type { Repositories } from "../../repositories.ts";
import { findVisibleApplication } from "../applications/read-applications.ts";

type Repos = Pick<Repositories, "reviews" | "applications">;

export type AvoidanceInput =
  | { kind: "unit"; uscc: string; note: string }
  | { kind: "person"; name: string; idNumber: string; note: string };

/** 申请回避: the applicant names units or people to keep away from its application's review. */
export async function listAvoidances(
  deps: { repos: Repos },
  input: { ctx: CallerContext; applicationId: string },
) {
  const a = await findVisibleApplication(deps, input.ctx, input.applicationId);
  const rows = await deps.repos.reviews.avoidancesOf(a.cityId, a.id);
  return {
    items: rows.map(({ r, unitName, uscc }) => ({
      id: r.id,
      kind: r.unitId ? ("unit" as const) : ("person" as const),
      unitName: unitName ?? null,
      uscc: uscc ?? null,
      name: r.personName,
      idNumberMasked: r.idNumberMasked,
      note: r.note,
      at: r.at.toISOString(),
    })),
    /** Declarations are taken until the invitations go out; a later one would reach experts already at work. */
    open: !["inReview", "completed"].includes((await deps.repos.reviews.planStatusOf(a.cityId, a.id)) ?? ""),
  };
}

export async function declareAvoidance(
  deps: { repos: Repos; tx: Transactor<Repos>; cipher: FieldCipher },
  input: { ctx: CallerContext; applicationId: string; body: AvoidanceInput },
) {
  const { ctx, body } = input;
  await deps.tx.run(ctx, async (repos, audit) => {
    const a = await findVisibleApplication({ repos }, ctx, input.applicationId);
    const planStatus = await repos.reviews.planStatusOf(a.cityId, a.id);
    if (planStatus === "inReview" || planStatus === "completed") {
      throw new DomainError({
        code: "INVALID_TRANSITION",
        messageZh: "评审邀请已发出，不能再申请回避；如有特殊情况请联系评审组织方。",
        messageEn: "The invitations are out; ask the review's organiser instead.",
      });
    }
    let target: { unitId: string } | { idNumberDigest: string; idNumberMasked: string; personName: string };
    if (body.kind === "unit") {
      const unitId = (await repos.reviews.unitIdsByUscc(a.cityId, [body.uscc])).get(body.uscc);
      if (!unitId) {
        throw new DomainError({
          code: "VALIDATION",
          messageZh: "本平台没有该统一社会信用代码的单位，其人员不在专家库中。",
          messageEn: "No unit on the platform has this credit code, so none of its people is in the pool.",
          path: "uscc",
        });
      }
      target = { unitId };
    } else {
      const check = validateResidentId(body.idNumber, { at: ctx.now });
      if (!check.ok)
        throw new DomainError({
          code: "VALIDATION",
          messageZh: check.messageZh,
          messageEn: check.messageEn,
          path: "idNumber",
        });
      target = {
        idNumberDigest: deps.cipher.digest(body.idNumber),
        idNumberMasked: maskResidentId(body.idNumber),
        personName: body.name,
      };
    }
    const row = await repos.reviews.insertRelation({
      cityId: a.cityId,
      declaredBy: "applicant",
      applicationId: a.id,
      ...target,
      note: body.note,
      userId: ctx.actor.userId,
      at: ctx.now,
    });
    audit({
      action: "review.avoidance.declare",
      entityType: "application",
      entityId: a.id,
      cityId: a.cityId,
      after: {
        id: row.id,
        kind: body.kind,
        ...("unitId" in target
          ? { unitId: target.unitId }
          : { idNumberMasked: target.idNumberMasked, name: target.personName }),
        note: body.note,
      },
    });
  });
  return listAvoidances(deps, input);
}
