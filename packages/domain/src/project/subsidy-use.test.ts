import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Role, roles } from "../identity/roles.ts";
import { shippedPolicies } from "../policy/test/shipped-policies.ts";
import { DomainError } from "../shared/errors.ts";
import { fire } from "../shared/machine.ts";
import {
  checkSubsidyUse,
  checkSubsidyUseDecision,
  flagsOf,
  type SubsidyUse,
  subsidyUseMachine,
} from "./subsidy-use.ts";

const [datong, luoyang] = shippedPolicies();
const rules = luoyang?.tracking.subsidyUse;
if (!rules) throw new Error("Luoyang lists the uses of a post-subsidy");
const allowed = rules.purposes.filter((p) => !p.forbidden).map((p) => p.code);
const forbidden = rules.purposes.filter((p) => p.forbidden).map((p) => p.code);
const use = (purpose: string, amountFen: number): SubsidyUse => ({ purpose, amountFen, description: "说明" });

function violationOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a DomainError");
}

describe("the city's list of uses (LY-FUNDS §20)", () => {
  it("is Luoyang's alone: Datong pays no post-subsidy", () => {
    expect(datong?.tracking.subsidyUse).toBeNull();
    expect(forbidden).toEqual([
      "fines",
      "donations",
      "sponsorship",
      "investment",
      "debtRepayment",
      "establishedWages",
      "pensions",
      "otherForbidden",
    ]);
    expect(allowed.length).toBeGreaterThan(0);
  });
});

describe("checkSubsidyUse", () => {
  it("takes allowed and forbidden uses alike, up to the paid amount", () => {
    expect(() => checkSubsidyUse(rules, [use("rnd", 500), use("fines", 500)], 1000)).not.toThrow();
  });

  it("refuses every problem at once, each on its field", () => {
    const e = violationOf(() =>
      checkSubsidyUse(rules, [use("nope", 100), use("rnd", 0), use("rnd", -5), use("rnd", 1.5)], 10),
    );
    expect(e.code).toBe("VALIDATION");
    expect(e.issues?.map((i) => i.path)).toEqual([
      "uses.0.purpose",
      "uses.1.amountFen",
      "uses.2.amountFen",
      "uses.3.amountFen",
      "uses",
    ]);
    expect(violationOf(() => checkSubsidyUse(rules, [], 10)).path).toBe("uses");
  });

  it("refuses uses adding up to more than was paid, by a single fen", () => {
    expect(
      violationOf(() => checkSubsidyUse(rules, [use("rnd", 600), use("equipment", 401)], 1000)).path,
    ).toBe("uses");
  });

  it("accepts a report exactly when every use is known and positive and the sum within the paid (property)", () => {
    const codes = [...allowed, ...forbidden, "unknownPurpose"];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ purpose: fc.constantFrom(...codes), amountFen: fc.integer({ min: -5, max: 10_000 }) }),
          {
            maxLength: 8,
          },
        ),
        fc.integer({ min: 0, max: 40_000 }),
        (raw, paid) => {
          const uses = raw.map((r) => use(r.purpose, r.amountFen));
          const ok =
            uses.length > 0 &&
            uses.every((u) => u.amountFen > 0 && u.purpose !== "unknownPurpose") &&
            uses.reduce((s, u) => s + u.amountFen, 0) <= paid;
          let threw = false;
          try {
            checkSubsidyUse(rules, uses, paid);
          } catch (e) {
            expect(e).toBeInstanceOf(DomainError);
            expect((e as DomainError).code).toBe("VALIDATION");
            threw = true;
          }
          expect(threw).toBe(!ok);
        },
      ),
    );
  });
});

describe("flagsOf", () => {
  it("flags a forbidden use with LY-FUNDS §20 and leaves an allowed one to the city's setting", () => {
    expect(flagsOf(rules, [use("rnd", 1), use("investment", 2)])).toEqual([
      { index: 0, purpose: "rnd", forbidden: false, citation: { setting: "city" } },
      { index: 1, purpose: "investment", forbidden: true, citation: { clause: "LY-FUNDS §20" } },
    ]);
  });

  it("flags exactly the uses whose purpose the city lists as forbidden (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...allowed, ...forbidden), { maxLength: 10 }), (purposes) => {
        const flags = flagsOf(
          rules,
          purposes.map((p) => use(p, 1)),
        );
        expect(flags.map((f) => f.forbidden)).toEqual(purposes.map((p) => forbidden.includes(p)));
        for (const f of flags.filter((x) => x.forbidden))
          expect(f.citation).toEqual({ clause: "LY-FUNDS §20" });
      }),
    );
  });
});

describe("the bureau's decision", () => {
  const clean = flagsOf(rules, [use("rnd", 1)]);
  const flagged = flagsOf(rules, [use("rnd", 1), use("fines", 1)]);

  it("acknowledges a clean report without a note, a flagged one only with what follows", () => {
    expect(() => checkSubsidyUseDecision("acknowledge", clean, "")).not.toThrow();
    const e = violationOf(() => checkSubsidyUseDecision("acknowledge", flagged, "已阅"));
    expect([e.code, e.path, e.clause]).toEqual(["VALIDATION", "note", "LY-FUNDS §20"]);
    expect(() =>
      checkSubsidyUseDecision("acknowledge", flagged, "罚款支出 5000 元责令退回，按第二十五条约谈。"),
    ).not.toThrow();
  });

  it("returns only with what to correct", () => {
    expect(violationOf(() => checkSubsidyUseDecision("return", clean, " ")).path).toBe("note");
    expect(() => checkSubsidyUseDecision("return", clean, "请更正金额。")).not.toThrow();
  });

  it("lets the unit refile only a returned report, and the bureau alone decide", () => {
    const unit: Role[] = ["unitAdmin"];
    const officer: Role[] = ["programOfficer"];
    expect(fire(subsidyUseMachine, "returned", "resubmit", unit)).toBe("submitted");
    expect(fire(subsidyUseMachine, "submitted", "acknowledge", officer)).toBe("acknowledged");
    expect(fire(subsidyUseMachine, "submitted", "return", officer)).toBe("returned");
    expect(() => fire(subsidyUseMachine, "submitted", "acknowledge", unit)).toThrow(DomainError);
    expect(() => fire(subsidyUseMachine, "acknowledged", "return", officer)).toThrow(DomainError);
    for (const role of roles.filter((r) => r !== "programOfficer"))
      expect(() => fire(subsidyUseMachine, "submitted", "return", [role])).toThrow(DomainError);
  });
});
