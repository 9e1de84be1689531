import type {
  ProjectRectificationsDto,
  RectificationBody,
  RectificationDto,
  RectificationInboxDto,
  RectificationReportBody,
} from "@luoshu/contract";
import {
  allowedEvents,
  checkNewRectification,
  chinaDateOf,
  DomainError,
  decidesFor,
  fire,
  invalidTransition,
  notFound,
  type Policy,
  type RectificationEvent,
  type RectificationSource,
  raisingDepartment,
  rectificationMachine,
  rectificationStanding,
} from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Transactor } from "../../lib/transaction.ts";
import type { Repositories } from "../../repositories.ts";
import { mustBeOpen, visibleProject } from "../execution/task-books.ts";
import { isReporter } from "../tracking/progress.ts";
import type { RectificationRow } from "./rectifications.repository.ts";

type Repos = Pick<
  Repositories,
  "rectifications" | "execution" | "supervision" | "tracking" | "notifications"
>;
type ReadDeps = { repos: Repos; policies: Policy[] };
type Deps = ReadDeps & { tx: Transactor<Repos> };

const forbidden = () => new DomainError({ code: "FORBIDDEN" });
const badSource = () =>
  new DomainError({
    code: "VALIDATION",
    path: "sourceId",
    messageZh: "所选来源不是本项目的检查、评估或进展报告。",
    messageEn: "The source is no inspection, assessment or progress report of this project.",
  });

const sourceNames: Record<RectificationSource, { zh: string; en: string }> = {
  inspection: { zh: "检查", en: "Inspection" },
  midTerm: { zh: "期中评估", en: "Mid-term assessment" },
  acceptance: { zh: "验收", en: "Acceptance" },
  progressReport: { zh: "进展报告", en: "Progress report" },
};
const inspectionKindNames = {
  spotCheck: { zh: "随机抽查", en: "spot check" },
  audit: { zh: "审计", en: "audit" },
  financeCheck: { zh: "财务检查", en: "finance check" },
} as const;
const resultNames = {
  noIssues: { zh: "未发现问题", en: "no issues" },
  issuesFound: { zh: "发现问题", en: "issues found" },
} as const;

type Listed = Awaited<ReturnType<Repos["rectifications"]["list"]>>[number];

/** What the caller may do with an item: the unit reports, the raising department closes or reopens. */
function actionsOf(ctx: CallerContext, x: Listed): RectificationDto["actions"] {
  const roles = ctx.actor.roles;
  const events = allowedEvents(rectificationMachine, x.r.status, roles);
  return events.filter((e) =>
    e === "report" ? isReporter(ctx, { piUserId: x.piUserId }) : decidesFor(x.r.department, roles),
  );
}

type ListDeps = { repos: Pick<Repos, "rectifications" | "execution"> };

async function toDtos(deps: ListDeps, ctx: CallerContext, rows: Listed[]): Promise<RectificationDto[]> {
  const today = chinaDateOf(ctx.now);
  const names = await deps.repos.execution.displayNames(
    rows.flatMap((x) => [x.r.raisedBy, x.r.reportedBy, x.r.decidedBy]).filter((v): v is string => v !== null),
  );
  const by = (at: Date | null, who: string | null) =>
    at && who ? { at: at.toISOString(), byName: names.get(who) ?? "" } : null;
  return rows.map((x) => {
    const { r } = x;
    return {
      id: r.id,
      projectId: r.projectId,
      projectNumber: x.number,
      projectTitle: x.title,
      unitName: x.unitName,
      source: r.source,
      sourceId: r.sourceId,
      department: r.department,
      issue: r.issue,
      dueDate: r.dueDate,
      status: r.status,
      ...rectificationStanding(r, today),
      raised: { at: r.raisedAt.toISOString(), byName: names.get(r.raisedBy) ?? "" },
      response: r.response,
      evidence: r.evidence,
      reported: by(r.reportedAt, r.reportedBy),
      closeNote: r.closeNote,
      decided: by(r.decidedAt, r.decidedBy),
      actions: actionsOf(ctx, x),
    };
  });
}

/** The findings of the project an item may be raised from, for the raising form. */
async function sourceOptions(deps: ReadDeps, cityId: string, projectId: string) {
  const [inspections, assessments, reports] = await Promise.all([
    deps.repos.supervision.inspections({ kind: "city", cityId }),
    deps.repos.tracking.assessmentsOf(cityId, projectId),
    deps.repos.tracking.reports(cityId, [projectId]),
  ]);
  return [
    ...inspections
      .filter(({ i }) => i.projectId === projectId && i.result !== null)
      .map(({ i }) => ({
        source: "inspection" as const,
        id: i.id,
        labelZh: `${i.cycle} 年度${inspectionKindNames[i.kind].zh}（${i.result ? resultNames[i.result].zh : ""}）`,
        labelEn: `${i.cycle} ${inspectionKindNames[i.kind].en} (${i.result ? resultNames[i.result].en : ""})`,
      })),
    ...assessments
      .filter((a) => a.status !== "convened" && a.status !== "withdrawn")
      .map((a) => ({
        source: a.kind,
        id: a.id,
        labelZh: `${sourceNames[a.kind].zh}（${chinaDateOf(a.convenedAt)} 组织）`,
        labelEn: `${sourceNames[a.kind].en} (convened ${chinaDateOf(a.convenedAt)})`,
      })),
    ...reports.map((r) => ({
      source: "progressReport" as const,
      id: r.id,
      labelZh: `第 ${r.period} 期进展报告`,
      labelEn: `Progress report ${r.period}`,
    })),
  ];
}

/** The project's items, with what the caller may do, and (for an officer) the findings to raise from. */
export async function projectRectifications(
  deps: ReadDeps,
  ctx: CallerContext,
  projectId: string,
): Promise<ProjectRectificationsDto> {
  const { p } = await visibleProject(deps.repos, deps.policies, ctx, projectId);
  const rows = await deps.repos.rectifications.list(ctx.scope, { projectId: p.id });
  const items = await toDtos(deps, ctx, rows);
  const mayRaise = raisingDepartment(ctx.actor.roles) !== null && p.closedAs === null;
  return {
    items,
    total: items.length,
    actions: mayRaise ? ["raise"] : [],
    sourceOptions: mayRaise ? await sourceOptions(deps, p.cityId, p.id) : [],
  };
}

export const rectificationNeedsOf = ["report", "verify", "overdue"] as const;
export type RectificationNeed = (typeof rectificationNeedsOf)[number];

/**
 * The items in the caller's scope that need something: the unit's to report (open), the raising
 * department's to verify (reported), and everyone's overdue. A district reads its district's.
 */
export async function rectificationInbox(
  deps: ListDeps,
  ctx: CallerContext,
  need: RectificationNeed,
): Promise<RectificationInboxDto> {
  const today = chinaDateOf(ctx.now);
  const rows = await deps.repos.rectifications.list(ctx.scope, {
    statuses: need === "verify" ? ["reported"] : ["open"],
  });
  const roles = ctx.actor.roles;
  const wanted = rows.filter((x) => {
    if (need === "overdue") return rectificationStanding(x.r, today).standing === "overdue";
    if (need === "verify") return decidesFor(x.r.department, roles) || !raisingDepartment(roles);
    // a PI reads the unit's projects but reports only on its own
    return !roles.includes("principalInvestigator") || roles.includes("unitAdmin")
      ? true
      : x.piUserId === ctx.actor.userId;
  });
  const items = await toDtos(deps, ctx, wanted);
  return { items, total: items.length };
}

/** Checks that the source names a finding of this project: an inspection with its result, a concluded panel, a report. */
async function checkSource(
  repos: Repos,
  p: { cityId: string; id: string },
  source: RectificationSource,
  sourceId: string | undefined,
) {
  if (!sourceId)
    throw new DomainError({
      code: "VALIDATION",
      path: "sourceId",
      messageZh: "请选择整改问题的来源。",
      messageEn: "Choose what the issue was found in.",
    });
  if (source === "inspection") {
    const i = await repos.supervision.inspection(p.cityId, sourceId);
    if (!i || i.projectId !== p.id) throw badSource();
    if (i.result === null)
      throw invalidTransition(
        "该检查尚未登记结果，不能据此提出整改。",
        "The inspection has no result yet: no item can be raised from it.",
      );
  } else if (source === "progressReport") {
    const reports = await repos.tracking.reports(p.cityId, [p.id]);
    if (!reports.some((r) => r.id === sourceId)) throw badSource();
  } else {
    const a = (await repos.tracking.assessmentsOf(p.cityId, p.id)).find((x) => x.id === sourceId);
    if (!a || a.kind !== source) throw badSource();
    if (a.status === "convened" || a.status === "withdrawn")
      throw invalidTransition(
        "该评估尚未作出结论，不能据此提出整改。",
        "The assessment has not concluded: no item can be raised from it.",
      );
  }
}

/**
 * 提出整改 (LY-FUNDS §10, §23): the S&T bureau's or the finance bureau's officer sends a finding back
 * to the project's unit with a deadline; the unit and the PI are told.
 */
export async function raiseRectification(
  deps: Deps,
  input: { ctx: CallerContext; projectId: string; body: RectificationBody },
): Promise<RectificationRow> {
  const { ctx, body } = input;
  const department = raisingDepartment(ctx.actor.roles);
  if (!department) throw forbidden();
  const { p } = await visibleProject(deps.repos, deps.policies, ctx, input.projectId);
  mustBeOpen(p);
  checkNewRectification(body, chinaDateOf(ctx.now));
  await checkSource(deps.repos, p, body.source, body.sourceId);
  return deps.tx.run(ctx, async (repos, audit) => {
    const row = await repos.rectifications.insert({
      cityId: p.cityId,
      projectId: p.id,
      source: body.source,
      sourceId: body.sourceId ?? null,
      department,
      issue: body.issue,
      dueDate: body.dueDate,
      status: "open",
      raisedBy: ctx.actor.userId,
      raisedAt: ctx.now,
    });
    audit({
      action: "rectification.raise",
      entityType: "rectification",
      entityId: row.id,
      cityId: p.cityId,
      after: {
        projectId: p.id,
        source: body.source,
        sourceId: body.sourceId ?? null,
        department,
        dueDate: body.dueDate,
      },
    });
    await repos.notifications.notifyApplicant(
      { cityId: p.cityId, unitId: p.unitId, piUserId: p.piUserId, createdBy: null },
      {
        titleZh: `${p.number} 有整改事项，请于 ${body.dueDate} 前整改并报送整改情况`,
        titleEn: `${p.number}: an issue to correct, to be reported by ${body.dueDate}`,
        link: `/projects/${p.id}`,
        createdAt: ctx.now,
      },
    );
    return row;
  });
}

/** A second press of what was just done is a conflict, not a rule: someone (perhaps the caller) did it. */
function fireOrConflict(r: RectificationRow, event: RectificationEvent, ctx: CallerContext) {
  const target = rectificationMachine.transitions[event].to;
  // an open item never sent back has not been reopened by anyone: reopening it is a rule, not a race
  const raced = event === "reopen" ? r.decidedBy !== null : true;
  if (r.status === target && raced && !rectificationMachine.transitions[event].from.includes(r.status))
    throw new DomainError({
      code: "CONFLICT",
      messageZh: "该整改事项刚刚已被处理，请刷新后查看。",
      messageEn: "The item has just been dealt with: reload.",
      details: { status: r.status },
    });
  return fire(rectificationMachine, r.status, event, ctx.actor.roles);
}

/** 报送整改情况: the unit's administrator or the project's PI says what was corrected, with evidence. */
export async function reportRectification(
  deps: Deps,
  input: { ctx: CallerContext; projectId: string; id: string; body: RectificationReportBody },
) {
  const { ctx, body } = input;
  const { p } = await visibleProject(deps.repos, deps.policies, ctx, input.projectId);
  if (!isReporter(ctx, p)) throw forbidden();
  await deps.tx.run(ctx, async (repos, audit) => {
    const r = await repos.rectifications.one(p.cityId, p.id, input.id, true);
    if (!r) throw notFound("整改事项不存在。", "No such rectification item.");
    const status = fireOrConflict(r, "report", ctx);
    await repos.rectifications.update(r, {
      status,
      response: body.response,
      evidence: body.evidence,
      reportedBy: ctx.actor.userId,
      reportedAt: ctx.now,
    });
    audit({
      action: "rectification.report",
      entityType: "rectification",
      entityId: r.id,
      cityId: p.cityId,
      before: { status: r.status },
      after: { status, projectId: p.id },
    });
  });
}

/** 核验销号 or 退回: the department that raised the item closes it, or sends it back; reopening tells the unit. */
export async function decideRectification(
  deps: Deps,
  input: { ctx: CallerContext; projectId: string; id: string; event: "close" | "reopen"; note: string },
) {
  const { ctx, event } = input;
  const { p } = await visibleProject(deps.repos, deps.policies, ctx, input.projectId);
  if (!raisingDepartment(ctx.actor.roles)) throw forbidden();
  await deps.tx.run(ctx, async (repos, audit) => {
    const r = await repos.rectifications.one(p.cityId, p.id, input.id, true);
    if (!r) throw notFound("整改事项不存在。", "No such rectification item.");
    if (!decidesFor(r.department, ctx.actor.roles))
      throw new DomainError({
        code: "FORBIDDEN",
        messageZh: "整改事项由提出的部门核验。",
        messageEn: "The department that raised the item decides on it.",
      });
    const status = fireOrConflict(r, event, ctx);
    await repos.rectifications.update(r, {
      status,
      closeNote: input.note,
      decidedBy: ctx.actor.userId,
      decidedAt: ctx.now,
    });
    audit({
      action: `rectification.${event}`,
      entityType: "rectification",
      entityId: r.id,
      cityId: p.cityId,
      before: { status: r.status },
      after: { status, note: input.note, projectId: p.id },
    });
    if (event === "reopen")
      await repos.notifications.notifyApplicant(
        { cityId: p.cityId, unitId: p.unitId, piUserId: p.piUserId, createdBy: r.reportedBy },
        {
          titleZh: `${p.number} 的整改情况未获认可，请继续整改（期限 ${r.dueDate}）`,
          titleEn: `${p.number}: the correction was not accepted; correct further (due ${r.dueDate})`,
          link: `/projects/${p.id}`,
          createdAt: ctx.now,
        },
      );
  });
}
