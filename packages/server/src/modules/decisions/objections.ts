import type { ProposedListDto } from "@luoshu/contract";
import { DomainError, notFound, noticePeriod } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import { chinaWorkingDays } from "../../lib/working-day-calendar.ts";
import type { EntryRow, ListRow } from "./decisions.repository.ts";
import type { DecisionRepos } from "./list-facts.ts";
import { lockList, type StepDeps } from "./list-steps.ts";
import { listView } from "./list-view.ts";

/**
 * Who moves up when a selected project leaves (withdrawn, or an objection upheld): the first entry
 * of the reserve list. During a notice it is published from now for the list's full period, so the
 * public may object to it too.
 */
async function promoteReserve(
  repos: DecisionRepos,
  list: ListRow,
  leaving: EntryRow,
  now: Date,
): Promise<string | null> {
  const reserve = (await repos.decisions.entries(list.cityId, list.id))
    .filter((e) => e.decision === "reserve")
    .sort((a, b) => (a.reserveOrder ?? 999) - (b.reserveOrder ?? 999) || (a.rank ?? 9999) - (b.rank ?? 9999));
  const up = reserve[0];
  if (!up) return null;
  // During a notice the one moving up is published from now for the list's full period of working days.
  const days = list.status === "inNotice" ? list.steps.publicNotice?.workingDays : undefined;
  const ends = days ? noticePeriod(chinaWorkingDays(), now, days).endsAt : null;
  await repos.decisions.updateEntry(up, {
    decision: "selected",
    reserveOrder: null,
    changeNote: `递补（替代第 ${leaving.rank ?? "—"} 名）`,
    noticeStartedAt: ends ? now : up.noticeStartedAt,
    noticeEndsAt: ends ?? up.noticeEndsAt,
  });
  return up.applicationId;
}

const selectedEntry = async (repos: DecisionRepos, list: ListRow, applicationId: string) => {
  const e = (await repos.decisions.entries(list.cityId, list.id)).find(
    (x) => x.applicationId === applicationId,
  );
  if (e?.decision !== "selected") {
    throw new DomainError({
      code: "VALIDATION",
      path: "applicationId",
      messageZh: "该项目不在拟立项名单上。",
      messageEn: "The project is not selected on the list.",
    });
  }
  return e;
};

/** The unit withdrew its project: it leaves the list and the first reserve moves up. */
export async function withdrawEntry(
  deps: StepDeps,
  input: { ctx: CallerContext; id: string; applicationId: string; reason: string },
): Promise<ProposedListDto> {
  const { ctx } = input;
  const list = await deps.tx.run(ctx, async (repos, audit) => {
    const list = await lockList(repos, ctx, input.id);
    if (list.status === "draft" || list.status === "issued") {
      throw new DomainError({
        code: "INVALID_TRANSITION",
        messageZh: "拟订中的名单可直接调整，已下达的名单不能撤出。",
        messageEn: "Adjust a draft directly; an issued list is final.",
      });
    }
    const e = await selectedEntry(repos, list, input.applicationId);
    await repos.decisions.updateEntry(e, { decision: "withdrawn", changeNote: `撤出：${input.reason}` });
    const promoted = await promoteReserve(repos, list, e, ctx.now);
    audit({
      action: "decision.entry.withdraw",
      entityType: "proposedList",
      entityId: list.id,
      cityId: list.cityId,
      after: { applicationId: e.applicationId, reason: input.reason, promoted },
    });
    return list;
  });
  return listView(deps, ctx, list);
}

/** The officer's outcome on an objection; an upheld one removes the project and moves the first reserve up. */
export async function handleObjection(
  deps: StepDeps,
  input: {
    ctx: CallerContext;
    id: string;
    objectionId: string;
    outcome: "upheld" | "dismissed";
    note: string;
  },
): Promise<ProposedListDto> {
  const { ctx } = input;
  const list = await deps.tx.run(ctx, async (repos, audit) => {
    const list = await lockList(repos, ctx, input.id);
    const o = await repos.decisions.lockObjection(list.cityId, input.objectionId);
    if (!o || o.listId !== list.id) throw notFound("异议不存在。", "No such objection.");
    if (o.status !== "open") {
      throw new DomainError({
        code: "CONFLICT",
        messageZh: "该异议已处理。",
        messageEn: "The objection has been handled already.",
      });
    }
    await repos.decisions.updateObjection(o, {
      status: input.outcome,
      outcome: input.note,
      handledBy: ctx.actor.userId,
      handledAt: ctx.now,
    });
    let promoted: string | null = null;
    if (input.outcome === "upheld") {
      const entries = await repos.decisions.entries(list.cityId, list.id);
      const e = entries.find((x) => x.applicationId === o.applicationId);
      if (e && e.decision === "selected" && list.status !== "issued") {
        await repos.decisions.updateEntry(e, { decision: "removed", changeNote: `异议成立：${input.note}` });
        promoted = await promoteReserve(repos, list, e, ctx.now);
      }
    }
    audit({
      action: `decision.objection.${input.outcome}`,
      entityType: "objection",
      entityId: o.id,
      cityId: list.cityId,
      after: { listId: list.id, applicationId: o.applicationId, note: input.note, promoted },
    });
    return list;
  });
  return listView(deps, ctx, list);
}
