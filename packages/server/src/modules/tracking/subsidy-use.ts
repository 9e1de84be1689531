import type { SubsidyUseBody, SubsidyUseDto, SubsidyUseEvent } from "@luoshu/contract";
import {
  checkSubsidyUse,
  checkSubsidyUseDecision,
  citeSource,
  DomainError,
  fire,
  flaggedNoteMinLength,
  flagsOf,
  notFound,
  type Policy,
  type SubsidyUseRules,
  subsidyUseMachine,
} from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Transactor } from "../../lib/transaction.ts";
import type { Repositories } from "../../repositories.ts";
import { mustBeOpen, visibleProject } from "../execution/task-books.ts";
import { postSubsidies } from "./acceptance-view.ts";
import { isReporter } from "./progress.ts";
import type { SubsidyUseRow } from "./subsidy-use.repository.ts";

type Repos = Pick<Repositories, "execution" | "subsidyUse" | "notifications">;
export type SubsidyUseDeps = { repos: Repos; tx: Transactor<Repos>; policies: Policy[] };

const forbidden = () => new DomainError({ code: "FORBIDDEN" });
const notDue = (messageZh: string, messageEn: string) =>
  new DomainError({ code: "SUBSIDY_USE_NOT_DUE", clause: "LY-FUNDS §20", messageZh, messageEn });

/** The city's list of uses, or the refusal of a city that pays no post-subsidy. */
function rulesOf(policy: Policy): SubsidyUseRules {
  const rules = policy.tracking.subsidyUse;
  if (!rules)
    throw new DomainError({
      code: "SUBSIDY_USE_NOT_DUE",
      setting: "city",
      messageZh: "本市不设后补助，无须报告后补助资金使用情况。",
      messageEn: "The city pays no post-subsidy: there is no use to report.",
    });
  return rules;
}

/**
 * 后补助资金使用报告 as the project page shows it: the city's purposes with their sources, each paid
 * post-subsidy with its report (each use flagged where the clause forbids it) and what the caller
 * may do next.
 */
export async function subsidyUseOf(deps: SubsidyUseDeps, ctx: CallerContext, projectId: string) {
  const { p, policy } = await visibleProject(deps.repos, deps.policies, ctx, projectId);
  const rules = policy.tracking.subsidyUse;
  if (!rules) return { rules: null, payments: [] } satisfies SubsidyUseDto;
  const [{ pays, graded }, reports] = await Promise.all([
    postSubsidies(deps.repos, p),
    deps.repos.subsidyUse.ofProject(p.cityId, p.id),
  ]);
  const byPayment = new Map(reports.map((r) => [r.paymentId, r]));
  const names = await deps.repos.execution.displayNames(
    reports.flatMap((r) => [r.submittedBy, r.decidedBy]).filter((x): x is string => !!x),
  );
  const reporter = isReporter(ctx, p) && p.closedAs === null;
  const officer = ctx.actor.roles.includes("programOfficer");
  const shown = pays.filter((x) => byPayment.has(x.id) || (graded.has(x.node) && x.status === "paid"));
  return {
    rules: {
      purposes: rules.purposes.map((x) => ({
        code: x.code,
        nameZh: x.nameZh,
        nameEn: x.nameEn,
        forbidden: x.forbidden,
        citation: citeSource(x.source),
      })),
      citation: citeSource(rules.source),
      flaggedNoteMinLength,
    },
    payments: shown.map((x) => {
      const r = byPayment.get(x.id);
      return {
        paymentId: x.id,
        node: x.node,
        amountFen: x.amountFen,
        paidAt: x.paidAt?.toISOString() ?? null,
        treasuryRef: x.treasuryRef,
        report: r ? reportDto(rules, r, names) : null,
        actions: [
          ...(reporter && (!r || r.status === "returned") ? (["file"] as const) : []),
          ...(officer && r?.status === "submitted" ? (["acknowledge", "return"] as const) : []),
        ],
      };
    }),
  } satisfies SubsidyUseDto;
}

function reportDto(rules: SubsidyUseRules, r: SubsidyUseRow, names: Map<string, string>) {
  const flags = flagsOf(rules, r.uses);
  return {
    id: r.id,
    status: r.status,
    uses: r.uses.map((u, i) => ({
      ...u,
      forbidden: flags[i]?.forbidden ?? false,
      citation: flags[i]?.citation ?? citeSource(rules.source),
    })),
    totalFen: r.uses.reduce((s, u) => s + u.amountFen, 0),
    flagged: flags.filter((f) => f.forbidden).length,
    submittedByName: names.get(r.submittedBy) ?? null,
    submittedAt: r.submittedAt.toISOString(),
    decidedByName: r.decidedBy ? (names.get(r.decidedBy) ?? null) : null,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decisionNote: r.decisionNote,
  };
}

/**
 * 报告后补助资金使用情况 (LY-FUNDS §20): the unit's administrator or the project's PI reports how a
 * paid post-subsidy was used, or reports again one the bureau returned. A use the clause forbids is
 * filed as reported (the unit's truthful account) and flagged with the clause for the bureau.
 */
export async function fileSubsidyUse(
  deps: SubsidyUseDeps,
  input: { ctx: CallerContext; projectId: string; body: SubsidyUseBody },
) {
  const { ctx, body } = input;
  const { p, policy } = await visibleProject(deps.repos, deps.policies, ctx, input.projectId);
  if (!isReporter(ctx, p)) throw forbidden();
  mustBeOpen(p);
  const rules = rulesOf(policy);
  const { pays, graded } = await postSubsidies(deps.repos, p);
  const payment = pays.find((x) => x.id === body.paymentId);
  if (!payment) throw notFound("该项目没有这笔拨款。", "The project has no such payment.");
  if (!graded.has(payment.node))
    throw notDue(
      "该笔拨款不是绩效评价后拨付的后补助资金。",
      "This payment is not a post-subsidy paid after the grade.",
    );
  if (payment.status !== "paid")
    throw notDue("该笔后补助资金尚未拨付。", "This post-subsidy has not been paid yet.");
  const uses = body.uses.map((u) => ({
    purpose: u.purpose,
    amountFen: u.amountFen,
    description: u.description,
  }));
  checkSubsidyUse(rules, uses, payment.amountFen);
  const flags = flagsOf(rules, uses);
  await deps.tx.run(ctx, async (repos, audit) => {
    const earlier = await repos.subsidyUse.ofPayment(p.cityId, payment.id, true);
    const filed = { uses, submittedBy: ctx.actor.userId, submittedAt: ctx.now };
    let id: string;
    if (earlier) {
      if (earlier.status !== "returned")
        throw new DomainError({
          code: "CONFLICT",
          path: "paymentId",
          messageZh: "该笔后补助资金的使用报告已提交，请刷新后查看。",
          messageEn: "The use of this post-subsidy has been reported already; reload to see it.",
        });
      const status = fire(subsidyUseMachine, earlier.status, "resubmit", ctx.actor.roles);
      await repos.subsidyUse.update(p.cityId, earlier.id, {
        ...filed,
        status,
        decidedBy: null,
        decidedAt: null,
        decisionNote: null,
      });
      id = earlier.id;
    } else {
      id = (
        await repos.subsidyUse.insert({
          cityId: p.cityId,
          projectId: p.id,
          paymentId: payment.id,
          status: "submitted",
          ...filed,
        })
      ).id;
    }
    audit({
      action: "subsidyUse.file",
      entityType: "subsidyUse",
      entityId: id,
      cityId: p.cityId,
      before: earlier ? { status: earlier.status, uses: earlier.uses } : undefined,
      after: {
        projectId: p.id,
        paymentId: payment.id,
        uses,
        forbidden: flags.filter((f) => f.forbidden).map((f) => f.purpose),
      },
    });
  });
}

/**
 * The bureau acknowledges a report or returns it with what to correct; the unit and the PI are told.
 * A report with a forbidden use is acknowledged only with a note of what follows (recovery, a
 * sanction under LY-FUNDS §25): acknowledging records that the bureau has read it, not that the use
 * was allowed.
 */
export async function decideSubsidyUse(
  deps: SubsidyUseDeps,
  input: { ctx: CallerContext; projectId: string; reportId: string; event: SubsidyUseEvent; note: string },
) {
  const { ctx } = input;
  const { p, policy } = await visibleProject(deps.repos, deps.policies, ctx, input.projectId);
  if (!ctx.actor.roles.includes("programOfficer")) throw forbidden();
  const rules = rulesOf(policy);
  await deps.tx.run(ctx, async (repos, audit) => {
    const r = await repos.subsidyUse.byId(p.cityId, input.reportId, true);
    if (!r || r.projectId !== p.id)
      throw notFound("该项目没有这份使用报告。", "The project has no such use report.");
    const status = fire(subsidyUseMachine, r.status, input.event, ctx.actor.roles);
    const flags = flagsOf(rules, r.uses);
    checkSubsidyUseDecision(input.event, flags, input.note);
    const note = input.note.trim();
    await repos.subsidyUse.update(p.cityId, r.id, {
      status,
      decidedBy: ctx.actor.userId,
      decidedAt: ctx.now,
      decisionNote: note || null,
    });
    audit({
      action: `subsidyUse.${input.event}`,
      entityType: "subsidyUse",
      entityId: r.id,
      cityId: p.cityId,
      before: { status: r.status },
      after: { status, note, forbidden: flags.filter((f) => f.forbidden).map((f) => f.purpose) },
    });
    const returned = input.event === "return";
    await repos.notifications.notifyApplicant(
      { cityId: p.cityId, unitId: p.unitId, piUserId: p.piUserId, createdBy: r.submittedBy },
      {
        titleZh: `${p.number} 后补助资金使用报告${returned ? "被退回修改" : "已确认"}`,
        titleEn: `${p.number}: the post-subsidy use report was ${returned ? "returned" : "acknowledged"}`,
        link: `/projects/${p.id}`,
        createdAt: ctx.now,
      },
    );
  });
}
