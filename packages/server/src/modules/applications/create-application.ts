import {
  type Actor,
  applicationContentSchema,
  callWindow,
  DomainError,
  type GuideState,
} from "@luoshu/domain";
import type { Db } from "../../db/client.ts";
import type { RequestContext } from "../../lib/context.ts";
import { inTransaction } from "../../lib/legacy-transaction.ts";
import { findCall, findGuide } from "../guides/guides.repository.ts";
import { findUnit } from "../units/units.repository.ts";
import { insertApplication } from "./applications.repository.ts";

/** A unit administrator or PI starts an application of their own unit in an open call. */
export async function createApplication(opts: {
  db: Db;
  ctx: RequestContext;
  actor: Actor;
  callId: string;
  title: string;
}) {
  const { actor, ctx } = opts;
  if (!actor.cityId || !actor.unitId) {
    throw new DomainError({
      code: "FORBIDDEN",
      messageZh: "只有申报单位的账号可以发起申报。",
      messageEn: "Only accounts of an applicant unit can apply.",
    });
  }
  const cityId = actor.cityId;
  const call = await findCall(opts.db, cityId, opts.callId);
  const guide = call ? await findGuide(opts.db, cityId, call.guideId) : undefined;
  if (!call || !guide || guide.guide.status !== "published") {
    throw new DomainError({
      code: "NOT_FOUND",
      messageZh: "申报批次不存在或未发布。",
      messageEn: "The call does not exist or is not published.",
    });
  }
  if (callWindow(call, ctx.now, guide.guide.status as GuideState) !== "open") {
    throw new DomainError({
      code: "SUBMIT_WINDOW_CLOSED",
      messageZh: "该批次当前不在申报期内（以服务器时间为准）。",
      messageEn: "The call is not open (server time).",
    });
  }
  const unit = await findUnit(opts.db, actor.unitId);
  if (!unit)
    throw new DomainError({
      code: "NOT_FOUND",
      messageZh: "所属单位不存在。",
      messageEn: "Your unit does not exist.",
    });
  const content = applicationContentSchema.parse({ basic: { title: opts.title } });
  return inTransaction(opts.db, ctx, async (tx, audit) => {
    const row = await insertApplication(tx, {
      cityId,
      callId: call.id,
      guideId: call.guideId,
      unitId: unit.id,
      districtCode: unit.districtCode,
      piUserId: actor.roles.includes("principalInvestigator") ? actor.userId : null,
      createdBy: actor.userId,
      status: "draft",
      title: opts.title,
      requestedFen: 0,
      content,
      revision: 1,
      commitment: {},
      policyVersion: guide.guide.policyVersion,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    audit({
      action: "application.create",
      entityType: "application",
      entityId: row.id,
      cityId,
      after: { callId: call.id, title: opts.title },
    });
    return row;
  });
}
