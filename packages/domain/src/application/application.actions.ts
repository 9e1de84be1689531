import { can, type Role } from "../identity/roles.ts";
import { inScope, type Scope } from "../identity/scope.ts";
import { DomainError, type ErrorInit, invalidTransition } from "../shared/errors.ts";
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

const submitted = {
  content: ["申报书已提交，当前不能修改。", "The application is submitted and cannot be edited now."],
  attachments: ["申报书已提交，不能更换附件。", "The application is submitted; attachments are fixed."],
  commitment: ["申报书已提交。", "The application is already submitted."],
} as const;

/**
 * Inside the unit, an application is its own PI's and the unit administrator's: another PI of the
 * same unit may read it but not change it or confirm for it.
 */
function authorRefusal(a: Pick<Application, "piUserId">, caller: Caller): ErrorInit | null {
  if (caller.roles.includes("unitAdmin") || (a.piUserId !== null && a.piUserId === caller.userId))
    return null;
  return {
    code: "FORBIDDEN",
    messageZh: "只有本申报书的项目负责人和单位管理员可以修改。",
    messageEn: "Only the application's principal investigator and the unit administrator may change it.",
  };
}

/** The draft content and attachments change only in an editable state, by its PI or its unit. */
export function checkEditable(
  a: Pick<Application, "status" | "piUserId">,
  what: keyof typeof submitted,
  caller: Caller,
) {
  const [messageZh, messageEn] = submitted[what];
  if (!editable(a.status)) throw invalidTransition(messageZh, messageEn);
  const refusal = authorRefusal(a, caller);
  if (refusal) throw new DomainError(refusal);
}

/**
 * Why the caller may not confirm the commitment letter (LY-FUNDS §24), or null when they may: the
 * application's own PI confirms for themself, the unit administrator for the legal representative.
 */
function roleRefusal(caller: Caller, as: "pi" | "unit"): ErrorInit | null {
  const role = as === "pi" ? "principalInvestigator" : "unitAdmin";
  if (caller.roles.includes(role)) return null;
  return as === "pi"
    ? {
        code: "FORBIDDEN",
        messageZh: "只有项目负责人可以确认本人承诺。",
        messageEn: "Only the principal investigator confirms their own commitment.",
      }
    : {
        code: "FORBIDDEN",
        messageZh: "只有单位管理员可以代表法定代表人确认承诺。",
        messageEn: "Only the unit administrator confirms for the legal representative.",
      };
}

function commitmentRefusal(
  a: Pick<Application, "status" | "piUserId">,
  caller: Caller,
  as: "pi" | "unit",
): ErrorInit | null {
  const byRole = roleRefusal(caller, as);
  if (byRole) return byRole;
  if (!editable(a.status)) {
    const [messageZh, messageEn] = submitted.commitment;
    return { code: "INVALID_TRANSITION", messageZh, messageEn };
  }
  // The PI is the person the team names (bound by ID number when the draft is saved), never
  // whoever confirms first.
  if (as === "pi" && a.piUserId !== caller.userId) {
    return {
      code: "FORBIDDEN",
      messageZh: a.piUserId
        ? "您不是本申报书的项目负责人。"
        : "申报书尚未确定项目负责人：请在团队中填写项目负责人本人的身份证号，与其账号一致后即可确认。",
      messageEn: a.piUserId
        ? "You are not this application's principal investigator."
        : "The application names no principal investigator yet: enter the PI's ID number in the team, matching their account.",
    };
  }
  return null;
}

/** The part of the check that needs no application: asked first, before anything is read. */
export function checkCommitmentRole(caller: Caller, as: "pi" | "unit") {
  const refusal = roleRefusal(caller, as);
  if (refusal) throw new DomainError(refusal);
}

export function checkCommitmentConfirmation(
  a: Pick<Application, "status" | "piUserId">,
  caller: Caller,
  as: "pi" | "unit",
) {
  const refusal = commitmentRefusal(a, caller, as);
  if (refusal) throw new DomainError(refusal);
}

/** The non-machine actions the caller may take on an application they can see. */
export function allowedApplicationActions(
  a: Pick<Application, "status" | "piUserId" | "commitment">,
  caller: Caller,
): ApplicationAction[] {
  const mayEdit =
    can(caller.roles, "application.edit") && editable(a.status) && authorRefusal(a, caller) === null;
  const mayConfirm = (as: "pi" | "unit") => mayEdit && commitmentRefusal(a, caller, as) === null;
  const out: ApplicationAction[] = [];
  if (mayEdit) out.push("edit", "upload");
  // Confirming again is harmless but pointless: offered until it is done.
  if (!a.commitment.piConfirmedAt && mayConfirm("pi")) out.push("confirmAsPi");
  if (!a.commitment.unitConfirmedAt && mayConfirm("unit")) out.push("confirmAsUnit");
  out.push("exportPdf");
  if (a.status !== "draft" && can(caller.roles, "application.dedupDecide")) out.push("checkDuplicates");
  return out;
}

/** Withdrawing a submission is its author's: its own PI or the unit administrator. */
export function checkWithdrawal(a: Pick<Application, "piUserId">, caller: Caller) {
  const refusal = authorRefusal(a, caller);
  if (refusal) throw new DomainError(refusal);
}

/** The machine's events the caller may fire now. */
export function allowedApplicationEvents(
  a: Pick<Application, "status" | "piUserId">,
  caller: Caller,
): ApplicationEvent[] {
  return allowedEvents(applicationMachine, a.status, caller.roles).filter(
    (e) => e !== "withdraw" || authorRefusal(a, caller) === null,
  );
}
