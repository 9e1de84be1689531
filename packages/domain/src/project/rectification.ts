import type { Role } from "../identity/roles.ts";
import { DomainError } from "../shared/errors.ts";
import { defineMachine } from "../shared/machine.ts";

/**
 * 整改 (LY-FUNDS §10, §23): a finding of an inspection, an assessment or an evaluation goes back to
 * the project's unit as an item with a deadline. The unit reports what it corrected, with evidence;
 * the department that raised it closes it once satisfied, or sends it back to be corrected further.
 */
export const rectificationSources = ["inspection", "midTerm", "acceptance", "progressReport"] as const;
export type RectificationSource = (typeof rectificationSources)[number];

export const rectificationStates = ["open", "reported", "closed"] as const;
export type RectificationState = (typeof rectificationStates)[number];

const unit: readonly Role[] = ["unitAdmin", "principalInvestigator"];
const raisers: readonly Role[] = ["programOfficer", "financeOfficer"];

export const rectificationMachine = defineMachine({
  name: "rectification",
  states: rectificationStates,
  labels: {
    open: { zh: "待整改", en: "to be corrected" },
    reported: { zh: "已报整改情况", en: "correction reported" },
    closed: { zh: "整改完成", en: "closed" },
  },
  transitions: {
    report: { from: ["open"], to: "reported", roles: unit },
    reopen: { from: ["reported"], to: "open", roles: raisers },
    close: { from: ["reported"], to: "closed", roles: raisers },
  },
});
export type RectificationEvent = keyof typeof rectificationMachine.transitions;

/** Who raises and closes an item: the S&T bureau's programme officer, or the finance bureau's officer. */
export const rectificationDepartments = ["scienceBureau", "financeBureau"] as const;
export type RectificationDepartment = (typeof rectificationDepartments)[number];

export const rectificationDepartmentNames: Record<RectificationDepartment, { zh: string; en: string }> = {
  scienceBureau: { zh: "市科技局", en: "S&T bureau" },
  financeBureau: { zh: "市财政局", en: "Finance bureau" },
};

const departmentRole: Record<RectificationDepartment, Role> = {
  scienceBureau: "programOfficer",
  financeBureau: "financeOfficer",
};

/** The department the caller raises items for, or null when the caller raises none. */
export function raisingDepartment(roles: readonly Role[]): RectificationDepartment | null {
  if (roles.includes("programOfficer")) return "scienceBureau";
  if (roles.includes("financeOfficer")) return "financeBureau";
  return null;
}

/** Only the department that raised an item closes or reopens it. */
export const decidesFor = (department: RectificationDepartment, roles: readonly Role[]): boolean =>
  roles.includes(departmentRole[department]);

/** Where an item stands on a day: open, open past its due date (by whole days), reported or closed. */
export const rectificationStandings = ["open", "overdue", "reported", "closed"] as const;
export type RectificationStanding = (typeof rectificationStandings)[number];

const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);

export function rectificationStanding(
  item: { status: RectificationState; dueDate: string },
  today: string,
): { standing: RectificationStanding; overdueDays: number } {
  if (item.status !== "open") return { standing: item.status, overdueDays: 0 };
  const late = dayNumber(today) - dayNumber(item.dueDate);
  return late > 0 ? { standing: "overdue", overdueDays: late } : { standing: "open", overdueDays: 0 };
}

/**
 * A new item's deadline lies today or later (China days): a finding is sent back to be corrected,
 * not recorded as corrected late. Its issue says what is wrong.
 */
export function checkNewRectification(item: { issue: string; dueDate: string }, today: string): void {
  if (item.issue.trim().length === 0)
    throw new DomainError({
      code: "VALIDATION",
      path: "issue",
      messageZh: "请写明需要整改的问题。",
      messageEn: "State the issue to be corrected.",
    });
  if (item.dueDate < today)
    throw new DomainError({
      code: "VALIDATION",
      path: "dueDate",
      messageZh: "整改期限不能早于今天。",
      messageEn: "The deadline cannot lie before today.",
    });
}
