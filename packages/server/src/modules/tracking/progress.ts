import type { ProgressReportBody } from "@luoshu/contract";
import {
  awaitsFiling,
  checkProgressReport,
  chinaDateOf,
  DomainError,
  fire,
  invalidTransition,
  type ProgressReportEvent,
  progressReportMachine,
  reportStanding,
} from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Transactor } from "../../lib/transaction.ts";
import type { Repositories } from "../../repositories.ts";
import { mustBeOpen, visibleProject } from "../execution/task-books.ts";
import { reportTermsOf } from "./tracking-terms.ts";

type Repos = Pick<
  Repositories,
  "execution" | "projectLife" | "tracking" | "notifications" | "reviews" | "ledger"
>;
export type TrackingDeps = {
  repos: Repos;
  tx: Transactor<Repos>;
  policies: import("@luoshu/domain").Policy[];
};

const forbidden = () => new DomainError({ code: "FORBIDDEN" });

/** The project in scope, open, with its task book signed and its report terms; refused before. */
export async function executing(deps: TrackingDeps, ctx: CallerContext, projectId: string) {
  const { p, policy, districtCode } = await visibleProject(deps.repos, deps.policies, ctx, projectId);
  mustBeOpen(p);
  const found = await reportTermsOf(deps.repos, policy, p);
  if (!found)
    throw invalidTransition(
      "项目尚未签订任务书、进入执行。",
      "The project's task book is not signed: it is not executing yet.",
    );
  return { p, policy, districtCode, ...found };
}

/** Whether the caller files for the project: the unit's administrator, or the project's own PI. */
export const isReporter = (ctx: CallerContext, p: { piUserId: string | null }) =>
  ctx.actor.roles.includes("unitAdmin") || p.piUserId === ctx.actor.userId;

function dueOf(schedule: readonly { period: number; dueDate: string; opensOn: string }[], period: number) {
  const due = schedule.find((d) => d.period === period);
  if (!due)
    throw new DomainError({
      code: "VALIDATION",
      path: "period",
      messageZh: "报告计划中没有该期。",
      messageEn: "The schedule has no such period.",
    });
  return due;
}

/**
 * 提交进展报告: the unit's administrator or the project's PI files a period's report once it has
 * opened, or files again one the bureau returned. The variances are computed and kept with it.
 */
export async function fileReport(
  deps: TrackingDeps,
  input: { ctx: CallerContext; projectId: string; body: ProgressReportBody },
) {
  const { ctx, body } = input;
  const { p, policy, terms, schedule } = await executing(deps, ctx, input.projectId);
  const roles = ctx.actor.roles;
  if (!isReporter(ctx, p)) throw forbidden();
  if (!terms)
    throw invalidTransition(
      "任务书未载明起止日期，不按期报告进展。",
      "The task book sets no period: no progress reports are scheduled.",
    );
  const due = dueOf(schedule, body.period);
  if (chinaDateOf(ctx.now) < due.opensOn)
    throw new DomainError({
      code: "VALIDATION",
      path: "period",
      messageZh: `该期报告自 ${due.opensOn} 起方可提交。`,
      messageEn: `This period's report may be filed from ${due.opensOn}.`,
    });
  const { period, ...content } = body;
  const variances = checkProgressReport(policy, terms, due, content);
  return deps.tx.run(ctx, async (repos, audit) => {
    const earlier = await repos.tracking.report(p.cityId, p.id, period, true);
    const filed = { content, variances, submittedBy: ctx.actor.userId, submittedAt: ctx.now };
    let id: string;
    if (earlier) {
      const status = fire(progressReportMachine, earlier.status, "resubmit", roles);
      await repos.tracking.updateReport(p.cityId, earlier.id, {
        ...filed,
        status,
        decidedBy: null,
        decidedAt: null,
        decisionNote: null,
      });
      id = earlier.id;
    } else {
      const r = await repos.tracking.insertReport({
        cityId: p.cityId,
        projectId: p.id,
        period,
        dueDate: due.dueDate,
        status: "submitted",
        ...filed,
      });
      id = r.id;
    }
    audit({
      action: "progressReport.file",
      entityType: "progressReport",
      entityId: id,
      cityId: p.cityId,
      after: { projectId: p.id, period, variances: variances.filter((v) => v.needsExplanation).length },
    });
  });
}

/** The bureau approves a submitted report, or returns it with what to mend; the unit and PI are told. */
export async function decideReport(
  deps: TrackingDeps,
  input: { ctx: CallerContext; projectId: string; period: number; event: ProgressReportEvent; note: string },
) {
  const { ctx } = input;
  const { p } = await visibleProject(deps.repos, deps.policies, ctx, input.projectId);
  if (!ctx.actor.roles.includes("programOfficer")) throw forbidden();
  mustBeOpen(p);
  await deps.tx.run(ctx, async (repos, audit) => {
    const r = await repos.tracking.report(p.cityId, p.id, input.period, true);
    if (!r)
      throw new DomainError({
        code: "NOT_FOUND",
        messageZh: "该期报告尚未提交。",
        messageEn: "No report was filed for this period.",
      });
    const status = fire(progressReportMachine, r.status, input.event, ctx.actor.roles);
    await repos.tracking.updateReport(p.cityId, r.id, {
      status,
      decidedBy: ctx.actor.userId,
      decidedAt: ctx.now,
      decisionNote: input.note,
    });
    audit({
      action: `progressReport.${input.event}`,
      entityType: "progressReport",
      entityId: r.id,
      cityId: p.cityId,
      before: { status: r.status },
      after: { status, note: input.note },
    });
    await repos.notifications.notifyApplicant(
      { cityId: p.cityId, unitId: p.unitId, piUserId: p.piUserId, createdBy: r.submittedBy },
      {
        titleZh: `${p.number} 第 ${r.period} 期进展报告${input.event === "approve" ? "已审核通过" : "被退回修改"}`,
        titleEn: `${p.number}: progress report ${r.period} ${input.event === "approve" ? "approved" : "returned"}`,
        link: `/projects/${p.id}`,
        createdAt: ctx.now,
      },
    );
  });
}

/**
 * 催报: the bureau reminds the unit's administrators and the PI of a report not filed (or returned);
 * once a day per report, so a double press is one reminder and one 409.
 */
export async function remindReport(
  deps: TrackingDeps,
  input: { ctx: CallerContext; projectId: string; period: number },
) {
  const { ctx } = input;
  const { p, schedule } = await executing(deps, ctx, input.projectId);
  if (!ctx.actor.roles.includes("programOfficer")) throw forbidden();
  const due = dueOf(schedule, input.period);
  const today = chinaDateOf(ctx.now);
  const report = (await deps.repos.tracking.report(p.cityId, p.id, input.period)) ?? null;
  const { standing } = reportStanding(due, report, today);
  if (!awaitsFiling(due, report, today))
    throw invalidTransition(
      "该期报告尚未临近应报日期，或已提交，无须催报。",
      "The report is not due within two weeks, or has been filed: there is nothing to remind of.",
      { standing },
    );
  await deps.tx.run(ctx, async (repos, audit) => {
    await repos.tracking.insertReminder({
      cityId: p.cityId,
      projectId: p.id,
      period: input.period,
      sentOn: today,
      sentBy: ctx.actor.userId,
      sentAt: ctx.now,
    });
    audit({
      action: "progressReport.remind",
      entityType: "project",
      entityId: p.id,
      cityId: p.cityId,
      after: { period: input.period, dueDate: due.dueDate, standing },
    });
    await repos.notifications.notifyApplicant(
      { cityId: p.cityId, unitId: p.unitId, piUserId: p.piUserId, createdBy: null },
      {
        titleZh: `请提交 ${p.number} 第 ${input.period} 期进展报告（应于 ${due.dueDate} 前提交）`,
        titleEn: `Please file ${p.number}'s progress report ${input.period} (due ${due.dueDate})`,
        link: `/projects/${p.id}`,
        createdAt: ctx.now,
      },
    );
  });
}
