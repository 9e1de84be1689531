import {
  type Application,
  applicationMachine,
  type ChecklistAnswer,
  checkRecommendation,
  checkReturn,
  commitmentScanCode,
  DomainError,
  fire,
  type GuideContent,
  reviewQueueNotice,
} from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Transactor } from "../../lib/transaction.ts";
import type { GuidesRepository } from "../guides/guides.repository.ts";
import type { NotificationsRepository } from "../workspace/notifications.repository.ts";
import { applicationNotFound } from "./application-errors.ts";
import type { ApplicationsRepository } from "./applications.repository.ts";
import { type ApplicationViewDeps, getApplication } from "./read-applications.ts";

export type ReviewDecision =
  | { event: "recommend"; rank: number; reason?: string }
  | {
      event: "districtReturn" | "formalReturn";
      reason: string;
      deadline: string;
      checklist?: ChecklistResult[];
    }
  | { event: "districtReject" | "formalReject"; reason: string; checklist?: ChecklistResult[] }
  | { event: "formalPass"; reason?: string; checklist: ChecklistResult[] };

type ChecklistResult = ChecklistAnswer;

type Repos = {
  applications: Pick<
    ApplicationsRepository,
    "lock" | "update" | "insertEvent" | "countRecommended" | "removeAttachment"
  >;
  guides: Pick<GuidesRepository, "find" | "lock">;
  notifications: Pick<NotificationsRepository, "notifyApplicant" | "notifyQueue">;
};

const need = (ok: boolean, messageZh: string, messageEn: string, path: string) => {
  if (!ok) throw new DomainError({ code: "VALIDATION", messageZh, messageEn, path });
};

/**
 * District preliminary review (LY-FUNDS §8) and the agency's formal check (LY-FUNDS §9): one decision
 * per call, fired through the application's state machine, with reasons the applicant will see.
 */
export async function reviewApplication(
  deps: ApplicationViewDeps & { tx: Transactor<Repos> },
  input: { ctx: CallerContext; id: string; decision: ReviewDecision },
) {
  const { ctx, decision } = input;
  await deps.tx.run(ctx, async (repos, audit) => {
    const { applications } = repos;
    const a = await applications.lock(ctx.scope, input.id);
    if (!a) throw applicationNotFound();
    const from = a.status;
    const to = fire(applicationMachine, from, decision.event, ctx.actor.roles);
    // A recommendation counts against the guide's district quota: the guide's row lock makes
    // concurrent recommendations count one after another (six at once within a quota of two
    // recommended six before), never check-then-write.
    const guideOf = decision.event === "recommend" ? repos.guides.lock : repos.guides.find;
    const found = await guideOf({ kind: "city", cityId: a.cityId }, a.guideId);
    const changes = await checkDecision(repos, a, decision, found?.guide.content, ctx.now);
    await applications.update(a, { status: to, updatedAt: ctx.now, ...changes });
    await applications.insertEvent(a, {
      event: decision.event,
      fromState: from,
      toState: to,
      revision: a.revision,
      actorId: ctx.actor.userId,
      actorRole: ctx.role,
      reason: decision.reason ?? null,
      details: {
        ...("rank" in decision ? { rank: decision.rank } : {}),
        ...("deadline" in decision ? { deadline: decision.deadline } : {}),
        ...("checklist" in decision && decision.checklist ? { checklist: decision.checklist } : {}),
      },
      at: ctx.now,
    });
    const label = applicationMachine.labels[to];
    await repos.notifications.notifyApplicant(a, {
      titleZh: `申报书“${a.title}”：${label.zh}`,
      titleEn: `Application "${a.title}": ${label.en}`,
      link: `/applications/${a.id}`,
      createdAt: ctx.now,
    });
    const next = reviewQueueNotice(a, to);
    if (next) await repos.notifications.notifyQueue(a.cityId, next, ctx.now);
    audit({
      action: `application.${decision.event}`,
      entityType: "application",
      entityId: a.id,
      cityId: a.cityId,
      before: { status: from },
      after: { status: to, reason: decision.reason ?? null },
    });
  });
  return getApplication(deps, { ctx, id: input.id });
}

async function checkDecision(
  repos: Repos,
  a: Application,
  d: ReviewDecision,
  guide: GuideContent | undefined,
  now: Date,
) {
  switch (d.event) {
    case "recommend": {
      const already = await repos.applications.countRecommended(a.cityId, a.guideId, a.districtCode);
      const problems = checkRecommendation({
        quota: guide?.districtQuota,
        alreadyRecommended: already,
        rank: d.rank,
      });
      if (problems[0]) throw new DomainError(problems[0]);
      return { districtRank: d.rank };
    }
    case "districtReturn":
    case "formalReturn": {
      const problems = checkReturn({ reason: d.reason, deadline: new Date(d.deadline), now });
      if (problems[0]) throw new DomainError(problems[0]);
      // The applicant edits the next revision; the submitted one stays frozen, with its signed
      // letter: the next submission needs both confirmations and a newly signed scan again.
      await repos.applications.removeAttachment(a, commitmentScanCode);
      return { returnDeadline: new Date(d.deadline), revision: a.revision + 1, commitment: {} };
    }
    case "districtReject":
    case "formalReject":
      need(d.reason.trim().length >= 2, "请填写不予通过的理由。", "Give the reason.", "reason");
      return {};
    case "formalPass": {
      const codes = (guide?.formalChecklist ?? []).map((c) => c.code);
      const answered = new Map(d.checklist.map((c) => [c.code, c.ok]));
      need(
        codes.every((c) => answered.get(c) === true),
        "形式审查清单须逐项核对通过后方可通过。",
        "Every checklist item must be checked and pass.",
        "checklist",
      );
      return {};
    }
    default: {
      const never: never = d;
      return never;
    }
  }
}
