import {
  applicationContentSchema,
  callWindow,
  checkDirectedCall,
  DomainError,
  type Policy,
} from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Transactor } from "../../lib/transaction.ts";
import type { GuidesRepository } from "../guides/guides.repository.ts";
import type { UnitsRepository } from "../units/units.repository.ts";
import type { ApplicationsRepository } from "./applications.repository.ts";
import { type ApplicationViewDeps, getApplication } from "./read-applications.ts";

/** A unit administrator or PI starts an application of their own unit in an open call. */
export async function createApplication(
  deps: ApplicationViewDeps & {
    policies: readonly Policy[];
    repos: { guides: Pick<GuidesRepository, "findCall" | "find">; units: Pick<UnitsRepository, "find"> };
    tx: Transactor<{ applications: Pick<ApplicationsRepository, "insert"> }>;
  },
  input: { ctx: CallerContext; callId: string; title: string },
) {
  const { ctx, title } = input;
  const { actor } = ctx;
  if (!actor.cityId || !actor.unitId) {
    throw new DomainError({
      code: "FORBIDDEN",
      messageZh: "只有申报单位的账号可以发起申报。",
      messageEn: "Only accounts of an applicant unit can apply.",
    });
  }
  const cityId = actor.cityId;
  const city = { kind: "city", cityId } as const;
  const call = await deps.repos.guides.findCall(city, input.callId);
  const found = call ? await deps.repos.guides.find(city, call.guideId) : undefined;
  if (!call || !found || found.guide.status !== "published") {
    throw new DomainError({
      code: "NOT_FOUND",
      messageZh: "申报批次不存在或未发布。",
      messageEn: "The call does not exist or is not published.",
    });
  }
  if (callWindow(call, ctx.now, found.guide.status) !== "open")
    throw new DomainError({ code: "SUBMIT_WINDOW_CLOSED" });
  const unit = await deps.repos.units.find(ctx.scope, actor.unitId);
  if (!unit)
    throw new DomainError({
      code: "NOT_FOUND",
      messageZh: "所属单位不存在。",
      messageEn: "Your unit does not exist.",
    });
  const policy = deps.policies.find((p) => p.city === cityId && p.version === found.guide.policyVersion);
  const closed = checkDirectedCall(policy, found.guide.content, unit.uscc);
  if (closed) throw new DomainError(closed);
  const content = applicationContentSchema.parse({ basic: { title } });
  const created = await deps.tx.run(ctx, async ({ applications }, audit) => {
    const a = await applications.insert({
      cityId,
      callId: call.id,
      guideId: call.guideId,
      unitId: unit.id,
      districtCode: unit.districtCode,
      piUserId: actor.roles.includes("principalInvestigator") ? actor.userId : null,
      createdBy: actor.userId,
      status: "draft",
      title,
      requestedFen: 0,
      content,
      revision: 1,
      commitment: {},
      policyVersion: found.guide.policyVersion,
      numberProgram: found.guide.program,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    audit({
      action: "application.create",
      entityType: "application",
      entityId: a.id,
      cityId,
      after: { callId: call.id, title },
    });
    return a;
  });
  return getApplication(deps, { ctx, id: created.id });
}
