import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePolicy } from "../policy/load-policies.ts";
import { budgetCategoryCodes } from "../policy/policy.schema.ts";
import { checkBudget, indirectCostCap } from "./budget.rules.ts";

const luoyang = parsePolicy(
  "luoyang-2025.json",
  JSON.parse(readFileSync(new URL("../../../../policies/luoyang-2025.json", import.meta.url), "utf8")),
);
if (luoyang.indirectCost.kind !== "tiers") throw new Error("Luoyang 2025 must define indirect-cost tiers");
const tiers = luoyang.indirectCost.tiers;
const topRateBp = Math.max(...tiers.map((t) => t.rateBp));
const edges = tiers.flatMap((t) => (t.upToFen === null ? [] : [t.upToFen]));

// Bases up to ¥1 billion, with extra weight on the tier edges where rounding mistakes hide.
const base = fc.oneof(
  fc.integer({ min: 0, max: 100_000_000_000 }),
  fc.constantFrom(...edges).chain((edge) => fc.integer({ min: Math.max(0, edge - 50), max: edge + 50 })),
);

describe("indirectCostCap properties (Luoyang 2025 tiers)", () => {
  it("never decreases as the base grows", () => {
    fc.assert(
      fc.property(base, fc.integer({ min: 0, max: 10_000_000 }), (b, extra) => {
        expect(indirectCostCap(tiers, b + extra)).toBeGreaterThanOrEqual(indirectCostCap(tiers, b));
      }),
    );
  });

  it("is continuous: one more fen of base adds at most one fen of cap, also across tier edges", () => {
    fc.assert(
      fc.property(base, (b) => {
        const step = indirectCostCap(tiers, b + 1) - indirectCostCap(tiers, b);
        expect(step).toBeGreaterThanOrEqual(0);
        expect(step).toBeLessThanOrEqual(1);
      }),
    );
    for (const edge of edges) {
      expect(indirectCostCap(tiers, edge) - indirectCostCap(tiers, edge - 1)).toBeLessThanOrEqual(1);
    }
  });

  it("never exceeds the base at the top flat rate (30 %), rounded down", () => {
    expect(topRateBp).toBe(3000);
    fc.assert(
      fc.property(base, (b) => {
        expect(indirectCostCap(tiers, b)).toBeLessThanOrEqual(Math.floor((b * topRateBp) / 10_000));
      }),
    );
  });

  it("is exactly 30 % of the base, rounded down, below the first edge", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: edges[0] ?? 0 }), (b) => {
        expect(indirectCostCap(tiers, b)).toBe(Number((BigInt(b) * 3000n) / 10_000n));
      }),
    );
  });
});

const line = fc.record({
  category: fc.constantFrom(...budgetCategoryCodes),
  amountFen: fc.integer({ min: 0, max: 2_000_000_000 }),
  note: fc.constant("说明"),
});

describe("checkBudget totals", () => {
  it("never loses a fen: total = Σ lines = direct + indirect, and the base never goes negative", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 25 }), fc.boolean(), (lines, theoretical) => {
        const r = checkBudget(luoyang, { lines, theoretical });
        const sum = lines.reduce((s, l) => s + l.amountFen, 0);
        expect(r.totalFen).toBe(sum);
        expect(r.directCostFen + r.indirectCostFen).toBe(r.totalFen);
        expect(r.categories.reduce((s, c) => s + c.amountFen, 0)).toBe(sum);
        expect(r.indirectBaseFen).toBe(r.directCostFen - r.equipmentPurchaseFen);
        expect(r.indirectBaseFen).toBeGreaterThanOrEqual(0);
        const overCap = r.violations.some((v) => v.code === "BUDGET_INDIRECT_OVER_CAP");
        expect(overCap).toBe(r.indirectCostFen > (r.indirectCostCapFen ?? Number.POSITIVE_INFINITY));
      }),
    );
  });
});
