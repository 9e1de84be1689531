import {
  assertKnownCity,
  type GuideState,
  mayReadGuide,
  type Policy,
  publicGuideStates,
  readableGuideStates,
} from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import { guideNotFound } from "./guide-errors.ts";
import type { GuidesRepository } from "./guides.repository.ts";

type Deps = { repos: { guides: Pick<GuidesRepository, "list" | "find"> } };
/** What reading one guide back needs. */
export type GuideReadDeps = { repos: { guides: Pick<GuidesRepository, "find"> } };
type Page = { page: number; pageSize: number };

/** Guides of the caller's city: every state for the bureau, published ones for everyone else. */
export function listGuides(deps: Deps, input: Page & { ctx: CallerContext; status?: GuideState }) {
  const statuses = readableGuideStates(input.ctx.actor.roles, input.status);
  return deps.repos.guides.list(input.ctx.scope, statuses, input.page, input.pageSize);
}

export async function getGuide(deps: GuideReadDeps, input: { ctx: CallerContext; id: string }) {
  const found = await deps.repos.guides.find(input.ctx.scope, input.id);
  if (!found || !mayReadGuide(input.ctx.actor.roles, found.guide.status)) throw guideNotFound();
  return found;
}

/** The public notice board: a city's published guides and their calls, no login needed. */
export function listPublicGuides(
  deps: Deps & { policies: readonly Policy[] },
  input: Page & { city: string },
) {
  assertKnownCity(deps.policies, input.city, "querystring.city");
  const scope = { kind: "city", cityId: input.city } as const;
  return deps.repos.guides.list(scope, publicGuideStates, input.page, input.pageSize);
}

export async function getPublicGuide(
  deps: Deps & { policies: readonly Policy[] },
  input: { city: string; id: string },
) {
  assertKnownCity(deps.policies, input.city, "params.city");
  const found = await deps.repos.guides.find({ kind: "city", cityId: input.city }, input.id);
  if (!found || !mayReadGuide([], found.guide.status)) throw guideNotFound();
  return found;
}
