import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Role, roles } from "../identity/roles.ts";
import { DomainError } from "../shared/errors.ts";
import {
  allowedApplicationActions,
  applicationVisible,
  checkCommitmentConfirmation,
  checkEditable,
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
    expect(allowedApplicationActions(draft, other)).not.toContain("confirmAsPi");
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
      fc.property(fc.constantFrom(...applicationStates), fc.constantFrom(...roles), (status, role) => {
        const caller = { userId: "pi-1", roles: [role] };
        const a = { status, piUserId: "pi-1", commitment: {} };
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
          passes(() => checkEditable(a, "content")) && ["unitAdmin", "principalInvestigator"].includes(role),
        );
        expect(actions.includes("confirmAsPi")).toBe(
          passes(() => checkCommitmentConfirmation(a, caller, "pi")),
        );
        expect(actions.includes("confirmAsUnit")).toBe(
          passes(() => checkCommitmentConfirmation(a, caller, "unit")),
        );
        expect(editableStates.includes(status) || !actions.includes("upload")).toBe(true);
      }),
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
