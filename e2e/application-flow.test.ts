import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { makeResidentId, makeUscc } from "@luoshu/domain";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fillApplication } from "./flow-fill.ts";
import { beijing, pick, shot, signIn, tick, typeDate, waitText } from "./flow-helpers.ts";
import { launchBrowser, pageOptions, screenshotsDir, startServer } from "./server.ts";

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let scanPath: string;
const day = 24 * 3600 * 1000;
const guideTitle = "2026年度洛阳市软科学研究计划（第二批）申报指南";
const projectTitle = "洛阳都市圈科技创新协同机制研究";
let applicationPath = "";

beforeAll(async () => {
  fs.mkdirSync(screenshotsDir, { recursive: true });
  // the signed commitment letter, as a scanner would save it: a minimal one-page PDF
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "luoshu-flow-"));
  scanPath = path.join(dir, "承诺书-签字盖章.pdf");
  fs.writeFileSync(
    scanPath,
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
      "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  );
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function statusIs(page: Page, text: string | RegExp) {
  await waitText(page, "application-status", text);
}

/** Opens the first application of the list (a fresh database holds one per unit here). */
async function openApplication(page: Page, listUrl = "/applications") {
  await page.goto(`${server.url}${listUrl}`);
  await page.getByTestId("applications-table").waitFor();
  const link = page.locator("[data-testid^='application-link-']").first();
  await link.waitFor();
  await link.click();
  await page.getByTestId("page-application").waitFor();
}

describe("a competitive application from guide to formal check", () => {
  it("shows the public notice board without login and takes a technology need", async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, ...pageOptions });
    await page.goto(`${server.url}/login`);
    await page.getByTestId("login-public").click();
    await page.getByTestId("page-public").waitFor();
    // a visitor starts on the first city the server lists; the need goes to Luoyang's officer below
    await page.getByTestId("public-city").getByText("洛阳市").click();
    await page.waitForURL(/[?&]city=luoyang\b/);
    await page.locator("[data-testid^='public-calls-']").first().waitFor();
    // the board re-renders once the chosen city's guides arrive: wait for them, not the previous city's
    await expect.poll(() => page.getByTestId("page-public").innerText()).toContain("申报中");
    await page.getByTestId("public-need-title").fill("轴承数字孪生运维平台关键技术");
    await page.getByTestId("public-need-field").fill("高端装备");
    await page
      .getByTestId("public-need-problem")
      .fill("大型轴承服役状态在线监测与寿命预测精度不足，需要数字孪生建模方法。");
    await page.getByTestId("public-need-cofunding").fill("200000");
    await page.getByTestId("public-need-name").fill("洛阳示范轴承科技有限公司");
    await page.getByTestId("public-need-contact").fill("0379-6000 0000");
    await shot(page, "01-public-board");
    await page.getByTestId("public-need-submit").click();
    await page.getByTestId("public-need-done").waitFor();
    await page.locator("[data-testid^='public-guide-link-']").first().click();
    await page.getByTestId("page-public-guide").waitFor();
    await page.getByTestId("guide-view").waitFor();
    await shot(page, "02-public-guide");
    await page.close();
  });

  it("lets the officer triage the need, draft a guide and submit it for review", async () => {
    const page = await signIn(browser, server.url, "ly-officer");
    const menu = await page
      .locator("[data-testid^='menu-']")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")));
    expect(menu).toEqual(expect.arrayContaining(["menu-guides", "menu-needs", "menu-applications"]));
    await page.getByTestId("menu-needs").click();
    await page.getByTestId("needs-table").waitFor();
    await page.locator("[data-testid^='need-triage-']").first().waitFor();
    await shot(page, "03-needs");
    await page.locator("[data-testid^='need-triage-']").first().click();
    await page.getByTestId("triage-submit").click();
    await expect.poll(() => page.locator("[data-testid^='need-triage-']").count()).toBe(0);

    await page.getByTestId("menu-guides").click();
    await page.getByTestId("guides-table").waitFor();
    await page.getByTestId("guide-create").click();
    await page.getByTestId("guide-form").waitFor();
    await page.getByTestId("guide-title").fill(guideTitle);
    await pick(page, "guide-program", "软科学项目");
    await page.getByTestId("guide-max-amount").fill("30000");
    await page.getByTestId("guide-quota").fill("5");
    await page.getByTestId("guide-summary").fill("围绕都市圈协同创新、科技政策评估开展软科学研究。");
    await pick(page, "guide-needs", "轴承数字孪生");
    await page.getByTestId("guide-direction-title-0").fill("都市圈协同创新机制研究");
    await page.getByTestId("guide-direction-desc-0").fill("研究洛阳都市圈创新资源共享与协同机制。");
    await page.getByTestId("guide-attachments-add").click();
    await page.getByTestId("guide-attachment-name-0").fill("研究方案（PDF）");
    await typeDate(page, "guide-call-opens-0", beijing(new Date(Date.now() - day)));
    await typeDate(page, "guide-call-closes-0", beijing(new Date(Date.now() + 30 * day)));
    await shot(page, "04-guide-draft-form");
    await page.getByTestId("guide-save").click();
    await waitText(page, "guide-status", "草稿");
    await page.getByTestId("guide-event-submitForReview").click();
    await page.getByTestId("guide-event-submitForReview-confirm").click();
    await waitText(page, "guide-status", "内部审核中");
    await shot(page, "05-guide-in-review");
    await page.close();
  });

  it("lets the finance bureau co-issue the pre-funded guide (LY-FUNDS §12)", async () => {
    const page = await signIn(browser, server.url, "ly-finance");
    await page.getByTestId("menu-guides").click();
    await page.getByTestId("guides-table").waitFor();
    await page.getByRole("link", { name: guideTitle }).click();
    await page.getByTestId("guide-co-issue").waitFor();
    await page.getByTestId("guide-event-coIssue").click();
    await page.getByTestId("guide-event-coIssue-confirm").click();
    await waitText(page, "guide-co-issue", "市财政局已会同发布");
    await shot(page, "05b-guide-co-issued");
    await page.close();
  });

  it("lets the leader publish the guide", async () => {
    const page = await signIn(browser, server.url, "ly-leader");
    await page.getByTestId("task-guidesToPublish").click();
    await page.getByTestId("guides-table").waitFor();
    await page.getByRole("link", { name: guideTitle }).click();
    await page.getByTestId("guide-event-publish").click();
    await page.getByTestId("guide-event-publish-confirm").click();
    await waitText(page, "guide-status", "已发布");
    await shot(page, "06-guide-published");
    await page.close();
  });
});

describe("the applicant's side", () => {
  it("lets the PI start an application in the new call and fill every section", async () => {
    const page = await signIn(browser, server.url, "ly-pi");
    await page.getByTestId("menu-guides").click();
    await page.getByRole("link", { name: guideTitle }).click();
    await page.getByTestId("guide-view").waitFor();
    await page.locator("[data-testid^='call-apply-']").first().click();
    await page.getByTestId("application-create-title").fill(projectTitle);
    await shot(page, "07-pi-new-application");
    await page.getByTestId("application-create-submit").click();
    await page.getByTestId("application-form").waitFor();
    applicationPath = new URL(page.url()).pathname;

    // a mistyped check character: the draft still saves, and the problem shows on the field
    const idNumber = makeResidentId("41030519900312123");
    const mistyped = idNumber.slice(0, 17) + (idNumber.endsWith("1") ? "2" : "1");
    await fillApplication(page, { idNumber: mistyped, partnerUscc: makeUscc("12410300MB1LY0003") });
    await page.getByTestId("application-save").click();
    await page.getByTestId("save-problems").waitFor();
    expect(await page.getByTestId("problem-team.0.idNumber").innerText()).toMatch(/校验码/);
    await shot(page, "08-pi-id-problem");
    await page.getByTestId("team-id-0").fill(idNumber);
    // the draft saves itself a few seconds after the last change
    await waitText(page, "autosave-status", "有未保存的修改");
    await waitText(page, "autosave-status", "已自动保存");
    // the autosave leaves the typing alone but shows what the server learnt of the ID number
    await waitText(page, "team-id-facts-0", / 有效/);
    await page.getByTestId("application-save").click();
    await page.getByTestId("save-problems").waitFor({ state: "detached" });
    await waitText(page, "team-id-facts-0", / 有效/);
    expect(await page.getByTestId("save-problems").count()).toBe(0);
    await shot(page, "08-pi-application-saved");

    await page.getByTestId("tab-commitment").click();
    for (const testId of ["application-pdf", "commitment-letter"]) {
      const href = (await page.getByTestId(testId).getAttribute("href")) ?? "";
      const pdf = await page.request.get(`${server.url}${href}`);
      expect(pdf.headers()["content-type"]).toContain("application/pdf");
    }
    await page.getByTestId("commitment-confirm-pi").click();
    await waitText(page, "commitment-pi-status", "已确认");
    await shot(page, "09-pi-commitment");
    await page.close();
  });

  it("lets the unit admin confirm for the legal representative and upload the signed scan", async () => {
    const page = await signIn(browser, server.url, "ly-unit");
    await page.getByTestId("task-myDrafts").click();
    await openApplication(page);
    // a refused submission lists what is missing, and is judged again after each save
    await page.getByTestId("application-submit").click();
    await page.getByTestId("application-submit-confirm").click();
    await page.getByTestId("submit-violations").getByTestId("violation-SUBMIT_COMMITMENT_MISSING").waitFor();
    await page.getByTestId("tab-commitment").click();
    await page.getByTestId("commitment-confirm-unit").click();
    await waitText(page, "commitment-unit-status", "已确认");
    await page
      .getByTestId("attachment-upload-commitmentScan")
      .locator("input[type=file]")
      .setInputFiles(scanPath);
    await waitText(page, "attachment-file-commitmentScan", "承诺书-签字盖章.pdf");
    await page.getByTestId("application-save").click();
    await page.getByTestId("submit-violations").waitFor({ state: "detached" });
    await shot(page, "10-unit-commitment-scan");
    await page.close();
  });

  it("lets the PI submit", async () => {
    const page = await signIn(browser, server.url, "ly-pi");
    await page.goto(`${server.url}${applicationPath}`);
    await page.getByTestId("application-form").waitFor();
    await page.getByTestId("application-submit").click();
    await page.getByTestId("application-submit-confirm").click();
    await statusIs(page, "待县区初审");
    await shot(page, "11-pi-submitted");
    await page.close();
  });
});

describe("the reviews", () => {
  it("lets the district officer recommend it from the inbox", async () => {
    const page = await signIn(browser, server.url, "ly-district");
    await shot(page, "12-district-workspace");
    await page.getByTestId("task-districtReview").click();
    await page.getByTestId("applications-table").waitFor();
    expect(new URL(page.url()).search).toContain("status=submitted");
    // the export carries the same filters as the list
    const exportHref = (await page.getByTestId("applications-export").getAttribute("href")) ?? "";
    expect(exportHref).toContain("status=submitted");
    const xlsx = await page.request.get(`${server.url}${exportHref}`);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
    await shot(page, "13-district-list");
    await page.locator("[data-testid^='application-link-']").first().click();
    await page.getByTestId("review-panel").waitFor();
    // nothing is decided before the officer chooses, and the button says so
    expect(await page.getByTestId("review-decision-recommend").isChecked()).toBe(false);
    await waitText(page, "review-blocked", "请先选择审核结论");
    await page.getByTestId("review-decision-recommend").click();
    await page.getByTestId("review-rank").fill("1");
    await page.getByTestId("review-reason").fill("选题符合本区产业方向，同意推荐。");
    await shot(page, "14-district-review");
    await page.getByTestId("review-submit").click();
    await page.getByTestId("review-confirm").waitFor();
    expect(await page.locator(".ant-modal-confirm").innerText()).toContain("推荐后将进入市科技局形式审查");
    await page.getByTestId("review-confirm").click();
    await statusIs(page, "待形式审查");
    await shot(page, "15-district-recommended");
    await page.close();
  });

  it("lets the agency pass the formal check against the guide's checklist", async () => {
    const page = await signIn(browser, server.url, "ly-agency");
    // the recommendation reached the agency as a notification: the bell opens the application
    await page.getByTestId("notification-bell").click();
    await page.locator("[data-testid^='bell-item-']").filter({ hasText: "待形式审查" }).first().click();
    await page.getByTestId("formal-checklist").waitFor();
    await page.getByTestId("review-decision-formalPass").click();
    // a pass with unticked items is blocked, and the screen names them
    await waitText(page, "review-blocked", "尚未勾选");
    for (const code of ["complete", "commitment", "eligible"])
      await tick(page.getByTestId(`formal-item-${code}`));
    await shot(page, "16-agency-checklist");
    await page.getByTestId("review-submit").click();
    await page.getByTestId("review-confirm").click();
    await statusIs(page, "形式审查通过");
    await page.getByTestId("tab-history").click();
    await page.getByTestId("history-event-formalPass").waitFor();
    await shot(page, "17-agency-passed-history");
    await page.close();
  });

  it("lets the officer open the duplicate check (LY-FUNDS §17)", async () => {
    const page = await signIn(browser, server.url, "ly-officer");
    await page.goto(`${server.url}${applicationPath}`);
    await page.getByTestId("page-application").waitFor();
    await page.getByTestId("tab-duplicates").click();
    await page.getByTestId("duplicates-panel").waitFor();
    // The first query builds the index (segmentation dictionary load): wait for its answer.
    await page
      .locator("[data-testid='duplicate-none'], [data-testid^='duplicate-match-']")
      .first()
      .waitFor({ timeout: 60_000 });
    await shot(page, "duplicates");
    await page.close();
  });

  it("tells the PI on the workspace", async () => {
    const page = await signIn(browser, server.url, "ly-pi");
    await page.getByTestId("notifications").getByText("形式审查通过").first().waitFor();
    await shot(page, "18-pi-notifications");
    await page.close();
  });
});

describe("a refusal", () => {
  it("refuses the banned unit's submission and names the clause", async () => {
    const page = await signIn(browser, server.url, "ly-unit2");
    await page.getByTestId("menu-applications").click();
    await page.getByTestId("application-create").click();
    await pick(page, "application-create-call", guideTitle);
    await page.getByTestId("application-create-title").fill("受限单位的申报");
    await page.getByTestId("application-create-submit").click();
    await page.getByTestId("application-form").waitFor();
    await page.getByTestId("application-submit").click();
    await page.getByTestId("application-submit-confirm").click();
    const banned = page.getByTestId("violation-SUBMIT_UNIT_BANNED");
    await banned.waitFor();
    expect(await banned.innerText()).toMatch(/取消申报资格/);
    expect(await banned.getByTestId("clause").innerText()).toBe("LY-FUNDS §25");
    await shot(page, "19-unit2-refused");
    await page.close();
  });

  it("shows the officer the sanction behind it, and records a person's ban", async () => {
    const page = await signIn(browser, server.url, "ly-officer");
    await page.getByTestId("menu-integrity").click();
    await waitText(page, "integrity-table", "生效中 · 不得申报");
    await page.getByTestId("integrity-add").click();
    await tick(page.getByTestId("integrity-subject").getByLabel("个人"));
    await page.getByTestId("integrity-person-name").fill("钱七");
    const idNumber = makeResidentId("41030519800101003");
    // A wrong check character first: the server's reason shows on the field and nothing typed is lost.
    await page
      .getByTestId("integrity-id-number")
      .fill(idNumber.slice(0, 17) + (idNumber[17] === "1" ? "2" : "1"));
    await pick(page, "integrity-kind", "科研诚信黑名单");
    await typeDate(page, "integrity-from", "2026-01-01");
    await page.getByTestId("integrity-reason").fill("伪造研究数据");
    await page.getByTestId("integrity-clause").fill("LY-FUNDS §25");
    await page.getByTestId("integrity-form-submit").click();
    await page.getByTestId("integrity-form").getByText("身份证号码校验码不正确").first().waitFor();
    expect(await page.getByTestId("integrity-reason").inputValue()).toBe("伪造研究数据");
    await page.getByTestId("integrity-id-number").fill(idNumber);
    await page.getByTestId("integrity-form-submit").click();
    await waitText(page, "integrity-table", "钱七");
    await shot(page, "20-integrity-records");
    await page.close();
  });
});
