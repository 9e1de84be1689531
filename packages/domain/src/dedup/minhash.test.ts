import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { agreementFloor, agreements, createMinHasher, estimateJaccard } from "./minhash.ts";
import { shingleJaccard } from "./similarity.ts";
import { setPair } from "./test-helpers.ts";

const hasher = createMinHasher({ numPerm: 128 });

function binomialBelow(k: number, n: number, p: number): number {
  let pmf = (1 - p) ** n;
  let cdf = 0;
  for (let i = 0; i < k; i++) {
    cdf += pmf;
    pmf *= ((n - i) / (i + 1)) * (p / (1 - p));
  }
  return cdf;
}

describe("MinHash", () => {
  it("is deterministic for a seed, so every server process computes the same signatures", () => {
    const [a] = setPair(1, 50, 50, 0);
    expect(createMinHasher({ numPerm: 128 }).signature(a)).toEqual(hasher.signature(a));
    expect(createMinHasher({ numPerm: 128, seed: 7 }).signature(a)).not.toEqual(hasher.signature(a));
  });

  it("gives identical sets identical signatures, and an empty set a signature that is all 0xffffffff", () => {
    const [a] = setPair(2, 30, 0, 0);
    expect(estimateJaccard(hasher.signature(a), hasher.signature(a.slice()))).toBe(1);
    expect([...new Set(hasher.signature(new Uint32Array()))]).toEqual([0xffffffff]);
  });

  it("estimates Jaccard within five standard errors", () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 300 }),
        (seed, shared, onlyA, onlyB) => {
          const [a, b] = setPair(seed, shared, onlyA, onlyB);
          const exact = shingleJaccard(a, b);
          const estimate = estimateJaccard(hasher.signature(a), hasher.signature(b));
          const standardError = Math.sqrt((exact * (1 - exact)) / hasher.numPerm);
          // Two agreements of slack: at tiny similarities the count is too discrete for the normal bound.
          expect(Math.abs(estimate - exact)).toBeLessThanOrEqual(5 * standardError + 2 / hasher.numPerm);
        },
      ),
    );
  });

  it("is unbiased: over many pairs the mean error is close to zero", () => {
    let error = 0;
    const n = 400;
    for (let seed = 0; seed < n; seed++) {
      const [a, b] = setPair(seed, 100, 60 + (seed % 7) * 20, 80);
      error += estimateJaccard(hasher.signature(a), hasher.signature(b)) - shingleJaccard(a, b);
    }
    expect(Math.abs(error / n)).toBeLessThan(0.01);
  });

  it("refuses to compare signatures of different lengths", () => {
    expect(() => agreements(new Uint32Array(2), new Uint32Array(3))).toThrow(RangeError);
  });
});

describe("agreementFloor", () => {
  it("loses a pair exactly at the threshold with probability at most maxMiss, and is the highest such floor", () => {
    for (const t of [0.1, 0.3, 0.5, 0.8, 0.95]) {
      const floor = agreementFloor(t, 128, 0.001);
      expect(binomialBelow(floor, 128, t)).toBeLessThanOrEqual(0.001);
      expect(binomialBelow(floor + 1, 128, t)).toBeGreaterThan(0.001);
    }
    expect(agreementFloor(1, 128)).toBe(128);
  });

  it("rises with the threshold", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 0.98, noNaN: true }), (t) => {
        expect(agreementFloor(t + 0.01, 128)).toBeGreaterThanOrEqual(agreementFloor(t, 128));
      }),
    );
  });
});
