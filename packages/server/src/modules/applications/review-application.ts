import {
  type Actor,
  type ApplicationEvent,
  type ApplicationState,
  applicationMachine,
  checkRecommendation,
  checkReturn,
  DomainError,
  fire,
  type GuideContent,
} from "@luoshu/domain";
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { attachments, notifications } from "../../db/schema/index.ts";
import type { RequestContext } from "../../lib/context.ts";
import { inTransaction } from "../../lib/legacy-transaction.ts";
import { findGuide } from "../guides/guides.repository.ts";
import { lockVisible } from "./access.ts";
import {
  type ApplicationRow,
  countRecommended,
  insertEvent,
  updateApplication,
} from "./applications.repository.ts";
import { commitmentScanCode } from "./submit-application.ts";

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

export interface ChecklistResult {
  code: string;
  ok: boolean;
  note?: string;
}

const need = (ok: boolean, messageZh: string, messageEn: string, path: string) => {
  if (!ok) throw new DomainError({ code: "VALIDATION", messageZh, messageEn, path });
};

/**
 * District preliminary review (LY-FUNDS §8) and the agency's formal check (LY-FUNDS §9): one decision
 * per call, fired through the application's state machine, with reasons the applicant will see.
 */
export async function reviewApplication(opts: {
  db: Db;
  ctx: RequestContext;
  actor: Actor;
  id: string;
  decision: ReviewDecision;
}) {
  const { ctx, actor, decision } = opts;
  return inTransaction(opts.db, ctx, async (tx, audit) => {
    const row = await lockVisible(tx, actor, opts.id);
    const from = row.status as ApplicationState;
    const to = fire(applicationMachine, from, decision.event as ApplicationEvent, actor.roles);
    const guide = await findGuide(tx, row.cityId, row.guideId);
    const content = guide?.guide.content as GuideContent | undefined;
    const changes = await checkDecision(tx, row, decision, content, ctx.now);
    await updateApplication(tx, row, { status: to, updatedAt: ctx.now, ...changes });
    await insertEvent(tx, {
      cityId: row.cityId,
      applicationId: row.id,
      event: decision.event,
      fromState: from,
      toState: to,
      revision: row.revision,
      actorId: actor.userId,
      actorRole: ctx.role,
      reason: decision.reason ?? null,
      details: {
        ...("rank" in decision ? { rank: decision.rank } : {}),
        ...("deadline" in decision ? { deadline: decision.deadline } : {}),
        ...("checklist" in decision && decision.checklist ? { checklist: decision.checklist } : {}),
      },
      at: ctx.now,
    });
    await notifyApplicant(tx, row, to, ctx.now);
    audit({
      action: `application.${decision.event}`,
      entityType: "application",
      entityId: row.id,
      cityId: row.cityId,
      before: { status: from },
      after: { status: to, reason: decision.reason ?? null },
    });
    return { status: to };
  });
}

async function checkDecision(
  tx: Tx,
  row: ApplicationRow,
  d: ReviewDecision,
  guide: GuideContent | undefined,
  now: Date,
) {
  switch (d.event) {
    case "recommend": {
      const already = await countRecommended(tx, row.cityId, row.guideId, row.districtCode);
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
      await tx
        .delete(attachments)
        .where(
          and(
            eq(attachments.cityId, row.cityId),
            eq(attachments.applicationId, row.id),
            eq(attachments.code, commitmentScanCode),
          ),
        );
      return { returnDeadline: new Date(d.deadline), revision: row.revision + 1, commitment: {} };
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

async function notifyApplicant(tx: Tx, row: ApplicationRow, to: ApplicationState, now: Date) {
  const label = applicationMachine.labels[to];
  const people = [...new Set([row.createdBy, row.piUserId].filter((x): x is string => Boolean(x)))];
  if (people.length === 0) return;
  await tx.insert(notifications).values(
    people.map((userId) => ({
      cityId: row.cityId,
      userId,
      titleZh: `申报书“${row.title}”：${label.zh}`,
      titleEn: `Application "${row.title}": ${label.en}`,
      link: `/applications/${row.id}`,
      createdAt: now,
    })),
  );
}
