import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../shared/dates.ts";
import { DomainError } from "../shared/errors.ts";
import { allowedEvents, fire } from "../shared/machine.ts";
import {
  checkNewRectification,
  decidesFor,
  raisingDepartment,
  rectificationMachine,
  rectificationStanding,
  rectificationStates,
} from "./rectification.ts";

const code = (f: () => unknown) => {
  try {
    f();
    return undefined;
  } catch (e) {
    return e instanceof DomainError ? `${e.code}${e.path ? `:${e.path}` : ""}` : "other";
  }
};
const day = fc
  .integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 11, 31) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));

describe("整改事项 (LY-FUNDS §10, §23)", () => {
  it("is raised with a deadline today or later, and an issue", () => {
    expect(
      code(() => checkNewRectification({ issue: "台账不全", dueDate: "2026-10-05" }, "2026-10-05")),
    ).toBe(undefined);
    expect(
      code(() => checkNewRectification({ issue: "台账不全", dueDate: "2026-10-04" }, "2026-10-05")),
    ).toBe("VALIDATION:dueDate");
    expect(code(() => checkNewRectification({ issue: "  ", dueDate: "2026-12-01" }, "2026-10-05"))).toBe(
      "VALIDATION:issue",
    );
  });

  it("is raised by the bureau's officer for the S&T bureau and by the finance officer for the finance bureau", () => {
    expect(raisingDepartment(["programOfficer"])).toBe("scienceBureau");
    expect(raisingDepartment(["financeOfficer"])).toBe("financeBureau");
    for (const r of ["unitAdmin", "principalInvestigator", "districtOfficer", "bureauLeader"] as const)
      expect(raisingDepartment([r])).toBeNull();
    expect(decidesFor("scienceBureau", ["programOfficer"])).toBe(true);
    expect(decidesFor("financeBureau", ["programOfficer"])).toBe(false);
    expect(decidesFor("financeBureau", ["financeOfficer"])).toBe(true);
    expect(decidesFor("scienceBureau", ["financeOfficer"])).toBe(false);
  });

  it("goes open → reported → closed, or back to open, by the unit and the raising side", () => {
    expect(fire(rectificationMachine, "open", "report", ["principalInvestigator"])).toBe("reported");
    expect(fire(rectificationMachine, "reported", "reopen", ["financeOfficer"])).toBe("open");
    expect(fire(rectificationMachine, "reported", "close", ["programOfficer"])).toBe("closed");
    expect(code(() => fire(rectificationMachine, "open", "close", ["programOfficer"]))).toBe(
      "INVALID_TRANSITION",
    );
    expect(code(() => fire(rectificationMachine, "open", "report", ["programOfficer"]))).toBe("FORBIDDEN");
    expect(code(() => fire(rectificationMachine, "reported", "close", ["unitAdmin"]))).toBe("FORBIDDEN");
    expect(allowedEvents(rectificationMachine, "closed", ["programOfficer", "unitAdmin"])).toEqual([]);
  });

  it("stands overdue by whole China days once open past its due date", () => {
    expect(rectificationStanding({ status: "open", dueDate: "2026-10-05" }, "2026-10-05")).toEqual({
      standing: "open",
      overdueDays: 0,
    });
    expect(rectificationStanding({ status: "open", dueDate: "2026-10-05" }, "2026-10-09")).toEqual({
      standing: "overdue",
      overdueDays: 4,
    });
    expect(rectificationStanding({ status: "open", dueDate: "2028-02-28" }, "2028-03-01")).toEqual({
      standing: "overdue",
      overdueDays: 2,
    });
    expect(rectificationStanding({ status: "reported", dueDate: "2026-10-05" }, "2026-12-01").standing).toBe(
      "reported",
    );
  });

  it("property: overdue days are the days past due, and only an open item is ever overdue", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...rectificationStates),
        day,
        fc.integer({ min: -800, max: 800 }),
        (status, due, offset) => {
          const today = addDays(due, offset);
          const { standing, overdueDays } = rectificationStanding({ status, dueDate: due }, today);
          if (status !== "open") return standing === status && overdueDays === 0;
          return offset > 0
            ? standing === "overdue" && overdueDays === offset
            : standing === "open" && overdueDays === 0;
        },
      ),
    );
  });

  it("property: a deadline is accepted exactly when it is not before today", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -400, max: 400 }), (today, offset) => {
        const ok = code(() =>
          checkNewRectification({ issue: "问题", dueDate: addDays(today, offset) }, today),
        );
        return offset >= 0 ? ok === undefined : ok === "VALIDATION:dueDate";
      }),
    );
  });

  it("property: no sequence of events leaves a closed item, and a report always needs the unit", () => {
    const events = ["report", "reopen", "close"] as const;
    const roles = ["unitAdmin", "principalInvestigator", "programOfficer", "financeOfficer"] as const;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...events), fc.constantFrom(...roles)), { maxLength: 20 }),
        (seq) => {
          let state: (typeof rectificationStates)[number] = "open";
          for (const [event, role] of seq) {
            const before = state;
            try {
              state = fire(rectificationMachine, state, event, [role]);
            } catch {
              continue;
            }
            if (before === "closed") return false;
            if (event === "report" && role !== "unitAdmin" && role !== "principalInvestigator") return false;
          }
          return true;
        },
      ),
    );
  });
});
