import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Role, roles } from "../identity/roles.ts";
import { DomainError } from "./errors.ts";
import { allowedEvents, defineMachine, fire } from "./machine.ts";

const door = defineMachine({
  name: "door",
  states: ["closed", "open", "locked"] as const,
  labels: {
    closed: { zh: "关闭", en: "closed" },
    open: { zh: "打开", en: "open" },
    locked: { zh: "已锁", en: "locked" },
  },
  transitions: {
    open: { from: ["closed"], to: "open", roles: ["unitAdmin", "principalInvestigator"] },
    close: { from: ["open"], to: "closed", roles: ["unitAdmin"] },
    lock: { from: ["closed"], to: "locked", roles: ["secAdmin"] },
    unlock: { from: ["locked"], to: "closed", roles: ["secAdmin"] },
  },
});
type DoorState = (typeof door.states)[number];
type DoorEvent = keyof typeof door.transitions;

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a DomainError");
}

describe("defineMachine", () => {
  it("returns the machine unchanged when every transition names declared states", () => {
    const m = defineMachine({
      name: "m",
      states: ["a", "b"],
      labels: { a: { zh: "甲", en: "a" }, b: { zh: "乙", en: "b" } },
      transitions: { go: { from: ["a"], to: "b", roles: ["expert"] } },
    });
    expect(m.states).toEqual(["a", "b"]);
    expect(m.transitions.go.to).toBe("b");
  });

  it("refuses a transition whose target is not a declared state", () => {
    expect(() =>
      defineMachine<string, string>({
        name: "broken",
        states: ["a"],
        labels: { a: { zh: "甲", en: "a" } },
        transitions: { go: { from: ["a"], to: "nowhere", roles: ["expert"] } },
      }),
    ).toThrow("broken: event go names unknown state nowhere");
  });

  it("refuses a transition whose source is not a declared state", () => {
    expect(() =>
      defineMachine<string, string>({
        name: "broken",
        states: ["a"],
        labels: { a: { zh: "甲", en: "a" } },
        transitions: { go: { from: ["ghost"], to: "a", roles: ["expert"] } },
      }),
    ).toThrow(/unknown state ghost/);
  });
});

describe("fire", () => {
  it("moves to the transition's target for a permitted role in a source state", () => {
    expect(fire(door, "closed", "open", ["principalInvestigator"])).toBe("open");
    expect(fire(door, "open", "close", ["unitAdmin"])).toBe("closed");
    expect(fire(door, "closed", "lock", ["expert", "secAdmin"])).toBe("locked");
  });

  it("gives FORBIDDEN when none of the roles may fire the event", () => {
    const e = errorOf(() => fire(door, "closed", "lock", ["unitAdmin", "principalInvestigator"]));
    expect(e.code).toBe("FORBIDDEN");
    expect(e.messageZh).toContain("door.lock");
    expect(e.message).toBe("You may not lock a door.");
  });

  it("gives FORBIDDEN for no roles at all", () => {
    expect(errorOf(() => fire(door, "closed", "open", [])).code).toBe("FORBIDDEN");
  });

  it("gives INVALID_TRANSITION naming the state when the event does not apply to it", () => {
    const e = errorOf(() => fire(door, "locked", "open", ["unitAdmin"]));
    expect(e.code).toBe("INVALID_TRANSITION");
    expect(e.messageZh).toContain("已锁");
    expect(e.message).toBe("Cannot open a door that is locked.");
    expect(e.details).toEqual({ state: "locked", event: "open" });
  });

  it("checks the role before the state, so a stranger learns nothing about the state", () => {
    expect(errorOf(() => fire(door, "locked", "open", ["expert"])).code).toBe("FORBIDDEN");
  });

  it("gives INVALID_TRANSITION, not a TypeError, for an event the machine does not declare", () => {
    for (const event of ["fly", "toString", "constructor", "__proto__"]) {
      const e = errorOf(() => fire(door, "closed", event as DoorEvent, roles));
      expect(e.code).toBe("INVALID_TRANSITION");
    }
  });
});

describe("allowedEvents", () => {
  it("lists the events the roles may fire from a state, in declaration order", () => {
    expect(allowedEvents(door, "closed", ["unitAdmin", "secAdmin"])).toEqual(["open", "lock"]);
    expect(allowedEvents(door, "closed", ["principalInvestigator"])).toEqual(["open"]);
    expect(allowedEvents(door, "open", ["principalInvestigator"])).toEqual([]);
    expect(allowedEvents(door, "locked", [])).toEqual([]);
  });

  it("agrees with fire for every state, event and role set", () => {
    const states = door.states as readonly DoorState[];
    const events = Object.keys(door.transitions) as DoorEvent[];
    fc.assert(
      fc.property(
        fc.constantFrom(...states),
        fc.constantFrom(...events),
        fc.subarray([...roles] as Role[]),
        (state, event, rs) => {
          const allowed = allowedEvents(door, state, rs).includes(event);
          let fired = true;
          try {
            fire(door, state, event, rs);
          } catch (e) {
            expect(e).toBeInstanceOf(DomainError);
            fired = false;
          }
          expect(fired).toBe(allowed);
        },
      ),
    );
  });
});
