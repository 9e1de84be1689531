import type { CallerContext } from "../../lib/context.ts";
import type { TrackingRepository } from "./tracking.repository.ts";

/**
 * Who acts on a submitted acceptance (DT-RULES §17, §23; LY-FUNDS §7–8, §23): the bureau's officer,
 * who convenes its panel and concludes it, or the S&T officer of a district, who gives the district's
 * opinion on its own projects. The bureau's part comes first for an account that holds both.
 */
export function acceptancePartOf(ctx: CallerContext): "bureau" | "district" | null {
  if (ctx.actor.roles.includes("programOfficer")) return "bureau";
  if (ctx.actor.roles.includes("districtOfficer") && ctx.scope.kind === "district") return "district";
  return null;
}

/**
 * The open projects in the caller's scope whose submitted acceptance waits for the caller: for the
 * bureau every one (a panel to convene, scores to await, a conclusion to make); for a district those
 * it has not yet given its opinion on. Nobody else has an acceptance to act on.
 */
export async function projectIdsWaitingForAcceptance(
  repos: { tracking: Pick<TrackingRepository, "submittedAcceptancesInScope"> },
  ctx: CallerContext,
): Promise<Set<string>> {
  const part = acceptancePartOf(ctx);
  if (part === null) return new Set();
  const submitted = await repos.tracking.submittedAcceptancesInScope(ctx.scope);
  return new Set(
    submitted.filter((a) => part === "bureau" || a.districtAgrees === null).map((a) => a.projectId),
  );
}
