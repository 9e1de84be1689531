import { drawSize } from "@luoshu/domain";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { ok } from "../packages/server/src/db/seed/demo-review.ts";
import { settle } from "./a11y.ts";
import { apiSessions, signInAs } from "./decision-helpers.ts";
import { pick, record, tick, waitText } from "./flow-helpers.ts";
import { pageOptions, serverAndBrowser } from "./server.ts";

// 随机抽查 (LY-PLAN §七(四), Luoyang; the 10 % rate and the calendar-year cycle are city settings), in
// the browser: the demo walk leaves a Luoyang project in execution; the program officer draws this
// cycle's projects (the confirmation says how many of how many, and that the seed and lists go
// public), is refused a second inspection of a drawn project with the clause, and records the spot
// check's result; the finance officer sees it; an anonymous visitor draws again in the browser on
// the public page and gets the same projects. Datong's documents set no spot checks.

const live = serverAndBrowser({ demoReview: true });

// The demo walk signs its people in through the login route, from this machine's address, just
// before the server listens: that minute's window (30 sign-ins) may be full, so the first browser
// sign-in waits for the next one.
beforeAll(() => new Promise((r) => setTimeout(r, 60_000 - (Date.now() % 60_000) + 500)), 70_000);

const findings = "设备费支出缺少验收单据，已要求承担单位限期整改并补充材料。";
const shot = (page: Page, step: string) => record(page, `supervision-${step}`);

async function open(username: string, menu: string, pageId: string): Promise<Page> {
  const page = await signInAs(live.browser, live.url, username);
  await page.getByTestId(`menu-${menu}`).click();
  await page.getByTestId(pageId).waitFor();
  return page;
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

/** The texts of a draw card's number tags. */
const numbersOf = async (page: Page, testId: string) =>
  (await page.getByTestId(testId).locator(".ant-tag").allTextContents()).map((s) => s.trim());

describe("spot checks", () => {
  it("in Luoyang: the officer draws, records the result, finance sees it, anyone draws again (LY-PLAN §七(四))", async () => {
    // 1. The rules with their clause and the city's settings, and this cycle's eligible projects.
    const officer = await open("ly-officer", "supervision", "page-supervision");
    await waitText(officer, "supervision-rule", "LY-PLAN §七(四)");
    await waitText(officer, "supervision-rate", "10%");
    await officer.getByTestId("supervision-rate").getByTestId("setting-city").waitFor();
    await officer.getByTestId("supervision-cycle").getByTestId("setting-city").waitFor();
    await waitText(officer, "supervision-once", "LY-PLAN §七(四)");
    await officer.getByTestId("supervision-no-draws").waitFor();
    const eligible = Number(
      /^(\d+) 个/.exec((await officer.getByTestId("supervision-eligible").textContent()) ?? "")?.[1],
    );
    expect(eligible, "the demo walk leaves a Luoyang project in execution").toBeGreaterThanOrEqual(1);
    const k = drawSize(eligible, 10);
    await shot(officer, "rules");

    // 2. The draw, with its consequence stated first.
    await officer.getByTestId("supervision-draw").click();
    await officer.getByTestId("supervision-draw-confirm").waitFor();
    await officer
      .getByText(`将按 10% 从 ${eligible} 个执行中项目抽取 ${k} 个，种子与名单将公开，本周期不能再次抽取`)
      .waitFor();
    await shot(officer, "draw-confirm");
    await officer.getByTestId("supervision-draw-confirm").click();
    await officer.getByTestId("supervision-draw-confirm").waitFor({ state: "detached" });
    const card = officer.locator('.ant-card[data-testid^="draw-luoyang-"]').first();
    await card.waitFor();
    const id = (await card.getAttribute("data-testid")) as string;
    const seed = ((await officer.getByTestId(`${id}-seed`).textContent()) ?? "").trim();
    expect(seed).toMatch(/^\d+$/);
    const drawn = await numbersOf(officer, `${id}-drawn`);
    expect(drawn).toHaveLength(k);
    expect(await numbersOf(officer, `${id}-eligible`)).toHaveLength(eligible);
    // drawn once this cycle: the button is gone; each drawn project has its spot check
    expect(await officer.getByTestId("supervision-draw").count()).toBe(0);
    const number = drawn[0] as string;
    const cycle = id.slice("draw-luoyang-".length);
    const row = officer.getByTestId(`inspection-row-${cycle}-${number}`);
    await row.getByText("随机抽查").waitFor();
    await row.getByText("待登记结果").waitFor();
    await shot(officer, "drawn");

    // 3. A drawn project takes no other inspection this cycle: the refusal names the clause.
    await officer.getByTestId("inspection-create").click();
    await officer.getByTestId("inspection-submit").waitFor();
    await settle(officer);
    expect(await officer.getByTestId("inspection-kind").getByLabel("审计").isChecked()).toBe(true);
    await pick(officer, "inspection-project", number);
    // the page says so at once; the server, which decides, refuses it with the clause
    await waitText(officer, "inspection-already", "LY-PLAN §七(四)");
    await submitAndConfirm(officer, "inspection-submit", "inspection-confirm", "audit");
    const refusal = officer.locator(".ant-modal").getByTestId("error-alert");
    await refusal.filter({ hasText: "本周期已接受过检查" }).waitFor();
    await refusal.getByTestId("clause").filter({ hasText: "LY-PLAN §七(四)" }).waitFor();
    await shot(officer, "once-per-cycle");
    await officer.getByRole("button", { name: /取\s*消/ }).click();
    await officer.getByTestId("inspection-submit").waitFor({ state: "detached" });

    // 4. The officer records the spot check's result; nothing is chosen beforehand.
    await row.locator('[data-testid$="-record"]').click();
    await officer.getByTestId("inspection-result-submit").waitFor();
    await settle(officer);
    const choice = officer.getByTestId("inspection-result");
    expect(await choice.getByLabel("未发现问题").isChecked()).toBe(false);
    expect(await choice.getByLabel("发现问题", { exact: true }).isChecked()).toBe(false);
    await tick(choice.getByLabel("发现问题", { exact: true }));
    await officer.getByTestId("inspection-findings").fill(findings);
    await submitAndConfirm(officer, "inspection-result-submit", "inspection-result-confirm", "result");
    await row.getByText(findings).waitFor();
    await row.locator(".ant-tag", { hasText: /^发现问题$/ }).waitFor();
    expect(await row.locator('[data-testid$="-record"]').count()).toBe(0);
    await shot(officer, "resulted");
    await officer.close();

    // 5. The finance officer sees the shared result, and may neither draw nor record it.
    const finance = await open("ly-finance", "supervision", "page-supervision");
    const seen = finance.getByTestId(`inspection-row-${cycle}-${number}`);
    await seen.getByText(findings).waitFor();
    await seen.getByText("市科技局").waitFor();
    expect(await seen.locator('[data-testid$="-record"]').count()).toBe(0);
    expect(await finance.getByTestId("supervision-draw").count()).toBe(0);
    await finance.getByTestId("inspection-create").waitFor();
    await shot(finance, "finance");
    await finance.close();

    // 6. Anyone, without signing in, draws again in the browser from the public board.
    const visitor = await live.browser.newPage({ viewport: { width: 1440, height: 900 }, ...pageOptions });
    await visitor.goto(`${live.url}/public`);
    await visitor.getByTestId("public-nav-spot-checks").click();
    await visitor.getByTestId("page-public-spot-checks").waitFor();
    await waitText(visitor, `${id}-seed`, seed);
    await waitText(visitor, `${id}-algorithm`, "mulberry32");
    expect(await numbersOf(visitor, `${id}-drawn`)).toEqual(drawn);
    await visitor.getByTestId(`${id}-verify`).click();
    await waitText(visitor, `${id}-verdict`, "✓ 一致");
    expect(await numbersOf(visitor, `${id}-again`)).toEqual(drawn);
    await shot(visitor, "public-verified");
    await visitor.close();
  }, 240_000);

  it("in Datong: no menu entry, and the page says the documents set no spot checks", async () => {
    const datong = await signInAs(live.browser, live.url, "dt-officer");
    expect(await datong.getByTestId("menu-supervision").count()).toBe(0);
    await datong.goto(`${live.url}/supervision`);
    await waitText(datong, "supervision-not-applicable", "未规定随机抽查");
    expect(await datong.getByTestId("supervision-draw").count()).toBe(0);
    await shot(datong, "datong");
    await datong.close();
  }, 120_000);

  it("the unit applies to terminate; the officer finds it from the workspace tile (/project-closures)", async () => {
    const api = apiSessions(live.url);
    const unitApi = await api.as("ly-unit");
    const project = (await ok(unitApi, "GET", "/api/projects")).items[0] as { id: string; number: string };
    await ok(unitApi, "POST", `/api/projects/${project.id}/termination`, {
      ground: "infeasibleRoute",
      reason: "台架试验表明现有滚道设计技术路线无法达到寿命指标，项目无法继续实施。",
      spentFen: 12_345_600,
    });
    await api.dispose();

    const officer = await signInAs(live.browser, live.url, "ly-officer");
    await waitText(officer, "task-closuresWaiting", /待审定的终止申请\s*1/);
    await officer.getByTestId("task-closuresWaiting").click();
    await officer.getByTestId("page-project-closures").waitFor();
    const row = officer.getByTestId("closures-waiting").locator("tr", { hasText: project.number });
    await row.getByText("技术路线不可行").waitFor();
    await row.getByText("¥123,456.00").waitFor();
    await row.getByText("台架试验表明").waitFor();
    await shot(officer, "closures-waiting");
    await officer.getByTestId(`closure-waiting-${project.id}`).click();
    await officer.getByTestId("page-project").waitFor();
    await officer.close();
    // the unit may not open it
    const unit = await signInAs(live.browser, live.url, "ly-unit");
    await unit.goto(`${live.url}/project-closures`);
    await unit.getByTestId("page-forbidden").waitFor();
    await unit.close();
  }, 120_000);
});
