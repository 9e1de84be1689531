import { chinaDateOf, type Policy, progressSchedule, type ReportTerms } from "@luoshu/domain";
import type { Repositories } from "../../repositories.ts";
import { currentTerms } from "../project-life/changes.ts";

/**
 * What a project's progress reports are measured against: the task book's period (its end moved by
 * any effective extension), milestones and current budget, and the schedule of reports that follows
 * from them by the city's rhythm; a project submitted for acceptance owes none due after that day.
 * A task book without a period (a challenge or commission drawn without one) schedules no reports.
 * Null before the task book is signed.
 */
export async function reportTermsOf(
  repos: Pick<Repositories, "execution" | "projectLife" | "tracking">,
  policy: Policy,
  p: { cityId: string; id: string },
) {
  const [current, acceptance] = await Promise.all([
    currentTerms(repos, p),
    repos.tracking.acceptance(p.cityId, p.id),
  ]);
  const { tb } = current;
  if (tb?.status !== "signed") return null;
  const period = tb.content.period;
  const terms: ReportTerms | null = period
    ? {
        startDate: period.startDate,
        endDate: current.endDate ?? period.endDate,
        milestones: tb.content.milestones,
        budget: current.budget,
      }
    : null;
  // once the unit submits for acceptance the project is complete: no report falls due after it
  const finished = acceptance ? chinaDateOf(acceptance.submittedAt) : null;
  const schedule = terms
    ? progressSchedule(
        terms.startDate,
        terms.endDate,
        policy.tracking.progressReports.intervalMonths.value,
      ).filter((d) => finished === null || d.dueDate <= finished)
    : [];
  return { tb, budget: current.budget, terms, schedule };
}
