import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { makeResidentId } from "@luoshu/domain";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { shot, signIn, waitText } from "./flow-helpers.ts";
import { serverAndBrowser } from "./server.ts";

const live = serverAndBrowser();

/** The downloaded template with its example row replaced by these rows, written to a file to upload. */
async function filledIn(template: string, rows: Record<string, string>[], name: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(template);
  const sheet = book.getWorksheet("专家");
  if (!sheet) throw new Error("the template has no sheet 专家");
  const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? "").replace("*", ""));
  const uscc = String(sheet.getRow(2).getCell(4).value);
  sheet.spliceRows(2, 1);
  for (const r of rows)
    sheet.addRow(headers.map((h) => (h === "所在单位统一社会信用代码" ? uscc : (r[h] ?? ""))));
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "luoshu-experts-")), name);
  await book.xlsx.writeFile(file);
  return file;
}

const expert = (n: number, over: Record<string, string> = {}) => ({
  用户名: `e2e-expert-${n}`,
  姓名: `测试专家${n}`,
  身份证号: makeResidentId(`41031119780202${String(600 + n)}`),
  学科代码: "52020；46020",
  职称: "教授",
  研究方向关键词: "数字孪生；故障诊断",
  可评审时段: "2026-03-01~2026-12-31",
  ...over,
});

describe("the bureau keeps the expert pool", () => {
  it("imports a template with one bad row fixed, then suspends an expert with a reason", async () => {
    const page = await signIn(live.browser, live.url, "ly-officer");
    await page.goto(`${live.url}/experts`);
    await page.getByTestId("experts-table").locator("tbody tr.ant-table-row").first().waitFor();
    await shot(page, "experts-list");

    await page.getByTestId("experts-import").click();
    await waitText(page, "expert-import-why", "请先上传");
    expect(await page.getByTestId("expert-import-commit").isDisabled()).toBe(true);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("expert-import-template").click(),
    ]);
    const template = await download.path();

    const bad = makeResidentId("41031119780202602").replace(/.$/, (c) => (c === "0" ? "1" : "0"));
    const badFile = await filledIn(template, [expert(1), expert(2, { 身份证号: bad })], "专家-有错.xlsx");
    await page.getByTestId("expert-import-upload").locator("input[type=file]").setInputFiles(badFile);
    const problems = page.getByTestId("expert-import-problems");
    await problems.locator("tbody tr.ant-table-row", { hasText: "身份证号" }).waitFor();
    const row = await problems.locator("tbody tr.ant-table-row", { hasText: "身份证号" }).innerText();
    expect(row).toContain("3");
    expect(row).toContain("校验码");
    expect(await page.getByTestId("expert-import-commit").isDisabled()).toBe(true);
    await waitText(page, "expert-import-why", "1 处错误");
    await shot(page, "experts-import-bad-row");

    const goodFile = await filledIn(template, [expert(1), expert(2)], "专家.xlsx");
    await page.getByTestId("expert-import-upload").locator("input[type=file]").setInputFiles(goodFile);
    await waitText(page, "expert-import-clean", "全部通过检查");
    await page.getByTestId("expert-import-commit").click();
    await page.getByTestId("expert-import-commit-confirm").click();
    await waitText(page, "expert-import-done", "已导入 2 名专家");
    await shot(page, "experts-import-done");
    await page.getByTestId("expert-import-close").click();

    const search = page.getByTestId("experts-search").locator("xpath=descendant-or-self::input").first();
    await search.fill("e2e-expert-2");
    await search.press("Enter");
    await page.getByTestId("expert-open-e2e-expert-2").click();
    await waitText(page, "expert-drawer-status", "在库");
    await page.getByTestId("expert-suspension").click();
    await waitText(page, "expert-suspension-consequence", "任何评审分配都不会再选中该专家");
    await page.getByTestId("expert-suspension-reason").fill("与本批次申报单位存在合作关系，暂停本年度评审");
    await shot(page, "experts-suspend-confirm");
    await page.getByTestId("expert-suspension-confirm").click();
    await waitText(page, "expert-drawer-status", "已暂停");
    await shot(page, "experts-suspended");
  });

  it("lets an expert keep their own keywords", async () => {
    const page = await signIn(live.browser, live.url, "ly-expert");
    await page.goto(`${live.url}/my-expert`);
    await page.getByTestId("my-expert-keywords").waitFor();
    await page.getByTestId("my-expert-keywords").fill("智能制造、数字孪生");
    await page.getByTestId("my-expert-save").click();
    await page.locator(".ant-message-notice", { hasText: "已保存" }).waitFor();
    await shot(page, "my-expert");
  });
});
