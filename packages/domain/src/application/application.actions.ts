import { can, type Role } from "../identity/roles.ts";
import { inScope, type Scope } from "../identity/scope.ts";
import { DomainError, invalidTransition } from "../shared/errors.ts";
import { allowedEvents } from "../shared/machine.ts";
import {
  type ApplicationEvent,
  type ApplicationState,
  applicationMachine,
  editableStates,
} from "./application.machine.ts";
import type { Application } from "./application.ts";

/**
 * What a caller may do with an application besides the machine's events: the one place these rules
 * live. Responses carry the list, the web shows buttons from it, and the use cases check with the
 * same functions.
 */
export const applicationActions = [
  "edit",
  "upload",
  "confirmAsPi",
  "confirmAsUnit",
  "exportPdf",
  "checkDuplicates",
] as const;
export type ApplicationAction = (typeof applicationActions)[number];

interface Caller {
  userId: string;
  roles: readonly Role[];
}

/** A draft is the unit's own work until it is submitted: reviewers see it from then on. */
export function applicationVisible(
  scope: Scope,
  a: Pick<Application, "cityId" | "districtCode" | "unitId" | "status">,
) {
  return (
    inScope(scope, { cityId: a.cityId, districtCode: a.districtCode, unitId: a.unitId }) &&
    (a.status !== "draft" || scope.kind === "unit")
  );
}

const editable = (status: ApplicationState) => editableStates.includes(status);

/** The draft content and attachments change only in an editable state, by the applicant's unit. */
export function checkEditable(
  a: Pick<Application, "status">,
  what: "content" | "attachments" | "commitment",
) {
  if (editable(a.status)) return;
  if (what === "attachments") {
    throw invalidTransition(
      "申报书已提交，不能更换附件。",
      "The application is submitted; attachments are fixed.",
    );
  }
  if (what === "commitment")
    throw invalidTransition("申报书已提交。", "The application is already submitted.");
  throw invalidTransition(
    "申报书已提交，当前不能修改。",
    "The application is submitted and cannot be edited now.",
  );
}

/**
 * The commitment letter (LY-FUNDS §24) is confirmed by the application's own PI, and by the unit
 * administrator for the legal representative.
 */
export function checkCommitmentConfirmation(
  a: Pick<Application, "status" | "piUserId">,
  caller: Caller,
  as: "pi" | "unit",
) {
  const role = as === "pi" ? "principalInvestigator" : "unitAdmin";
  if (!caller.roles.includes(role)) {
    throw new DomainError({
      code: "FORBIDDEN",
      messageZh:
        as === "pi" ? "只有项目负责人可以确认本人承诺。" : "只有单位管理员可以代表法定代表人确认承诺。",
      messageEn:
        as === "pi"
          ? "Only the principal investigator confirms their own commitment."
          : "Only the unit administrator confirms for the legal representative.",
    });
  }
  checkEditable(a, "commitment");
  if (as === "pi" && a.piUserId && a.piUserId !== caller.userId) {
    throw new DomainError({
      code: "FORBIDDEN",
      messageZh: "您不是本申报书的项目负责人。",
      messageEn: "You are not this application's principal investigator.",
    });
  }
}

const passes = (check: () => void) => {
  try {
    check();
    return true;
  } catch (e) {
    if (e instanceof DomainError) return false;
    throw e;
  }
};

/** The non-machine actions the caller may take on an application they can see. */
export function allowedApplicationActions(
  a: Pick<Application, "status" | "piUserId" | "commitment">,
  caller: Caller,
): ApplicationAction[] {
  const mayEdit = can(caller.roles, "application.edit") && editable(a.status);
  const mayConfirm = (as: "pi" | "unit") =>
    mayEdit && passes(() => checkCommitmentConfirmation(a, caller, as));
  const out: ApplicationAction[] = [];
  if (mayEdit) out.push("edit", "upload");
  // Confirming again is harmless but pointless: offered until it is done.
  if (!a.commitment.piConfirmedAt && mayConfirm("pi")) out.push("confirmAsPi");
  if (!a.commitment.unitConfirmedAt && mayConfirm("unit")) out.push("confirmAsUnit");
  out.push("exportPdf");
  if (a.status !== "draft" && can(caller.roles, "application.dedupDecide")) out.push("checkDuplicates");
  return out;
}

/** The machine's events the caller may fire now. */
export function allowedApplicationEvents(
  a: Pick<Application, "status">,
  roles: readonly Role[],
): ApplicationEvent[] {
  return allowedEvents(applicationMachine, a.status, roles);
}
