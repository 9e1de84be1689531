import {
  checkPublish,
  closedCallViolations,
  coIssueRefusal,
  DomainError,
  fire,
  type Guide,
  type GuideEvent,
  guideMachine,
  inPrincipleCapWarnings,
  type Policy,
  type Violation,
  validateGuide,
} from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Transactor } from "../../lib/transaction.ts";
import { guideNotFound } from "./guide-errors.ts";
import { policyInForceFor, refuse } from "./guide-policy.ts";
import type { GuidesRepository, GuideWithCalls } from "./guides.repository.ts";
import { type GuideReadDeps, getGuide } from "./read-guides.ts";

/**
 * Moves a guide through its lifecycle (guide.machine.ts): submitted for review and published only
 * while it still satisfies the policy in force; co-issued by the finance bureau where the policy has
 * the guide issued together with it, and published over a cap stated in principle (原则上) only with
 * the leader's recorded reason.
 */
export async function changeGuideStatus(
  deps: GuideReadDeps & {
    tx: Transactor<{ guides: Pick<GuidesRepository, "lock" | "update"> }>;
    policies: readonly Policy[];
  },
  input: { ctx: CallerContext; id: string; event: GuideEvent; overrideReason?: string },
): Promise<GuideWithCalls> {
  const { ctx, event } = input;
  if (input.overrideReason !== undefined && event !== "publish") {
    throw new DomainError({
      code: "VALIDATION",
      messageZh: "只有发布时可以填写超出上限的理由。",
      messageEn: "Only publishing takes a reason for exceeding a cap.",
      path: "overrideReason",
    });
  }
  await deps.tx.run(ctx, async ({ guides }, audit) => {
    const found = await guides.lock(ctx.scope, input.id);
    if (!found) throw guideNotFound();
    const { guide } = found;
    const from = guide.status;
    const to = fire(guideMachine, from, event, ctx.actor.roles);
    // Closing and archiving judge nothing, so they work after the policy's validity too.
    const policy = () => policyInForceFor(deps.policies, ctx.actor.cityId, ctx.now);
    const { changes, overridden } = decide(policy, found, {
      ...input,
      now: ctx.now,
      userId: ctx.actor.userId,
    });
    await guides.update(guide, {
      status: to,
      updatedAt: ctx.now,
      ...(to === "published" && from !== "published" ? { publishedAt: ctx.now } : {}),
      ...changes,
    });
    audit({
      action: `guide.${event}`,
      entityType: "guide",
      entityId: guide.id,
      before: { status: from },
      after: {
        status: to,
        ...(changes.capOverride
          ? {
              overrideReason: changes.capOverride.reason,
              capsExceeded: overridden.map((w) => ({ path: w.path, clause: w.clause ?? null })),
            }
          : {}),
      },
    });
  });
  return getGuide(deps, { ctx, id: input.id });
}

/** What the event records beside the status, after its rules are checked; the caps it overrode. */
function decide(
  policyInForce: () => Policy,
  found: GuideWithCalls,
  input: { event: GuideEvent; overrideReason?: string; now: Date; userId: string },
): { changes: Partial<Pick<Guide, "coIssue" | "capOverride">>; overridden: Violation[] } {
  const { guide } = found;
  const none = { changes: {}, overridden: [] };
  switch (input.event) {
    case "submitForReview":
      refuse([
        ...validateGuide(policyInForce(), guide.content),
        ...closedCallViolations(guide.content, input.now),
      ]);
      return none;
    case "coIssue": {
      const refusal = coIssueRefusal(policyInForce(), guide);
      if (refusal) throw new DomainError(refusal);
      return { changes: { coIssue: { userId: input.userId, at: input.now } }, overridden: [] };
    }
    case "publish": {
      const policy = policyInForce();
      const { overrideReason, userId, now } = input;
      refuse(checkPublish(policy, guide, { overrideReason, plannedElsewhere: found.plannedElsewhere, now }));
      const overridden = inPrincipleCapWarnings(policy, guide.content, found.plannedElsewhere);
      const reason = overrideReason?.trim();
      if (overridden.length === 0 || !reason) return none;
      return { changes: { capOverride: { reason, userId, at: now } }, overridden };
    }
    // The co-issue and an override were given for the text under review; an edited text needs both again.
    case "returnToDraft":
      return { changes: { coIssue: null, capOverride: null }, overridden: [] };
    default:
      return none;
  }
}
