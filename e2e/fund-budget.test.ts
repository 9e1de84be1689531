import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { settle } from "./a11y.ts";
import { localToday, signInAs } from "./decision-helpers.ts";
import { pick, record, typeDate, waitText } from "./flow-helpers.ts";
import { serverAndBrowser } from "./server.ts";

// 基金推送 (LY-REFORM §二(三)) and 预算“两上两下” (LY-FUNDS §11) in Luoyang, in the browser: the program
// officer pushes the demo enterprise to the fund, the fund follows up and then invests, and the
// officer sees the outcome; the officer and finance take the coming budget year's four steps in turn,
// the draft with a performance target. Datong's documents name neither.

const live = serverAndBrowser();

const enterprise = "洛阳示范轴承科技有限公司";
const field = "高端装备制造（精密轴承）";
const shot = (page: Page, step: string) => record(page, `fund-budget-${step}`);

async function open(username: string, menu: string, pageId: string): Promise<Page> {
  const page = await signInAs(live.browser, live.url, username);
  await page.getByTestId(`menu-${menu}`).click();
  await page.getByTestId(pageId).waitFor();
  return page;
}

/** Chooses the first option of an AntD Select, opening it again when a click meets a closing dropdown. */
async function pickFirst(page: Page, testId: string) {
  const option = page
    .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option")
    .first();
  for (let attempt = 0; ; attempt++) {
    await settle(page);
    await page.getByTestId(testId).click();
    try {
      await option.waitFor({ timeout: 5000 });
      break;
    } catch (e) {
      if (attempt === 2) throw e;
    }
  }
  await option.click();
}

/** Submits the open form dialog, checks and takes its confirmation. */
async function submitAndConfirm(page: Page, submit: string, confirm: string, name: string) {
  await shot(page, `${name}-form`);
  await page.getByTestId(submit).click();
  await page.getByTestId(confirm).waitFor();
  await shot(page, `${name}-confirm`);
  await page.getByTestId(confirm).click();
  await page.getByTestId(confirm).waitFor({ state: "detached" });
}

describe("fund push and the budget's two up, two down", () => {
  it("in Luoyang: the officer pushes the enterprise, the fund follows up and invests (LY-REFORM §二(三))", async () => {
    // 1. The officer pushes the demo enterprise with its project.
    const officer = await open("ly-officer", "fund-pushes", "page-fund-pushes");
    await officer.getByTestId("fund-push-create").click();
    await officer.getByTestId("fund-push-submit").waitFor();
    await settle(officer);
    await pick(officer, "fund-form-unit", enterprise);
    await settle(officer);
    // the test server runs no demo walk, so the enterprise has no project yet: its key figures go alone
    await officer.getByText("该企业暂无立项项目").waitFor();
    await officer.getByTestId("fund-form-field").fill(field);
    await officer
      .getByTestId("fund-form-highlights")
      .fill(
        "2025 年营业收入 1.8 亿元，研发投入占比 6.2%，发明专利 14 项；拟融资 3000 万元扩建精密轴承产线。",
      );
    await submitAndConfirm(officer, "fund-push-submit", "fund-push-confirm", "push");
    const card = officer.locator('.ant-card[data-testid^="fund-push-"]', { hasText: field }).first();
    await card.waitFor();
    const id = ((await card.getAttribute("data-testid")) as string).slice("fund-push-".length);
    await waitText(officer, `fund-${id}-status`, "已推送，待基金决策");
    await waitText(officer, `fund-${id}-projects`, "未附项目");
    expect(await officer.getByTestId(`fund-${id}-invest`).count()).toBe(0);
    await shot(officer, "pushed");
    await officer.close();

    // 2. The fund finds it from its workspace tile and follows up, then invests.
    const fund = await signInAs(live.browser, live.url, "ly-fund");
    await waitText(fund, "task-fundPushesWaiting", /待决策的推送企业\s*1/);
    await fund.getByTestId("task-fundPushesWaiting").click();
    await fund.getByTestId("page-fund-pushes").waitFor();
    expect(fund.url()).toContain("mine=true");
    await fund.getByTestId(`fund-${id}-followUp`).click();
    await fund.getByTestId("fund-followUp-submit").waitFor();
    await settle(fund);
    await fund
      .getByTestId("fund-form-note")
      .fill("按公司章程，投资决策委员会要求先行尽职调查，了解产线扩建计划。");
    await submitAndConfirm(fund, "fund-followUp-submit", "fund-followUp-confirm", "follow-up");
    await waitText(fund, `fund-${id}-status`, "基金跟踪了解中");
    await fund.getByTestId(`fund-${id}-invest`).click();
    await fund.getByTestId("fund-invest-submit").waitFor();
    await settle(fund);
    await fund.getByTestId("fund-form-amount").fill("1500");
    await fund.getByTestId("fund-form-note").fill("经投资决策委员会审议，按公司章程决定投资。");
    await submitAndConfirm(fund, "fund-invest-submit", "fund-invest-confirm", "invest");
    // the push leaves the fund's waiting list
    await fund.getByTestId("fund-empty").waitFor();
    await shot(fund, "fund-done");
    await fund.close();

    // 3. The officer sees the outcome.
    const back = await open("ly-officer", "fund-pushes", "page-fund-pushes");
    await waitText(back, `fund-${id}-status`, "基金已决定投资");
    await waitText(back, `fund-${id}-amount`, "1,500");
    await waitText(back, `fund-${id}-decisions`, "跟踪了解");
    await shot(back, "outcome");
    await back.close();
  }, 180_000);

  it("in Luoyang: the coming year's budget in four steps (LY-FUNDS §11, §23)", async () => {
    const steps = [
      { user: "ly-officer", code: "firstUp", doc: "洛科财〔YEAR〕5号", amount: "6000" },
      { user: "ly-finance", code: "firstDown", doc: "洛财预〔YEAR〕8号", amount: "5000" },
      { user: "ly-officer", code: "secondUp", doc: "洛科财〔YEAR〕9号", amount: "4800" },
      { user: "ly-finance", code: "secondDown", doc: "洛财预〔YEAR〕12号", amount: "4800" },
    ];
    let year = 0;
    for (const s of steps) {
      const page = await open(s.user, "budget-cycles", "page-budget-cycles");
      const card = page.locator(".ant-card[data-testid^='cycle-']").first();
      await card.waitFor();
      year = Number(((await card.getAttribute("data-testid")) as string).slice("cycle-".length));
      await page.getByTestId(`cycle-${year}-record`).click();
      await page.getByTestId("cycle-step-submit").waitFor();
      await settle(page);
      await typeDate(page, "cycle-step-on", localToday());
      await page.getByTestId("cycle-step-doc").fill(s.doc.replace("YEAR", String(year - 1)));
      await page.getByTestId("cycle-step-amount").fill(s.amount);
      if (s.code === "secondUp") {
        await page.getByTestId("cycle-target-add").click();
        await pickFirst(page, "cycle-target-0-program");
        await page.getByTestId("cycle-target-0-indicator").fill("突破关键核心技术数量");
        await page.getByTestId("cycle-target-0-target").fill("≥ 10 项");
      }
      await submitAndConfirm(page, "cycle-step-submit", "cycle-step-confirm", s.code);
      await page.getByTestId(`cycle-${year}-${s.code}-record`).waitFor();
      if (s.code !== "secondDown") {
        // the next step is the other bureau's: the button says why it is not this user's
        await page.getByTestId(`cycle-${year}-record-blocked`).waitFor();
      }
      await page.close();
    }
    const page = await open("ly-officer", "budget-cycles", "page-budget-cycles");
    for (const s of steps) await page.getByTestId(`cycle-${year}-${s.code}-record`).waitFor();
    await waitText(page, `cycle-${year}-status`, "四步已办结");
    await waitText(page, `cycle-${year}-targets`, "突破关键核心技术数量");
    await waitText(page, `cycle-${year}-secondDown-record`, "4,800");
    await shot(page, "cycle-done");
    await page.close();
  }, 240_000);

  it("in Datong: no menu entries, and the pages say the documents name neither", async () => {
    const datong = await signInAs(live.browser, live.url, "dt-officer");
    expect(await datong.getByTestId("menu-fund-pushes").count()).toBe(0);
    expect(await datong.getByTestId("menu-budget-cycles").count()).toBe(0);
    await datong.goto(`${live.url}/fund-pushes`);
    await waitText(datong, "fund-not-applicable", "未规定基金推送");
    expect(await datong.getByTestId("fund-push-create").count()).toBe(0);
    await shot(datong, "datong-fund");
    await datong.goto(`${live.url}/budget/cycles`);
    await datong.getByTestId("cycle-not-applicable").waitFor();
    await shot(datong, "datong-cycles");
    await datong.close();
  }, 120_000);
});
