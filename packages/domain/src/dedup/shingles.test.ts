import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fmix32, hashString } from "./hash.ts";
import { shingleHashes, toShingleSet } from "./shingles.ts";
import { spaceTokenize } from "./test-helpers.ts";
import { sentenceWords } from "./text.ts";

const words = (text: string) => sentenceWords(spaceTokenize(text));

describe("hashing", () => {
  it("is deterministic and seeded", () => {
    expect(hashString("轴承")).toBe(hashString("轴承"));
    expect(hashString("轴承", 1)).not.toBe(hashString("轴承", 2));
    expect(hashString("轴承")).not.toBe(hashString("轴")); // odd and even lengths take different paths
  });

  it("gives distinct hashes to distinct short words (no collisions among 20,000)", () => {
    const hashes = new Set<number>();
    for (let i = 0; i < 20_000; i++) hashes.add(hashString(`词${i}`));
    expect(hashes.size).toBe(20_000);
  });

  it("fmix32 stays within unsigned 32 bits", () => {
    fc.assert(
      fc.property(fc.integer(), (x) => Number.isInteger(fmix32(x)) && fmix32(x) >= 0 && fmix32(x) < 2 ** 32),
    );
  });
});

describe("shingleHashes", () => {
  it("is a sorted set without repeats", () => {
    const set = shingleHashes(words("甲 乙 丙 甲 乙 丙。甲 乙"));
    expect([...set]).toEqual([...new Set(set)].sort((a, b) => a - b));
    expect(set.length).toBe(3); // 甲乙, 乙丙, 丙甲
  });

  it("does not change when sentences are reordered", () => {
    const a = shingleHashes(words("智能 轴承 检测 技术。高端 装备 制造 工艺。新材料 研发 平台"));
    const b = shingleHashes(words("新材料 研发 平台。智能 轴承 检测 技术\n高端 装备 制造 工艺。"));
    expect(b).toEqual(a);
  });

  it("never joins the last word of one sentence with the first of the next", () => {
    const joined = shingleHashes(words("甲 乙 丙 丁"));
    const split = shingleHashes(words("甲 乙。丙 丁"));
    expect(split.length).toBe(2);
    expect(joined.length).toBe(3);
  });

  it("keeps a one-word sentence as one shingle and ignores empty ones", () => {
    expect(shingleHashes([["轴承"], []]).length).toBe(1);
    expect(shingleHashes([]).length).toBe(0);
  });

  it("depends on word order within a sentence and on the shingle size", () => {
    expect(shingleHashes([["甲", "乙"]])).not.toEqual(shingleHashes([["乙", "甲"]]));
    expect(shingleHashes([["甲", "乙", "丙"]], 1).length).toBe(3);
    expect(shingleHashes([["甲", "乙", "丙"]], 3).length).toBe(1);
    expect(() => shingleHashes([["甲"]], 0)).toThrow(RangeError);
  });

  it("toShingleSet sorts as unsigned and removes repeats", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 32 - 1 })), (values) => {
        expect([...toShingleSet(values)]).toEqual([...new Set(values)].sort((a, b) => a - b));
      }),
    );
  });
});
