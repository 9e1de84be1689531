import { describe, expect, it } from "vitest";
import { sampleApplication } from "../../test/document-samples.ts";
import { type ApplicationPdfData, budgetTotals, renderApplicationPdf } from "./application-pdf.ts";
import { MARGIN } from "./pdf.ts";
import { plain, readPdf } from "./test-pdf.ts";

const squash = (s: string) => s.replace(/\s+/g, "");

describe("budgetTotals", () => {
  it("sums direct and indirect lines in fen and adds self-raised and co-funding money", () => {
    expect(budgetTotals(sampleApplication.budget)).toEqual({
      directFen: 306_050_000,
      indirectFen: 50_000_000,
      fiscalFen: 356_050_000,
      selfRaisedFen: 712_345_678,
      coFundingFen: 50_000_000,
      projectTotalFen: 1_118_395_678,
    });
  });
});

describe("renderApplicationPdf", () => {
  it("renders every section with the header, the masked team and the budget in 元 and 万元", async () => {
    const bytes = await renderApplicationPdf(sampleApplication);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pages = await readPdf(bytes);
    const text = plain(pages);
    for (const value of [
      "项目申报书",
      "一、基本信息",
      "二、研究内容",
      "三、考核指标",
      "四、进度安排（里程碑）",
      "五、项目团队",
      "六、合作单位",
      "七、经费预算",
      "资金来源",
      sampleApplication.basics.title,
      "重大科技专项（先进制造）",
      "LY-2025-ZD-000123（第 2 版）",
      "2025-07-01 至 2027-06-30",
      "建立氮含量—组织—性能的定量关系模型",
      "轴承 L10 额定寿命（相对 GCr15 基准）≥3倍",
      "2026-12-31完成台架寿命试验，中期评估",
      "4101**********001X29是讲师",
      "河南科技大学12410000416001010X参与单位",
      "设备费设备费¥1,200,000.00120.00真空渗氮炉 1 台（购置）",
      "直接费用合计¥3,060,500.00306.05",
      "间接费用合计¥500,000.0050.00",
      "申请财政资金合计¥3,560,500.00356.05",
      "单位自筹资金¥7,123,456.78712.35",
      "配套资金¥500,000.0050.00",
      "项目总投资¥11,183,956.781,118.40",
    ]) {
      expect(text).toContain(squash(value));
    }
    pages.forEach((page, i) => {
      expect(squash(page.text)).toContain(squash(`第 ${i + 1} 页 / 共 ${pages.length} 页`));
      expect(squash(page.text)).toContain(
        squash(
          "洛阳市 · 2025年度洛阳市重大科技专项申报指南 · 2025年第一批重大科技专项LY-2025-ZD-000123 · 第 2 版",
        ),
      );
    });
    expect(bytes.length).toBeLessThan(200_000);
  });

  it("never prints a full resident ID number", async () => {
    const leaky: ApplicationPdfData = {
      ...sampleApplication,
      team: [
        {
          ...(sampleApplication.team[0] as ApplicationPdfData["team"][number]),
          idNumberMasked: "41030119900307201X",
        },
      ],
    };
    await expect(renderApplicationPdf(leaky)).rejects.toThrow(/team\[0\]\.idNumberMasked is not masked/);
  });

  it("breaks long tables across pages, repeats their header and keeps every text inside the margins", async () => {
    const member = sampleApplication.team[2] as ApplicationPdfData["team"][number];
    const long: ApplicationPdfData = {
      ...sampleApplication,
      basics: { ...sampleApplication.basics, title: `${sampleApplication.basics.title}`.repeat(4) },
      team: Array.from({ length: 45 }, (_, i) => ({
        ...member,
        name: `成员${i + 1}`,
        roleZh: "实验".repeat(i % 7),
      })),
      research: [
        {
          titleZh: "（一）主要研究内容",
          body: "长段落研究内容，含 English words and numbers 12345。".repeat(60),
        },
      ],
      targets: [],
      partners: [],
      milestones: [{ dueDate: "2026-06-30", description: "超长阶段目标".repeat(600), deliverable: "报告" }],
    };
    const pages = await readPdf(await renderApplicationPdf(long));
    expect(pages.length).toBeGreaterThanOrEqual(5);
    const withTeamHeader = pages.filter((p) => squash(p.text).includes("身份证号年龄青年职称"));
    expect(withTeamHeader.length).toBeGreaterThanOrEqual(2);
    expect(plain(pages)).toContain("成员45");
    // A cell longer than a page is cut with an ellipsis rather than pushed over the footer.
    expect(plain(pages)).toMatch(/超长阶段[^报]*…报告/);
    expect(pages.length).toBeLessThanOrEqual(9);
    expect(plain(pages)).toContain(squash("三、考核指标序号指标类型指标内容目标值单位（无）"));
    for (const page of pages) {
      for (const item of page.items) {
        expect(item.x).toBeGreaterThanOrEqual(MARGIN.left - 1);
        expect(item.x + item.width).toBeLessThanOrEqual(page.width - MARGIN.right + 1);
      }
    }
  });
});
