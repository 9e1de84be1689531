import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Role, roles } from "../identity/roles.ts";
import { DomainError } from "../shared/errors.ts";
import {
  allowedApplicationActions,
  allowedApplicationEvents,
  applicationVisible,
  checkCommitmentConfirmation,
  checkEditable,
  checkWithdrawal,
} from "./application.actions.ts";
import { type ApplicationState, applicationStates, editableStates } from "./application.machine.ts";

const pi = { userId: "pi-1", roles: ["principalInvestigator"] as Role[] };
const unitAdmin = { userId: "ua-1", roles: ["unitAdmin"] as Role[] };
const draft = { status: "draft" as ApplicationState, piUserId: "pi-1", commitment: {} };

describe("allowed application actions", () => {
  it("lets the applicants edit, upload and confirm a draft, each their own confirmation", () => {
    expect(allowedApplicationActions(draft, pi)).toEqual(["edit", "upload", "confirmAsPi", "exportPdf"]);
    expect(allowedApplicationActions(draft, unitAdmin)).toEqual([
      "edit",
      "upload",
      "confirmAsUnit",
      "exportPdf",
    ]);
    const other = { userId: "pi-2", roles: ["principalInvestigator"] as Role[] };
    expect(allowedApplicationActions(draft, other)).toEqual(["exportPdf"]);
  });

  it("keeps a draft from another PI of the same unit, and from anyone before its PI is bound", () => {
    const other = { userId: "pi-2", roles: ["principalInvestigator"] as Role[] };
    expect(() => checkEditable(draft, "content", other)).toThrow(DomainError);
    const unbound = { ...draft, piUserId: null };
    expect(() => checkCommitmentConfirmation(unbound, pi, "pi")).toThrow(/names no principal investigator/);
    expect(() => checkEditable(unbound, "content", pi)).toThrow(DomainError);
    expect(() => checkEditable(unbound, "content", unitAdmin)).not.toThrow();
  });

  it("offers withdrawing a submission to its own PI and the unit administrator only", () => {
    const submitted = { ...draft, status: "submitted" as ApplicationState };
    const other = { userId: "pi-2", roles: ["principalInvestigator"] as Role[] };
    expect(allowedApplicationEvents(submitted, pi)).toEqual(["withdraw"]);
    expect(allowedApplicationEvents(submitted, unitAdmin)).toEqual(["withdraw"]);
    expect(allowedApplicationEvents(submitted, other)).toEqual([]);
    expect(() => checkWithdrawal(submitted, other)).toThrow(DomainError);
    expect(() => checkWithdrawal(submitted, pi)).not.toThrow();
  });

  it("stops offering a confirmation once it is given", () => {
    const confirmed = { ...draft, commitment: { piConfirmedAt: "2026-03-02T02:00:00.000Z" } };
    expect(allowedApplicationActions(confirmed, pi)).not.toContain("confirmAsPi");
  });

  it("offers the duplicate check to the bureau once submitted, never on a draft", () => {
    const officer = { userId: "o", roles: ["programOfficer"] as Role[] };
    expect(allowedApplicationActions(draft, officer)).toEqual(["exportPdf"]);
    expect(allowedApplicationActions({ ...draft, status: "submitted" }, officer)).toEqual([
      "exportPdf",
      "checkDuplicates",
    ]);
  });

  it("agrees with the checks the use cases apply, for every state and role", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...applicationStates),
        fc.constantFrom(...roles),
        fc.constantFrom("pi-1", "pi-2", null),
        (status, role, piUserId) => {
          const caller = { userId: "pi-1", roles: [role] };
          const a = { status, piUserId, commitment: {} };
          const actions = allowedApplicationActions(a, caller);
          const passes = (f: () => void) => {
            try {
              f();
              return true;
            } catch (e) {
              if (e instanceof DomainError) return false;
              throw e;
            }
          };
          expect(actions.includes("edit")).toBe(
            passes(() => checkEditable(a, "content", caller)) &&
              ["unitAdmin", "principalInvestigator"].includes(role),
          );
          expect(actions.includes("confirmAsPi")).toBe(
            passes(() => checkCommitmentConfirmation(a, caller, "pi")),
          );
          expect(actions.includes("confirmAsUnit")).toBe(
            passes(() => checkCommitmentConfirmation(a, caller, "unit")),
          );
          expect(editableStates.includes(status) || !actions.includes("upload")).toBe(true);
        },
      ),
    );
  });
});

describe("application visibility", () => {
  it("keeps a draft to its own unit and shows it to reviewers once submitted", () => {
    const a = {
      cityId: "luoyang",
      districtCode: "410305",
      unitId: "u1",
      status: "draft" as ApplicationState,
    };
    const unit = { kind: "unit", cityId: "luoyang", unitId: "u1" } as const;
    const district = { kind: "district", cityId: "luoyang", districtCode: "410305" } as const;
    expect(applicationVisible(unit, a)).toBe(true);
    expect(applicationVisible(district, a)).toBe(false);
    expect(applicationVisible(district, { ...a, status: "submitted" })).toBe(true);
    expect(applicationVisible({ kind: "city", cityId: "datong" }, { ...a, status: "submitted" })).toBe(false);
  });
});
