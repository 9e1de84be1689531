import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shippedPolicies } from "../policy/test/shipped-policies.ts";
import { DomainError } from "../shared/errors.ts";
import { type BudgetLine, changeDecider, changeKinds, checkAdjustedBudget } from "./change-request.ts";

const [datong, luoyang] = shippedPolicies();
const before: BudgetLine[] = [
  { category: "equipment", amountFen: 20_000_000 },
  { category: "materials", amountFen: 30_000_000 },
  { category: "testing", amountFen: 10_000_000 },
  { category: "indirect", amountFen: 5_000_000 },
];
const move = (from: string, to: string, fen: number) =>
  before.map((l) =>
    l.category === from
      ? { ...l, amountFen: l.amountFen - fen }
      : l.category === to
        ? { ...l, amountFen: l.amountFen + fen }
        : l,
  );
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? e.code : "other";
  }
};

describe("who decides a change (DT-RULES §19; LY-FUNDS §18)", () => {
  it("is the Datong bureau for every kind of change, by §19", () => {
    for (const kind of changeKinds) {
      const budget = { before, after: move("materials", "testing", 1_000_000), lumpSumPilot: null };
      expect(changeDecider(datong, kind, budget)).toEqual({
        decider: "bureau",
        source: { clause: "DT-RULES §19" },
      });
    }
  });

  it("in Luoyang is the unit for equipment and the PI for the other lines, by §18, never the bureau", () => {
    const none = null;
    expect(
      changeDecider(luoyang, "budgetAdjustment", {
        before,
        after: move("materials", "equipment", 1),
        lumpSumPilot: none,
      }),
    ).toEqual({
      decider: "unit",
      source: { clause: "LY-FUNDS §18" },
    });
    expect(
      changeDecider(luoyang, "budgetAdjustment", {
        before,
        after: move("materials", "testing", 1),
        lumpSumPilot: none,
      }),
    ).toEqual({
      decider: "principalInvestigator",
      source: { clause: "LY-FUNDS §18" },
    });
  });

  it("gives any Luoyang adjustment touching equipment to the unit, any other to the PI", () => {
    const categories = before.map((l) => l.category);
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom(...categories),
            fc.constantFrom(...categories),
            fc.integer({ min: 1, max: 1_000_000 }),
          ),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        (moves) => {
          let after: BudgetLine[] = before;
          for (const [from, to, fen] of moves)
            after = after.map((l) =>
              l.category === from
                ? { ...l, amountFen: l.amountFen - fen }
                : l.category === to
                  ? { ...l, amountFen: l.amountFen + fen }
                  : l,
            );
          const touched = new Set(
            after
              .filter((l, i) => l.amountFen !== before[i]?.amountFen)
              .map((l) => (l.category === "equipment" ? "e" : "o")),
          );
          const outcome = code(() =>
            changeDecider(luoyang, "budgetAdjustment", { before, after, lumpSumPilot: null }),
          );
          if (touched.size === 0) expect(outcome).toBe("VALIDATION");
          else {
            const d = changeDecider(luoyang, "budgetAdjustment", { before, after, lumpSumPilot: null });
            expect(d.decider).toBe(touched.has("e") ? "unit" : "principalInvestigator");
          }
        },
      ),
    );
  });

  it("lets a lump-sum pilot project's unit adjust its whole budget (LY-FUNDS §13(一))", () => {
    const pilot = { clause: "LY-FUNDS §13(一)" };
    const after = move("materials", "equipment", 1);
    expect(changeDecider(luoyang, "budgetAdjustment", { before, after, lumpSumPilot: pilot })).toEqual({
      decider: "unit",
      source: pilot,
    });
    // the pilot's right does not make an adjustment that moves nothing a change
    expect(
      code(() => changeDecider(luoyang, "budgetAdjustment", { before, after: before, lumpSumPilot: pilot })),
    ).toBe("VALIDATION");
  });

  it("keeps the total of an adjusted budget and checks it again by the city's rules", () => {
    expect(
      code(() => checkAdjustedBudget(luoyang, "majorInnovation", before, move("materials", "testing", 1))),
    ).toBeUndefined();
    const more = before.map((l) => (l.category === "testing" ? { ...l, amountFen: l.amountFen + 1 } : l));
    expect(code(() => checkAdjustedBudget(luoyang, "majorInnovation", before, more))).toBe("VALIDATION");
    // moving money into indirect costs beyond the tiers' cap is refused with its clause
    const indirect = move("materials", "indirect", 25_000_000);
    expect(code(() => checkAdjustedBudget(luoyang, "majorInnovation", before, indirect))).toMatch(/^BUDGET_/);
  });
});
