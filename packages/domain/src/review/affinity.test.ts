import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { affinity, affinityWeights, disciplineMatch, keywordMatch } from "./affinity.ts";

const terms = (...words: string[]) => new Set(words);

describe("disciplineMatch", () => {
  it("is 1 for a discipline of the panel", () => {
    expect(disciplineMatch(["52020"], ["52020"])).toBe(1);
    expect(disciplineMatch(["520"], ["520"])).toBe(1);
  });

  it("is 1 for a second-level discipline inside the panel's first-level one", () => {
    expect(disciplineMatch(["52020"], ["520"])).toBe(1);
  });

  it("is ½ for a sibling under the same first level", () => {
    expect(disciplineMatch(["52020"], ["52040"])).toBe(0.5);
  });

  it("is ½ for a first-level expert on a panel of one of its second-level disciplines", () => {
    expect(disciplineMatch(["520"], ["52020"])).toBe(0.5);
  });

  it("is 0 for another first level, and for no disciplines at all", () => {
    expect(disciplineMatch(["21030"], ["520", "52020"])).toBe(0);
    expect(disciplineMatch([], ["520"])).toBe(0);
    expect(disciplineMatch(["520"], [])).toBe(0);
  });

  it("takes the best match over all the expert's and the panel's disciplines, in any order", () => {
    expect(disciplineMatch(["52040", "21030"], ["62030", "52020"])).toBe(0.5);
    expect(disciplineMatch(["52040", "21030"], ["52020", "210"])).toBe(1);
    expect(disciplineMatch(["21030", "52040"], ["210", "52020"])).toBe(1);
  });
});

describe("keywordMatch", () => {
  it("is the share of the expert's keywords whose terms all occur", () => {
    const keywords = [["机器", "学习"], ["图像"], ["政策", "评估"]];
    expect(keywordMatch(keywords, terms("机器", "学习", "图像"))).toBeCloseTo(2 / 3, 12);
  });

  it("does not count a keyword when only some of its terms occur", () => {
    expect(keywordMatch([["机器", "学习"]], terms("机器"))).toBe(0);
  });

  it("is 1 when every keyword matches and 0 when none does", () => {
    expect(keywordMatch([["农业"], ["土壤"]], terms("农业", "土壤", "其他"))).toBe(1);
    expect(keywordMatch([["农业"], ["土壤"]], terms("计算机"))).toBe(0);
  });

  it("ignores keywords that were cut into no terms", () => {
    expect(keywordMatch([[], ["农业"]], terms("农业"))).toBe(1);
  });

  it("is 0 for an expert without keywords rather than dividing by zero", () => {
    expect(keywordMatch([], terms("农业"))).toBe(0);
    expect(keywordMatch([[], []], terms("农业"))).toBe(0);
  });
});

describe("affinity", () => {
  const application = { panelDisciplines: ["520"], terms: terms("人工", "智能", "图像", "识别") };

  it("weighs discipline 0.6 and keywords 0.4", () => {
    expect(affinityWeights).toEqual({ discipline: 0.6, keywords: 0.4 });
    expect(affinityWeights.discipline + affinityWeights.keywords).toBe(1);
  });

  it("is 1 for a full discipline and keyword match", () => {
    expect(affinity({ disciplines: ["52020"], keywordTerms: [["人工", "智能"]] }, application)).toBe(1);
  });

  it("is 0.6 for the discipline alone and 0.4 for the keywords alone", () => {
    expect(affinity({ disciplines: ["520"], keywordTerms: [["农业"]] }, application)).toBe(0.6);
    expect(affinity({ disciplines: ["210"], keywordTerms: [["图像", "识别"]] }, application)).toBe(0.4);
  });

  it("is 0 without any match", () => {
    expect(affinity({ disciplines: ["210"], keywordTerms: [["农业"]] }, application)).toBe(0);
  });

  it("rounds to three decimals", () => {
    // 0.6 × ½ + 0.4 × ⅓ = 0.4333…
    const a = affinity(
      { disciplines: ["52020"], keywordTerms: [["图像"], ["农业"], ["土壤"]] },
      { panelDisciplines: ["52040"], terms: terms("图像") },
    );
    expect(a).toBe(0.433);
    // 0.4 × ⅔ = 0.2666…
    const b = affinity(
      { disciplines: [], keywordTerms: [["图像"], ["识别"], ["土壤"]] },
      { panelDisciplines: ["520"], terms: terms("图像", "识别") },
    );
    expect(b).toBe(0.267);
  });

  it("always lies in 0..1 with at most three decimals", () => {
    const code = fc.constantFrom("520", "52020", "52040", "210", "21030", "620");
    const word = fc.constantFrom("a", "b", "c", "d", "e");
    fc.assert(
      fc.property(
        fc.array(code, { maxLength: 4 }),
        fc.array(fc.array(word, { maxLength: 3 }), { maxLength: 6 }),
        fc.array(code, { maxLength: 3 }),
        fc.array(word, { maxLength: 5 }),
        (disciplines, keywordTerms, panelDisciplines, words) => {
          const a = affinity({ disciplines, keywordTerms }, { panelDisciplines, terms: new Set(words) });
          expect(a).toBeGreaterThanOrEqual(0);
          expect(a).toBeLessThanOrEqual(1);
          expect(Math.round(a * 1000) / 1000).toBe(a);
        },
      ),
      { numRuns: 300 },
    );
  });
});
