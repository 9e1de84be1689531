import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Role, roles } from "../identity/roles.ts";
import { disbursementTriggers, type Policy } from "../policy/policy.schema.ts";
import { shippedPolicies } from "../policy/test/shipped-policies.ts";
import { DomainError } from "../shared/errors.ts";
import { allowedEvents } from "../shared/machine.ts";
import {
  type NodeFacts,
  nodeDue,
  type PaymentEvent,
  type PaymentFacts,
  type PaymentState,
  paymentActions,
  paymentApprovalOf,
  paymentCheck,
  paymentMachine,
  paymentStates,
} from "./payment.ts";

const [datong, luoyang] = shippedPolicies();

/** The same city with no finance approval of each payment: the bureau pays what it prepared. */
const withoutApproval = (policy: Policy): Policy => ({
  ...policy,
  paymentApproval: { ...policy.paymentApproval, financeApproves: false },
});
/** The same city with the approval resting on a clause instead of a city setting. */
const clauseApproval = (policy: Policy): Policy => ({
  ...policy,
  paymentApproval: {
    financeApproves: true,
    source: { kind: "clause", doc: "LY-FUNDS", clause: "§12", textZh: "市财政局批复预算后，市科技局拨付。" },
  },
});
const lyFree = withoutApproval(luoyang);
const dtFree = withoutApproval(datong);

const events = Object.keys(paymentMachine.transitions) as PaymentEvent[];
const officer = { userId: "officer-1", roles: ["programOfficer"] as Role[] };
const officer2 = { userId: "officer-2", roles: ["programOfficer"] as Role[] };
const finance = { userId: "finance-1", roles: ["financeOfficer"] as Role[] };
const at = (status: PaymentState, preparedBy = officer.userId): PaymentFacts => ({ status, preparedBy });
const prepared = (preparedBy = officer.userId) => at("prepared", preparedBy);

/** The refusal's code, or the next state. */
function attempt(
  policy: Policy,
  payment: PaymentFacts,
  event: PaymentEvent,
  actor: { userId: string; roles: readonly Role[] },
): { to: PaymentState } | { code: string } {
  try {
    return { to: paymentCheck(policy, payment, event, actor) };
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return { code: e.code };
  }
}

describe("payment machine (拨付, LY-FUNDS §12–13)", () => {
  it("names only its own states and labels each in both languages", () => {
    for (const t of Object.values(paymentMachine.transitions)) {
      for (const s of [...t.from, t.to]) expect(paymentStates).toContain(s);
    }
    for (const s of paymentStates) {
      expect(paymentMachine.labels[s].zh).not.toBe("");
      expect(paymentMachine.labels[s].en).not.toBe("");
    }
  });

  it("lets the program officer prepare-then-pay or cancel and the finance officer approve, no one else", () => {
    expect(paymentMachine.transitions.approve.roles).toEqual(["financeOfficer"]);
    expect(paymentMachine.transitions.pay.roles).toEqual(["programOfficer"]);
    expect(paymentMachine.transitions.cancel.roles).toEqual(["programOfficer"]);
    expect(allowedEvents(paymentMachine, "prepared", ["programOfficer"])).toEqual(["pay", "cancel"]);
    expect(allowedEvents(paymentMachine, "approved", ["programOfficer"])).toEqual(["pay", "cancel"]);
    expect(allowedEvents(paymentMachine, "prepared", ["financeOfficer"])).toEqual(["approve"]);
    expect(allowedEvents(paymentMachine, "approved", ["financeOfficer"])).toEqual([]);
    for (const s of ["paid", "cancelled"] as const) {
      expect(allowedEvents(paymentMachine, s, [...roles])).toEqual([]);
    }
  });

  it("refuses every other role FORBIDDEN, whatever the state and the city's setting", () => {
    const others = roles.filter((r) => r !== "programOfficer" && r !== "financeOfficer");
    expect(others.length).toBeGreaterThan(0);
    for (const policy of [luoyang, datong, lyFree, dtFree]) {
      for (const role of others) {
        for (const status of paymentStates) {
          for (const event of events) {
            expect(attempt(policy, at(status), event, { userId: "someone", roles: [role] })).toEqual({
              code: "FORBIDDEN",
            });
          }
        }
      }
      // the two officers cannot stand in for each other either
      expect(attempt(policy, prepared(), "approve", officer2)).toEqual({ code: "FORBIDDEN" });
      expect(attempt(policy, at("approved"), "pay", finance)).toEqual({ code: "FORBIDDEN" });
      expect(attempt(policy, prepared(), "cancel", finance)).toEqual({ code: "FORBIDDEN" });
      expect(attempt(policy, prepared(), "pay", { userId: "x", roles: [] })).toEqual({ code: "FORBIDDEN" });
    }
  });

  it("refuses an event the machine does not have, even one Object.prototype carries", () => {
    for (const event of ["toString", "constructor", "hasOwnProperty", "refund"]) {
      expect(() =>
        paymentCheck(luoyang, prepared(), event as PaymentEvent, { userId: "u", roles: [...roles] }),
      ).toThrow(expect.objectContaining({ code: "INVALID_TRANSITION" }));
    }
  });
});

describe("paymentCheck where finance approves each payment (both shipped cities)", () => {
  it("is what both shipped policies set, as a city setting; Luoyang's rests on LY-FUNDS §12", () => {
    expect(luoyang.paymentApproval.financeApproves).toBe(true);
    expect(datong.paymentApproval.financeApproves).toBe(true);
    expect(paymentApprovalOf(luoyang)).toEqual({
      financeApproves: true,
      source: { setting: "city" },
      basis: { clause: "LY-FUNDS §12" },
    });
    expect(paymentApprovalOf(datong)).toEqual({
      financeApproves: true,
      source: { setting: "city" },
      basis: null,
    });
    expect(paymentApprovalOf(lyFree).financeApproves).toBe(false);
  });

  for (const [city, policy] of [
    ["Luoyang", luoyang],
    ["Datong", datong],
  ] as const) {
    it(`${city}: prepared → approved by finance → paid by the bureau`, () => {
      expect(paymentCheck(policy, prepared(), "approve", finance)).toBe("approved");
      expect(paymentCheck(policy, at("approved"), "pay", officer)).toBe("paid");
      // any program officer may pay, not only the one who prepared it
      expect(paymentCheck(policy, at("approved"), "pay", officer2)).toBe("paid");
    });

    it(`${city}: refuses paying a payment finance has not approved, citing the city's setting`, () => {
      let caught: unknown;
      try {
        paymentCheck(policy, prepared(), "pay", officer);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(DomainError);
      expect(caught).toMatchObject({ code: "PAYMENT_NOT_APPROVED", kind: "rule", setting: "city" });
      expect((caught as DomainError).clause).toBeUndefined();
      // even for someone who holds both roles
      expect(() =>
        paymentCheck(policy, prepared(), "pay", {
          userId: "both",
          roles: ["programOfficer", "financeOfficer"],
        }),
      ).toThrow(expect.objectContaining({ code: "PAYMENT_NOT_APPROVED" }));
    });

    it(`${city}: a prepared or approved payment can be cancelled by the bureau`, () => {
      expect(paymentCheck(policy, prepared(), "cancel", officer)).toBe("cancelled");
      expect(paymentCheck(policy, at("approved"), "cancel", officer2)).toBe("cancelled");
    });

    it(`${city}: approve happens once, from prepared only`, () => {
      expect(attempt(policy, at("approved"), "approve", finance)).toEqual({ code: "INVALID_TRANSITION" });
    });
  }

  it("cites the clause where the approval rests on one", () => {
    expect(() => paymentCheck(clauseApproval(luoyang), prepared(), "pay", officer)).toThrow(
      expect.objectContaining({ code: "PAYMENT_NOT_APPROVED", clause: "LY-FUNDS §12", setting: undefined }),
    );
  });

  it("refuses approving one's own prepared payment, even holding the finance role as well", () => {
    const both = { userId: officer.userId, roles: ["programOfficer", "financeOfficer"] as Role[] };
    const financeWhoPrepared = { userId: officer.userId, roles: ["financeOfficer"] as Role[] };
    for (const policy of [luoyang, datong]) {
      expect(attempt(policy, prepared(), "approve", both)).toEqual({ code: "PAYMENT_OWN_APPROVAL" });
      expect(attempt(policy, prepared(), "approve", financeWhoPrepared)).toEqual({
        code: "PAYMENT_OWN_APPROVAL",
      });
      expect(paymentActions(policy, prepared(), both)).toEqual(["cancel"]);
      // another person holding both roles may approve it
      expect(
        paymentCheck(policy, prepared(), "approve", {
          userId: "other",
          roles: ["programOfficer", "financeOfficer"],
        }),
      ).toBe("approved");
    }
  });
});

describe("paymentCheck where the city asks no finance approval", () => {
  it("pays straight from prepared, and refuses approve INVALID_TRANSITION", () => {
    for (const policy of [lyFree, dtFree]) {
      expect(paymentCheck(policy, prepared(), "pay", officer)).toBe("paid");
      expect(paymentCheck(policy, prepared(), "cancel", officer)).toBe("cancelled");
      let caught: unknown;
      try {
        paymentCheck(policy, prepared(), "approve", finance);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(DomainError);
      expect(caught).toMatchObject({ code: "INVALID_TRANSITION", kind: "state" });
      // the setting is named before the own-approval rule
      expect(
        attempt(policy, prepared(), "approve", { userId: officer.userId, roles: ["financeOfficer"] }),
      ).toEqual({ code: "INVALID_TRANSITION" });
      expect(paymentActions(policy, prepared(), finance)).toEqual([]);
      expect(paymentActions(policy, prepared(), officer)).toEqual(["pay", "cancel"]);
    }
  });

  it("still refuses the roles first: FORBIDDEN before the setting", () => {
    expect(attempt(lyFree, prepared(), "approve", officer)).toEqual({ code: "FORBIDDEN" });
  });
});

describe("no event from a paid or cancelled payment", () => {
  it("refuses each event to everyone holding the event's role, and offers none", () => {
    const everything = { userId: "all", roles: [...roles] };
    for (const policy of [luoyang, datong, lyFree, dtFree]) {
      for (const status of ["paid", "cancelled"] as const) {
        for (const event of events) {
          const role = paymentMachine.transitions[event].roles[0] as Role;
          // the state is named first: a city without finance approval refuses approve alike
          expect(attempt(policy, at(status), event, { userId: "u", roles: [role] })).toEqual({
            code: "INVALID_TRANSITION",
          });
          expect(attempt(policy, at(status), event, everything)).toEqual({ code: "INVALID_TRANSITION" });
        }
        expect(paymentActions(policy, at(status), everything)).toEqual([]);
      }
    }
  });
});

describe("paymentActions", () => {
  it("lets every city's payment be paid by the people the city names, in the fewest steps", () => {
    const pay = (policy: Policy) => {
      let p = prepared();
      if (policy.paymentApproval.financeApproves)
        p = { ...p, status: paymentCheck(policy, p, "approve", finance) };
      return paymentCheck(policy, p, "pay", officer);
    };
    for (const policy of [luoyang, datong, lyFree, dtFree]) expect(pay(policy)).toBe("paid");
  });

  const policies = [luoyang, datong, lyFree, dtFree, clauseApproval(datong)];
  const users = ["u1", "u2", "u3"];
  const arbitrary = fc.record({
    policy: fc.constantFrom(...policies),
    status: fc.constantFrom(...paymentStates),
    preparedBy: fc.constantFrom(...users),
    userId: fc.constantFrom(...users),
    roles: fc.subarray([...roles]),
  });

  it("lists exactly the events paymentCheck accepts, in the machine's order", () => {
    fc.assert(
      fc.property(arbitrary, ({ policy, status, preparedBy, userId, roles: held }) => {
        const payment = { status, preparedBy };
        const actor = { userId, roles: held };
        const accepted = events.filter((e) => {
          try {
            paymentCheck(policy, payment, e, actor);
            return true;
          } catch (err) {
            if (!(err instanceof DomainError)) throw err;
            return false;
          }
        });
        expect(paymentActions(policy, payment, actor)).toEqual(accepted);
      }),
      { numRuns: 2000 },
    );
  });

  it("accepts only what the machine allows, moving to the machine's state; refuses only with known codes", () => {
    fc.assert(
      fc.property(
        arbitrary,
        fc.constantFrom(...events),
        ({ policy, status, preparedBy, userId, roles: held }, e) => {
          const payment = { status, preparedBy };
          const result = attempt(policy, payment, e, { userId, roles: held });
          if ("to" in result) {
            expect(allowedEvents(paymentMachine, status, held)).toContain(e);
            expect(result.to).toBe(paymentMachine.transitions[e].to);
            // the city's two rules hold in whatever is accepted
            if (e === "approve") {
              expect(policy.paymentApproval.financeApproves).toBe(true);
              expect(userId).not.toBe(preparedBy);
            }
            if (e === "pay" && status === "prepared")
              expect(policy.paymentApproval.financeApproves).toBe(false);
          } else {
            expect([
              "FORBIDDEN",
              "INVALID_TRANSITION",
              "PAYMENT_NOT_APPROVED",
              "PAYMENT_OWN_APPROVAL",
            ]).toContain(result.code);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("moves a payment only by the events it offers, and offers nothing once paid or cancelled", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...policies),
        fc.array(fc.tuple(fc.constantFrom(...events), fc.constantFrom(officer, officer2, finance)), {
          maxLength: 12,
        }),
        (policy, steps) => {
          let payment = prepared();
          for (const [e, actor] of steps) {
            const offered = paymentActions(policy, payment, actor).includes(e);
            const result = attempt(policy, payment, e, actor);
            expect("to" in result).toBe(offered);
            if ("to" in result) payment = { ...payment, status: result.to };
          }
          if (payment.status === "paid" || payment.status === "cancelled") {
            for (const actor of [officer, officer2, finance]) {
              expect(paymentActions(policy, payment, actor)).toEqual([]);
            }
          }
        },
      ),
    );
  });
});

describe("nodeDue (LY-FUNDS §13: after signing, mid-term, acceptance, grading)", () => {
  const facts = (over: Partial<NodeFacts> = {}): NodeFacts => ({
    taskBookSigned: false,
    midTermPassed: false,
    accepted: false,
    grade: null,
    ...over,
  });

  it("taskBookSigned: once the task book is signed", () => {
    expect(nodeDue("taskBookSigned", facts())).toBe(false);
    expect(nodeDue("taskBookSigned", facts({ taskBookSigned: true }))).toBe(true);
    expect(
      nodeDue("taskBookSigned", facts({ midTermPassed: true, accepted: true, grade: "excellent" })),
    ).toBe(false);
  });

  it("midTermPassed: signed and the mid-term passed", () => {
    expect(nodeDue("midTermPassed", facts({ taskBookSigned: true }))).toBe(false);
    expect(nodeDue("midTermPassed", facts({ midTermPassed: true }))).toBe(false);
    expect(nodeDue("midTermPassed", facts({ taskBookSigned: true, midTermPassed: true }))).toBe(true);
    expect(nodeDue("midTermPassed", facts({ taskBookSigned: true, accepted: true }))).toBe(false);
  });

  it("accepted: signed and accepted", () => {
    expect(nodeDue("accepted", facts({ taskBookSigned: true, midTermPassed: true }))).toBe(false);
    expect(nodeDue("accepted", facts({ accepted: true }))).toBe(false);
    expect(nodeDue("accepted", facts({ taskBookSigned: true, accepted: true }))).toBe(true);
  });

  it("graded: any grade but 不合格; no grade is not due", () => {
    expect(nodeDue("graded", facts())).toBe(false);
    expect(nodeDue("graded", facts({ taskBookSigned: true, midTermPassed: true, accepted: true }))).toBe(
      false,
    );
    expect(nodeDue("graded", facts({ grade: "fail" }))).toBe(false);
    expect(nodeDue("graded", facts({ taskBookSigned: true, accepted: true, grade: "fail" }))).toBe(false);
    for (const grade of ["excellent", "good", "pass"] as const) {
      expect(nodeDue("graded", facts({ grade }))).toBe(true);
    }
  });

  it("matches its rule for every trigger and every set of facts", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...disbursementTriggers),
        fc.record({
          taskBookSigned: fc.boolean(),
          midTermPassed: fc.boolean(),
          accepted: fc.boolean(),
          grade: fc.option(fc.constantFrom("excellent", "good", "pass", "fail"), { nil: null }),
        }),
        (after, f) => {
          const expected = {
            taskBookSigned: f.taskBookSigned,
            midTermPassed: f.taskBookSigned && f.midTermPassed,
            accepted: f.taskBookSigned && f.accepted,
            graded: f.grade !== null && f.grade !== "fail",
          }[after];
          expect(nodeDue(after, f)).toBe(expected);
          // no node is due before its project's task book is signed, except a post-subsidy's grade
          if (after !== "graded" && !f.taskBookSigned) expect(nodeDue(after, f)).toBe(false);
        },
      ),
    );
  });
});
