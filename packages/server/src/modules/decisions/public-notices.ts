import type { PublicNoticeDto } from "@luoshu/contract";
import { citeSource, DomainError, type Policy } from "@luoshu/domain";
import type { RequestContext } from "../../lib/context.ts";
import type { Transactor } from "../../lib/transaction.ts";
import { policyOf } from "../reviews/review-access.ts";
import type { ListRow } from "./decisions.repository.ts";
import { type DecisionRepos, piOf } from "./list-facts.ts";
import { noticeEndsAt } from "./list-view.ts";

type Deps = { repos: DecisionRepos; policies: Policy[] };

/** Notices stay readable for this long after they end, so the public can see what was noticed. */
const shownAfterEnd = 30 * 86_400_000;
const noticed = ["inNotice", "noticeClosed", "coSigned", "issued"] as const;

/** 公示 for everyone, no login: the projects on each list in notice, and how long each runs. */
export async function publicNotices(deps: Deps, ctx: RequestContext): Promise<PublicNoticeDto[]> {
  const lists = (await deps.repos.decisions.listsInStates(null, noticed)).filter((l) => l.noticeStartedAt);
  const out: PublicNoticeDto[] = [];
  for (const list of lists) {
    const entries = await deps.repos.decisions.entries(list.cityId, list.id);
    const ends = noticeEndsAt(list, entries);
    if (!ends || ctx.now.getTime() - ends.getTime() > shownAfterEnd) continue;
    const found = await deps.repos.reviews.findCall(list.cityId, list.callId);
    const policy = policyOf(deps.policies, list.cityId, list.policyVersion);
    const shown = entries.filter((e) => e.decision === "selected" && e.noticeEndsAt);
    const apps = new Map(
      (
        await deps.repos.decisions.applicationFacts(
          list.cityId,
          shown.map((e) => e.applicationId),
        )
      ).map((a) => [a.id, a]),
    );
    out.push({
      listId: list.id,
      cityNameZh: policy.cityNameZh,
      callName: found?.call.nameZh ?? "",
      programName: policy.programs.find((p) => p.code === list.program)?.nameZh ?? list.program,
      startedAt: (list.noticeStartedAt as Date).toISOString(),
      endsAt: ends.toISOString(),
      ended: ctx.now >= ends,
      workingDays: list.steps.publicNotice?.workingDays ?? 0,
      source: list.steps.publicNotice ? citeSource(list.steps.publicNotice.source) : {},
      entries: shown.flatMap((e) => {
        const a = apps.get(e.applicationId);
        if (!a || !found) return [];
        return [
          {
            applicationId: a.id,
            title: a.title,
            unitName: a.unitName,
            piName: piOf(a.content, found.call.opensAt, policy).name,
            endsAt: (e.noticeEndsAt as Date).toISOString(),
          },
        ];
      }),
    });
  }
  return out;
}

/** Anyone may object to a project on a list while that project's notice runs. */
export async function raiseObjection(
  deps: Deps & { tx: Transactor<DecisionRepos> },
  input: {
    ctx: RequestContext;
    listId: string;
    body: { applicationId: string; name: string; contact: string; content: string };
  },
) {
  const { ctx, body } = input;
  await deps.tx.run(ctx, async (repos, audit) => {
    const lists = await repos.decisions.listsInStates(null, ["inNotice"]);
    const list: ListRow | undefined = lists.find((l) => l.id === input.listId);
    const entry = list
      ? (await repos.decisions.entries(list.cityId, list.id)).find(
          (e) => e.applicationId === body.applicationId,
        )
      : undefined;
    const open = entry?.decision === "selected" && entry.noticeEndsAt && ctx.now < entry.noticeEndsAt;
    if (!list || !open) {
      throw new DomainError({
        code: "OBJECTION_NOT_OPEN",
        messageZh: "该项目不在公示期内，不受理异议。",
        messageEn: "The project is not in its notice period.",
      });
    }
    await repos.decisions.insertObjection({
      cityId: list.cityId,
      listId: list.id,
      applicationId: body.applicationId,
      name: body.name,
      contact: body.contact,
      content: body.content,
      receivedAt: ctx.now,
      status: "open",
    });
    audit({
      action: "decision.objection.raise",
      entityType: "proposedList",
      entityId: list.id,
      cityId: list.cityId,
      after: { applicationId: body.applicationId },
    });
  });
}
