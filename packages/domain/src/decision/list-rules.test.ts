import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shippedPolicies } from "../policy/test/shipped-policies.ts";
import {
  departures,
  type ListEntryFacts,
  listViolations,
  plannedAmountFen,
  type YearFacts,
  youthShare,
} from "./list-rules.ts";

const [datong, luoyang] = shippedPolicies();
const noReasons = { overCapReason: null, youthShareReason: null };
const year = (over: Partial<YearFacts> = {}): YearFacts => ({
  issuedInProgram: 0,
  committedFen: 0,
  controlFen: 100_000_000_00,
  youth: { total: 0, young: 0 },
  ...over,
});
const entry = (
  rank: number,
  decision: ListEntryFacts["decision"] = "selected",
  over: Partial<ListEntryFacts> = {},
): ListEntryFacts => ({
  applicationId: `a${rank}`,
  rank,
  decision,
  departureReason: null,
  amountFen: 10_000_00,
  maxFen: 50_000_00,
  piYouth: false,
  ...over,
});
const codes = (v: { code: string }[]) => v.map((x) => x.code);

describe("yearly caps", () => {
  it("Luoyang public welfare: the 31st project of a year needs a recorded reason (原则上, LY-REFORM §三(四)2)", () => {
    const v = listViolations(luoyang, "publicWelfare", [entry(1)], year({ issuedInProgram: 30 }), noReasons);
    expect(v).toEqual([
      expect.objectContaining({
        code: "DECISION_OVER_CAP",
        clause: "LY-REFORM §三(四)2",
        path: "overCapReason",
      }),
    ]);
    expect(
      listViolations(luoyang, "publicWelfare", [entry(1)], year({ issuedInProgram: 30 }), {
        ...noReasons,
        overCapReason: "市政府交办",
      }),
    ).toEqual([]);
    expect(
      listViolations(luoyang, "publicWelfare", [entry(1)], year({ issuedInProgram: 29 }), noReasons),
    ).toEqual([]);
  });

  it("Luoyang soft science stops at 10 in principle", () => {
    const eleven = Array.from({ length: 11 }, (_, i) => entry(i + 1));
    expect(codes(listViolations(luoyang, "softScience", eleven, year(), noReasons))).toEqual([
      "DECISION_OVER_CAP",
    ]);
  });

  it("Datong programs have no count cap", () => {
    const many = Array.from({ length: 40 }, (_, i) => entry(i + 1));
    expect(listViolations(datong, "keyRnd", many, year({ issuedInProgram: 100 }), noReasons)).toEqual([]);
  });
});

describe("the budget control number", () => {
  it("is a hard limit with the city's clause", () => {
    const v = listViolations(
      luoyang,
      "softScience",
      [entry(1, "selected", { amountFen: 3_000_000 })],
      year({ controlFen: 5_000_000, committedFen: 2_000_001 }),
      noReasons,
    );
    expect(v).toEqual([expect.objectContaining({ code: "DECISION_OVER_BUDGET", clause: "LY-FUNDS §11" })]);
    const dt = listViolations(datong, "keyRnd", [entry(1)], year({ controlFen: null }), noReasons);
    expect(dt).toEqual([
      expect.objectContaining({ code: "DECISION_NO_CONTROL_NUMBER", clause: "DT-RULES §4" }),
    ]);
  });

  it("does not ask for one when the list commits no money (filing)", () => {
    expect(
      listViolations(
        luoyang,
        "guiding",
        [entry(1, "selected", { amountFen: 0 })],
        year({ controlFen: null }),
        noReasons,
      ),
    ).toEqual([]);
  });
});

describe("the youth share (LY-PLAN §六(二))", () => {
  it("is a Luoyang indicator of its major projects, never one of Datong", () => {
    expect(youthShare(datong, "keyRnd", [entry(1)], year())).toBeNull();
    const share = youthShare(
      luoyang,
      "majorInnovation",
      [entry(1, "selected", { piYouth: true }), entry(2), entry(3), entry(4), entry(5)],
      year(),
    );
    expect(share).toMatchObject({
      young: 1,
      total: 5,
      percent: 20,
      met: true,
      source: { clause: "LY-PLAN §六(二)" },
    });
  });

  it("asks for a reason when the year's share would fall under 20 %", () => {
    const list = [entry(1), entry(2)];
    const y = year({ youth: { total: 6, young: 1 } });
    expect(codes(listViolations(luoyang, "majorInnovation", list, y, noReasons))).toEqual([
      "DECISION_YOUTH_SHARE_NOT_MET",
    ]);
    expect(
      listViolations(luoyang, "majorInnovation", list, y, {
        ...noReasons,
        youthShareReason: "本批无青年申报",
      }),
    ).toEqual([]);
    // another program's list is not held to the share
    expect(listViolations(luoyang, "softScience", list, y, noReasons)).toEqual([]);
  });
});

describe("departures from the ranking", () => {
  it("name both the project taken over a better one and the one passed over", () => {
    const list = [entry(1), entry(2, "notSelected"), entry(3)];
    expect([...departures(list)].sort()).toEqual(["a2", "a3"]);
    expect(codes(listViolations(luoyang, "softScience", list, year(), noReasons))).toEqual([
      "DECISION_DEPARTURE_UNEXPLAINED",
      "DECISION_DEPARTURE_UNEXPLAINED",
    ]);
  });

  it("never flag a list that takes the ranking from the top", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 30 }), (n, k) => {
        const list = Array.from({ length: n }, (_, i) =>
          entry(i + 1, i < k ? "selected" : i < k + 2 ? "reserve" : "notSelected"),
        );
        expect(departures(list).size).toBe(0);
      }),
    );
  });

  it("flag every list that skips a better one, whatever else it takes", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 2, maxLength: 30 }), (taken) => {
        const list = taken.map((t, i) => entry(i + 1, t ? "selected" : "notSelected"));
        const firstSkipped = taken.indexOf(false);
        const skipsBetter = firstSkipped >= 0 && taken.slice(firstSkipped).includes(true);
        expect(departures(list).size > 0).toBe(skipsBetter);
      }),
    );
  });
});

describe("the money a list commits", () => {
  it("never exceeds an entry's request or subsidy cap", () => {
    const v = listViolations(
      datong,
      "keyRnd",
      [entry(1, "selected", { amountFen: 50_000_01 })],
      year(),
      noReasons,
    );
    expect(v).toEqual([
      expect.objectContaining({ code: "DECISION_AMOUNT_OVER_REQUEST", path: "entries.a1.amountFen" }),
    ]);
  });

  it("is the request when pre-funded, the best grade's subsidy when post-subsidised, nothing when filed", () => {
    expect(plannedAmountFen(luoyang, "softScience", 2_500_000)).toBe(2_500_000);
    expect(plannedAmountFen(luoyang, "publicWelfare", 10_000_000)).toBe(5_000_000);
    expect(plannedAmountFen(luoyang, "publicWelfare", 50_000_000)).toBe(10_000_000);
    expect(plannedAmountFen(luoyang, "guiding", 50_000_000)).toBe(0);
    expect(plannedAmountFen(datong, "keyRnd", 123)).toBe(123);
  });
});
