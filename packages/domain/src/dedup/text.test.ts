import { describe, expect, it } from "vitest";
import { spaceTokenize } from "./test-helpers.ts";
import { sentenceRanges, sentencesOf, sentenceWords } from "./text.ts";

const slices = (text: string) => sentenceRanges(text).map((r) => text.slice(r.start, r.end));

describe("sentenceRanges", () => {
  it("splits after 。！？； and their half-width forms, and at line breaks", () => {
    expect(slices("甲乙。丙丁！戊？己；庚\n辛!壬?癸;子")).toEqual([
      "甲乙。",
      "丙丁！",
      "戊？",
      "己；",
      "庚",
      "辛!",
      "壬?",
      "癸;",
      "子",
    ]);
  });

  it("trims spaces, full-width ones too, and drops empty sentences", () => {
    expect(slices("  标题 \n\n\u3000正文第一句。 。\r\n")).toEqual(["标题", "正文第一句。", "。"]);
    expect(sentenceRanges("")).toEqual([]);
    expect(sentenceRanges(" \n ")).toEqual([]);
  });

  it("keeps commas inside a sentence", () => {
    expect(slices("一，二、三：四。")).toEqual(["一，二、三：四。"]);
  });
});

describe("sentencesOf", () => {
  it("gives each sentence the words that start in it and drops sentences without words", () => {
    const doc = spaceTokenize("智能 轴承。。检测\n技术 平台");
    const sentences = sentencesOf(doc);
    expect(sentences.map((s) => doc.text.slice(s.start, s.end))).toEqual([
      "智能 轴承。",
      "检测",
      "技术 平台",
    ]);
    expect(sentenceWords(doc)).toEqual([["智能", "轴承"], ["检测"], ["技术", "平台"]]);
  });
});
