import type { CallerContext } from "../../lib/context.ts";
import type { ProjectsRepository } from "../decisions/projects.repository.ts";
import type { TrackingRepository } from "./tracking.repository.ts";

/**
 * The open projects whose acceptance waits for the caller (DT-RULES §17, §23; LY-FUNDS §7–8, §23):
 * for the bureau's officer every submitted acceptance, to convene a panel for or to conclude; for a
 * district's S&T officer the submitted acceptances of its district's projects it has not yet given
 * its opinion on. Nobody else has an acceptance to act on.
 */
export async function projectIdsWaitingForAcceptance(
  repos: {
    tracking: Pick<TrackingRepository, "acceptancesIn">;
    projects: Pick<ProjectsRepository, "projectsInScope">;
  },
  ctx: CallerContext,
): Promise<Set<string>> {
  const officer = ctx.actor.roles.includes("programOfficer");
  const district = ctx.actor.roles.includes("districtOfficer") && ctx.scope.kind === "district";
  if (!officer && !district) return new Set();
  const [rows, submitted] = await Promise.all([
    repos.projects.projectsInScope(ctx.scope),
    repos.tracking.acceptancesIn(ctx.actor.cityId ?? "", "submitted"),
  ]);
  const open = new Set(rows.filter(({ p }) => p.closedAs === null).map(({ p }) => p.id));
  return new Set(
    submitted
      .filter((a) => open.has(a.projectId) && (officer || a.districtAgrees === null))
      .map((a) => a.projectId),
  );
}
