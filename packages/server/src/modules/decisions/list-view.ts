import type { ProposedListAction, ProposedListDto } from "@luoshu/contract";
import {
  allowedEvents,
  applicationNumber,
  citeSource,
  departures,
  forwardPath,
  gradeCountsAgainst,
  nextActor,
  nextEvent,
  type Policy,
  proposedListMachine,
  roleNames,
  youthShare,
} from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { EntryRow, ListRow, ObjectionRow } from "./decisions.repository.ts";
import { type DecisionRepos, listNotFound, measureList, piOf, toFacts } from "./list-facts.ts";

export type ListViewDeps = { repos: DecisionRepos; policies: Policy[] };

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

/** When the list's notice is over for every entry on it (an entry moved up from reserve runs its own). */
export function noticeEndsAt(list: ListRow, entries: readonly EntryRow[]): Date | null {
  const ends = entries
    .filter((e) => e.decision === "selected" && e.noticeEndsAt)
    .map((e) => e.noticeEndsAt as Date);
  const all = list.noticeEndsAt ? [list.noticeEndsAt, ...ends] : ends;
  return all.length ? new Date(Math.max(...all.map((d) => d.getTime()))) : null;
}

/** The list as its officer, the leader and finance see it, with the caller's actions and why others are blocked. */
export async function listView(
  deps: ListViewDeps,
  ctx: CallerContext,
  list: ListRow,
): Promise<ProposedListDto> {
  const { decisions, reviews } = deps.repos;
  const earlier = deps.repos.projects;
  const [found, entries, objections, projects] = await Promise.all([
    reviews.findCall(list.cityId, list.callId),
    decisions.entries(list.cityId, list.id),
    decisions.objections(list.cityId, list.id),
    earlier.projectsOfList(list.cityId, list.id),
  ]);
  if (!found) throw listNotFound();
  const { policy, year, violations } = await measureList(deps.repos, deps.policies, list, entries);
  const apps = await decisions.applicationFacts(
    list.cityId,
    entries.map((e) => e.applicationId),
  );
  const appOf = new Map(apps.map((a) => [a.id, a]));
  const pis = new Map(apps.map((a) => [a.id, piOf(a.content, found.call.opensAt, policy)]));
  const [past, integrity] = await Promise.all([
    earlier.pastProjects(
      list.cityId,
      apps.map((a) => a.unitId),
      apps.flatMap((a) => (a.piUserId ? [a.piUserId] : [])),
    ),
    earlier.integrityOf(
      list.cityId,
      apps.map((a) => a.unitId),
      [...pis.values()].flatMap((p) => (p.digest ? [p.digest] : [])),
    ),
  ]);
  const departing = departures(entries.map(toFacts));
  const numberOf = new Map(projects.map((p) => [p.applicationId, p.number]));
  const program = policy.programs.find((p) => p.code === list.program);
  const selected = entries.filter((e) => e.decision === "selected");
  const listFen = selected.reduce((s, e) => s + e.amountFen, 0);
  const steps = list.steps;
  const ends = noticeEndsAt(list, entries);
  const titleOf = (id: string) => appOf.get(id)?.title ?? "";
  const cd = list.collectiveDecision;
  return {
    id: list.id,
    callId: list.callId,
    callName: found.call.nameZh,
    guideTitle: found.guide.titleZh,
    program: list.program,
    programName: program?.nameZh ?? list.program,
    year: list.year,
    status: list.status,
    policyVersion: list.policyVersion,
    steps: {
      collectiveDecision: citeSource(policy.decision.collectiveDecision.source),
      leaderApproval: citeSource(policy.decision.leaderApproval.source),
      cityGovernment: steps.cityGovernment ? citeSource(steps.cityGovernment) : null,
      publicNotice: steps.publicNotice
        ? {
            workingDays: steps.publicNotice.workingDays,
            source: citeSource(steps.publicNotice.source),
            periodSource: citeSource(steps.publicNotice.periodSource),
          }
        : null,
      coSign: steps.coSign ? citeSource(steps.coSign) : null,
    },
    path: forwardPath(steps),
    nextEvent: nextEvent(steps, list.status),
    waitingFor: nextActor(steps, list.status),
    overCapReason: list.overCapReason,
    youthShareReason: list.youthShareReason,
    collectiveDecision: cd
      ? {
          meeting: cd.meeting,
          heldOn: cd.heldOn,
          attendees: cd.attendees,
          decision: cd.decision,
          attachment: cd.attachment ? { fileName: cd.attachment.fileName, size: cd.attachment.size } : null,
          recordedAt: cd.recordedAt,
        }
      : null,
    leaderApproval: list.leaderApproval,
    cityGovernment: list.cityGovernment,
    coSign: list.coSign,
    returned: list.returned,
    notice:
      list.noticeStartedAt && ends
        ? {
            startedAt: list.noticeStartedAt.toISOString(),
            endsAt: ends.toISOString(),
            uncoveredYears: list.noticeUncoveredYears ?? [],
            ended: ctx.now >= ends,
          }
        : null,
    issuedAt: iso(list.issuedAt),
    summary: {
      selected: selected.length,
      reserve: entries.filter((e) => e.decision === "reserve").length,
      listFen,
      cap: program?.yearlyCap
        ? {
            count: program.yearlyCap.count,
            inPrinciple: program.yearlyCap.inPrinciple,
            issued: year.issuedInProgram,
            afterList: year.issuedInProgram + (list.status === "issued" ? 0 : selected.length),
            source: citeSource(program.yearlyCap.source),
          }
        : null,
      budget: {
        controlFen: year.controlFen,
        committedFen: year.committedFen,
        source: citeSource(policy.decision.budgetControl.source),
      },
      youthShare: youthShare(
        policy,
        list.program,
        list.status === "issued" ? [] : entries.map(toFacts),
        year,
      ),
    },
    violations,
    entries: entries.map((e) => {
      const a = appOf.get(e.applicationId);
      const pi = pis.get(e.applicationId);
      const others = past.filter((p) => p.applicationId !== e.applicationId);
      return {
        applicationId: e.applicationId,
        applicationNumber: a ? applicationNumber(a, policy) : "",
        title: a?.title ?? "",
        unitName: a?.unitName ?? "",
        piName: pi?.name ?? "",
        piYouth: e.piYouth,
        rank: e.rank,
        mean: e.mean === null ? null : e.mean / 100,
        decision: e.decision,
        reserveOrder: e.reserveOrder,
        departs: departing.has(e.applicationId),
        departureReason: e.departureReason,
        requestedFen: a?.requestedFen ?? 0,
        amountFen: e.amountFen,
        noticeEndsAt: iso(e.noticeEndsAt),
        changeNote: e.changeNote,
        projectNumber: numberOf.get(e.applicationId) ?? null,
        history: {
          unitProjects: others.filter((p) => p.unitId === a?.unitId).length,
          piProjects: others.filter((p) => a?.piUserId && p.piUserId === a.piUserId).length,
          grades: others
            .filter((p) => p.grade && (p.unitId === a?.unitId || (a?.piUserId && p.piUserId === a.piUserId)))
            .map((p) => ({
              number: p.number,
              grade: p.grade ?? "",
              countsAgainst: gradeCountsAgainst({ grade: p.grade, diligent: p.diligenceFinding !== null }),
            })),
          integrityRecords: integrity
            .filter((r) => r.unitId === a?.unitId || (pi?.digest && r.personDigest === pi.digest))
            .map((r) => ({
              subject: r.unitId === a?.unitId ? ("unit" as const) : ("person" as const),
              kind: r.kind,
              until: r.untilDate,
            })),
        },
      };
    }),
    objections: objections.map((o: ObjectionRow) => ({
      id: o.id,
      applicationId: o.applicationId,
      title: titleOf(o.applicationId),
      name: o.name,
      contact: o.contact,
      content: o.content,
      receivedAt: o.receivedAt.toISOString(),
      status: o.status,
      outcome: o.outcome,
      handledAt: iso(o.handledAt),
    })),
    ...actionsOf(ctx, list, violations.length, ends, objections),
  };
}

function actionsOf(
  ctx: CallerContext,
  list: ListRow,
  violationCount: number,
  ends: Date | null,
  objections: readonly ObjectionRow[],
) {
  const allowed: ProposedListAction[] = [];
  const blocked: ProposedListDto["blocked"] = [];
  const block = (action: ProposedListAction, zh: string, en: string) =>
    blocked.push({ action, reasonZh: zh, reasonEn: en });
  const roles = ctx.actor.roles;
  const officer = roles.includes("programOfficer");
  const events = allowedEvents(proposedListMachine, list.status, roles);
  const next = nextEvent(list.steps, list.status);
  const label = proposedListMachine.labels[list.status];
  const open = objections.filter((o) => o.status === "open").length;
  for (const event of Object.keys(
    proposedListMachine.transitions,
  ) as (keyof typeof proposedListMachine.transitions)[]) {
    const t = proposedListMachine.transitions[event];
    const forward = !["recall", "leaderReturn", "financeReturn"].includes(event);
    if (!t.roles.some((r) => roles.includes(r))) {
      const who = t.roles.map((r) => roleNames[r]);
      block(
        event,
        `此操作由${who.map((w) => w.zh).join("、")}执行。`,
        `Only the ${who.map((w) => w.en).join(", ")} may do this.`,
      );
    } else if (
      !events.includes(event) ||
      (forward && next !== event) ||
      (event === "financeReturn" && next !== "coSign")
    ) {
      block(
        event,
        `名单当前为“${label.zh}”，不能执行此操作。`,
        `The list is ${label.en}; this is not its next step.`,
      );
    } else if ((event === "submit" || event === "issue") && violationCount > 0) {
      block(
        event,
        `尚有 ${violationCount} 项问题须先解决（见名单检查）。`,
        `${violationCount} problems must be solved first (see the checks).`,
      );
    } else if (event === "closeNotice" && ends && ctx.now < ends) {
      block(event, "公示期尚未结束。", "The notice period has not ended.");
    } else if (event === "closeNotice" && open > 0) {
      block(event, `尚有 ${open} 件异议未处理。`, `${open} objections are still open.`);
    } else allowed.push(event);
  }
  const draft = list.status === "draft";
  for (const action of ["edit", "recordCollectiveDecision"] as const) {
    if (officer && draft) allowed.push(action);
    else
      block(
        action,
        officer ? "名单已提交，不能修改；退回后可修改。" : "仅项目主管可修改名单。",
        officer
          ? "The list has left the draft; it can change after a return."
          : "Only the program officer edits the list.",
      );
  }
  if (officer && !draft && list.status !== "issued") allowed.push("withdrawEntry");
  else
    block(
      "withdrawEntry",
      "名单拟订中可直接调整；下达后不能撤出。",
      "Adjust the draft directly; an issued list is final.",
    );
  if (officer && open > 0) allowed.push("handleObjection");
  else block("handleObjection", "没有待处理的异议。", "No objection waits.");
  return { allowedActions: allowed, blocked };
}
