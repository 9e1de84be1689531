import { activeAssignmentStates, aggregate, applicationNumber, type Policy, rank } from "@luoshu/domain";
import type { Repositories } from "../../repositories.ts";
import type { PlanRow } from "./reviews.repository.ts";

/**
 * A plan's applications ranked by their reviews (trimmed mean of the submitted totals): what the
 * plan page shows and what a proposed list is drawn from.
 */
export async function planRanking(
  repo: Pick<Repositories["reviews"], "items" | "assignmentsOf" | "applicationsByIds">,
  plan: PlanRow,
  policy: Policy,
) {
  const [items, rows] = await Promise.all([
    repo.items(plan.cityId, plan.id),
    repo.assignmentsOf(plan.cityId, plan.id),
  ]);
  const apps = await repo.applicationsByIds(
    plan.cityId,
    items.map((i) => i.applicationId),
  );
  const k = plan.settings.reviewersPerApplication;
  const entries = apps.map((a) => {
    const mine = rows.filter((r) => r.a.applicationId === a.id);
    const totals = mine.flatMap((r) => (r.a.status === "submitted" && r.a.total !== null ? [r.a.total] : []));
    const holding = mine.filter((r) => activeAssignmentStates.includes(r.a.status)).length;
    return {
      item: { id: a.id, number: applicationNumber(a, policy), a, mine, open: Math.max(0, k - holding) },
      result: aggregate(totals, policy),
    };
  });
  return { items, rows, ranked: rank(entries) };
}
