import type { ChangeRequestBody } from "@luoshu/contract";
import {
  type Approver,
  type BudgetLine,
  type ChangeEvent,
  type ChangeValue,
  changeDecider,
  changeMachine,
  checkAdjustedBudget,
  currentValue,
  DomainError,
  deciderRole,
  fire,
  invalidTransition,
  notFound,
} from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import { mustBeOpen, visibleProject } from "../execution/task-books.ts";
import type { LifeDeps } from "./closures.ts";
import type { ChangeRow } from "./project-life.repository.ts";

type Repos = LifeDeps["repos"];

const deciderNames: Record<Approver, { zh: string; en: string }> = {
  bureau: { zh: "市科技局审批", en: "the bureau's approval" },
  unit: { zh: "项目承担单位自主决定", en: "the unit's own decision" },
  principalInvestigator: { zh: "项目负责人自主决定", en: "the PI's own decision" },
};

/** The budget and end date as the task book set them and the effective changes left them. */
export async function currentTerms(
  repos: Pick<Repos, "execution" | "projectLife">,
  p: { cityId: string; id: string },
) {
  const [tb, changes] = await Promise.all([
    repos.execution.taskBook(p.cityId, p.id),
    repos.projectLife.changes(p.cityId, p.id),
  ]);
  const lines: BudgetLine[] = (tb?.content.budgetLines ?? []).map(({ category, amountFen }) => ({
    category,
    amountFen,
  }));
  return {
    tb,
    changes,
    budget: currentValue({ lines }, "budgetAdjustment", changes).lines,
    endDate: currentValue({ endDate: tb?.content.period?.endDate ?? null }, "extension", changes).endDate,
  };
}

/**
 * 变更申请 (DT-RULES §19; LY-FUNDS §18): what the change asks for is set against what stands, and the
 * city's policy names who decides. The bureau's changes wait for its approval on the unit's
 * application; the unit's and the PI's are their own decisions, recorded and in effect at once.
 */
export async function requestChange(
  deps: LifeDeps,
  input: { ctx: CallerContext; projectId: string; body: ChangeRequestBody },
) {
  const { ctx, body } = input;
  const { p, policy } = await visibleProject(deps.repos, deps.policies, ctx, input.projectId);
  mustBeOpen(p);
  const terms = await currentTerms(deps.repos, p);
  if (terms.tb?.status !== "signed")
    throw invalidTransition("项目尚未签订任务书、进入执行，无须变更。", "The project is not executing yet.");
  let before: ChangeValue;
  let after: ChangeValue;
  if (body.kind === "legalPerson") {
    before = { legalPersonName: await deps.repos.projectLife.unitLegalPerson(p.cityId, p.unitId) };
    after = { legalPersonName: body.legalPersonName };
  } else if (body.kind === "principalInvestigator") {
    const pi = await deps.repos.projectLife.unitPi(p.cityId, p.unitId, body.piUserId);
    if (!pi || pi.id === p.piUserId) {
      throw new DomainError({
        code: "VALIDATION",
        path: "piUserId",
        messageZh: "新的项目负责人须为本单位另一位项目负责人账号。",
        messageEn: "The new PI is another principal investigator account of the unit.",
      });
    }
    const was = p.piUserId ? await deps.repos.projectLife.person(p.piUserId) : undefined;
    before = { piUserId: p.piUserId, piName: was?.name ?? null };
    after = { piUserId: pi.id, piName: pi.name };
  } else if (body.kind === "extension") {
    if (terms.endDate !== null && body.endDate <= terms.endDate) {
      throw new DomainError({
        code: "VALIDATION",
        path: "endDate",
        messageZh: `延期后的结束日期须晚于现定的 ${terms.endDate}。`,
        messageEn: `The new end date lies after the current one, ${terms.endDate}.`,
      });
    }
    before = { endDate: terms.endDate };
    after = { endDate: body.endDate };
  } else {
    checkAdjustedBudget(policy, p.program, terms.budget, body.lines);
    before = { lines: terms.budget };
    after = { lines: body.lines };
  }
  const { decider, source } = changeDecider(
    policy,
    body.kind,
    body.kind === "budgetAdjustment"
      ? {
          before: terms.budget,
          after: body.lines,
          lumpSumPilot: terms.tb.content.lumpSumPilot?.source ?? null,
        }
      : undefined,
  );
  // the bureau's changes are the unit's application; the others the decider's own act
  const actor = decider === "bureau" ? "unitAdmin" : deciderRole[decider];
  const isPi = decider !== "principalInvestigator" || p.piUserId === ctx.actor.userId;
  if (!ctx.actor.roles.includes(actor) || !isPi) {
    throw new DomainError({
      code: "FORBIDDEN",
      messageZh: `该变更由${deciderNames[decider].zh}${decider === "bureau" ? "，由项目承担单位提出申请" : ""}。`,
      messageEn: `This change is ${deciderNames[decider].en}${decider === "bureau" ? ", on the unit's application" : ""}.`,
      ...source,
    });
  }
  const takesEffect = decider !== "bureau";
  return deps.tx.run(ctx, async (repos, audit) => {
    const row = await repos.projectLife.insertChange({
      cityId: p.cityId,
      projectId: p.id,
      kind: body.kind,
      before,
      after,
      reason: body.reason,
      status: takesEffect ? "recorded" : "requested",
      decider,
      clause: "clause" in source ? source.clause : null,
      requestedBy: ctx.actor.userId,
      requestedAt: ctx.now,
      ...(takesEffect ? { decidedBy: ctx.actor.userId, decidedAt: ctx.now } : {}),
    });
    if (takesEffect) await takeEffect(repos, p, row);
    audit({
      action: takesEffect ? "change.record" : "change.request",
      entityType: "changeRequest",
      entityId: row.id,
      before: { value: before },
      after: { projectId: p.id, kind: body.kind, value: after, decider },
    });
    return row;
  });
}

/** The bureau approves or refuses a change waiting for it; approving puts it into effect. */
export async function decideChange(
  deps: LifeDeps,
  input: { ctx: CallerContext; projectId: string; changeId: string; event: ChangeEvent; note: string },
) {
  const { ctx, event } = input;
  const { p } = await visibleProject(deps.repos, deps.policies, ctx, input.projectId);
  return deps.tx.run(ctx, async (repos, audit) => {
    const c = await repos.projectLife.change(p.cityId, input.changeId, true);
    if (!c || c.projectId !== p.id) throw notFound("变更申请不存在。", "No such change request.");
    if (c.status !== "requested") {
      throw new DomainError({
        code: "CONFLICT",
        messageZh: `该变更申请已${changeMachine.labels[c.status].zh}。`,
        messageEn: `The change is ${changeMachine.labels[c.status].en} already.`,
      });
    }
    const status = fire(changeMachine, c.status, event, ctx.actor.roles);
    if (event === "approve") mustBeOpen(p);
    const row = await repos.projectLife.updateChange(c, {
      status,
      decidedBy: ctx.actor.userId,
      decidedAt: ctx.now,
      note: input.note,
    });
    if (event === "approve") await takeEffect(repos, p, row);
    audit({
      action: `change.${event}`,
      entityType: "changeRequest",
      entityId: c.id,
      after: { note: input.note },
    });
    return row;
  });
}

/** What an effective change does beyond the project's own terms: the PI's account, the unit's legal person. */
async function takeEffect(repos: Repos, p: { cityId: string; id: string; unitId: string }, c: ChangeRow) {
  if (c.kind === "principalInvestigator" && "piUserId" in c.after && c.after.piUserId)
    await repos.projectLife.setPi(p.cityId, p.id, c.after.piUserId);
  if (c.kind === "legalPerson" && "legalPersonName" in c.after)
    await repos.projectLife.setLegalPerson(p.cityId, p.unitId, c.after.legalPersonName);
}
