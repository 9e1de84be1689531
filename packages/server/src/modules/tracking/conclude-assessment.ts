import {
  type AssessmentEvent,
  acceptanceMachine,
  acceptanceSettlement,
  assessmentMachine,
  assessmentOutcome,
  checkVerifiedRd,
  conclusionsOf,
  DomainError,
  fire,
  formatYuan,
  invalidTransition,
  moneyHeld,
  notFound,
} from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import { mustBeOpen, visibleProject } from "../execution/task-books.ts";
import type { TrackingDeps } from "./progress.ts";

const conclusionZh: Record<AssessmentEvent, string> = {
  pass: "通过",
  hold: "未通过，节点资金暂缓拨付",
  fail: "验收不通过",
  defer: "暂缓验收，请补充材料后重新提交",
  withdraw: "项目已终止或撤销，评估撤回",
};

/**
 * 评估结论: once every expert has scored, the bureau concludes as the panel's mean calls for. A
 * mid-term passes (releasing the node paid after it) or is held; an acceptance passes with the grade
 * its mean earns (and, where a post-subsidy follows, the R&D spend the bureau verifies), or fails with
 * 不合格. While its panel sits, an acceptance may also be deferred for the unit to supplement its materials.
 * A passed acceptance where the city returns the balance to the treasury leaves that balance due
 * from the unit, recorded as a settlement the bureau records the returns against.
 */
export async function concludeAssessment(
  deps: TrackingDeps,
  input: {
    ctx: CallerContext;
    projectId: string;
    assessmentId: string;
    event: AssessmentEvent;
    note: string;
    verifiedRdFen?: number | undefined;
  },
) {
  const { ctx, event } = input;
  const { p, policy } = await visibleProject(deps.repos, deps.policies, ctx, input.projectId);
  if (!ctx.actor.roles.includes("programOfficer")) throw new DomainError({ code: "FORBIDDEN" });
  mustBeOpen(p);
  await deps.tx.run(ctx, async (repos, audit) => {
    // the ledger's lock first, as a regrade and a return take it before the acceptance row
    await repos.ledger.lock(p.cityId);
    const a = await repos.tracking.assessment(p.cityId, input.assessmentId, true);
    if (!a || a.projectId !== p.id) throw notFound("评估不存在。", "No such assessment.");
    if (!conclusionsOf[a.kind].includes(event))
      throw new DomainError({
        code: "VALIDATION",
        path: "event",
        messageZh: "该类评估没有此结论。",
        messageEn: "This kind of assessment has no such conclusion.",
      });
    const status = fire(assessmentMachine, a.status, event, ctx.actor.roles);
    const panel = await repos.tracking.sheets(a.cityId, [a.id]);
    const outcome = assessmentOutcome(
      a.rules,
      panel.map((x) => ({ expertId: x.sheet.expertId, scores: x.sheet.submittedAt ? x.sheet.scores : null })),
    );
    // a deferral waits for no score: it sends the materials back while the panel sits
    if (event !== "defer") {
      if (outcome.event === null)
        throw invalidTransition("评估专家尚未全部提交评分。", "Not every expert on the panel has scored.");
      if (outcome.event !== event)
        throw new DomainError({
          code: "VALIDATION",
          path: "event",
          messageZh: `专家组平均分为 ${(outcome.mean ?? 0) / 100} 分，结论应为“${conclusionZh[outcome.event]}”。`,
          messageEn: `The panel's mean is ${(outcome.mean ?? 0) / 100}: the conclusion is ${outcome.event}.`,
        });
    }
    if (a.kind === "acceptance") {
      const app = await repos.tracking.acceptance(p.cityId, p.id, true);
      if (!app)
        throw invalidTransition(
          "项目尚未提交验收申请。",
          "The project has not been submitted for acceptance.",
        );
      const appStatus = fire(
        acceptanceMachine,
        app.status,
        event as "pass" | "fail" | "defer",
        ctx.actor.roles,
      );
      const verified = event === "pass" ? input.verifiedRdFen : undefined;
      // 核定研发经费 is what a post-subsidy is a share of: required where a node waits for the grade
      const tb = await repos.execution.taskBook(p.cityId, p.id);
      const subsidised = tb?.content.nodes.some((n) => n.after === "graded") ?? false;
      if (event === "pass" && verified === undefined && subsidised)
        throw new DomainError({
          code: "VALIDATION",
          path: "verifiedRdFen",
          messageZh: "后补助项目验收通过须核定项目研发经费。",
          messageEn: "A post-subsidy project's acceptance verifies its R&D spend.",
        });
      if (verified !== undefined) checkVerifiedRd(verified, app.settledFen);
      const grade = event === "defer" ? null : outcome.grade;
      await repos.tracking.updateAcceptance(app.cityId, app.id, { status: appStatus, grade });
      if (grade) await repos.tracking.setGrade(p.cityId, p.id, { grade, verifiedRdFen: verified ?? null });
      if (event === "pass") {
        const live = await repos.projectLife.liveClosure(p.cityId, p.id, true);
        if (live?.status === "requested")
          throw invalidTransition(
            "该项目有待审定的终止申请，请先审定后再作验收结论。",
            "A termination application waits: decide it before concluding the acceptance.",
          );
        // where the balance returns, it is reckoned on what was paid: no payment may be half-way
        const returns = policy.tracking.acceptance.balance.rule === "returnToTreasury";
        const pays = returns ? await repos.execution.paymentsOf(p.cityId, p.id) : [];
        if (pays.some((x) => x.status === "prepared" || x.status === "approved"))
          throw invalidTransition(
            "项目有拨款尚在办理，请拨付或撤销后再作验收结论：结余资金按已拨付的资金计算。",
            "A payment is under way: pay or cancel it first, as the balance is reckoned on what was paid.",
          );
        const held = moneyHeld(await repos.ledger.postingsOfProject(p.cityId, p.id), p.id);
        const s = acceptanceSettlement(policy, held.heldFen, app.settledFen);
        if (s.dueFen > 0) {
          const c = await repos.projectLife.insertClosure({
            cityId: p.cityId,
            projectId: p.id,
            kind: "settlement",
            ground: "acceptance",
            status: "decided",
            reason: `验收通过：单位持有已拨付资金 ${formatYuan(held.heldFen)}，经费决算支出 ${formatYuan(app.settledFen)}，结余资金退回财政。`,
            spentFen: app.settledFen,
            requestedBy: ctx.actor.userId,
            requestedAt: ctx.now,
            decidedBy: ctx.actor.userId,
            decidedAt: ctx.now,
            decisionNote: input.note,
            releaseFen: 0,
            dueFen: s.dueFen,
            clause: "clause" in s ? s.clause : null,
          });
          audit({
            action: "closure.settle",
            entityType: "closure",
            entityId: c.id,
            cityId: p.cityId,
            after: { projectId: p.id, heldFen: held.heldFen, settledFen: app.settledFen, dueFen: s.dueFen },
          });
        }
      }
    }
    await repos.tracking.updateAssessment(a.cityId, a.id, {
      status,
      meanScore: outcome.mean,
      concludedBy: ctx.actor.userId,
      concludedAt: ctx.now,
      note: input.note,
    });
    audit({
      action: `assessment.${event}`,
      entityType: "assessment",
      entityId: a.id,
      cityId: a.cityId,
      before: { status: a.status },
      after: {
        status,
        mean: outcome.mean,
        grade: outcome.grade,
        note: input.note,
        ...(event === "pass" && input.verifiedRdFen !== undefined
          ? { verifiedRdFen: input.verifiedRdFen }
          : {}),
      },
    });
    const what = a.kind === "midTerm" ? "期中评估" : "结题验收";
    await repos.notifications.notifyApplicant(
      { cityId: p.cityId, unitId: p.unitId, piUserId: p.piUserId, createdBy: null },
      {
        titleZh: `${p.number} ${what}：${conclusionZh[event]}`,
        titleEn: `${p.number}: ${a.kind === "midTerm" ? "mid-term assessment" : "acceptance"} ${event}`,
        link: `/projects/${p.id}`,
        createdAt: ctx.now,
      },
    );
  });
}
