import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shippedPolicies } from "../policy/test/shipped-policies.ts";
import { DomainError } from "../shared/errors.ts";
import { drawSize, drawSpotCheck, supervisionOf } from "./spot-check.ts";

const [datong, luoyang] = shippedPolicies();
const numbers = fc.uniqueArray(
  fc.integer({ min: 1, max: 9999 }).map((n) => `LY-2026-ZX-${String(n).padStart(4, "0")}`),
  { maxLength: 60 },
);
const seed = fc.integer({ min: 0, max: 2 ** 32 - 1 });
const rate = fc.integer({ min: 1, max: 100 });

describe("the spot-check draw (LY-PLAN §七(四))", () => {
  it("draws the same projects from the same numbers, rate and seed, in any input order", () => {
    fc.assert(
      fc.property(numbers, rate, seed, (ns, r, s) => {
        const once = drawSpotCheck(ns, r, s);
        expect(drawSpotCheck([...ns].reverse(), r, s)).toEqual(once);
        expect(drawSpotCheck([...ns, ...ns], r, s)).toEqual(once);
      }),
    );
  });

  it("draws ⌈n × rate⌉ distinct eligible projects, never one twice", () => {
    fc.assert(
      fc.property(numbers, rate, seed, (ns, r, s) => {
        const drawn = drawSpotCheck(ns, r, s);
        expect(drawn).toHaveLength(drawSize(ns.length, r));
        expect(new Set(drawn).size).toBe(drawn.length);
        for (const d of drawn) expect(ns).toContain(d);
      }),
    );
    expect(drawSize(0, 10)).toBe(0);
    expect(drawSize(1, 10)).toBe(1);
    expect(drawSize(25, 10)).toBe(3);
    expect(drawSize(20, 10)).toBe(2);
  });

  it("gives every project its fair chance over many seeds", () => {
    const pool = Array.from({ length: 10 }, (_, i) => `P${i}`);
    const counts = new Map<string, number>();
    for (let s = 0; s < 5000; s++)
      for (const d of drawSpotCheck(pool, 20, s)) counts.set(d, (counts.get(d) ?? 0) + 1);
    // each of 10 is drawn in 2 of 10 draws: 1000 of 5000, well within ±15 %
    for (const p of pool) expect(Math.abs((counts.get(p) ?? 0) - 1000)).toBeLessThan(150);
  });

  it("is a known sequence for a published example, so that another implementation can check itself", () => {
    expect(drawSpotCheck(["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"], 30, 20261205)).toEqual(
      drawSpotCheck(["J", "I", "H", "G", "F", "E", "D", "C", "B", "A"], 30, 20261205),
    );
    expect(drawSpotCheck(["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"], 30, 20261205)).toEqual([
      "E",
      "B",
      "F",
    ]);
  });

  it("is Luoyang's rule with a rate the city sets; Datong's documents have none", () => {
    expect(supervisionOf(luoyang)).toMatchObject({
      ratePercent: 10,
      rateSource: { setting: "city" },
      source: { clause: "LY-PLAN §七(四)" },
      oncePerCycleSource: { clause: "LY-PLAN §七(四)" },
    });
    expect(() => supervisionOf(datong)).toThrow(DomainError);
  });
});
