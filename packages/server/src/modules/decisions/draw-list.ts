import { chinaDateOf, DomainError, decisionSteps, plannedAmountFen } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Transactor } from "../../lib/transaction.ts";
import { planRanking } from "../reviews/plan-ranking.ts";
import { policyOf } from "../reviews/review-access.ts";
import { type DecisionRepos, listNotFound, piOf } from "./list-facts.ts";
import { type ListViewDeps, listView } from "./list-view.ts";

/**
 * Draws a call's proposed list from its completed review: every ranked application is an entry,
 * none selected yet (the officer decides each), with the money it would commit by the program's
 * funding mode. One list per call: the unique index answers a second one with a 409.
 */
export async function drawList(
  deps: ListViewDeps & { tx: Transactor<DecisionRepos> },
  input: { ctx: CallerContext; callId: string },
) {
  const { ctx } = input;
  const cityId = ctx.actor.cityId ?? "";
  const list = await deps.tx.run(ctx, async (repos, audit) => {
    const found = await repos.reviews.findCall(cityId, input.callId);
    if (!found) throw listNotFound();
    const plan = await repos.decisions.planOfCall(cityId, input.callId);
    if (plan?.status !== "completed") {
      throw new DomainError({
        code: "DECISION_NOT_APPLICABLE",
        messageZh: "该批次的专家评审尚未结束，不能拟订立项名单。",
        messageEn: "The call's expert review has not been completed.",
      });
    }
    const policy = policyOf(deps.policies, cityId, plan.policyVersion);
    const { ranked } = await planRanking(repos.reviews, plan, policy);
    const apps = new Map(
      (
        await repos.decisions.applicationFacts(
          cityId,
          ranked.map((r) => r.item.id),
        )
      ).map((a) => [a.id, a]),
    );
    const row = await repos.decisions.insertList({
      cityId,
      callId: input.callId,
      planId: plan.id,
      program: plan.program,
      year: Number(chinaDateOf(found.call.opensAt).slice(0, 4)),
      status: "draft",
      steps: decisionSteps(policy, plan.program),
      policyVersion: plan.policyVersion,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await repos.decisions.insertEntries(
      ranked.map(({ item, result, rank }) => {
        const a = apps.get(item.id);
        return {
          cityId,
          listId: row.id,
          applicationId: item.id,
          rank,
          mean: result.mean,
          decision: "notSelected" as const,
          amountFen: plannedAmountFen(policy, plan.program, item.a.requestedFen),
          maxFen: plannedAmountFen(policy, plan.program, item.a.requestedFen),
          piYouth: a ? piOf(a.content, found.call.opensAt, policy).youth : null,
        };
      }),
    );
    audit({
      action: "decision.list.create",
      entityType: "proposedList",
      entityId: row.id,
      cityId,
      after: { callId: input.callId, entries: ranked.length },
    });
    return row;
  });
  return listView(deps, ctx, list);
}
