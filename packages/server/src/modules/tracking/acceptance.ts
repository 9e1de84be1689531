import type { AcceptanceBody } from "@luoshu/contract";
import {
  acceptanceMachine,
  checkAcceptance,
  DomainError,
  fire,
  invalidTransition,
  type PerformanceGrade,
  settlementLines,
} from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import { mustBeOpen, visibleProject } from "../execution/task-books.ts";
import { subsidyUnderWay } from "./acceptance-view.ts";
import { executing, isReporter, type TrackingDeps } from "./progress.ts";

/**
 * 提交验收申请: the unit's administrator or the project's PI submits the materials for acceptance
 * (DT-RULES §18, §23; LY-FUNDS §22), once; a deferred one is supplemented and submitted again.
 */
export async function submitAcceptance(
  deps: TrackingDeps,
  input: { ctx: CallerContext; projectId: string; body: AcceptanceBody },
) {
  const { ctx, body } = input;
  const { p, policy, budget, tb, districtCode } = await executing(deps, ctx, input.projectId);
  const roles = ctx.actor.roles;
  if (!isReporter(ctx, p)) throw new DomainError({ code: "FORBIDDEN" });
  const { settledFen } = checkAcceptance(
    { targets: tb.content.targets, budget: settlementLines(policy, budget) },
    body,
  );
  await deps.tx.run(ctx, async (repos, audit) => {
    const earlier = await repos.tracking.acceptance(p.cityId, p.id, true);
    const filed = { content: body, settledFen, submittedBy: ctx.actor.userId, submittedAt: ctx.now };
    let id: string;
    if (earlier) {
      const status = fire(acceptanceMachine, earlier.status, "resubmit", roles);
      // the supplemented materials are the district's to read again (DT-RULES §17)
      const unheard = {
        districtAgrees: null,
        districtOpinion: null,
        districtOpinionBy: null,
        districtOpinionAt: null,
      };
      await repos.tracking.updateAcceptance(p.cityId, earlier.id, { ...filed, status, ...unheard });
      id = earlier.id;
    } else {
      id = (
        await repos.tracking.insertAcceptance({
          cityId: p.cityId,
          projectId: p.id,
          status: "submitted",
          ...filed,
        })
      ).id;
    }
    audit({
      action: "acceptance.submit",
      entityType: "acceptance",
      entityId: id,
      cityId: p.cityId,
      after: { projectId: p.id, settledFen, commitment: true },
    });
    // the project's district gives its opinion before the bureau concludes (DT-RULES §17; LY-FUNDS §7–8)
    if (districtCode)
      await repos.notifications.notifyQueue(
        p.cityId,
        {
          role: "districtOfficer",
          districtCode,
          titleZh: `${p.number} 已提交验收申请，请提出县区意见`,
          titleEn: `${p.number} is submitted for acceptance: give the district's opinion`,
          link: `/projects/${p.id}`,
        },
        ctx.now,
      );
  });
}

/**
 * 再评价 (LY-FUNDS §5): the finance bureau re-evaluates a graded project's grade with its reason. The
 * new grade is the project's, for the post-subsidy and later proposed lists; once a post-subsidy is
 * under way or paid, the grade stands.
 */
export async function regradeAcceptance(
  deps: TrackingDeps,
  input: { ctx: CallerContext; projectId: string; grade: PerformanceGrade; reason: string },
) {
  const { ctx } = input;
  const { p } = await visibleProject(deps.repos, deps.policies, ctx, input.projectId);
  if (!ctx.actor.roles.includes("financeOfficer")) throw new DomainError({ code: "FORBIDDEN" });
  mustBeOpen(p);
  await deps.tx.run(ctx, async (repos, audit) => {
    // the ledger's lock orders a regrade against the post-subsidy's preparation, which reads the grade
    await repos.ledger.lock(p.cityId);
    const app = await repos.tracking.acceptance(p.cityId, p.id, true);
    if (app?.status !== "accepted" || !app.grade)
      throw invalidTransition(
        "项目尚未通过验收、评定绩效等级。",
        "The project has not passed acceptance with a grade.",
        { state: app?.status },
      );
    const standing = app.regrade ?? app.grade;
    if (await subsidyUnderWay(repos, p))
      throw invalidTransition(
        "后补助已按原等级提出或拨付，不能再评价。",
        "A post-subsidy has been prepared or paid on the grade; it stands.",
      );
    if (input.grade === standing)
      throw new DomainError({
        code: "VALIDATION",
        path: "grade",
        messageZh: "再评价等级与现等级相同。",
        messageEn: "The grade is the same as the one standing.",
      });
    await repos.tracking.updateAcceptance(app.cityId, app.id, {
      regrade: input.grade,
      regradeReason: input.reason,
      regradedBy: ctx.actor.userId,
      regradedAt: ctx.now,
    });
    await repos.tracking.setGrade(p.cityId, p.id, { grade: input.grade });
    audit({
      action: "acceptance.regrade",
      entityType: "acceptance",
      entityId: app.id,
      cityId: p.cityId,
      before: { grade: standing },
      after: { grade: input.grade, reason: input.reason },
    });
    await repos.notifications.notifyApplicant(
      { cityId: p.cityId, unitId: p.unitId, piUserId: p.piUserId, createdBy: app.submittedBy },
      {
        titleZh: `${p.number} 绩效评价等级经市财政局再评价调整`,
        titleEn: `${p.number}: the finance bureau re-evaluated the grade`,
        link: `/projects/${p.id}`,
        createdAt: ctx.now,
      },
    );
  });
}
