import { describe, expect, it } from "vitest";
import { shippedPolicies } from "../policy/test/shipped-policies.ts";
import { allowedEvents } from "../shared/machine.ts";
import {
  challengeMachine,
  challengeStepCheck,
  checkOpenChallenge,
  checkShortlist,
} from "./open-challenge.ts";
import { decisionSteps } from "./proposed-list.ts";

const [datong, luoyang] = shippedPolicies();
const bid = (id: string, status: "submitted" | "negotiated", agreementOnRecord = true) => ({
  id,
  status,
  agreementOnRecord,
});

describe("open challenges (揭榜挂帅)", () => {
  it("run where the program's selection modes name them, in each city", () => {
    expect(() => checkOpenChallenge(datong, "keyRnd")).not.toThrow();
    expect(() => checkOpenChallenge(luoyang, "publicWelfare")).not.toThrow();
    expect(() => checkOpenChallenge(luoyang, "softScience")).toThrow(
      expect.objectContaining({ code: "DECISION_NOT_APPLICABLE" }),
    );
  });

  it("walk 张榜 → shortlist → notice → tripartite agreement → announcement, announced by the leader only", () => {
    let state = "draft" as keyof typeof challengeMachine.labels;
    for (const e of ["publish", "shortlist", "startNotice", "closeNotice", "recordAgreement"] as const) {
      expect(allowedEvents(challengeMachine, state, ["programOfficer"])).toContain(e);
      state = challengeMachine.transitions[e].to;
    }
    expect(allowedEvents(challengeMachine, state, ["programOfficer"])).not.toContain("announce");
    expect(allowedEvents(challengeMachine, state, ["bureauLeader"])).toEqual(["announce"]);
  });

  it("shortlists only bidders whose negotiation and preliminary agreement are on record, citing the city's clause", () => {
    expect(() => checkShortlist(datong, "keyRnd", [bid("a", "submitted")], ["a"])).toThrow(
      expect.objectContaining({ code: "CHALLENGE_NOT_NEGOTIATED", clause: "DT-RULES §15" }),
    );
    expect(() => checkShortlist(luoyang, "publicWelfare", [bid("a", "negotiated", false)], ["a"])).toThrow(
      expect.objectContaining({ clause: "LY-REFORM §三(三)2" }),
    );
    expect(() =>
      checkShortlist(datong, "keyRnd", [bid("a", "negotiated"), bid("b", "negotiated")], ["a", "b"]),
    ).not.toThrow();
    expect(() => checkShortlist(datong, "keyRnd", [bid("a", "negotiated")], [])).toThrow(
      expect.objectContaining({ code: "VALIDATION" }),
    );
  });
});

describe("the city's decision steps in an open challenge", () => {
  const luoyangSteps = decisionSteps(luoyang, "publicWelfare");
  const datongSteps = decisionSteps(datong, "keyRnd");

  it("takes the city government before the notice and finance's co-sign before the agreement, in Luoyang", () => {
    expect(challengeStepCheck(luoyangSteps, "shortlisted", "startNotice")).toMatchObject({
      code: "DECISION_STEP_PENDING",
      clause: "LY-REFORM §三(二)1",
    });
    expect(challengeStepCheck(luoyangSteps, "cityApproved", "startNotice")).toBeNull();
    expect(challengeStepCheck(luoyangSteps, "noticeClosed", "recordAgreement")).toMatchObject({
      code: "DECISION_STEP_PENDING",
      clause: "LY-FUNDS §12",
    });
    expect(challengeStepCheck(luoyangSteps, "coSigned", "recordAgreement")).toBeNull();
  });

  it("refuses the steps a Datong program does not take, and never holds its flow up", () => {
    for (const e of ["recordCityGovernment", "coSign"] as const) {
      expect(challengeStepCheck(datongSteps, "shortlisted", e)?.code).toBe("DECISION_NOT_APPLICABLE");
    }
    for (const [state, e] of [
      ["shortlisted", "startNotice"],
      ["noticeClosed", "recordAgreement"],
    ] as const) {
      expect(challengeStepCheck(datongSteps, state, e)).toBeNull();
    }
  });
});
