import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "./errors.ts";
import { assertFen, formatWanYuan, formatYuan, isFen, yuanToFen } from "./money.ts";

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? `${e.code}@${e.path}` : "other";
  }
  return undefined;
}

describe("assertFen", () => {
  it("accepts non-negative safe integers", () => {
    expect(() => assertFen(0)).not.toThrow();
    expect(() => assertFen(Number.MAX_SAFE_INTEGER)).not.toThrow();
  });
  it("refuses fractions, NaN, strings, unsafe integers and negatives, naming the path", () => {
    expect(codeOf(() => assertFen(1.5, "lines.0.amountFen"))).toBe("VALIDATION@lines.0.amountFen");
    expect(codeOf(() => assertFen(Number.NaN))).toBe("VALIDATION@amountFen");
    expect(codeOf(() => assertFen("100"))).toBe("VALIDATION@amountFen");
    expect(codeOf(() => assertFen(2 ** 53))).toBe("VALIDATION@amountFen");
    expect(codeOf(() => assertFen(-1))).toBe("VALIDATION@amountFen");
  });
  it("lets a ledger allow negatives explicitly", () => {
    expect(() => assertFen(-1, "balanceFen", { allowNegative: true })).not.toThrow();
    expect(isFen(-1)).toBe(true);
  });
});

describe("formatYuan", () => {
  it.each([
    [0, "¥0.00"],
    [5, "¥0.05"],
    [123456, "¥1,234.56"],
    [300_000_000, "¥3,000,000.00"],
    [-123456, "-¥1,234.56"],
  ])("%i fen → %s", (fen, text) => {
    expect(formatYuan(fen)).toBe(text);
  });
});

describe("formatWanYuan", () => {
  it.each([
    [12_345_678, "12.35 万元"],
    [12_344_999, "12.34 万元"],
    [12_345_000, "12.35 万元"],
    [10_000_000, "10.00 万元"],
    [0, "0.00 万元"],
    [4_999, "0.00 万元"],
    [5_000, "0.01 万元"],
    [123_456_789_000, "123,456.79 万元"],
    [-12_345_678, "-12.35 万元"],
  ])("%i fen → %s", (fen, text) => {
    expect(formatWanYuan(fen)).toBe(text);
  });
});

describe("yuanToFen", () => {
  it.each([
    ["1234.56", 123456],
    ["1234.5", 123450],
    ["1234", 123400],
    ["0.01", 1],
    [" 30000 ", 3_000_000],
    ["0.29", 29],
    ["90071992547409.91", Number.MAX_SAFE_INTEGER],
  ])("%s → %i fen", (text, fen) => {
    expect(yuanToFen(text)).toBe(fen);
  });

  it.each(["1.234", "-1", "abc", "", "1,000", "1e3", "+1", ".5", "1.", "90071992547409.92", "NaN"])(
    "refuses %j",
    (text) => {
      expect(codeOf(() => yuanToFen(text, "amount"))).toBe("VALIDATION@amount");
    },
  );

  it("round-trips every safe amount through its decimal text", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        const text = `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, "0")}`;
        expect(yuanToFen(text)).toBe(fen);
        expect(formatYuan(fen).replace(/[¥,]/g, "")).toBe(text);
      }),
    );
  });
});
