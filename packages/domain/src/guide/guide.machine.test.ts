import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Role, roles } from "../identity/roles.ts";
import { DomainError } from "../shared/errors.ts";
import { allowedEvents, fire } from "../shared/machine.ts";
import { type GuideEvent, type GuideState, guideMachine, guideStates } from "./guide.machine.ts";

const m = guideMachine;
const events = Object.keys(m.transitions) as GuideEvent[];

const table: [GuideEvent, GuideState, GuideState, Role[]][] = [
  ["submitForReview", "draft", "internalReview", ["programOfficer"]],
  ["coIssue", "internalReview", "internalReview", ["financeOfficer"]],
  ["returnToDraft", "internalReview", "draft", ["bureauLeader", "programOfficer"]],
  ["publish", "internalReview", "published", ["bureauLeader"]],
  ["close", "published", "closed", ["programOfficer", "bureauLeader"]],
  ["archive", "closed", "archived", ["programOfficer", "bureauLeader"]],
];

function outcome(state: GuideState, event: GuideEvent, rs: readonly Role[]): string {
  try {
    return fire(m, state, event, rs);
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}

describe("guideMachine", () => {
  it("declares exactly the transitions of the design", () => {
    expect([...events].sort()).toEqual(table.map(([e]) => e).sort());
  });

  for (const [event, from, to, allowed] of table) {
    it(`${event}: ${from} → ${to} for ${allowed.join(", ")}; FORBIDDEN for others; INVALID_TRANSITION elsewhere`, () => {
      for (const role of allowed) expect(fire(m, from, event, [role])).toBe(to);
      for (const role of roles.filter((r) => !allowed.includes(r))) {
        expect(outcome(from, event, [role])).toBe("FORBIDDEN");
      }
      for (const state of guideStates.filter((s) => s !== from)) {
        expect(outcome(state, event, allowed)).toBe("INVALID_TRANSITION");
      }
    });
  }

  it("only the bureau leader publishes: the officer who drafted cannot publish alone", () => {
    expect(outcome("internalReview", "publish", ["programOfficer"])).toBe("FORBIDDEN");
    expect(allowedEvents(m, "internalReview", ["programOfficer"])).toEqual(["returnToDraft"]);
    expect(allowedEvents(m, "internalReview", ["bureauLeader"]).sort()).toEqual(["publish", "returnToDraft"]);
  });

  it("archived is final", () => {
    expect(allowedEvents(m, "archived", roles)).toEqual([]);
  });

  it("random sequences stay in declared states, pass review before publication, and agree with allowedEvents", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ event: fc.constantFrom(...events), roles: fc.subarray([...roles] as Role[]) }), {
          maxLength: 40,
        }),
        (steps) => {
          let state: GuideState = "draft";
          for (const s of steps) {
            const allowed = allowedEvents(m, state, s.roles).includes(s.event);
            const next = outcome(state, s.event, s.roles);
            if (next === "FORBIDDEN" || next === "INVALID_TRANSITION") {
              expect(allowed).toBe(false);
              continue;
            }
            expect(allowed).toBe(true);
            expect(guideStates).toContain(next);
            if (next === "published") expect(state).toBe("internalReview");
            state = next as GuideState;
          }
        },
      ),
    );
  });
});
