import { describe, expect, it } from "vitest";
import { segment, tokenize } from "./tokenize.ts";

const words = (text: string) => tokenize(text).tokens.map((t) => t.word);

describe("tokenize", () => {
  it("segments Chinese into words and drops stop words and punctuation", () => {
    expect(words("本项目研究高端轴承的智能检测技术，并建设平台。")).toEqual([
      "项目",
      "研究",
      "高端",
      "轴承",
      "智能",
      "检测",
      "技术",
      "建设",
      "平台",
    ]);
  });

  it("places every word at its characters in the original text", () => {
    const text = "一、项目摘要\n　　面向ＡＩ芯片的Ｓｉｃ功率器件封装工艺研究；申请专利5项！";
    const { tokens } = tokenize(text);
    expect(tokens.length).toBeGreaterThan(5);
    let last = 0;
    for (const t of tokens) {
      expect(t.start).toBeGreaterThanOrEqual(last);
      last = t.end;
      const folded = text
        .slice(t.start, t.end)
        .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
        .toLowerCase();
      expect(folded).toBe(t.word);
    }
  });

  it("treats full-width and half-width Latin, upper and lower case, as the same word", () => {
    expect(words("ＡＩ芯片与ＳｉＣ器件")).toEqual(words("ai芯片与SiC器件"));
  });

  it("gives the same words every time", () => {
    const text = "突破滚动体缺陷在线识别关键算法，建设轴承质量大数据平台。".repeat(3);
    const first = tokenize(text);
    for (let i = 0; i < 200; i++) expect(tokenize(text)).toEqual(first);
  });

  it("segment returns every piece, joining back to the input", () => {
    const text = "洛阳市科技局，2025年 申报指南！";
    expect(segment(text).join("")).toBe(text);
    expect(tokenize("").tokens).toEqual([]);
    expect(tokenize("，。！的了").tokens).toEqual([]);
  });
});
