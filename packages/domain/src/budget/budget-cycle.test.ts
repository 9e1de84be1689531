import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { budgetCycleSteps } from "../policy/policy.schema.ts";
import { shippedPolicies } from "../policy/test/shipped-policies.ts";
import {
  budgetCycleOf,
  type CycleRecords,
  checkCycleStep,
  cycleSchedule,
  mayRecordStep,
  nextCycleStep,
} from "./budget-cycle.ts";

const [datong, luoyang] = shippedPolicies();
if (!datong || !luoyang) throw new Error("policies missing");
const rules = budgetCycleOf(luoyang);
const record = { on: "2026-09-01", docNumber: "x", amountFen: 1, note: "", by: "u", at: "" };
const recorded = (n: number): CycleRecords =>
  Object.fromEntries(budgetCycleSteps.slice(0, n).map((s) => [s, record])) as CycleRecords;
const officer = ["programOfficer"] as const;
const finance = ["financeOfficer"] as const;
const input = (roles: readonly ("programOfficer" | "financeOfficer")[]) => ({
  roles,
  on: "2026-10-01",
  today: "2026-10-08",
  performanceTargets: [{ program: "majorInnovation", indicator: "i", target: "t" }],
});

describe("两上两下 (LY-FUNDS §11)", () => {
  it("is Luoyang's: Datong's documents set none", () => {
    expect(() => budgetCycleOf(datong)).toThrow(expect.objectContaining({ code: "DECISION_NOT_APPLICABLE" }));
    expect(rules.steps.map((s) => [s.code, s.actor, s.dueBefore])).toEqual([
      ["firstUp", "bureau", "09-30"],
      ["firstDown", "finance", null],
      ["secondUp", "bureau", "11-30"],
      ["secondDown", "finance", null],
    ]);
  });

  it("accepts exactly the next step, by its actor, whatever was recorded before", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.constantFrom(...budgetCycleSteps), (n, step) => {
        const records = recorded(n);
        const actor = rules.steps.find((s) => s.code === step)?.actor === "bureau" ? officer : finance;
        const ok = () => checkCycleStep(rules, records, step, input(actor));
        if (step === nextCycleStep(records)) expect(ok).not.toThrow();
        else expect(ok).toThrow(expect.objectContaining({ code: "INVALID_TRANSITION" }));
        // the other bureau never records it
        const other = actor === officer ? finance : officer;
        expect(() => checkCycleStep(rules, records, step, input(other))).toThrow(
          expect.objectContaining({ code: "FORBIDDEN" }),
        );
        const nextActor = rules.steps.find((s) => s.code === nextCycleStep(records))?.actor;
        expect(mayRecordStep(rules, records, actor)).toBe(
          (nextActor === "bureau" ? officer : finance) === actor && n < 4,
        );
      }),
    );
  });

  it("refuses a day after today and a draft without performance targets (LY-FUNDS §23)", () => {
    expect(() => checkCycleStep(rules, {}, "firstUp", { ...input(officer), on: "2026-10-09" })).toThrow(
      expect.objectContaining({ path: "on" }),
    );
    expect(() =>
      checkCycleStep(rules, recorded(2), "secondUp", { ...input(officer), performanceTargets: [] }),
    ).toThrow(expect.objectContaining({ path: "performanceTargets", clause: "LY-FUNDS §23" }));
  });

  it("dates the proposal and the draft in the year before the budget's, overdue once passed unrecorded", () => {
    const s = cycleSchedule(rules, 2027, recorded(1), "2026-12-01");
    expect(s.map((x) => [x.code, x.due, x.overdue])).toEqual([
      ["firstUp", "2026-09-30", false],
      ["firstDown", null, false],
      ["secondUp", "2026-11-30", true],
      ["secondDown", null, false],
    ]);
  });
});
