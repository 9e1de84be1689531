import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { candidateProbability, LshIndex, lshNumPerm, lshParameters } from "./lsh.ts";
import { createMinHasher } from "./minhash.ts";
import { shingleJaccard } from "./similarity.ts";
import { setPair } from "./test-helpers.ts";

const hasher = createMinHasher({ numPerm: 128 });

describe("lshParameters", () => {
  it("finds a pair at the threshold with probability ≥ 0.99 and uses at most numPerm values", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 1, noNaN: true }), fc.integer({ min: 16, max: 256 }), (t, k) => {
        const p = lshParameters(t, k);
        expect(p.bands * p.rows).toBeLessThanOrEqual(k);
        // Too few values for a low threshold: the most sensitive banding is the best there is.
        if (candidateProbability(t, { bands: k, rows: 1 }) < 0.99) expect(p).toEqual({ bands: k, rows: 1 });
        else expect(candidateProbability(t, p)).toBeGreaterThanOrEqual(0.99);
      }),
    );
  });

  it("uses longer bands for higher thresholds, so fewer unrelated texts become candidates", () => {
    expect(lshParameters(0.3, 128)).toEqual({ bands: 64, rows: 2 });
    expect(lshParameters(0.8, 128).rows).toBeGreaterThan(2);
    expect(() => lshParameters(0, 128)).toThrow(RangeError);
  });
});

describe("lshNumPerm", () => {
  it("gives just enough values for two-row bands to reach the probability at the threshold", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 0.99, noNaN: true }), (t) => {
        const k = lshNumPerm(t);
        expect(candidateProbability(t, { bands: k / 2, rows: 2 })).toBeGreaterThanOrEqual(0.99);
        expect(candidateProbability(t, { bands: k / 2 - 1, rows: 2 })).toBeLessThan(0.99);
      }),
    );
    expect(lshNumPerm(0.3)).toBe(98);
    expect(lshNumPerm(0.25)).toBe(144);
  });
});

describe("LshIndex", () => {
  it("adds, replaces and removes", () => {
    const index = new LshIndex({ bands: 32, rows: 4 });
    const [a, b] = setPair(3, 0, 40, 40);
    const sa = hasher.signature(a);
    const sb = hasher.signature(b);
    index.add("a", sa);
    index.add("b", sb);
    expect(index.size).toBe(2);
    expect(index.candidates(sa)).toEqual(["a"]);
    index.add("a", sb); // replaced: "a" now has b's text
    expect(index.candidates(sa)).toEqual([]);
    expect(index.candidates(sb).sort()).toEqual(["a", "b"]);
    expect(index.remove("a")).toBe(true);
    expect(index.remove("a")).toBe(false);
    expect(index.candidates(sb)).toEqual(["b"]);
    index.add("c", sa); // takes the freed slot
    expect(index.candidates(sa)).toEqual(["c"]);
    expect(index.size).toBe(2);
    expect(() => index.add("c", new Uint32Array(8))).toThrow(RangeError);
  });

  it("keeps buckets right when many texts share them and some leave", () => {
    const index = new LshIndex({ bands: 16, rows: 8 });
    const [a] = setPair(4, 0, 50, 0);
    const sig = hasher.signature(a);
    for (let i = 0; i < 10; i++) index.add(`t${i}`, sig);
    for (let i = 0; i < 10; i += 2) index.remove(`t${i}`);
    expect(index.candidates(sig).sort()).toEqual(["t1", "t3", "t5", "t7", "t9"]);
  });

  it("drops candidates whose signatures agree too little, and never returns an id twice", () => {
    const index = new LshIndex({ bands: 64, rows: 2 });
    const [a, b] = setPair(5, 40, 60, 60); // Jaccard 0.25
    const [c] = setPair(6, 0, 100, 0);
    const sa = hasher.signature(a);
    index.add("b", hasher.signature(b));
    index.add("a", sa);
    index.add("c", hasher.signature(c));
    expect(index.candidates(sa).sort()).toEqual(["a", "b"]);
    expect(index.candidates(sa, { minAgreements: 128 })).toEqual(["a"]);
    for (let i = 0; i < 5; i++) expect(index.candidates(sa).length).toBe(2);
  });

  it("returns pairs above the threshold with high probability and few pairs far below it", () => {
    const threshold = 0.3;
    const index = new LshIndex(lshParameters(threshold, hasher.numPerm));
    let above = 0;
    let foundAbove = 0;
    let unrelated = 0;
    let foundUnrelated = 0;
    for (let seed = 0; seed < 300; seed++) {
      // Shared 60 of 200: Jaccard 0.3 exactly; shared 8 of ~200: about 0.02.
      for (const [shared, own] of [
        [60, 70],
        [8, 96],
      ] as const) {
        const [a, b] = setPair(seed * 2 + shared, shared, own, own);
        index.add("b", hasher.signature(b));
        const found = index.candidates(hasher.signature(a)).includes("b");
        if (shingleJaccard(a, b) >= threshold) {
          above++;
          if (found) foundAbove++;
        } else {
          unrelated++;
          if (found) foundUnrelated++;
        }
      }
    }
    expect(above).toBe(300);
    expect(foundAbove / above).toBeGreaterThanOrEqual(0.97);
    expect(foundUnrelated / unrelated).toBeLessThan(0.1);
  });
});
