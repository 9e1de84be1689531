import { describe, expect, it } from "vitest";
import { shippedPolicies } from "../policy/test/shipped-policies.ts";
import { allowedEvents, fire } from "../shared/machine.ts";
import { checkFundDecision, fundPushMachine, fundPushProgramOf } from "./fund-push.ts";

const [datong, luoyang] = shippedPolicies();
if (!datong || !luoyang) throw new Error("policies missing");

describe("基金推送 (LY-REFORM §二(三))", () => {
  it("is Luoyang's program with its clause; Datong's documents name none", () => {
    expect(fundPushProgramOf(luoyang)).toMatchObject({
      code: "fundPush",
      source: { clause: "LY-REFORM §二(三)" },
    });
    expect(() => fundPushProgramOf(datong)).toThrow(
      expect.objectContaining({ code: "DECISION_NOT_APPLICABLE" }),
    );
  });

  it("is decided by the fund only: follow up once, then invest or decline, and nothing after", () => {
    expect(allowedEvents(fundPushMachine, "pushed", ["programOfficer"])).toEqual([]);
    expect(allowedEvents(fundPushMachine, "pushed", ["fundManager"])).toEqual([
      "invest",
      "decline",
      "followUp",
    ]);
    expect(fire(fundPushMachine, "pushed", "followUp", ["fundManager"])).toBe("followingUp");
    expect(allowedEvents(fundPushMachine, "followingUp", ["fundManager"])).toEqual(["invest", "decline"]);
    for (const done of ["invested", "declined"] as const) {
      expect(allowedEvents(fundPushMachine, done, ["fundManager"])).toEqual([]);
    }
  });

  it("asks an investment for its amount, no other decision for one, and every decision for its basis", () => {
    expect(() => checkFundDecision("invest", { amountFen: null, note: "按章程决策" })).toThrow(
      expect.objectContaining({ path: "amountFen" }),
    );
    expect(() => checkFundDecision("invest", { amountFen: 0, note: "按章程决策" })).toThrow(
      expect.objectContaining({ path: "amountFen" }),
    );
    expect(() => checkFundDecision("decline", { amountFen: 100, note: "不符合投向" })).toThrow(
      expect.objectContaining({ path: "amountFen" }),
    );
    expect(() => checkFundDecision("followUp", { amountFen: null, note: " " })).toThrow(
      expect.objectContaining({ path: "note" }),
    );
    expect(() => checkFundDecision("invest", { amountFen: 1_000_000, note: "投决会通过" })).not.toThrow();
  });
});
