import { chinaDateOf, type Policy, progressSchedule, type ReportTerms } from "@luoshu/domain";
import type { Repositories } from "../../repositories.ts";
import { currentTerms } from "../project-life/changes.ts";

/**
 * What a project's progress reports are measured against: the task book's period (its end moved by
 * any effective extension), milestones and current budget, and the schedule of reports that follows
 * from them by the city's rhythm; a project accepted or failed owes none due after it was submitted
 * for acceptance. Null before the task book is signed, or without a period.
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
  const period = tb?.content.period;
  if (tb?.status !== "signed" || !period) return null;
  const terms: ReportTerms = {
    startDate: period.startDate,
    endDate: current.endDate ?? period.endDate,
    milestones: tb.content.milestones,
    budget: current.budget,
  };
  const finished =
    acceptance?.status === "accepted" || acceptance?.status === "failed"
      ? chinaDateOf(acceptance.submittedAt)
      : null;
  const schedule = progressSchedule(
    terms.startDate,
    terms.endDate,
    policy.tracking.progressReports.intervalMonths.value,
  ).filter((d) => finished === null || d.dueDate <= finished);
  return { tb, terms, schedule };
}
