import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { type ApplicationListRow, LIST_HEADER_ROW, renderApplicationList } from "./xlsx.ts";

const rows: ApplicationListRow[] = [
  {
    applicationNo: "LY-2025-ZD-000123",
    title: "高端轴承用高氮不锈钢关键制备技术研究及产业化",
    programNameZh: "重大科技专项",
    callTitle: "2025年第一批重大科技专项",
    unitName: "洛阳轴承研究所有限公司",
    uscc: "91410300MA44A8XX3K",
    districtNameZh: "涧西区",
    principalInvestigator: "李晓梅",
    statusZh: "已提交",
    requestedFen: 356_050_000,
    selfRaisedFen: 712_345_678,
    totalFen: 1_118_395_678,
    startDate: "2025-07-01",
    endDate: "2027-06-30",
    // 17:30 UTC is 01:30 the next day in Beijing: the day must follow Beijing.
    submittedAt: new Date("2025-03-17T17:30:00Z"),
    updatedAt: new Date("2025-03-18T06:30:00Z"),
  },
  {
    applicationNo: "LY-2025-ZD-000124",
    title: '=HYPERLINK("http://example.invalid","点我")',
    programNameZh: "重大科技专项",
    callTitle: "2025年第一批重大科技专项",
    unitName: "洛阳某某科技有限公司",
    uscc: "91410300MA44A8XX4L",
    principalInvestigator: "赵六",
    statusZh: "草稿",
    requestedFen: 1,
    selfRaisedFen: 0,
    totalFen: 1,
    submittedAt: null,
    updatedAt: new Date("2025-03-18T06:31:00Z"),
  },
];

async function readBack(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error("no worksheet");
  return sheet;
}

const generatedAt = new Date("2025-03-18T06:45:00Z");

describe("renderApplicationList", () => {
  it("writes the filter line, a Chinese header row, frozen, with an auto-filter over the data", async () => {
    const sheet = await readBack(
      await renderApplicationList(rows, {
        filtersDescription: "计划类别：重大科技专项；县区：涧西区",
        generatedAt,
      }),
    );
    expect(sheet.name).toBe("申报项目清单");
    expect(sheet.getCell("A1").value).toBe(
      "筛选条件：计划类别：重大科技专项；县区：涧西区；共 2 条；导出时间 2025-03-18 14:45（北京时间）",
    );
    const header = sheet.getRow(LIST_HEADER_ROW).values as unknown[];
    expect(header.slice(1, 4)).toEqual(["申报编号", "项目名称", "计划类别"]);
    expect(header).toContain("申请财政资金（元）");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(sheet.autoFilter).toEqual("A2:P4");
  });

  it("writes money as numbers in 元 with a number format, and times as Beijing wall-clock dates", async () => {
    const sheet = await readBack(await renderApplicationList(rows, { filtersDescription: "", generatedAt }));
    expect(sheet.getCell("A1").value).toMatch(/^筛选条件：无（全部）；共 2 条/);
    const col = (header: string) => (sheet.getRow(2).values as unknown[]).indexOf(header);
    const first = sheet.getRow(3);
    const requested = first.getCell(col("申请财政资金（元）"));
    expect(requested.value).toBe(3_560_500);
    expect(requested.numFmt).toBe("#,##0.00");
    expect(first.getCell(col("自筹资金（元）")).value).toBe(7_123_456.78);
    expect(sheet.getRow(4).getCell(col("项目总投资（元）")).value).toBe(0.01);

    const submitted = first.getCell(col("提交时间"));
    expect((submitted.value as Date).toISOString()).toBe("2025-03-18T01:30:00.000Z");
    expect(submitted.numFmt).toBe("yyyy-mm-dd hh:mm");
    const start = first.getCell(col("开始日期"));
    expect((start.value as Date).toISOString()).toBe("2025-07-01T00:00:00.000Z");
    expect(start.numFmt).toBe("yyyy-mm-dd");
    expect(sheet.getRow(4).getCell(col("提交时间")).value).toBeNull();
  });

  it("keeps text that looks like a formula as text", async () => {
    const sheet = await readBack(await renderApplicationList(rows, { filtersDescription: "", generatedAt }));
    const cell = sheet.getCell("B4");
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(rows[1]?.title);
  });

  it("writes only the chosen columns, in the chosen order", async () => {
    const sheet = await readBack(
      await renderApplicationList(rows, {
        filtersDescription: "状态：已提交",
        columns: ["title", "requestedFen", "applicationNo"],
        generatedAt,
      }),
    );
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([
      "项目名称",
      "申请财政资金（元）",
      "申报编号",
    ]);
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual([
      rows[0]?.title,
      3_560_500,
      "LY-2025-ZD-000123",
    ]);
    expect(sheet.autoFilter).toEqual("A2:C4");
  });

  it("writes a header and an empty filter range for no rows", async () => {
    const sheet = await readBack(
      await renderApplicationList([], { filtersDescription: "状态：已立项", generatedAt }),
    );
    expect(sheet.getCell("A1").value).toContain("共 0 条");
    expect(sheet.getCell("A2").value).toBe("申报编号");
    expect(sheet.rowCount).toBe(2);
  });
});
