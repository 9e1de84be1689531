import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { settle } from "./a11y.ts";
import { localToday, serverClock, signInAs } from "./decision-helpers.ts";
import { beijing, confirmText, pick, record, tick, typeDate, waitText } from "./flow-helpers.ts";
import { pageOptions, serverAndBrowser } from "./server.ts";

// 揭榜挂帅 in both cities, in the browser (DT-RULES §15; LY-REFORM §三(三)2): the program officer
// drafts a challenge list for an enterprise's need and publishes it; anyone reads it on the public
// page without logging in; the city's unit bids; the officer records the negotiation and the
// preliminary agreement; after the deadline the officer shortlists the bid and puts the shortlist on
// public notice; after the notice the tripartite agreement is recorded and the bureau leader
// announces the award, which numbers the project; the unit is told and finds its project.
// Luoyang's public welfare program takes two steps of the city's decision besides: the city
// government approves the shortlist before its notice (LY-REFORM §三(二)1), and the finance bureau
// co-signs before the tripartite agreement (LY-FUNDS §12). Datong's key R&D takes neither.

const live = serverAndBrowser();
const day = 86_400_000;

/**
 * The server's clock runs ahead of the machine's once a walk has moved it, and stays moved for the
 * rest of the file: deadlines are set from the server's time, known from each move's answer.
 */
const { now: serverNow, advance } = serverClock(live);

const cities = {
  ly: {
    program: "公益科研项目",
    code: "GY",
    demandUnit: "洛阳新材智造股份有限公司",
    bidder: "洛阳示范轴承科技有限公司",
    title: "高端轴承服役状态智能监测技术攻关",
    agreement: "洛科揭〔2026〕1号",
    /** The city government's approval and the finance co-sign, each with its clause (null: not taken). */
    cityGovernment: { docNumber: "洛政文〔2026〕8号", clause: "LY-REFORM §三(二)1" },
    coSign: { clause: "LY-FUNDS §12" },
  },
  dt: {
    program: "重点研发计划",
    code: "YF",
    demandUnit: "大同氢能动力科技有限公司",
    bidder: "大同示范煤机装备有限公司",
    title: "氢燃料电池低温冷启动关键技术攻关",
    agreement: "同科揭〔2026〕1号",
    cityGovernment: null,
    coSign: null,
  },
} as const;

const shot = (page: Page, prefix: string, step: string) => record(page, `challenge-${prefix}-${step}`);

/** Opens the challenge page as `username`, signed in afresh (a clock jump idles the old session out). */
async function openChallenges(username: string): Promise<Page> {
  const page = await signInAs(live.browser, live.url, username);
  await page.getByTestId("menu-challenges").click();
  await page.getByTestId("page-challenges").waitFor();
  return page;
}

/** The text of the confirmation now open: the consequence it states, with its clause. */

/** A step that must wait: its button is there but disabled, and the reason is written out. */
async function expectBlocked(page: Page, id: string, action: string, reason: string) {
  await page.getByTestId(`challenge-${id}-${action}-blocked`).waitFor();
  expect(await page.getByTestId(`challenge-${id}-${action}`).isDisabled()).toBe(true);
  await waitText(page, `challenge-${id}-blocked`, reason);
}

/** Takes a step that asks first: the button, then the confirmation naming the act. */
async function step(page: Page, id: string, action: string, prefix: string, status: string) {
  await page.getByTestId(`challenge-${id}-${action}`).click();
  await page.getByTestId(`challenge-${action}-confirm`).waitFor();
  await shot(page, prefix, `${action}-confirm`);
  await page.getByTestId(`challenge-${action}-confirm`).click();
  await waitText(page, `challenge-${id}-status`, status);
}

async function challengeCity(prefix: "ly" | "dt") {
  const city = cities[prefix];
  const numberPattern = new RegExp(`^${prefix.toUpperCase()}-\\d{4}-${city.code}-\\d{3}$`);

  // 1. The officer drafts the challenge list: no program is preselected; bids close in three days.
  let officer = await openChallenges(`${prefix}-officer`);
  await officer.getByTestId("challenge-create").click();
  await pick(officer, "challenge-form-program", city.program);
  await officer.getByTestId("challenge-form-clause").waitFor();
  await officer.getByTestId("challenge-form-title").fill(city.title);
  await pick(officer, "challenge-form-demand-unit", city.demandUnit);
  await officer
    .getByTestId("challenge-form-requirements")
    .fill("面向需求单位生产线，研发服役状态在线监测与故障预警系统，实现关键部件全寿命周期管理。");
  await officer.getByTestId("challenge-form-indicators").fill("监测精度不低于95%，预警提前量不少于72小时。");
  await officer.getByTestId("challenge-form-targets").fill("形成示范应用1项，申请发明专利2项。");
  await officer.getByTestId("challenge-form-funding").fill("200");
  await officer.getByTestId("challenge-form-cofunding").fill("300");
  await typeDate(officer, "challenge-form-deadline", beijing(new Date(serverNow().getTime() + 3 * day)));
  await shot(officer, prefix, "form");
  await officer.getByTestId("challenge-form-submit").click();
  await officer.getByTestId("challenge-create-confirm").waitFor();
  await shot(officer, prefix, "create-confirm");
  await officer.getByTestId("challenge-create-confirm").click();
  const card = officer.locator('.ant-card[data-testid^="challenge-"]', { hasText: city.title });
  await card.waitFor();
  const id = ((await card.getAttribute("data-testid")) as string).slice("challenge-".length);
  await waitText(officer, `challenge-${id}-status`, "榜单拟订中");

  // 2. Published (张榜): public at once.
  await step(officer, id, "publish", prefix, "张榜中");
  await shot(officer, prefix, "published");
  await officer.close();

  const visitor = await live.browser.newPage({ viewport: { width: 1440, height: 900 }, ...pageOptions });
  await visitor.goto(`${live.url}/notices`);
  await waitText(visitor, `public-challenge-${id}`, city.title);
  const open = await visitor.getByTestId(`public-challenge-${id}`).innerText();
  for (const text of [city.demandUnit, "监测精度不低于95%", "形成示范应用1项", "200.00 万元", "300.00 万元"])
    expect(open).toContain(text);
  await shot(visitor, prefix, "public-open");

  // 3. The city's unit bids.
  const unit = await openChallenges(`${prefix}-unit`);
  await unit.getByTestId(`challenge-${id}-bid`).click();
  await unit.getByTestId("challenge-bid-form-leader").fill("周博");
  await unit
    .getByTestId("challenge-bid-form-approach")
    .fill("依托本单位轴承试验平台，采用振动与温度多源信号融合建模，分三阶段完成监测系统研制与示范。");
  await shot(unit, prefix, "bid-form");
  await unit.getByTestId("challenge-bid-form-submit").click();
  await unit.getByTestId("challenge-bid-confirm").waitFor();
  await shot(unit, prefix, "bid-confirm");
  await unit.getByTestId("challenge-bid-confirm").click();
  const bidStatus = unit
    .getByTestId(`challenge-${id}`)
    .locator(`[data-testid^="bid-"][data-testid$="-status"]`);
  await bidStatus.filter({ hasText: "已揭榜" }).waitFor();
  const bidId = ((await bidStatus.getAttribute("data-testid")) as string).slice(4, -"-status".length);
  expect(await unit.getByTestId(`challenge-${id}-bid`).count()).toBe(0); // once per unit
  await shot(unit, prefix, "bid-sent");
  await unit.close();

  // 4. The officer records the negotiation and the preliminary cooperation agreement.
  officer = await openChallenges(`${prefix}-officer`);
  await officer.getByTestId(`bid-${bidId}-negotiate`).click();
  await officer
    .getByTestId("negotiation-record")
    .fill("需求方与揭榜方就技术路线、里程碑和知识产权归属达成一致，签署初步合作协议。");
  await typeDate(officer, "negotiation-date", localToday());
  await shot(officer, prefix, "negotiation-form");
  await officer.getByTestId("negotiation-submit").click();
  await officer.getByTestId("challenge-recordNegotiation-confirm").click();
  await waitText(officer, `bid-${bidId}-status`, "已磋商");
  await shot(officer, prefix, "negotiated");
  await officer.close();

  // 5. After the deadline: the shortlist (nothing pre-checked), then its public notice.
  await advance(4);
  officer = await openChallenges(`${prefix}-officer`);
  await officer.getByTestId(`challenge-${id}-shortlist`).click();
  const box = officer.getByTestId(`shortlist-bid-${bidId}`);
  expect(await box.isChecked()).toBe(false);
  await settle(officer);
  await tick(box);
  await shot(officer, prefix, "shortlist-form");
  await officer.getByTestId("challenge-shortlist-submit").click();
  await officer.getByTestId("challenge-shortlist-confirm").waitFor();
  await shot(officer, prefix, "shortlist-confirm");
  await officer.getByTestId("challenge-shortlist-confirm").click();
  await waitText(officer, `challenge-${id}-status`, "已提出拟中榜名单");
  await waitText(officer, `bid-${bidId}-status`, "拟中榜");
  if (city.cityGovernment) {
    // Luoyang: the notice waits for the city government's approval (LY-REFORM §三(二)1).
    await waitText(officer, `challenge-${id}-cityGovernment`, "尚未录入");
    await waitText(officer, `challenge-${id}`, city.cityGovernment.clause);
    await expectBlocked(officer, id, "startNotice", "须先录入市政府批准");
    await shot(officer, prefix, "notice-waits-for-city");
    await officer.getByTestId(`challenge-${id}-recordCityGovernment`).click();
    await officer.getByTestId("cityGovernment-doc-number").waitFor();
    await settle(officer);
    await typeDate(officer, "cityGovernment-approved-on", localToday());
    await officer.getByTestId("cityGovernment-doc-number").fill(city.cityGovernment.docNumber);
    await shot(officer, prefix, "cityGovernment-form");
    await officer.getByTestId("challenge-recordCityGovernment-submit").click();
    await officer.getByTestId("challenge-recordCityGovernment-confirm").waitFor();
    const consequence = await confirmText(officer);
    expect(consequence).toContain("录入后方可公示拟中榜名单");
    expect(consequence).toContain(city.cityGovernment.clause);
    expect(consequence).toContain(city.cityGovernment.docNumber);
    await shot(officer, prefix, "cityGovernment-confirm");
    await officer.getByTestId("challenge-recordCityGovernment-confirm").click();
    await waitText(officer, `challenge-${id}-status`, "市政府已批准");
    await waitText(officer, `challenge-${id}-cityGovernment`, city.cityGovernment.docNumber);
    await shot(officer, prefix, "city-approved");
  } else {
    // Datong: neither step is taken, nor offered, nor shown.
    expect(await officer.getByTestId(`challenge-${id}-recordCityGovernment`).count()).toBe(0);
    expect(await officer.getByTestId(`challenge-${id}-cityGovernment`).count()).toBe(0);
    expect(await officer.getByTestId(`challenge-${id}-coSigned`).count()).toBe(0);
    expect(await officer.getByTestId(`challenge-${id}-startNotice-blocked`).count()).toBe(0);
  }
  await step(officer, id, "startNotice", prefix, "拟中榜名单公示中");
  await shot(officer, prefix, "notice-started");
  await officer.close();

  await visitor.reload();
  await waitText(visitor, `public-challenge-${id}-shortlist`, city.bidder);
  await shot(visitor, prefix, "public-shortlist");

  // 6. After the notice: closed, (Luoyang) co-signed by finance, the tripartite agreement recorded.
  await advance(14);
  officer = await openChallenges(`${prefix}-officer`);
  await step(officer, id, "closeNotice", prefix, "公示结束");
  if (city.coSign) {
    // the agreement waits for the finance bureau's co-sign (LY-FUNDS §12)
    await waitText(officer, `challenge-${id}-coSigned`, "尚未会签");
    await waitText(officer, `challenge-${id}`, city.coSign.clause);
    await expectBlocked(officer, id, "recordAgreement", "须先经市财政局会签");
    await shot(officer, prefix, "agreement-waits-for-cosign");
    await officer.close();

    // ly-finance finds it on the workspace tile, which opens the challenges waiting for it.
    const finance = await signInAs(live.browser, live.url, `${prefix}-finance`);
    await waitText(finance, "task-challengesWaiting", "1");
    await shot(finance, prefix, "finance-workspace");
    await finance.getByTestId("task-challengesWaiting").click();
    await finance.getByTestId("page-challenges").waitFor();
    expect(await finance.getByTestId("challenges-mine").getAttribute("aria-checked")).toBe("true");
    await finance.getByTestId(`challenge-${id}-coSign`).click();
    await finance.getByTestId("challenge-coSign-confirm").waitFor();
    const consequence = await confirmText(finance);
    expect(consequence).toContain("方可签订三方协议");
    expect(consequence).toContain(city.coSign.clause);
    await shot(finance, prefix, "coSign-confirm");
    await finance.getByTestId("challenge-coSign-confirm").click();
    // nothing waits for finance any more; the whole list shows the co-sign
    await waitText(finance, "challenges-empty", "没有等待您处理的榜单");
    await finance.getByTestId("challenges-mine").click();
    await waitText(finance, `challenge-${id}-status`, "财政已会签");
    await waitText(finance, `challenge-${id}-coSigned`, `${prefix}-finance`);
    await shot(finance, prefix, "cosigned");
    await finance.close();
    officer = await openChallenges(`${prefix}-officer`);
  } else {
    expect(await officer.getByTestId(`challenge-${id}-recordAgreement-blocked`).count()).toBe(0);
    await officer.close();
    // Datong's finance bureau has no co-sign here: nothing waits for it, and no button.
    const finance = await openChallenges(`${prefix}-finance`);
    await finance.getByTestId(`challenge-${id}-status`).waitFor();
    expect(await finance.getByTestId(`challenge-${id}-coSign`).count()).toBe(0);
    await finance.getByTestId("challenges-mine").click();
    await finance.getByTestId("challenges-empty").waitFor();
    await finance.close();
    officer = await openChallenges(`${prefix}-officer`);
  }
  await officer.getByTestId(`challenge-${id}-recordAgreement`).click();
  await officer.getByTestId("agreement-doc-number").waitFor();
  await settle(officer);
  await typeDate(officer, "agreement-signed-on", localToday());
  await officer.getByTestId("agreement-doc-number").fill(city.agreement);
  await shot(officer, prefix, "agreement-form");
  await officer.getByTestId("challenge-recordAgreement-submit").click();
  await officer.getByTestId("challenge-recordAgreement-confirm").click();
  await waitText(officer, `challenge-${id}-status`, "已签订三方协议");
  await waitText(officer, `challenge-${id}`, city.agreement);
  await officer.close();

  // 7. The bureau leader announces the award: the bid gets its project number.
  const leader = await openChallenges(`${prefix}-leader`);
  await step(leader, id, "announce", prefix, "已发布中榜公告");
  const number = (await leader.getByTestId(`bid-${bidId}-number`).innerText()).trim();
  expect(number).toMatch(numberPattern);
  await shot(leader, prefix, "announced");
  await leader.close();

  await visitor.reload();
  await waitText(visitor, `public-challenge-${id}-shortlist`, number);
  await shot(visitor, prefix, "public-award");
  await visitor.close();

  // 8. The unit is told, and finds its project.
  const winner = await signInAs(live.browser, live.url, `${prefix}-unit`);
  await waitText(winner, "notifications", `“${city.title}”揭榜成功`);
  await shot(winner, prefix, "unit-notified");
  await winner.goto(`${live.url}/projects`);
  await winner.getByTestId("page-projects").waitFor();
  await waitText(winner, "projects-table", number);
  await waitText(winner, "projects-table", city.title);
  await shot(winner, prefix, "unit-projects");
  await winner.close();
}

describe("open challenge from the list to a numbered project", () => {
  it("in Luoyang: public welfare (LY-REFORM §三(三)2)", async () => {
    await challengeCity("ly");
  }, 400_000);
  it("in Datong: key R&D (DT-RULES §15)", async () => {
    await challengeCity("dt");
  }, 400_000);
});
