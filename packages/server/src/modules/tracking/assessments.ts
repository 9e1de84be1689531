import {
  type AssessmentKind,
  checkPanel,
  chinaDateOf,
  conflictReasonNames,
  conflictsOf,
  DomainError,
  invalidTransition,
  isAssignable,
  type Policy,
} from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import { mustBeOpen, visibleProject } from "../execution/task-books.ts";
import { conflictApplicationOf, declaredOf } from "../reviews/review-context.ts";
import type { TrackingDeps } from "./progress.ts";
import { reportTermsOf } from "./tracking-terms.ts";

type Repos = TrackingDeps["repos"];

const officerOnly = (ctx: CallerContext) => {
  if (!ctx.actor.roles.includes("programOfficer")) throw new DomainError({ code: "FORBIDDEN" });
};

function midTermRules(policy: Policy) {
  const rules = policy.tracking.midTerm;
  if (!rules)
    throw new DomainError({
      code: "VALIDATION",
      messageZh: "本市文件未规定期中评估。",
      messageEn: "The city's documents set no mid-term assessment.",
    });
  return rules;
}

/**
 * The city's pool as a panel for this project is picked from it: who is available today, and for
 * each, why they must stand apart from the project's unit, partners and team (回避, the review's rules).
 */
async function poolFor(
  repos: Repos,
  policy: Policy,
  ctx: CallerContext,
  p: { cityId: string; unitId: string; applicationId: string | null; id: string },
) {
  const [pool, relations, [application]] = await Promise.all([
    repos.tracking.candidates(p.cityId),
    repos.reviews.relations(p.cityId),
    p.applicationId ? repos.reviews.applicationsByIds(p.cityId, [p.applicationId]) : Promise.resolve([]),
  ]);
  const partnerUsccs = application?.content.partners.map((x) => x.uscc).filter((u) => u.length > 0) ?? [];
  const unitByUscc = await repos.reviews.unitIdsByUscc(p.cityId, partnerUsccs);
  const parties = application
    ? conflictApplicationOf(application, unitByUscc)
    : { id: p.id, unitId: p.unitId, partnerUnitIds: [], partnerUsccs: [], teamIdDigests: [] };
  const declared = declaredOf(relations);
  const today = chinaDateOf(ctx.now);
  return pool
    .filter((e) => e.userStatus === "active" && isAssignable(e, today))
    .map((e) => ({
      ...e,
      conflicts: conflictsOf(
        {
          id: e.id,
          unitId: e.unitId,
          unitUscc: e.unitUscc,
          idNumberDigest: e.idNumberDigest,
          formerUnits: e.formerUnits,
        },
        parties,
        declared,
        { today, policy },
      ),
    }));
}

/** 专家遴选: the pool for a panel on the project (mid-term, later acceptance), conflicted experts marked with why. */
export async function assessmentCandidates(deps: TrackingDeps, ctx: CallerContext, projectId: string) {
  const { p, policy } = await visibleProject(deps.repos, deps.policies, ctx, projectId);
  officerOnly(ctx);
  const pool = await poolFor(deps.repos, policy, ctx, p);
  const items = pool.map((e) => ({
    expertId: e.id,
    name: e.name,
    unitName: e.unitName,
    title: e.title,
    disciplines: e.disciplines,
    conflicts: e.conflicts.map((c) => conflictReasonNames[c.reason].zh),
  }));
  return { items, total: items.length };
}

/**
 * 组织评估: the bureau names the panel of a mid-term assessment (where a node or a milestone waits for
 * it) or of an acceptance (once the unit has submitted for it); each expert is told and scores on
 * their own page.
 */
export async function conveneAssessment(
  deps: TrackingDeps,
  input: { ctx: CallerContext; projectId: string; kind: AssessmentKind; expertIds: string[]; note: string },
) {
  const { ctx, kind } = input;
  const { p, policy } = await visibleProject(deps.repos, deps.policies, ctx, input.projectId);
  officerOnly(ctx);
  mustBeOpen(p);
  const rules = kind === "midTerm" ? midTermRules(policy) : policy.tracking.acceptance;
  const found = await reportTermsOf(deps.repos, policy, p);
  if (!found) throw invalidTransition("项目尚未签订任务书。", "The project's task book is not signed.");
  const content = found.tb.content;
  if (
    kind === "midTerm" &&
    !content.nodes.some((n) => n.after === "midTermPassed") &&
    !content.midTermMilestone
  )
    throw invalidTransition(
      "该项目的任务书没有期中评估节点。",
      "The project's task book has no mid-term node.",
    );
  if (kind === "acceptance" && (await deps.repos.tracking.acceptance(p.cityId, p.id))?.status !== "submitted")
    throw invalidTransition("项目尚未提交验收申请。", "The project has not been submitted for acceptance.");
  checkPanel(rules, input.expertIds);
  const pool = await poolFor(deps.repos, policy, ctx, p);
  for (const [i, id] of input.expertIds.entries()) {
    const e = pool.find((x) => x.id === id);
    if (!e)
      throw new DomainError({
        code: "VALIDATION",
        path: `expertIds.${i}`,
        messageZh: "专家库中没有该专家，或其已暂停、当前不可参加评估。",
        messageEn: "No such expert available in the pool today.",
      });
    if (e.conflicts.length > 0)
      throw new DomainError({
        code: "ASSESSMENT_CONFLICT",
        path: `expertIds.${i}`,
        details: { expertId: id, reasons: e.conflicts.map((c) => c.reason) },
      });
  }
  const what = kind === "midTerm" ? "期中评估" : "结题验收";
  await deps.tx.run(ctx, async (repos, audit) => {
    // a deferral may have returned the materials since: the panel sits on what was submitted
    if (
      kind === "acceptance" &&
      (await repos.tracking.acceptance(p.cityId, p.id, true))?.status !== "submitted"
    )
      throw invalidTransition("项目尚未提交验收申请。", "The project has not been submitted for acceptance.");
    const a = await repos.tracking.insertAssessment(
      {
        cityId: p.cityId,
        projectId: p.id,
        kind,
        status: "convened",
        rules,
        convenedBy: ctx.actor.userId,
        convenedAt: ctx.now,
        note: input.note || null,
      },
      input.expertIds,
    );
    audit({
      action: "assessment.convene",
      entityType: "assessment",
      entityId: a.id,
      cityId: p.cityId,
      after: { projectId: p.id, kind, expertIds: input.expertIds },
    });
    await repos.notifications.notifyExperts(p.cityId, input.expertIds, {
      titleZh: `请对项目 ${p.number} 进行${what}评分`,
      titleEn: `Please score the ${kind === "midTerm" ? "mid-term assessment" : "acceptance"} of ${p.number}`,
      link: "/assessments",
      createdAt: ctx.now,
    });
  });
}
