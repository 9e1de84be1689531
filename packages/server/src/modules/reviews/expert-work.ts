import type { ReviewWorkDto } from "@luoshu/contract";
import {
  applicationNumber,
  checkSheetShape,
  type DeclineReason,
  DomainError,
  fire,
  notFound,
  type Policy,
  type ReviewAssignmentEvent,
  reviewAssignmentMachine,
  type ScoreSheet,
  submissionGaps,
  weightedTotal,
} from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Transactor } from "../../lib/transaction.ts";
import type { Repositories } from "../../repositories.ts";
import { refillPlace } from "./change-assignments.ts";
import { policyOf } from "./review-access.ts";
import { loadReviewContext } from "./review-context.ts";
import type { AssignmentRow, PlanRow } from "./reviews.repository.ts";

type Repos = Pick<Repositories, "reviews" | "notifications">;
type Deps = { repos: Repos; tx: Transactor<Repos>; policies: Policy[] };

/** The integrity commitment each expert signs per call before opening any application (LY-PLAN §七(四)). */
export const reviewCommitmentText =
  "本人承诺：遵守科研诚信要求，客观、公正、独立地开展评审；对申报材料和评审情况保密，不泄露、不擅自使用；" +
  "与所评项目存在利益关系时主动申报回避；不接受申报单位及相关人员的请托，不索取、不收受任何财物或其他利益。如有违反，愿承担相应责任。";

const workNotFound = () => notFound("评审任务不存在。", "No such review work.");

async function expertOf(repos: Repos, ctx: CallerContext) {
  const expert = await repos.reviews.expertOfUser(ctx.actor.userId);
  if (!expert || expert.cityId !== ctx.actor.cityId) throw workNotFound();
  return expert;
}

/** The expert's plans with their invitations; an unpublished proposal never shows. */
export async function myReviews(deps: { repos: Repos; policies: Policy[] }, ctx: CallerContext) {
  const expert = await expertOf(deps.repos, ctx);
  const [rows, signed] = await Promise.all([
    deps.repos.reviews.myAssignments(expert.cityId, expert.id),
    deps.repos.reviews.commitments(expert.cityId, expert.id),
  ]);
  const apps = await deps.repos.reviews.applicationsByIds(expert.cityId, [
    ...new Set(rows.map((r) => r.a.applicationId)),
  ]);
  const byPlan = new Map<string, (typeof rows)[number][]>();
  for (const r of rows) byPlan.set(r.plan.id, [...(byPlan.get(r.plan.id) ?? []), r]);
  return {
    items: [...byPlan.values()].map((group) => {
      const first = group[0] as (typeof rows)[number];
      const signedAt = signed.find((c) => c.planId === first.plan.id)?.signedAt ?? null;
      return {
        planId: first.plan.id,
        callName: first.callName,
        guideTitle: first.guideTitle,
        scoringDeadline: first.plan.settings.scoringDeadline,
        commitmentText: reviewCommitmentText,
        commitmentSignedAt: signedAt?.toISOString() ?? null,
        assignments: group
          .filter((r) => r.a.status !== "withdrawn")
          .flatMap((r) => {
            const a = apps.find((x) => x.id === r.a.applicationId);
            if (!a) return [];
            return [
              {
                id: r.a.id,
                status: r.a.status,
                applicationId: a.id,
                number: applicationNumber(a, policyOf(deps.policies, r.plan.cityId, r.plan.policyVersion)),
                title: a.title,
                unitName: a.unitName,
                partnerNames: a.content.partners.map((p) => p.name).filter((n) => n.length > 0),
                teamNames: a.content.team.map((m) => m.name).filter((n) => n.length > 0),
                submittedAt: r.a.submittedAt?.toISOString() ?? null,
                declineReason: r.a.declineReason,
              },
            ];
          }),
      };
    }),
  };
}

/** Signs the call's integrity commitment once; signing again keeps the first time. */
export async function signCommitment(deps: Deps, input: { ctx: CallerContext; planId: string }) {
  const { ctx } = input;
  await deps.tx.run(ctx, async (repos, audit) => {
    const expert = await expertOf(repos, ctx);
    const mine = await repos.reviews.myAssignments(expert.cityId, expert.id);
    if (!mine.some((r) => r.plan.id === input.planId)) throw workNotFound();
    const fresh = await repos.reviews.signCommitment({
      cityId: expert.cityId,
      planId: input.planId,
      expertId: expert.id,
      textZh: reviewCommitmentText,
      signedAt: ctx.now,
    });
    if (fresh)
      audit({
        action: "review.commitment.sign",
        entityType: "reviewPlan",
        entityId: input.planId,
        cityId: expert.cityId,
        after: { expertId: expert.id },
      });
  });
  return myReviews(deps, ctx);
}

/** Loads the caller's own assignment under lock with its plan, and fires `event` on it. */
async function ownAssignment(
  repos: Repos,
  ctx: CallerContext,
  id: string,
  event: ReviewAssignmentEvent | null,
) {
  const expert = await expertOf(repos, ctx);
  const found = await repos.reviews.findAssignment(expert.cityId, id);
  if (!found || found.expertId !== expert.id || found.status === "proposed" || found.status === "withdrawn")
    throw workNotFound();
  const plan = await repos.reviews.lockPlan(expert.cityId, found.planId);
  const a = await repos.reviews.lockAssignment(expert.cityId, id);
  if (!plan || !a) throw workNotFound();
  const to = event ? fire(reviewAssignmentMachine, a.status, event, ctx.actor.roles) : a.status;
  return { expert, plan, a, to };
}

function mustBeBeforeDeadline(plan: PlanRow, now: Date) {
  if (now.getTime() > new Date(plan.settings.scoringDeadline).getTime())
    throw new DomainError({ code: "REVIEW_DEADLINE_PASSED" });
}

async function mustHaveSigned(repos: Repos, a: AssignmentRow) {
  const signed = await repos.reviews.commitments(a.cityId, a.expertId);
  if (!signed.some((c) => c.planId === a.planId))
    throw new DomainError({ code: "REVIEW_COMMITMENT_REQUIRED" });
}

/** Declares no conflict of interest and opens the application. */
export async function acceptWork(deps: Deps, input: { ctx: CallerContext; id: string }) {
  const { ctx } = input;
  await deps.tx.run(ctx, async (repos, audit) => {
    const { plan, a, to } = await ownAssignment(repos, ctx, input.id, "accept");
    await mustHaveSigned(repos, a);
    // The computed conflicts are checked again: a relation declared after the assignment counts too.
    const review = await loadReviewContext(
      repos.reviews,
      plan,
      policyOf(deps.policies, plan.cityId, plan.policyVersion),
      ctx.now,
    );
    const conflicts = review.conflicts(a.applicationId, a.expertId);
    if (conflicts.length > 0) {
      throw new DomainError({
        code: "REVIEW_CONFLICT",
        details: { reasons: conflicts.map((c) => c.reason) },
      });
    }
    await repos.reviews.updateAssignment(a, { status: to, respondedAt: ctx.now, updatedAt: ctx.now });
    audit({
      action: "review.assignment.accept",
      entityType: "reviewAssignment",
      entityId: a.id,
      cityId: a.cityId,
      before: { status: a.status },
      after: { status: to, declaredNoConflict: true },
    });
  });
  return reviewWork(deps, input);
}

/**
 * Declines an invitation with its reason, or declares a conflict (recorded as a relation, so no
 * later assignment pairs them again); either way the place is refilled from the pool at once.
 */
export async function leaveWork(
  deps: Deps,
  input: { ctx: CallerContext; id: string } & (
    | { conflict: true; note: string }
    | { conflict: false; reason: DeclineReason; note: string }
  ),
) {
  const { ctx } = input;
  await deps.tx.run(ctx, async (repos, audit) => {
    const { expert, plan, a, to } = await ownAssignment(
      repos,
      ctx,
      input.id,
      input.conflict ? "declareConflict" : "decline",
    );
    await repos.reviews.updateAssignment(a, {
      status: to,
      declineReason: input.conflict ? "conflict" : input.reason,
      declineNote: input.note,
      respondedAt: ctx.now,
      updatedAt: ctx.now,
    });
    if (input.conflict || input.reason === "conflict") {
      await repos.reviews.insertRelation({
        cityId: a.cityId,
        declaredBy: "expert",
        expertId: expert.id,
        applicationId: a.applicationId,
        note: input.note,
        userId: ctx.actor.userId,
        at: ctx.now,
      });
    }
    audit({
      action: input.conflict ? "review.assignment.declareConflict" : "review.assignment.decline",
      entityType: "reviewAssignment",
      entityId: a.id,
      cityId: a.cityId,
      before: { status: a.status },
      after: { status: to, reason: input.conflict ? "conflict" : input.reason, note: input.note },
    });
    const policy = policyOf(deps.policies, plan.cityId, plan.policyVersion);
    await refillPlace(repos.reviews, repos.notifications, audit, {
      plan,
      policy,
      applicationId: a.applicationId,
      leftId: a.id,
      now: ctx.now,
    });
  });
  return myReviews(deps, ctx);
}

/** The application as the expert sees it (masked), with the criteria and their own sheet only. */
export async function reviewWork(
  deps: { repos: Repos; policies: Policy[] },
  input: { ctx: CallerContext; id: string },
): Promise<ReviewWorkDto> {
  const { ctx } = input;
  const expert = await expertOf(deps.repos, ctx);
  const a = await deps.repos.reviews.findAssignment(expert.cityId, input.id);
  // Only an accepted invitation opens the application: never a proposal, a refused or a conflicted place.
  if (!a || a.expertId !== expert.id || (a.status !== "accepted" && a.status !== "submitted"))
    throw workNotFound();
  const plan = await deps.repos.reviews.findPlan(a.cityId, a.planId);
  const [app] = await deps.repos.reviews.applicationsByIds(a.cityId, [a.applicationId]);
  if (!plan || !app) throw workNotFound();
  const policy = policyOf(deps.policies, plan.cityId, plan.policyVersion);
  const c = app.content;
  return {
    id: a.id,
    status: a.status,
    planId: plan.id,
    scoringDeadline: plan.settings.scoringDeadline,
    criteria: plan.criteria,
    sheet: a.sheet ?? null,
    total: a.total === null ? null : a.total / 100,
    application: {
      number: applicationNumber(app, policy),
      title: app.title,
      unitName: app.unitName,
      requestedFen: app.requestedFen,
      // The field by its name in the program, as the applicant chose it from the list.
      basic: {
        ...c.basic,
        field:
          policy.programs
            .find((p) => p.code === plan.program)
            ?.fields?.items.find((f) => f.code === c.basic.field)?.nameZh ?? c.basic.field,
      },
      content: { ...c.content },
      targets: c.targets.map((t) => ({
        kind: t.kind,
        description: t.description,
        value: t.value,
        unit: t.unit,
      })),
      team: c.team.map((m) => ({
        name: m.name,
        role: m.role,
        title: m.title,
        idNumberMasked: m.idNumberMasked,
      })),
      partners: c.partners.map((p) => ({ name: p.name, role: p.role })),
    },
    conflictReasons: [],
  };
}

/** Saves the sheet as it is (scores may be missing); the expert comes back to it before the deadline. */
export async function saveSheet(
  deps: Deps,
  input: { ctx: CallerContext; id: string; sheet: ScoreSheet; submit: boolean },
) {
  const { ctx, sheet } = input;
  await deps.tx.run(ctx, async (repos, audit) => {
    const { plan, a, to } = await ownAssignment(repos, ctx, input.id, input.submit ? "submit" : null);
    if (a.status !== "accepted") {
      throw new DomainError({
        code: "INVALID_TRANSITION",
        messageZh: "评审意见已提交，如需修改请联系组织方退回。",
        messageEn: "The review is submitted; ask the organiser to reopen it.",
      });
    }
    mustBeBeforeDeadline(plan, ctx.now);
    checkSheetShape(plan.criteria, sheet);
    if (input.submit) {
      const gaps = submissionGaps(plan.criteria, sheet);
      if (gaps.length > 0)
        throw new DomainError({
          code: "REVIEW_SCORES_INCOMPLETE",
          path: gaps[0],
          details: { missing: gaps },
        });
    }
    const total = input.submit ? weightedTotal(plan.criteria, sheet.scores) : null;
    await repos.reviews.updateAssignment(a, {
      status: to,
      sheet,
      total,
      submittedAt: input.submit ? ctx.now : null,
      updatedAt: ctx.now,
    });
    audit({
      action: input.submit ? "review.assignment.submit" : "review.assignment.save",
      entityType: "reviewAssignment",
      entityId: a.id,
      cityId: a.cityId,
      after: { total, scores: sheet.scores },
    });
  });
  return reviewWork(deps, input);
}
