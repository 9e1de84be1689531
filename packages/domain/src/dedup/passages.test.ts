import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { alignPassages } from "./passages.ts";
import { spaceTokenize } from "./test-helpers.ts";

const A = [
  "本 项目 研究 高端 轴承 智能 检测 技术。",
  "突破 滚动体 缺陷 在线 识别 关键 算法。",
  "建设 轴承 质量 大数据 平台 服务 企业。",
  "申请 发明 专利 五 项 培养 研究生 三 名。",
].join("");

const highlighted = (text: string, ranges: { start: number; end: number }[]) =>
  ranges.map((r) => text.slice(r.start, r.end));

describe("alignPassages", () => {
  it("pairs identical texts as one passage with every word highlighted", () => {
    const doc = spaceTokenize(A);
    const [passage, ...rest] = alignPassages(doc, doc);
    expect(rest).toEqual([]);
    expect(passage?.similarity).toBe(1);
    expect(passage?.a).toEqual(passage?.b);
    expect(passage?.a.start).toBe(0);
    expect(passage?.a.end).toBe(A.length);
    // One run per sentence: runs never cross a sentence end.
    expect(passage?.a.highlights).toHaveLength(4);
  });

  it("finds reordered sentences and marks only the shared words of an edited one", () => {
    const b = [
      "建设 轴承 质量 大数据 平台 服务 企业。",
      "其他 无关 内容 一 句 话。",
      "本 课题 研究 高端 轴承 智能 检测 技术。",
    ].join("");
    const passages = alignPassages(spaceTokenize(A), spaceTokenize(b));
    expect(passages.map((p) => A.slice(p.a.start, p.a.end))).toEqual([
      "本 项目 研究 高端 轴承 智能 检测 技术。",
      "建设 轴承 质量 大数据 平台 服务 企业。",
    ]);
    const first = passages[0];
    expect(first?.similarity).toBeCloseTo(7 / 9, 10);
    expect(highlighted(A, first?.a.highlights ?? [])).toEqual(["本", "研究 高端 轴承 智能 检测 技术"]);
    expect(highlighted(b, first?.b.highlights ?? [])).toEqual(["本", "研究 高端 轴承 智能 检测 技术"]);
  });

  it("merges consecutive sentence pairs into one passage", () => {
    const b = `前言 部分 不同 内容 说明。${A.split("。").slice(1, 3).join("。")}。`;
    const passages = alignPassages(spaceTokenize(A), spaceTokenize(b));
    expect(passages).toHaveLength(1);
    expect(A.slice(passages[0]?.a.start, passages[0]?.a.end)).toBe(
      "突破 滚动体 缺陷 在线 识别 关键 算法。建设 轴承 质量 大数据 平台 服务 企业。",
    );
  });

  it("pairs nothing in unrelated texts, nor sentences sharing fewer than three words", () => {
    const b = "城市 文旅 数据 资源库 建设。智能 轴承 创新。";
    expect(alignPassages(spaceTokenize(A), spaceTokenize(b))).toEqual([]);
    expect(alignPassages(spaceTokenize(A), spaceTokenize(""))).toEqual([]);
  });

  it("returns ranges inside both texts, highlights inside their passage, on word boundaries", () => {
    const word = fc.constantFrom("轴承", "检测", "技术", "平台", "专利", "算法", "企业", "数据");
    const sentence = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => `${w.join(" ")}。`);
    const text = fc.array(sentence, { maxLength: 8 }).map((s) => s.join(""));
    fc.assert(
      fc.property(text, text, (ta, tb) => {
        const a = spaceTokenize(ta);
        const b = spaceTokenize(tb);
        for (const p of alignPassages(a, b)) {
          expect(p.similarity).toBeGreaterThan(0);
          expect(p.similarity).toBeLessThanOrEqual(1);
          for (const [side, doc] of [
            [p.a, a],
            [p.b, b],
          ] as const) {
            expect(0 <= side.start && side.start < side.end && side.end <= doc.text.length).toBe(true);
            for (const h of side.highlights) {
              expect(side.start <= h.start && h.start < h.end && h.end <= side.end).toBe(true);
              expect(doc.tokens.some((t) => t.start === h.start)).toBe(true);
              expect(doc.tokens.some((t) => t.end === h.end)).toBe(true);
            }
          }
        }
      }),
    );
  });

  it("is symmetric: swapping the texts swaps the sides", () => {
    const b = "建设 轴承 质量 大数据 平台 服务 企业。本 课题 研究 高端 轴承 智能 检测 技术。";
    const ab = alignPassages(spaceTokenize(A), spaceTokenize(b));
    const ba = alignPassages(spaceTokenize(b), spaceTokenize(A));
    const flip = ba.map((p) => ({ similarity: p.similarity, a: p.b, b: p.a }));
    expect(flip.sort((x, y) => x.a.start - y.a.start)).toEqual(ab);
  });
});
