import path from "node:path";
import { describe, expect, it } from "vitest";
import { sampleCommitmentLetter } from "../../test/document-samples.ts";
import { readPolicies } from "../policy-files.ts";
import { commitmentBasisOf, renderCommitmentLetter } from "./commitment-letter.ts";
import { plain, readPdf } from "./test-pdf.ts";

const policies = readPolicies(path.resolve(import.meta.dirname, "../../../../../policies"));
const policyOf = (city: string) => {
  const policy = policies.find((p) => p.city === city);
  if (!policy) throw new Error(`no policy for ${city}`);
  return policy;
};
const squash = (s: string) => s.replace(/\s+/g, "");

describe("commitmentBasisOf", () => {
  it("cites Luoyang's commitment-letter and no-repeat-funding clauses from the policy file", () => {
    const basis = commitmentBasisOf(policyOf("luoyang"));
    expect(basis.map((b) => [b.code, b.citation])).toEqual([
      ["commitmentLetter", "LY-FUNDS §24"],
      ["noRepeatFunding", "LY-FUNDS §17"],
    ]);
    expect(basis[0]?.textZh).toContain("共同签署承诺书");
    expect(basis[0]?.documentTitleZh).toBe("洛阳市应用技术研究与开发资金管理使用办法");
  });

  it("invents nothing for Datong, whose documents have neither clause", () => {
    expect(commitmentBasisOf(policyOf("datong"))).toEqual([]);
  });
});

describe("renderCommitmentLetter", () => {
  it("renders one A4 page with the data, the pledges, the signature lines and the cited clauses", async () => {
    const bytes = await renderCommitmentLetter(sampleCommitmentLetter);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(bytes.subarray(-6).toString("latin1")).toContain("%%EOF");
    const pages = await readPdf(bytes);
    expect(pages).toHaveLength(1);
    const text = plain(pages);
    const d = sampleCommitmentLetter;
    for (const value of [
      "项目申报承诺书",
      d.guideTitle,
      d.callTitle,
      d.applicationNo,
      d.applicationTitle,
      d.unit.name,
      d.unit.uscc,
      d.legalRepresentative,
      d.principalInvestigator,
      "洛阳市科学技术局：",
      "真实性、准确性和完整性负责",
      "不存在重复申报或变相重复申报的情形（LY-FUNDS§17）",
      "专款专用",
      "接受科技、财政、审计等部门的监督检查",
      "愿意承担由此导致的一切后果",
      "法定代表人（签字）：",
      "项目负责人（签字）：",
      "项目承担单位（公章）",
      "日期：年月日",
      squash(`LY-FUNDS §24《洛阳市应用技术研究与开发资金管理使用办法》：${d.basis[0]?.textZh}`),
      "依据：LY-FUNDS§24；LY-FUNDS§17",
      "生成时间2025-03-1814:30（北京时间）",
      "第1页/共1页",
    ]) {
      expect(text).toContain(squash(value));
    }
  });

  it("embeds a subset of Noto Sans SC and stays small", async () => {
    const bytes = await renderCommitmentLetter(sampleCommitmentLetter);
    const raw = bytes.toString("latin1");
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/);
    expect(raw).toContain("/FontFile2");
    expect(bytes.length).toBeLessThan(120_000);
  });

  it("prints no citation where the city's documents give none", async () => {
    const pages = await readPdf(
      await renderCommitmentLetter({
        ...sampleCommitmentLetter,
        cityNameZh: "大同市",
        addresseeZh: undefined,
        basis: [],
      }),
    );
    const text = plain(pages);
    expect(text).toContain("本项目未获得过大同市市级财政科技资金支持，不存在重复申报或变相重复申报的情形。");
    expect(text).not.toContain("依据");
    expect(text).not.toContain("LY-FUNDS");
  });
});
