import type { CallerContext } from "../../lib/context.ts";
import { expertNotFound } from "./expert-errors.ts";
import type { ExpertFilter, ExpertsRepository } from "./experts.repository.ts";

/** What reading one expert back needs. */
export type ExpertReadDeps = { repos: { experts: Pick<ExpertsRepository, "find" | "findByUser"> } };

/** The city's pool, filtered by discipline (a first level takes its second levels), unit, status, keyword. */
export function listExperts(
  deps: { repos: { experts: Pick<ExpertsRepository, "list"> } },
  input: { ctx: CallerContext; filter: ExpertFilter; page: number; pageSize: number },
) {
  return deps.repos.experts.list(input.ctx.scope, input.filter, input.page, input.pageSize);
}

export async function getExpert(deps: ExpertReadDeps, input: { ctx: CallerContext; id: string }) {
  const expert = await deps.repos.experts.find(input.ctx.scope, input.id);
  if (!expert) throw expertNotFound();
  return expert;
}

/** The caller's own profile (an expert account without one gets 404). */
export async function getOwnExpert(deps: ExpertReadDeps, input: { ctx: CallerContext }) {
  const expert = await deps.repos.experts.findByUser(input.ctx.scope, input.ctx.actor.userId);
  if (!expert) throw expertNotFound();
  return expert;
}
