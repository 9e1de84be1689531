import type { PaymentDto } from "@luoshu/contract";
import { notFound, type PaymentState, yearFigures } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import { policyOf } from "../reviews/review-access.ts";
import { paymentDtoOf, paymentPeople } from "./project-view.ts";
import type { ExecutionDeps } from "./task-books.ts";

type Deps = Pick<ExecutionDeps, "repos" | "policies">;

export async function paymentView(deps: Deps, ctx: CallerContext, id: string): Promise<PaymentDto> {
  const [row] = await deps.repos.execution.payments(ctx.scope, null, id);
  if (!row) throw notFound("拨款不存在。", "No such payment.");
  const names = await deps.repos.execution.displayNames(paymentPeople(row.pay));
  return paymentDtoOf(policyOf(deps.policies, row.cityId, row.policyVersion), ctx, names, row.pay, row);
}

/** Payments in scope; `mine`: those the caller can take a step on (finance's approvals, the bureau's payments). */
export async function listPayments(
  deps: Deps,
  ctx: CallerContext,
  filter: { status: PaymentState | null; mine: boolean },
): Promise<PaymentDto[]> {
  const rows = await deps.repos.execution.payments(ctx.scope, filter.status ? [filter.status] : null);
  const names = await deps.repos.execution.displayNames(rows.flatMap((r) => paymentPeople(r.pay)));
  const all = rows.map((r) =>
    paymentDtoOf(policyOf(deps.policies, r.cityId, r.policyVersion), ctx, names, r.pay, r),
  );
  return filter.mine ? all.filter((p) => p.actions.some((a) => a !== "cancel")) : all;
}

/** The city's ledger by budget year, newest first: what the finance officer's chart draws. */
export async function ledgerYears(deps: Deps, ctx: CallerContext) {
  const postings = await deps.repos.ledger.allPostings(ctx.actor.cityId ?? "");
  const years = [...new Set(postings.map((p) => p.year))].sort((a, b) => b - a);
  return years.map((year) => ({ year, ...yearFigures(postings, year) }));
}
