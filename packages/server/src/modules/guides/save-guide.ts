import {
  type Actor,
  DomainError,
  fire,
  type GuideContent,
  type GuideEvent,
  type GuideState,
  guideMachine,
  type Policy,
  selectPolicy,
  validateGuide,
} from "@luoshu/domain";
import type { Db } from "../../db/client.ts";
import type { RequestContext } from "../../lib/context.ts";
import { inTransaction } from "../../lib/legacy-transaction.ts";
import { guideNotFound } from "./guide-errors.ts";
import { findGuide, insertGuide, replaceCalls, updateGuide } from "./guides.repository.ts";

interface Deps {
  db: Db;
  ctx: RequestContext;
  actor: Actor;
  policies: Policy[];
}

function policyOf(deps: Deps): Policy {
  const cityId = deps.actor.cityId;
  const policy = cityId ? selectPolicy(deps.policies, cityId, deps.ctx.now) : undefined;
  if (!policy)
    throw new DomainError({
      code: "POLICY_NOT_IN_FORCE",
      messageZh: "本市当前没有生效的政策版本。",
      messageEn: "No policy version is in force.",
    });
  return policy;
}

function assertValid(policy: Policy, content: GuideContent) {
  const problems = validateGuide(policy, content);
  if (problems[0]) throw new DomainError({ ...problems[0], details: { violations: problems } });
}

export async function createGuide(deps: Deps & { content: GuideContent }) {
  const policy = policyOf(deps);
  const cityId = deps.actor.cityId as string;
  assertValid(policy, deps.content);
  return inTransaction(deps.db, deps.ctx, async (tx, audit) => {
    const guide = await insertGuide(tx, {
      cityId,
      policyVersion: policy.version,
      program: deps.content.program,
      year: deps.content.year,
      titleZh: deps.content.titleZh,
      content: deps.content,
      status: "draft",
      createdBy: deps.actor.userId,
      createdAt: deps.ctx.now,
      updatedAt: deps.ctx.now,
    });
    await replaceCalls(tx, cityId, guide.id, deps.content.calls);
    audit({ action: "guide.create", entityType: "guide", entityId: guide.id, after: deps.content });
    return guide.id;
  });
}

export async function updateGuideContent(deps: Deps & { id: string; content: GuideContent }) {
  const policy = policyOf(deps);
  const cityId = deps.actor.cityId as string;
  assertValid(policy, deps.content);
  await inTransaction(deps.db, deps.ctx, async (tx, audit) => {
    const found = await findGuide(tx, cityId, deps.id);
    if (!found) throw guideNotFound();
    if (found.guide.status !== "draft") {
      throw new DomainError({
        code: "INVALID_TRANSITION",
        messageZh: "只有草稿状态的指南可以修改。",
        messageEn: "Only a draft guide can be edited.",
      });
    }
    await updateGuide(tx, cityId, deps.id, {
      program: deps.content.program,
      year: deps.content.year,
      titleZh: deps.content.titleZh,
      content: deps.content,
      policyVersion: policy.version,
      updatedAt: deps.ctx.now,
    });
    await replaceCalls(tx, cityId, deps.id, deps.content.calls);
    audit({
      action: "guide.update",
      entityType: "guide",
      entityId: deps.id,
      before: found.guide.content,
      after: deps.content,
    });
  });
}

export async function changeGuideStatus(deps: Deps & { id: string; event: GuideEvent }) {
  const cityId = deps.actor.cityId as string;
  await inTransaction(deps.db, deps.ctx, async (tx, audit) => {
    const found = await findGuide(tx, cityId, deps.id);
    if (!found) throw guideNotFound();
    const from = found.guide.status as GuideState;
    const to = fire(guideMachine, from, deps.event, deps.actor.roles);
    if (deps.event === "submitForReview" || deps.event === "publish")
      assertValid(policyOf(deps), found.guide.content as GuideContent);
    await updateGuide(tx, cityId, deps.id, {
      status: to,
      updatedAt: deps.ctx.now,
      ...(to === "published" ? { publishedAt: deps.ctx.now } : {}),
    });
    audit({
      action: `guide.${deps.event}`,
      entityType: "guide",
      entityId: deps.id,
      before: { status: from },
      after: { status: to },
    });
  });
}
