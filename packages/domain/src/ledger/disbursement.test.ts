import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePolicy } from "../policy/load-policies.ts";
import { shippedPolicies } from "../policy/test/shipped-policies.ts";
import { paymentSchedule } from "./disbursement.ts";

const [datong, luoyang] = shippedPolicies();

describe("payment nodes (拨付, LY-FUNDS §13)", () => {
  it("pays a Luoyang pre-funded project by nodes, soft science at once, filing and joint research never", () => {
    expect(paymentSchedule(luoyang, "majorInnovation", 1_000_000_00)).toEqual([
      { code: "first", after: "taskBookSigned", amountFen: 60_000_000, source: { setting: "city" } },
      { code: "midTerm", after: "midTermPassed", amountFen: 20_000_000, source: { setting: "city" } },
      { code: "final", after: "accepted", amountFen: 20_000_000, source: { setting: "city" } },
    ]);
    expect(paymentSchedule(luoyang, "softScience", 3_000_000)).toEqual([
      {
        code: "lumpSum",
        after: "taskBookSigned",
        amountFen: 3_000_000,
        source: { clause: "LY-REFORM §三(四)3" },
      },
    ]);
    expect(paymentSchedule(luoyang, "publicWelfare", 10_000_000)).toEqual([
      { code: "subsidy", after: "graded", amountFen: 10_000_000, source: { clause: "LY-FUNDS §13(二)" } },
    ]);
    for (const program of ["guiding", "jointResearch", "fundPush"]) {
      expect(paymentSchedule(luoyang, program, 5_000_000)).toEqual([]);
    }
  });

  it("pays Datong once the task book is signed, as the city's setting its documents leave open", () => {
    expect(paymentSchedule(datong, "keyRnd", 2_000_000_00)).toEqual([
      { code: "lumpSum", after: "taskBookSigned", amountFen: 2_000_000_00, source: { setting: "city" } },
    ]);
  });

  it("adds its nodes up to the amount exactly, in whole fen", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000_000 }), (base) => {
        const nodes = paymentSchedule(luoyang, "majorInnovation", base);
        expect(nodes.reduce((s, n) => s + n.amountFen, 0)).toBe(base);
        expect(nodes.every((n) => Number.isSafeInteger(n.amountFen) && n.amountFen >= 0)).toBe(true);
      }),
    );
  });

  it("refuses a policy whose nodes do not add up, or a paying program without nodes", () => {
    const broken = structuredClone(luoyang) as unknown as Record<string, unknown>;
    const [, preFunding] = broken.disbursement as { nodes: { percent: { value: number } }[] }[];
    const first = preFunding?.nodes[0];
    if (!first) throw new Error("Luoyang's pre-funded programs pay by nodes");
    first.percent.value = 50;
    expect(() => parsePolicy("x.json", broken)).toThrow(/add up to 90 %/);
    const none = structuredClone(datong) as unknown as Record<string, unknown>;
    none.disbursement = [];
    expect(() => parsePolicy("y.json", none)).toThrow(/has no payment nodes/);
  });
});
