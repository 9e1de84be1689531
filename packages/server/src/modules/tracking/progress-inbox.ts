import { awaitsFiling, chinaDateOf, type Policy, reportStanding } from "@luoshu/domain";
import type { CallerContext } from "../../lib/context.ts";
import type { Repositories } from "../../repositories.ts";
import { policyOf } from "../reviews/review-access.ts";
import { reportTermsOf } from "./tracking-terms.ts";

type Repos = Pick<Repositories, "execution" | "projectLife" | "tracking"> & {
  projects: Pick<Repositories["projects"], "projectsInScope">;
};

/** What a list asks for: reports to file (due soon, overdue, returned), to review, or overdue. */
export const progressNeeds = ["file", "review", "overdue"] as const;
export type ProgressNeed = (typeof progressNeeds)[number];

/**
 * The progress reports of the open projects in the caller's scope that need something: the unit's
 * and the PI's to file, the bureau's to review, and everyone's overdue. The inboxes count these.
 * One read per executing project: a city's projects in execution are hundreds, not millions.
 */
export async function progressInbox(
  deps: { repos: Repos; policies: Policy[] },
  ctx: CallerContext,
  need: ProgressNeed,
) {
  const today = chinaDateOf(ctx.now);
  // a PI reads the unit's projects but files only its own: the others' reports are not its to file
  const roles = ctx.actor.roles;
  const othersNotMine =
    need === "file" && roles.includes("principalInvestigator") && !roles.includes("unitAdmin");
  const projects = (await deps.repos.projects.projectsInScope(ctx.scope)).filter(
    (x) => x.p.closedAs === null && !(othersNotMine && x.p.piUserId !== ctx.actor.userId),
  );
  const items = [];
  for (const { p, unitName } of projects) {
    const policy = policyOf(deps.policies, p.cityId, p.policyVersion);
    const found = await reportTermsOf(deps.repos, policy, p);
    if (!found) continue;
    const reports = await deps.repos.tracking.reports(p.cityId, [p.id]);
    for (const due of found.schedule) {
      const report = reports.find((r) => r.period === due.period) ?? null;
      const { standing, overdueDays } = reportStanding(due, report, today);
      const wanted =
        need === "review"
          ? standing === "submitted"
          : need === "overdue"
            ? overdueDays > 0
            : awaitsFiling(due, report, today);
      if (wanted)
        items.push({
          projectId: p.id,
          number: p.number,
          title: p.title,
          unitName,
          period: due.period,
          dueDate: due.dueDate,
          standing,
          overdueDays,
        });
    }
  }
  items.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.number.localeCompare(b.number));
  return { items, total: items.length };
}
