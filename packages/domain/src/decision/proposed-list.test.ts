import { describe, expect, it } from "vitest";
import { shippedPolicies } from "../policy/test/shipped-policies.ts";
import { allowedEvents } from "../shared/machine.ts";
import { checkDirectedCommission, directedCommissionMachine } from "./directed-commission.ts";
import { projectNumber } from "./project-number.ts";
import { decisionSteps, forwardPath, nextActor, nextEvent, proposedListMachine } from "./proposed-list.ts";

const [datong, luoyang] = shippedPolicies();

describe("which steps a city's decision takes", () => {
  it("Luoyang public welfare: city government, notice (a city setting), finance co-sign", () => {
    const steps = decisionSteps(luoyang, "publicWelfare");
    expect(steps.cityGovernment).toMatchObject({ doc: "LY-REFORM", clause: "§三(二)1" });
    expect(steps.publicNotice?.source.kind).toBe("citySetting");
    expect(steps.coSign).toMatchObject({ doc: "LY-FUNDS", clause: "§12" });
    expect(forwardPath(steps)).toEqual([
      "submit",
      "leaderApprove",
      "recordCityGovernment",
      "startNotice",
      "closeNotice",
      "coSign",
      "issue",
    ]);
  });

  it("Luoyang guiding projects are filed without money: no co-sign, no city government", () => {
    const steps = decisionSteps(luoyang, "guiding");
    expect(steps.cityGovernment).toBeNull();
    expect(steps.coSign).toBeNull();
  });

  it("Datong publishes the list (DT-RULES §14(四)) and co-signs nothing", () => {
    const steps = decisionSteps(datong, "keyRnd");
    expect(steps.publicNotice?.source).toMatchObject({ doc: "DT-RULES", clause: "§14(四)" });
    expect(steps.coSign).toBeNull();
    expect(steps.cityGovernment).toBeNull();
    expect(forwardPath(steps)).toEqual(["submit", "leaderApprove", "startNotice", "closeNotice", "issue"]);
  });

  it("walks the forward path one event at a time, each by its own role", () => {
    const steps = decisionSteps(luoyang, "softScience");
    let state = "draft" as Parameters<typeof nextEvent>[1];
    const actors: string[] = [];
    for (let e = nextEvent(steps, state); e; e = nextEvent(steps, state)) {
      actors.push(nextActor(steps, state) ?? "");
      const roles = proposedListMachine.transitions[e].roles;
      expect(allowedEvents(proposedListMachine, state, roles)).toContain(e);
      state = proposedListMachine.transitions[e].to;
    }
    expect(state).toBe("issued");
    expect(actors).toEqual([
      "programOfficer",
      "bureauLeader",
      "programOfficer",
      "programOfficer",
      "programOfficer",
      "financeOfficer",
      "programOfficer",
    ]);
  });

  it("lets nobody but the leader approve, and nobody but finance co-sign", () => {
    expect(allowedEvents(proposedListMachine, "awaitingLeader", ["programOfficer"])).not.toContain(
      "leaderApprove",
    );
    expect(allowedEvents(proposedListMachine, "noticeClosed", ["programOfficer"])).not.toContain("coSign");
    expect(
      allowedEvents(proposedListMachine, "issued", ["programOfficer", "bureauLeader", "financeOfficer"]),
    ).toEqual([]);
  });
});

describe("project numbers", () => {
  it("pad to three digits and grow past them", () => {
    expect(projectNumber("LY", 2026, "GY", 1)).toBe("LY-2026-GY-001");
    expect(projectNumber("DT", 2026, "YF", 1234)).toBe("DT-2026-YF-1234");
    expect(() => projectNumber("LY", 2026, "GY", 0)).toThrow(RangeError);
  });
});

describe("directed commissions (DT-RULES §14)", () => {
  it("are Datong's, with the three reasons of the clause only", () => {
    expect(() => checkDirectedCommission(datong, "keyRnd", "urgentWork")).not.toThrow();
    expect(() => checkDirectedCommission(datong, "keyRnd", "cheaper")).toThrow(
      expect.objectContaining({ code: "DIRECTED_REASON_NOT_ALLOWED", clause: "DT-RULES §14" }),
    );
    expect(() => checkDirectedCommission(luoyang, "softScience", "urgentWork")).toThrow(
      expect.objectContaining({ code: "DECISION_NOT_APPLICABLE" }),
    );
  });

  it("cannot reach approval without the public notice of their reasons", () => {
    const into = (s: string) =>
      Object.entries(directedCommissionMachine.transitions)
        .filter(([, t]) => t.to === s)
        .flatMap(([, t]) => [...t.from]);
    expect(into("approved")).toEqual(["inNotice"]);
    expect(into("inNotice")).toEqual(["draft"]);
  });
});
