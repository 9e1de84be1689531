import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Posting } from "../ledger/ledger.ts";
import { planPosting } from "../ledger/operations.ts";
import { shippedPolicies } from "../policy/test/shipped-policies.ts";
import { DomainError } from "../shared/errors.ts";
import {
  acceptanceSettlement,
  allocateBack,
  checkClosureGround,
  moneyHeld,
  revocationSettlement,
  terminationSettlement,
} from "./closure.ts";

const [datong, luoyang] = shippedPolicies();

/** A project of ¥100,000 in two nodes, the first paid and ¥10,000 of it returned. */
function ledger(): Posting[] {
  const projects = new Map([
    [
      "p",
      {
        projectId: "p",
        year: 2026,
        approvedFen: 10_000_000,
        nodes: [
          { code: "N1", amountFen: 6_000_000 },
          { code: "N2", amountFen: 4_000_000 },
        ],
        suspensions: [],
      },
    ],
  ]);
  let postings: Posting[] = [];
  const ops = [
    { op: "appropriate", year: 2026, amountFen: 50_000_000 },
    { op: "commit", projectId: "p" },
    { op: "pay", projectId: "p", node: "N1", amountFen: 6_000_000 },
    { op: "return", paymentId: "t2", amountFen: 1_000_000 },
  ] as const;
  ops.forEach((op, i) => {
    const { posting } = planPosting({ postings, projects }, op, {
      id: `t${i}`,
      idempotencyKey: `k${i}`,
      at: `2026-06-0${i + 1}T00:00:00.000Z`,
    });
    postings = [...postings, posting];
  });
  return postings;
}

describe("closing a project early", () => {
  it("reads what the unit holds and what was never paid from the ledger", () => {
    expect(moneyHeld(ledger(), "p")).toEqual({
      paidFen: 6_000_000,
      backFen: 1_000_000,
      heldFen: 5_000_000,
      unpaidFen: 4_000_000,
    });
  });

  it("returns the unspent balance on termination in Datong (DT-RULES §20), releasing what was never paid", () => {
    const s = terminationSettlement(datong, moneyHeld(ledger(), "p"), 3_000_000);
    expect(s).toEqual({
      releaseFen: 4_000_000,
      dueFen: 2_000_000,
      balanceFen: 2_000_000,
      clause: "DT-RULES §20",
    });
    // spending beyond what was paid (the unit's own money) leaves nothing to return
    expect(terminationSettlement(datong, moneyHeld(ledger(), "p"), 9_000_000).dueFen).toBe(0);
    expect(() => terminationSettlement(datong, moneyHeld(ledger(), "p"), -1)).toThrow(DomainError);
    expect(() => terminationSettlement(datong, moneyHeld(ledger(), "p"), 0.5)).toThrow(DomainError);
  });

  it("marks Luoyang's termination balance rule as the city's setting, not a clause", () => {
    const s = terminationSettlement(luoyang, moneyHeld(ledger(), "p"), 0);
    expect(s).toMatchObject({ dueFen: 5_000_000, setting: "city" });
  });

  it("recovers everything the unit holds on revocation (DT-RULES §21)", () => {
    expect(revocationSettlement(datong, moneyHeld(ledger(), "p"))).toEqual({
      releaseFen: 4_000_000,
      dueFen: 5_000_000,
      clause: "DT-RULES §21",
    });
  });

  it("settles the balance after acceptance by each city's rule: Datong's setting returns it, Luoyang keeps it (LY-FUNDS §19)", () => {
    expect(acceptanceSettlement(datong, 5_000_000, 3_000_000)).toEqual({
      balanceFen: 2_000_000,
      dueFen: 2_000_000,
      setting: "city",
    });
    expect(acceptanceSettlement(luoyang, 5_000_000, 3_000_000)).toEqual({
      balanceFen: 2_000_000,
      dueFen: 0,
      clause: "LY-FUNDS §19",
    });
    // spending the unit's own money beyond what was paid leaves no balance
    expect(acceptanceSettlement(datong, 5_000_000, 7_000_000).dueFen).toBe(0);
  });

  it("accepts only the grounds the city's policy names", () => {
    expect(() => checkClosureGround(datong, "termination", "forceMajeure")).not.toThrow();
    expect(() => checkClosureGround(datong, "termination", "fraud")).toThrow(DomainError);
    expect(() => checkClosureGround(luoyang, "revocation", "taskBookBreach")).not.toThrow();
  });

  it("spreads a return over the payments it came from, latest first, never past what each still holds", () => {
    const payment = fc.record({
      id: fc.uuid(),
      at: fc.date({ min: new Date("2026-01-01"), max: new Date("2027-01-01"), noInvalidDate: true }),
      amountFen: fc.integer({ min: 1, max: 10_000_000 }),
      backShare: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(payment, { maxLength: 6 }),
        fc.integer({ min: 1, max: 60_000_000 }),
        (raw, amount) => {
          const pays = raw.map((p) => ({
            id: p.id,
            at: p.at.toISOString(),
            amountFen: p.amountFen,
            backFen: Math.floor(p.amountFen * p.backShare),
          }));
          const open = pays.reduce((s, p) => s + p.amountFen - p.backFen, 0);
          if (amount > open) {
            expect(() => allocateBack(pays, amount)).toThrow(DomainError);
            return;
          }
          const parts = allocateBack(pays, amount);
          expect(parts.reduce((s, p) => s + p.amountFen, 0)).toBe(amount);
          for (const part of parts) {
            const p = pays.find((x) => x.id === part.paymentId);
            expect(part.amountFen).toBeGreaterThan(0);
            expect(part.amountFen).toBeLessThanOrEqual((p?.amountFen ?? 0) - (p?.backFen ?? 0));
          }
        },
      ),
    );
  });
});
