import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Role, roles } from "../identity/roles.ts";
import { shippedPolicies } from "../policy/test/shipped-policies.ts";
import type { MidTermRules } from "../policy/tracking.schema.ts";
import { DomainError } from "../shared/errors.ts";
import { fire } from "../shared/machine.ts";
import {
  type AssessmentState,
  assessmentMachine,
  assessmentOutcome,
  assessmentStates,
  checkPanel,
  checkScores,
  type PanelSheet,
} from "./assessment.ts";

const [datong, luoyang] = shippedPolicies();

function midTermOf(rules: MidTermRules | null): MidTermRules {
  if (!rules) throw new Error("Luoyang sets a mid-term assessment");
  return rules;
}
const rules = midTermOf(luoyang.tracking.midTerm);

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a DomainError");
}

/** Sheets of the given scores, one expert each; null for an expert who has not scored. */
const sheets = (...scores: (number[] | null)[]): PanelSheet[] =>
  scores.map((s, i) => ({ expertId: `E${i + 1}`, scores: s }));
const all60 = [60, 60, 60, 60]; // 6000 hundredths
const s5990 = [60, 60, 60, 59]; // 40·60 + 30·60 + 20·60 + 10·59
const s5980 = [60, 60, 60, 58];
const score = fc.integer({ min: 0, max: 100 });
const sheet = fc.array(score, { minLength: 4, maxLength: 4 });

describe("the cities' mid-term settings", () => {
  it("are Luoyang's four weighted criteria, pass mark 60 and a panel of 3; Datong sets none", () => {
    expect(rules.scorecard.criteria.map((c) => c.weight)).toEqual([40, 30, 20, 10]);
    expect(rules.passMark.value).toBe(60);
    expect(rules.panelSize.value).toBe(3);
    expect(datong.tracking.midTerm).toBeNull();
  });
});

describe("assessmentOutcome", () => {
  it("has no mean and no event before anyone scores", () => {
    expect(assessmentOutcome(rules, [])).toEqual({ totals: [], mean: null, event: null, grade: null });
    expect(assessmentOutcome(rules, sheets(null, null, null))).toEqual({
      totals: [],
      mean: null,
      event: null,
      grade: null,
    });
  });

  it("calls for no event while any expert has not scored, though the mean so far shows", () => {
    expect(assessmentOutcome(rules, sheets(all60, null, all60))).toEqual({
      totals: [6000, 6000],
      mean: 6000,
      event: null,
      grade: null,
    });
  });

  it("weights each sheet in hundredths of a point", () => {
    expect(assessmentOutcome(rules, sheets([100, 0, 0, 0])).totals).toEqual([4000]);
    expect(assessmentOutcome(rules, sheets([80, 70, 90, 50], s5990, [0, 0, 0, 0])).totals).toEqual([
      3200 + 2100 + 1800 + 500,
      5990,
      0,
    ]);
  });

  it("rounds the mean half up in hundredths", () => {
    // 23970 / 4 = 5992.5: half up gives 5993 (half to even would give 5992)
    expect(assessmentOutcome(rules, sheets(all60, all60, s5990, s5980)).mean).toBe(5993);
    // 17990 / 3 = 5996.67 → 5997; 17980 / 3 = 5993.33 → 5993
    expect(assessmentOutcome(rules, sheets(all60, all60, s5990)).mean).toBe(5997);
    expect(assessmentOutcome(rules, sheets(all60, s5990, s5990)).mean).toBe(5993);
  });

  it("passes at exactly the pass mark and holds just below it", () => {
    expect(assessmentOutcome(rules, sheets(all60, all60, all60))).toMatchObject({
      mean: 6000,
      event: "pass",
    });
    expect(assessmentOutcome(rules, sheets(all60, all60, s5990))).toMatchObject({
      mean: 5997,
      event: "hold",
    });
    expect(assessmentOutcome(rules, sheets(s5990, s5990, s5990))).toMatchObject({
      mean: 5990,
      event: "hold",
    });
    // the rounded mean decides: 19 × 6000 + 5990 over 20 is 5999.5, which rounds to the pass mark
    const twenty = sheets(...Array.from({ length: 19 }, () => all60), s5990);
    expect(assessmentOutcome(rules, twenty)).toMatchObject({ mean: 6000, event: "pass" });
  });

  it("gives a mean within half a hundredth of the true mean, and the event only once all have scored", () => {
    fc.assert(
      fc.property(fc.array(fc.option(sheet, { nil: null }), { maxLength: 12 }), (raw) => {
        const out = assessmentOutcome(rules, sheets(...raw));
        const scored = raw.filter((s): s is number[] => s !== null);
        expect(out.totals).toHaveLength(scored.length);
        for (const t of out.totals) {
          expect(Number.isInteger(t)).toBe(true);
          expect(t).toBeGreaterThanOrEqual(0);
          expect(t).toBeLessThanOrEqual(10_000);
        }
        if (out.mean === null) {
          expect(scored).toHaveLength(0);
        } else {
          const n = out.totals.length;
          const sum = out.totals.reduce((a, b) => a + b, 0);
          // sum / n − mean ∈ [−½, ½): rounded half up
          expect(2 * sum - 2 * n * out.mean).toBeGreaterThanOrEqual(-n);
          expect(2 * sum - 2 * n * out.mean).toBeLessThan(n);
          expect(out.mean).toBeGreaterThanOrEqual(Math.min(...out.totals));
          expect(out.mean).toBeLessThanOrEqual(Math.max(...out.totals));
        }
        const complete = raw.length > 0 && scored.length === raw.length;
        expect(out.event).toBe(complete ? ((out.mean ?? 0) >= 6000 ? "pass" : "hold") : null);
      }),
    );
  });

  it("passes a panel that scores everything at least 60 and holds one that scores everything below", () => {
    const high = fc.array(fc.integer({ min: 60, max: 100 }), { minLength: 4, maxLength: 4 });
    const low = fc.array(fc.integer({ min: 0, max: 59 }), { minLength: 4, maxLength: 4 });
    fc.assert(
      fc.property(
        fc.array(high, { minLength: 1, maxLength: 7 }),
        fc.array(low, { minLength: 1, maxLength: 7 }),
        (h, l) => {
          expect(assessmentOutcome(rules, sheets(...h)).event).toBe("pass");
          expect(assessmentOutcome(rules, sheets(...l)).event).toBe("hold");
        },
      ),
    );
  });
});

describe("checkPanel", () => {
  it("accepts a panel of the city's size or larger", () => {
    expect(() => checkPanel(rules, ["E1", "E2", "E3"])).not.toThrow();
    expect(() => checkPanel(rules, ["E1", "E2", "E3", "E4", "E5"])).not.toThrow();
  });

  it("refuses a smaller panel, citing the city's setting", () => {
    for (const ids of [[], ["E1"], ["E1", "E2"]]) {
      const e = errorOf(() => checkPanel(rules, ids));
      expect(e).toMatchObject({ code: "VALIDATION", path: "expertIds", setting: "city" });
      expect(e.clause).toBeUndefined();
      expect(e.messageZh).toContain("3");
    }
  });

  it("refuses an expert named twice, before counting, with no citation", () => {
    for (const ids of [
      ["E1", "E1"],
      ["E1", "E2", "E3", "E2"],
    ]) {
      const e = errorOf(() => checkPanel(rules, ids));
      expect(e).toMatchObject({ code: "VALIDATION", path: "expertIds" });
      expect(e.message).toContain("twice");
      expect(e.setting).toBeUndefined();
    }
  });

  it("accepts exactly the panels of distinct experts at least the size", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("A", "B", "C", "D", "E", "F"), { maxLength: 8 }), (ids) => {
        const ok = new Set(ids).size === ids.length && ids.length >= 3;
        if (ok) expect(() => checkPanel(rules, ids)).not.toThrow();
        else expect(errorOf(() => checkPanel(rules, ids)).path).toBe("expertIds");
      }),
    );
  });
});

describe("checkScores", () => {
  it("accepts whole points 0–100 for every criterion", () => {
    expect(() => checkScores(rules, [0, 0, 0, 0])).not.toThrow();
    expect(() => checkScores(rules, [100, 100, 100, 100])).not.toThrow();
    expect(() => checkScores(rules, [60, 75, 88, 91])).not.toThrow();
  });

  it("refuses the wrong number of scores, fractions, and scores out of range", () => {
    for (const scores of [
      [],
      [60, 60, 60],
      [60, 60, 60, 60, 60],
      [60, 60, 60, 60.5],
      [60, 60, 60, -1],
      [101, 60, 60, 60],
      [Number.NaN, 60, 60, 60],
      [Number.POSITIVE_INFINITY, 60, 60, 60],
    ]) {
      const e = errorOf(() => checkScores(rules, scores));
      expect(e).toMatchObject({ code: "VALIDATION", path: "scores" });
      expect(e.message).toContain("4");
    }
  });

  it("accepts exactly four whole scores 0–100", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 105 }), { maxLength: 6 }), (scores) => {
        const ok = scores.length === 4 && scores.every((s) => s >= 0 && s <= 100);
        if (ok) expect(() => checkScores(rules, scores)).not.toThrow();
        else expect(errorOf(() => checkScores(rules, scores)).path).toBe("scores");
      }),
    );
  });
});

describe("the assessment's lifecycle", () => {
  const officer: Role[] = ["programOfficer"];

  it("lets only the programme officer pass or hold, and only a convened assessment", () => {
    for (const event of ["pass", "hold"] as const)
      for (const state of assessmentStates)
        for (const role of roles) {
          const go = () => fire(assessmentMachine, state, event, [role]);
          if (role !== "programOfficer") expect(errorOf(go).code).toBe("FORBIDDEN");
          else if (state !== "convened") expect(errorOf(go).code).toBe("INVALID_TRANSITION");
          else expect(go()).toBe<AssessmentState>(event === "pass" ? "passed" : "held");
        }
  });

  it("is withdrawn only while its panel sits, by the bureau that closes the project", () => {
    expect(fire(assessmentMachine, "convened", "withdraw", ["financeOfficer"])).toBe("withdrawn");
    for (const from of ["passed", "held", "failed", "deferred", "withdrawn"] as const)
      expect(errorOf(() => fire(assessmentMachine, from, "withdraw", officer)).code).toBe(
        "INVALID_TRANSITION",
      );
    expect(errorOf(() => fire(assessmentMachine, "convened", "withdraw", ["unitAdmin"])).code).toBe(
      "FORBIDDEN",
    );
  });

  it("has no other event", () => {
    expect(Object.keys(assessmentMachine.transitions).sort()).toEqual([
      "defer",
      "fail",
      "hold",
      "pass",
      "withdraw",
    ]);
    expect(errorOf(() => fire(assessmentMachine, "held", "reconvene" as "pass", officer)).code).toBe(
      "INVALID_TRANSITION",
    );
  });
});
