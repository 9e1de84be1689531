import type { ProposedListEventName } from "@luoshu/contract";
import {
  chinaDateOf,
  citeSource,
  DomainError,
  fire,
  nextEvent,
  noticePeriod,
  type Policy,
  proposedListMachine,
} from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Transactor } from "../../lib/transaction.ts";
import { chinaWorkingDays } from "../../lib/working-day-calendar.ts";
import type { Repositories } from "../../repositories.ts";
import { policyOf } from "../reviews/review-access.ts";
import { stepRecordOf } from "./decision-shared.ts";
import type { ListRow } from "./decisions.repository.ts";
import { issueProjects, reserveNumbers } from "./issue-projects.ts";
import { type DecisionRepos, listNotFound, measureList } from "./list-facts.ts";
import { type ListViewDeps, listView, noticeEndsAt } from "./list-view.ts";

type StepRepos = DecisionRepos & Pick<Repositories, "notifications">;
export type StepDeps = ListViewDeps & { tx: Transactor<StepRepos> };

export interface StepInput {
  note: string | null;
  approvedOn?: string;
  docNumber?: string;
}

const backwards: readonly ProposedListEventName[] = ["recall", "leaderReturn", "financeReturn"];

/** Loads and locks a list of the caller's city. */
export async function lockList(repos: DecisionRepos, ctx: CallerContext, id: string): Promise<ListRow> {
  const list = await repos.decisions.lockList(ctx.actor.cityId ?? "", id);
  if (!list) throw listNotFound();
  return list;
}

const needs = (value: string | null | undefined, path: string, zh: string, en: string): string => {
  if (!value?.trim()) throw new DomainError({ code: "VALIDATION", path, messageZh: zh, messageEn: en });
  return value;
};

/**
 * One step of a list: the machine says who may fire it from where; the list's own steps (from the
 * policy, fixed when it was drawn) say whether it is the step the list waits for. Every step is
 * recorded on the list and audited.
 */
export async function fireListEvent(
  deps: StepDeps,
  input: { ctx: CallerContext; id: string; event: ProposedListEventName; body: StepInput },
) {
  const { ctx, event, body } = input;
  const list = await deps.tx.run(ctx, async (repos, audit) => {
    const list = await lockList(repos, ctx, input.id);
    const to = fire(proposedListMachine, list.status, event, ctx.actor.roles);
    const next = nextEvent(list.steps, list.status);
    const expected = event === "financeReturn" ? "coSign" : event;
    if (!backwards.includes(event) || event === "financeReturn") {
      if (next !== expected) {
        throw new DomainError({
          code: "DECISION_STEP_PENDING",
          messageZh: "名单尚未到这一环节。",
          messageEn: `The list waits for ${next ?? "nothing"}, not ${event}.`,
          details: { next },
        });
      }
    }
    const record = stepRecordOf(ctx, body.note);
    const entries = await repos.decisions.entries(list.cityId, list.id);
    const changes: Partial<ListRow> = { status: to, updatedAt: ctx.now };
    switch (event) {
      case "submit": {
        const { violations } = await measureList(repos, deps.policies, list, entries);
        if (violations[0]) throw DomainError.all([violations[0], ...violations.slice(1)]);
        changes.returned = null;
        break;
      }
      case "leaderApprove":
        changes.leaderApproval = record;
        break;
      case "leaderReturn":
      case "financeReturn":
        needs(body.note, "note", "退回须写明理由。", "A return needs its reason.");
        changes.returned = { ...record, role: event === "leaderReturn" ? "bureauLeader" : "financeOfficer" };
        changes.leaderApproval = null;
        changes.cityGovernment = null;
        break;
      case "recordCityGovernment":
        changes.cityGovernment = {
          ...record,
          approvedOn: needs(
            body.approvedOn,
            "approvedOn",
            "请填写市政府批准日期。",
            "Give the date of the city government's approval.",
          ),
          docNumber: needs(
            body.docNumber,
            "docNumber",
            "请填写市政府批准文号。",
            "Give the number of the city government's document.",
          ),
        };
        break;
      case "startNotice":
        await startNotice(repos, list, changes, ctx.now);
        break;
      case "closeNotice":
        await mustEndNotice(repos, list, ctx.now);
        break;
      case "coSign":
        changes.coSign = record;
        break;
      case "issue":
        await issue(deps.policies, repos, list, ctx);
        changes.issuedAt = ctx.now;
        break;
    }
    await repos.decisions.updateList(list, changes);
    audit({
      action: `decision.list.${event}`,
      entityType: "proposedList",
      entityId: list.id,
      cityId: list.cityId,
      before: { status: list.status },
      after: { status: to, note: body.note, approvedOn: body.approvedOn, docNumber: body.docNumber },
    });
    return { ...list, ...changes };
  });
  return listView(deps, ctx, list);
}

async function startNotice(repos: StepRepos, list: ListRow, changes: Partial<ListRow>, now: Date) {
  const days = list.steps.publicNotice?.workingDays ?? 0;
  const period = noticePeriod(chinaWorkingDays(), now, days);
  changes.noticeStartedAt = now;
  changes.noticeEndsAt = period.endsAt;
  changes.noticeUncoveredYears = period.uncoveredYears;
  for (const e of await repos.decisions.entries(list.cityId, list.id)) {
    if (e.decision === "selected") {
      await repos.decisions.updateEntry(e, { noticeStartedAt: now, noticeEndsAt: period.endsAt });
    }
  }
}

async function mustEndNotice(repos: StepRepos, list: ListRow, now: Date) {
  const ends = noticeEndsAt(list, await repos.decisions.entries(list.cityId, list.id));
  if (ends && now < ends) {
    throw new DomainError({
      code: "DECISION_NOTICE_RUNNING",
      messageZh: `公示期至 ${chinaDateOf(new Date(ends.getTime() - 1))} 结束，尚未期满。`,
      messageEn: `The notice runs until the end of ${chinaDateOf(new Date(ends.getTime() - 1))}.`,
      ...(list.steps.publicNotice ? citeSource(list.steps.publicNotice.source) : {}),
    });
  }
  const open = (await repos.decisions.objections(list.cityId, list.id)).filter((o) => o.status === "open");
  if (open.length) {
    throw new DomainError({
      code: "DECISION_OBJECTIONS_OPEN",
      messageZh: `尚有 ${open.length} 件异议未处理。`,
      messageEn: `${open.length} objections are still open.`,
    });
  }
}

/**
 * 下达立项: the list is measured again under the year's control-number lock, then each selected
 * entry becomes a project numbered from the counter of (city, year, program) in rank order, bound
 * to the policy version in force today (DT-RULES §24), and every applicant on the list is told.
 */
async function issue(policies: readonly Policy[], repos: StepRepos, list: ListRow, ctx: CallerContext) {
  const entries = await repos.decisions.entries(list.cityId, list.id);
  const selected = entries.filter((e) => e.decision === "selected");
  const drawnUnder = policyOf(policies, list.cityId, list.policyVersion);
  // The counter's row lock comes first: lists of one program and year are issued one after the
  // other, each measured against the projects the one before it committed (a rollback returns its numbers).
  const numberOf = await reserveNumbers(repos, drawnUnder, list, selected.length);
  const { violations } = await measureList(repos, policies, list, entries, true);
  if (violations[0]) throw DomainError.all([violations[0], ...violations.slice(1)]);
  const apps = new Map(
    (
      await repos.decisions.applicationFacts(
        list.cityId,
        entries.map((e) => e.applicationId),
      )
    ).map((a) => [a.id, a]),
  );
  const projects = await issueProjects(
    repos,
    policies,
    ctx,
    { ...list, origin: "proposedList", numberOf, fallback: drawnUnder },
    selected.map((e) => {
      const a = apps.get(e.applicationId);
      if (!a) throw listNotFound();
      return {
        applicationId: e.applicationId,
        callId: list.callId,
        listId: list.id,
        commissionId: null,
        unitId: a.unitId,
        piUserId: a.piUserId,
        title: a.title,
        amountFen: e.amountFen,
        piYouth: e.piYouth,
      };
    }),
  );
  const numbers = new Map(projects.map((p) => [p.applicationId, p.number]));
  for (const a of apps.values()) {
    const number = numbers.get(a.id);
    await repos.notifications.notifyApplicant(a, {
      titleZh: number
        ? `“${a.title}”已立项，项目编号 ${number}`
        : `“${a.title}”未列入本批立项，可查看评审结果`,
      titleEn: number
        ? `"${a.title}" is approved as project ${number}`
        : `"${a.title}" was not approved; see its review result`,
      link: `/applications/${a.id}`,
      createdAt: ctx.now,
    });
  }
}
