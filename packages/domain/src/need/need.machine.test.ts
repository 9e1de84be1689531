import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Role, roles } from "../identity/roles.ts";
import { DomainError } from "../shared/errors.ts";
import { allowedEvents, fire } from "../shared/machine.ts";
import { type NeedEvent, type NeedState, needMachine, needStates } from "./need.machine.ts";

const m = needMachine;
const events = Object.keys(m.transitions) as NeedEvent[];

function outcome(state: NeedState, event: NeedEvent, rs: readonly Role[]): string {
  try {
    return fire(m, state, event, rs);
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}

describe("needMachine", () => {
  it("lets the program officer accept, merge or reject a submitted need", () => {
    expect(fire(m, "submitted", "accept", ["programOfficer"])).toBe("accepted");
    expect(fire(m, "submitted", "merge", ["programOfficer"])).toBe("merged");
    expect(fire(m, "submitted", "reject", ["programOfficer"])).toBe("rejected");
    expect(allowedEvents(m, "submitted", ["programOfficer"]).sort()).toEqual(["accept", "merge", "reject"]);
  });

  it("is FORBIDDEN to every other role", () => {
    for (const role of roles.filter((r) => r !== "programOfficer")) {
      for (const e of events) expect(outcome("submitted", e, [role])).toBe("FORBIDDEN");
    }
  });

  it("triages a need once: every triaged state is final", () => {
    for (const s of ["accepted", "merged", "rejected"] as const) {
      for (const e of events) expect(outcome(s, e, ["programOfficer"])).toBe("INVALID_TRANSITION");
      expect(allowedEvents(m, s, roles)).toEqual([]);
    }
  });

  it("random sequences stay in declared states and take at most one step", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ event: fc.constantFrom(...events), roles: fc.subarray([...roles] as Role[]) }), {
          maxLength: 20,
        }),
        (steps) => {
          let state: NeedState = "submitted";
          let moves = 0;
          for (const s of steps) {
            const allowed = allowedEvents(m, state, s.roles).includes(s.event);
            const next = outcome(state, s.event, s.roles);
            expect(needStates.includes(next as NeedState)).toBe(allowed);
            if (allowed) {
              state = next as NeedState;
              moves++;
            }
          }
          expect(moves).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
