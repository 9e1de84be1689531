import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Role, roles } from "../identity/roles.ts";
import { type PerformanceGrade, performanceGrades } from "../policy/policy.schema.ts";
import { citeSource } from "../policy/source.schema.ts";
import { shippedPolicies } from "../policy/test/shipped-policies.ts";
import type { AcceptanceRules } from "../policy/tracking.schema.ts";
import { DomainError } from "../shared/errors.ts";
import { allowedEvents, fire } from "../shared/machine.ts";
import {
  type AcceptanceContent,
  type AcceptanceState,
  acceptanceConcluded,
  acceptanceMachine,
  acceptanceStates,
  checkAcceptance,
  checkDistrictOpinion,
  checkVerifiedRd,
} from "./acceptance.ts";
import {
  assessmentKinds,
  assessmentMachine,
  assessmentOutcome,
  checkPanel,
  conclusionsOf,
  gradeOf,
  type PanelSheet,
} from "./assessment.ts";

const [datong, luoyang] = shippedPolicies();
const rules = luoyang.tracking.acceptance;

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a DomainError");
}

const terms = {
  targets: [{ description: "研究报告" }, { description: "发明专利申请" }],
  budget: [
    { category: "publicationIp", amountFen: 1_500_000 },
    { category: "travelMeetings", amountFen: 1_000_000 },
  ],
};
const content = (over: Partial<AcceptanceContent> = {}): AcceptanceContent => ({
  achievements: [
    { index: 0, achieved: 1, evidence: "研究报告已印发" },
    { index: 1, achieved: 2, evidence: "专利受理通知书两份" },
  ],
  report: "本项目完成了全部研究任务。",
  settlement: [
    { category: "publicationIp", spentFen: 1_400_000 },
    { category: "travelMeetings", spentFen: 900_000 },
  ],
  commitment: true,
  ...over,
});
const refusal = (c: AcceptanceContent, t: Parameters<typeof checkAcceptance>[0] = terms) => {
  const e = errorOf(() => checkAcceptance(t, c));
  return [e.code, e.path];
};

describe("the cities' acceptance settings", () => {
  it("are Luoyang's panel of 3, Datong's of 5, grades 90/80/60 as city settings", () => {
    expect(rules.panelSize.value).toBe(3);
    expect(datong.tracking.acceptance.panelSize.value).toBe(5);
    for (const p of [luoyang, datong]) {
      const a = p.tracking.acceptance;
      expect([a.grades.excellent, a.grades.good, a.grades.pass]).toEqual([90, 80, 60]);
      expect(citeSource(a.grades.source)).toEqual({ setting: "city" });
      expect(a.scorecard.criteria.map((c) => c.weight)).toEqual([30, 20, 20, 15, 15]);
    }
  });

  it("keeps Luoyang's balance with the unit by LY-FUNDS §19, and returns Datong's as a city setting", () => {
    expect(rules.balance.rule).toBe("staysWithUnit");
    expect(citeSource(rules.balance.source)).toEqual({ clause: "LY-FUNDS §19" });
    expect(datong.tracking.acceptance.balance.rule).toBe("returnToTreasury");
    expect(citeSource(datong.tracking.acceptance.balance.source)).toEqual({ setting: "city" });
  });

  it("refuses a panel smaller than each city's size", () => {
    const ids = ["A", "B", "C", "D", "E"];
    expect(() => checkPanel(rules, ids.slice(0, 3))).not.toThrow();
    expect(errorOf(() => checkPanel(rules, ids.slice(0, 2))).path).toBe("expertIds");
    expect(() => checkPanel(datong.tracking.acceptance, ids)).not.toThrow();
    const e = errorOf(() => checkPanel(datong.tracking.acceptance, ids.slice(0, 4)));
    expect(e).toMatchObject({ code: "VALIDATION", path: "expertIds", setting: "city" });
    expect(e.messageZh).toContain("5");
  });
});

describe("checkAcceptance", () => {
  it("answers the settled total of complete materials", () => {
    expect(checkAcceptance(terms, content())).toEqual({ settledFen: 2_300_000 });
    // in any order, zero spent on a line, nothing to report where the task book has nothing
    const reordered = content({
      achievements: [...content().achievements].reverse(),
      settlement: [
        { category: "travelMeetings", spentFen: 0 },
        { category: "publicationIp", spentFen: 5 },
      ],
    });
    expect(checkAcceptance(terms, reordered)).toEqual({ settledFen: 5 });
    const empty = content({ achievements: [], settlement: [] });
    expect(checkAcceptance({ targets: [], budget: [] }, empty)).toEqual({ settledFen: 0 });
  });

  it("refuses a target the task book does not have, and one reported twice", () => {
    const [a0, a1] = content().achievements as [
      AcceptanceContent["achievements"][0],
      AcceptanceContent["achievements"][0],
    ];
    for (const index of [2, 199, -1, 0.5])
      expect(refusal(content({ achievements: [a0, { ...a1, index }] })), String(index)).toEqual([
        "VALIDATION",
        "achievements.1.index",
      ]);
    expect(refusal(content({ achievements: [a0, a0, a1] }))).toEqual(["VALIDATION", "achievements.1.index"]);
  });

  it("refuses a value without its evidence", () => {
    const [a0, a1] = content().achievements as [
      AcceptanceContent["achievements"][0],
      AcceptanceContent["achievements"][0],
    ];
    for (const evidence of ["", "   ", "\n\t"])
      expect(refusal(content({ achievements: [a0, { ...a1, evidence }] }))).toEqual([
        "VALIDATION",
        "achievements.1.evidence",
      ]);
  });

  it("refuses materials leaving a target out, naming the first one missed", () => {
    const [a0, a1] = content().achievements as [
      AcceptanceContent["achievements"][0],
      AcceptanceContent["achievements"][0],
    ];
    const none = errorOf(() => checkAcceptance(terms, content({ achievements: [] })));
    expect(none).toMatchObject({ code: "VALIDATION", path: "achievements" });
    expect(none.messageZh).toContain("研究报告");
    const second = errorOf(() => checkAcceptance(terms, content({ achievements: [a0] })));
    expect(second.messageZh).toContain("发明专利申请");
    expect(refusal(content({ achievements: [a1] }))).toEqual(["VALIDATION", "achievements"]);
  });

  it("refuses an empty report", () => {
    for (const report of ["", "  ", "\n"])
      expect(refusal(content({ report }))).toEqual(["VALIDATION", "report"]);
  });

  it("refuses a line the budget does not have, one settled twice, and a line left out", () => {
    const [l0, l1] = content().settlement as [
      AcceptanceContent["settlement"][0],
      AcceptanceContent["settlement"][0],
    ];
    expect(refusal(content({ settlement: [l0, l1, { category: "bribes", spentFen: 1 }] }))).toEqual([
      "VALIDATION",
      "settlement.2.category",
    ]);
    expect(refusal(content({ settlement: [l0, { ...l0, spentFen: 0 }, l1] }))).toEqual([
      "VALIDATION",
      "settlement.1.category",
    ]);
    expect(refusal(content({ settlement: [l1] }))).toEqual(["VALIDATION", "settlement"]);
    expect(refusal(content({ settlement: [] }))).toEqual(["VALIDATION", "settlement"]);
  });

  it("checks the targets before the report and the report before the settlement", () => {
    const broken = content({ achievements: [], report: " ", settlement: [] });
    expect(refusal(broken)).toEqual(["VALIDATION", "achievements"]);
    expect(refusal({ ...broken, achievements: content().achievements })).toEqual(["VALIDATION", "report"]);
  });

  it("settles the sum of the lines, whatever they hold", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1e12 }), { minLength: 1, maxLength: 8 }), (spent) => {
        const budget = spent.map((_, i) => ({ category: `c${i}`, amountFen: 1 }));
        const settlement = spent.map((spentFen, i) => ({ category: `c${i}`, spentFen })).reverse();
        const got = checkAcceptance({ targets: [], budget }, content({ achievements: [], settlement }));
        expect(got.settledFen).toBe(spent.reduce((a, b) => a + b, 0));
      }),
    );
  });
});

describe("checkVerifiedRd", () => {
  it("takes up to the settled total, and refuses a fen more", () => {
    expect(() => checkVerifiedRd(0, 0)).not.toThrow();
    expect(() => checkVerifiedRd(0, 2_300_000)).not.toThrow();
    expect(() => checkVerifiedRd(2_300_000, 2_300_000)).not.toThrow();
    for (const [v, s] of [
      [2_300_001, 2_300_000],
      [1, 0],
    ] as const)
      expect(errorOf(() => checkVerifiedRd(v, s))).toMatchObject({
        code: "VALIDATION",
        path: "verifiedRdFen",
      });
  });
});

describe("the acceptance's lifecycle", () => {
  const mayFire: Record<
    keyof typeof acceptanceMachine.transitions,
    [AcceptanceState, Role[], AcceptanceState]
  > = {
    resubmit: ["returned", ["unitAdmin", "principalInvestigator"], "submitted"],
    defer: ["submitted", ["programOfficer"], "returned"],
    pass: ["submitted", ["programOfficer"], "accepted"],
    fail: ["submitted", ["programOfficer"], "failed"],
  };

  it("lets the unit resubmit a returned one and the officer alone conclude a submitted one", () => {
    expect(Object.keys(acceptanceMachine.transitions).sort()).toEqual(Object.keys(mayFire).sort());
    for (const [event, [from, who, to]] of Object.entries(mayFire) as [
      keyof typeof mayFire,
      (typeof mayFire)[keyof typeof mayFire],
    ][])
      for (const state of acceptanceStates)
        for (const role of roles) {
          const go = () => fire(acceptanceMachine, state, event, [role]);
          if (!who.includes(role)) expect(errorOf(go).code, `${role} ${event}`).toBe("FORBIDDEN");
          else if (state !== from) expect(errorOf(go).code, `${event} ${state}`).toBe("INVALID_TRANSITION");
          else expect(go()).toBe(to);
        }
  });

  it("leaves nothing to do once accepted or failed, and offers each side only its events", () => {
    for (const state of ["accepted", "failed"] as const)
      expect(allowedEvents(acceptanceMachine, state, [...roles])).toEqual([]);
    expect(allowedEvents(acceptanceMachine, "submitted", ["unitAdmin", "principalInvestigator"])).toEqual([]);
    expect(allowedEvents(acceptanceMachine, "returned", ["programOfficer"])).toEqual([]);
    expect(allowedEvents(acceptanceMachine, "submitted", ["programOfficer"]).sort()).toEqual([
      "defer",
      "fail",
      "pass",
    ]);
    expect(
      errorOf(() => fire(acceptanceMachine, "submitted", "toString" as "pass", ["programOfficer"])).code,
    ).toBe("INVALID_TRANSITION");
  });

  it("counts as concluded (结题) exactly the states with no event left", () => {
    for (const state of acceptanceStates)
      expect(acceptanceConcluded(state), state).toBe(
        allowedEvents(acceptanceMachine, state, [...roles]).length === 0,
      );
    expect(acceptanceConcluded(null)).toBe(false);
    expect(acceptanceConcluded(undefined)).toBe(false);
  });
});

describe("gradeOf", () => {
  it("grades at each band's lowest mean and one hundredth below it", () => {
    const cases: [number, PerformanceGrade][] = [
      [10_000, "excellent"],
      [9000, "excellent"],
      [8999, "good"],
      [8000, "good"],
      [7999, "pass"],
      [6000, "pass"],
      [5999, "fail"],
      [0, "fail"],
    ];
    for (const p of [luoyang, datong])
      expect(cases.map(([m]) => [m, gradeOf(p.tracking.acceptance, m)])).toEqual(cases);
  });

  it("reads the bands from the city's rules", () => {
    const strict: AcceptanceRules = {
      ...rules,
      grades: { ...rules.grades, excellent: 95, good: 85, pass: 70 },
    };
    expect([9499, 9500, 8499, 8500, 6999, 7000].map((m) => gradeOf(strict, m))).toEqual([
      "good",
      "excellent",
      "pass",
      "good",
      "fail",
      "pass",
    ]);
  });

  it("never grades a higher mean lower", () => {
    const rank = (g: PerformanceGrade) => performanceGrades.length - performanceGrades.indexOf(g);
    const mean = fc.integer({ min: 0, max: 10_000 });
    fc.assert(
      fc.property(mean, mean, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(rank(gradeOf(rules, lo))).toBeLessThanOrEqual(rank(gradeOf(rules, hi)));
      }),
    );
  });
});

describe("assessmentOutcome with the acceptance rules", () => {
  const sheets = (...scores: (number[] | null)[]): PanelSheet[] =>
    scores.map((s, i) => ({ expertId: `E${i + 1}`, scores: s }));
  const all = (n: number) => [n, n, n, n, n];
  const s8985 = [90, 90, 90, 90, 89]; // one 15-weight criterion a point short of 90

  it("passes with the grade the mean earns, and fails below the pass grade", () => {
    const grade = (...s: number[][]) => {
      const o = assessmentOutcome(rules, sheets(...s));
      return [o.mean, o.event, o.grade];
    };
    expect(grade(all(90), all(90), all(90))).toEqual([9000, "pass", "excellent"]);
    expect(grade(all(90), all(90), s8985)).toEqual([8995, "pass", "good"]);
    expect(grade(all(80), all(80), all(80))).toEqual([8000, "pass", "good"]);
    expect(grade(all(60), all(60), all(60))).toEqual([6000, "pass", "pass"]);
    expect(grade(all(60), all(60), [60, 60, 60, 60, 59])).toEqual([5995, "fail", "fail"]);
    expect(grade(all(0))).toEqual([0, "fail", "fail"]);
  });

  it("grades the rounded mean: 29 sheets of 90 and one short round up to 优, 28 and one do not", () => {
    const of = (n: number) =>
      assessmentOutcome(rules, sheets(...Array.from({ length: n }, () => all(90)), s8985));
    // (29 × 9000 + 8985) / 30 = 8999.5 → 9000; (28 × 9000 + 8985) / 29 = 8999.48 → 8999
    expect(of(29)).toMatchObject({ mean: 9000, grade: "excellent" });
    expect(of(28)).toMatchObject({ mean: 8999, grade: "good" });
  });

  it("has no event and no grade until every expert has scored", () => {
    expect(assessmentOutcome(rules, [])).toEqual({ totals: [], mean: null, event: null, grade: null });
    expect(assessmentOutcome(rules, sheets(all(95), null, all(95)))).toEqual({
      totals: [9500, 9500],
      mean: 9500,
      event: null,
      grade: null,
    });
  });

  it("passes exactly when graded above fail, never holds, and agrees with gradeOf", () => {
    const sheet = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 5, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(fc.option(sheet, { nil: null }), { minLength: 1, maxLength: 9 }), (raw) => {
        const o = assessmentOutcome(rules, sheets(...raw));
        if (raw.some((s) => s === null)) {
          expect([o.event, o.grade]).toEqual([null, null]);
          return;
        }
        expect(o.mean).not.toBeNull();
        expect(o.grade).toBe(gradeOf(rules, o.mean ?? -1));
        expect(o.event).toBe(o.grade === "fail" ? "fail" : "pass");
      }),
    );
  });

  it("gives a mid-term no grade and no fail", () => {
    const midTerm = luoyang.tracking.midTerm;
    if (!midTerm) throw new Error("Luoyang sets a mid-term assessment");
    const low = assessmentOutcome(midTerm, sheets([0, 0, 0, 0]));
    const high = assessmentOutcome(midTerm, sheets([100, 100, 100, 100]));
    expect([low.event, low.grade, high.event, high.grade]).toEqual(["hold", null, "pass", null]);
  });
});

describe("conclusionsOf", () => {
  it("lets a mid-term pass or hold and an acceptance pass, fail or wait", () => {
    expect(conclusionsOf).toEqual({ midTerm: ["pass", "hold"], acceptance: ["pass", "fail", "defer"] });
    expect(Object.keys(conclusionsOf).sort()).toEqual([...assessmentKinds].sort());
  });

  it("covers every event of the assessment once a kind is chosen, and an acceptance's are its application's", () => {
    // withdraw is no conclusion: it follows the project's closure
    const events = Object.keys(assessmentMachine.transitions)
      .filter((e) => e !== "withdraw")
      .sort();
    expect([...new Set(Object.values(conclusionsOf).flat())].sort()).toEqual(events);
    // each acceptance conclusion moves the application too, by the same event and the same role
    for (const e of conclusionsOf.acceptance) {
      expect(acceptanceMachine.transitions[e as "pass" | "fail" | "defer"].roles).toEqual(
        assessmentMachine.transitions[e].roles,
      );
      expect(fire(acceptanceMachine, "submitted", e as "pass", ["programOfficer"])).toBeDefined();
    }
    expect(conclusionsOf.midTerm).not.toContain("defer");
    expect(conclusionsOf.acceptance).not.toContain("hold");
  });
});

describe("checkDistrictOpinion", () => {
  const opinion = { agrees: true, opinion: "同意验收。" };
  const codeOf = (f: () => void) => {
    try {
      f();
      return null;
    } catch (e) {
      return e instanceof DomainError ? e.code : "other";
    }
  };

  it("takes an opinion only while the application waits for its conclusion", () => {
    for (const s of acceptanceStates)
      expect(
        codeOf(() => checkDistrictOpinion(s, opinion)),
        s,
      ).toBe(s === "submitted" ? null : "INVALID_TRANSITION");
    expect(codeOf(() => checkDistrictOpinion(undefined, opinion))).toBe("INVALID_TRANSITION");
    expect(codeOf(() => checkDistrictOpinion("submitted", { agrees: false, opinion: "指标未完成。" }))).toBe(
      null,
    );
  });

  it("refuses a blank opinion and an agreement not given", () => {
    expect(codeOf(() => checkDistrictOpinion("submitted", { agrees: true, opinion: " \n " }))).toBe(
      "VALIDATION",
    );
    const unsaid = { opinion: "同意。" } as unknown as { agrees: boolean; opinion: string };
    expect(codeOf(() => checkDistrictOpinion("submitted", unsaid))).toBe("VALIDATION");
  });
});
