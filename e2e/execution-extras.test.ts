import { chinaDateOf } from "@luoshu/domain";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { ok } from "../packages/server/src/db/seed/demo-review.ts";
import { settle } from "./a11y.ts";
import { apiSessions, serverClock, signInAs } from "./decision-helpers.ts";
import { confirmText, password, pick, record, waitText } from "./flow-helpers.ts";
import { serverAndBrowser } from "./server.ts";

// 项目执行 in Luoyang, in the browser, past what execution.test.ts walks: the program officer edits a
// term of the task book template (任务书模板) and finds it saved after a reload; draws an independent
// research institute's task book into the lump-sum pilot (包干制试点, LY-FUNDS §13(一)), which an
// enterprise's project is not offered, and the task book states the pilot and carries the edited
// term; finance exports the 资金台账 as .xlsx and it opens as a workbook with the projects in it.
// The projects come through the API: two 重大科技创新专项 open challenges on one run of the clock, one
// won by the demo enterprise, the other by the demo institute, whose administrator's account the
// system administrator opens and the security administrator grants (the demo has none there).

const live = serverAndBrowser();
const day = 86_400_000;

const { now: serverNow, advance } = serverClock(live);

interface Project {
  id: string;
  number: string;
  title: string;
  unitName: string;
  amountFen: number;
  year: number;
}
type Winner = "institute" | "enterprise";
const projects = new Map<Winner, Project>();
const titles: Record<Winner, string> = {
  institute: "伊洛河流域旱作农业节水关键技术基础研究",
  enterprise: "高端数控机床主轴轴承精度保持技术攻关",
};
const instituteAdmin = "ly-institute";

/** The term the officer edits (the template's second, 专款专用 under LY-FUNDS §22) and its new text. */
const editedTerm =
  "乙方对项目资金实行单独核算、专款专用，每半年向甲方报送一次资金使用情况，接受甲方和市财政局的监督检查。";

/**
 * Through the API, on one run of the clock: finance sets the year's control number; the institute's
 * administrator gets an account; two challenges are published, each bid on by one unit and
 * negotiated; past the bid deadline the shortlists go on notice; past the notices both are awarded.
 */
beforeAll(async () => {
  const year = Number(chinaDateOf(serverNow()).slice(0, 4));
  const today = () => chinaDateOf(serverNow());
  let api = apiSessions(live.url);
  await ok(await api.as("ly-finance"), "PUT", `/api/budget/control-numbers/${year}`, {
    amountFen: 500_000_000,
    docNumber: `洛财预〔${year}〕8号`,
  });
  const lyOfficer = await api.as("ly-officer");
  const units = (await ok(lyOfficer, "GET", "/api/units?pageSize=200")).items as {
    id: string;
    kind: string;
  }[];
  const demand = units.find((u) => u.kind === "enterprise");
  const institute = units.find((u) => u.kind === "institute");
  if (!demand || !institute) throw new Error("no Luoyang demo enterprise or institute");

  // the institute's administrator: opened without a role, granted one, the password set at first login
  const account = await ok(await api.as("sysadmin"), "POST", "/api/users", {
    username: instituteAdmin,
    displayName: "研究院管理员 陈立",
    password,
    cityCode: "luoyang",
    unitId: institute.id,
  });
  await ok(await api.as("secadmin"), "PUT", `/api/users/${account.id}/roles`, { roles: ["unitAdmin"] });
  await ok(await api.as(instituteAdmin), "POST", "/api/auth/password", {
    currentPassword: password,
    newPassword: "Yiluo-Nongke-2026",
  });

  const challenges = new Map<Winner, { id: string; bidId: string }>();
  for (const winner of ["institute", "enterprise"] as const) {
    const challenge = await ok(lyOfficer, "POST", "/api/challenges", {
      program: "majorInnovation",
      title: titles[winner],
      requirements: "面向本市重点产业需求，攻克关键共性技术，完成试验验证并形成可推广的技术方案。",
      technicalIndicators: "关键性能指标达到国内先进水平，通过第三方检测。",
      performanceTargets: "形成技术方案 1 套，申请发明专利 2 项。",
      governmentFundingFen: 100_000_000,
      enterpriseCoFundingFen: 150_000_000,
      demandUnitId: demand.id,
      bidDeadline: new Date(serverNow().getTime() + 3 * day).toISOString(),
    });
    await ok(lyOfficer, "POST", `/api/challenges/${challenge.id}/events/publish`);
    const bidder = winner === "institute" ? instituteAdmin : "ly-unit";
    const bid = (
      await ok(await api.as(bidder), "POST", `/api/challenges/${challenge.id}/bids`, {
        leaderName: winner === "institute" ? "陈立" : "周博",
        approach: "以机理研究与试验验证为主线，联合需求企业完成关键技术攻关和示范应用。",
      })
    ).bids[0];
    await ok(lyOfficer, "POST", `/api/challenges/${challenge.id}/bids/${bid.id}/negotiation`, {
      record: "揭榜方与需求方就考核指标、验证方案和配套资金达成一致。",
      agreementSignedOn: today(),
    });
    challenges.set(winner, { id: challenge.id, bidId: bid.id });
  }
  await api.dispose();

  // past the bid deadline: each shortlist (with the city government's approval where asked) on notice
  await advance(4);
  api = apiSessions(live.url);
  const fire = async (winner: Winner, u: string, event: string, body: object = {}) =>
    ok(
      await api.as(u),
      "POST",
      `/api/challenges/${(challenges.get(winner) as { id: string }).id}/events/${event}`,
      body,
    );
  for (const [winner, c] of challenges) {
    const shortlisted = await fire(winner, "ly-officer", "shortlist", { bidIds: [c.bidId] });
    if (shortlisted.allowedActions.includes("recordCityGovernment"))
      await fire(winner, "ly-officer", "recordCityGovernment", {
        approvedOn: today(),
        docNumber: `洛政文〔${year}〕${winner === "institute" ? 41 : 42}号`,
      });
    await fire(winner, "ly-officer", "startNotice");
  }
  await api.dispose();

  // the notices have run their working days, holidays or not
  await advance(22);
  api = apiSessions(live.url);
  const numbers = new Map<Winner, string>();
  for (const winner of challenges.keys()) {
    const closed = await fire(winner, "ly-officer", "closeNotice");
    if (closed.steps?.coSign) await fire(winner, "ly-finance", "coSign");
    await fire(winner, "ly-officer", "recordAgreement", {
      signedOn: today(),
      docNumber: `洛科三方〔${year}〕${winner === "institute" ? 7 : 8}号`,
    });
    numbers.set(winner, (await fire(winner, "ly-leader", "announce")).bids[0].projectNumber);
  }
  const items = (await ok(await api.as("ly-officer"), "GET", "/api/projects")).items as Project[];
  for (const [winner, number] of numbers) {
    const p = items.find((x) => x.number === number);
    if (!p) throw new Error(`${winner}: the approved project ${number} is not listed`);
    projects.set(winner, p);
  }
  expect(projects.get("institute")?.unitName).toBe("洛阳市农业科学示范研究院");
  await api.dispose();
}, 300_000);

const shot = (page: Page, step: string) => record(page, `execution-extras-${step}`);

/** Opens the project's page as the officer, signed in afresh. */
async function openProject(id: string): Promise<Page> {
  const page = await signInAs(live.browser, live.url, "ly-officer");
  await page.goto(`${live.url}/projects/${id}`);
  await page.getByTestId("page-project").waitFor();
  return page;
}

describe("the task book's template and lump-sum pilot, and the ledger's export, in Luoyang", () => {
  it("the officer edits a term of the task book template, saves it through its confirmation and finds it after a reload", async () => {
    const officer = await signInAs(live.browser, live.url, "ly-officer");
    await officer.getByTestId("menu-task-book-template").click();
    await officer.getByTestId("page-task-book-template").waitFor();
    await waitText(officer, "task-book-template-edited", "使用政策文件的默认条款");
    // nothing to save before a change
    expect(await officer.getByTestId("task-book-template-save").isDisabled()).toBe(true);
    await settle(officer);
    const term = officer.getByRole("textbox", { name: "第 2 条内容" });
    expect(await term.inputValue()).toContain("专款专用");
    await shot(officer, "template");

    await term.fill(editedTerm);
    await officer.getByTestId("task-book-template-unsaved").waitFor();
    await shot(officer, "template-edited");
    await officer.getByTestId("task-book-template-save").click();
    await officer.getByTestId("task-book-template-save-confirm").waitFor();
    expect(await confirmText(officer)).toContain("此后拟定的计划任务书使用这 5 条约定");
    await shot(officer, "template-save-confirm");
    await officer.getByTestId("task-book-template-save-confirm").click();
    await officer.getByTestId("task-book-template-unsaved").waitFor({ state: "detached" });
    await waitText(officer, "task-book-template-edited", "项目主管 张明");

    // saved on the server: a reload shows the edited term, by whom, and nothing unsaved
    await officer.reload();
    await officer.getByTestId("page-task-book-template").waitFor();
    await waitText(officer, "task-book-template-edited", /项目主管 张明 于 .* 修改/);
    await settle(officer);
    expect(await officer.getByRole("textbox", { name: "第 2 条内容" }).inputValue()).toBe(editedTerm);
    expect(await officer.getByRole("textbox", { name: "第 1 条内容" }).inputValue()).toContain("拨付节点");
    expect(await officer.getByTestId("task-book-template-unsaved").count()).toBe(0);
    expect(await officer.getByTestId("task-book-template-save").isDisabled()).toBe(true);
    await shot(officer, "template-reloaded");
    await officer.close();
  }, 120_000);

  it("the officer draws the institute's task book into the lump-sum pilot (LY-FUNDS §13(一)); an enterprise's project is not offered it", async () => {
    // an enterprise's project: the plain draw only
    const enterprise = projects.get("enterprise") as Project;
    let officer = await openProject(enterprise.id);
    await waitText(officer, "project-number", enterprise.number);
    await officer.getByTestId("task-book-draw").waitFor();
    expect(await officer.getByTestId("task-book-draw-pilot").count()).toBe(0);
    await officer.close();

    // the institute's: the pilot offered as its own button, its consequence stated before it is taken
    const project = projects.get("institute") as Project;
    officer = await openProject(project.id);
    await waitText(officer, "project-number", project.number);
    await officer.getByText("洛阳市农业科学示范研究院").first().waitFor();
    await waitText(officer, "task-book-none", "尚未拟定任务书");
    await waitText(officer, "task-book-draw-pilot", "纳入经费包干制试点");
    await shot(officer, "pilot-offered");
    await officer.getByTestId("task-book-draw-pilot").click();
    await officer.getByTestId("task-book-draw-pilot-confirm").waitFor();
    const consequence = await confirmText(officer);
    expect(consequence).toContain("本项目纳入经费包干制试点（LY-FUNDS §13(一)）");
    expect(consequence).toContain("实行项目负责人签字报销制");
    await shot(officer, "pilot-confirm");
    await officer.getByTestId("task-book-draw-pilot-confirm").click();

    // drawn: the task book states the pilot with its clause, and neither draw is offered again
    await waitText(officer, "task-book-status", "待双方确认");
    await waitText(officer, "task-book-lump-sum-pilot", "本项目纳入经费“包干制”试点");
    await officer
      .getByTestId("task-book-lump-sum-pilot")
      .getByTestId("clause")
      .filter({ hasText: "LY-FUNDS §13(一)" })
      .waitFor();
    expect(await officer.getByTestId("task-book-draw-pilot").count()).toBe(0);
    expect(await officer.getByTestId("task-book-draw").count()).toBe(0);
    // drawn after the template's edit, it carries the edited term (八、双方约定)
    await officer
      .getByTestId("task-book-content")
      .getByRole("button", { name: /八、双方约定/ })
      .click();
    await waitText(officer, "task-book-terms", editedTerm);
    await shot(officer, "pilot-drawn");
    await officer.close();
  }, 120_000);

  it("finance exports the 资金台账 as .xlsx: a workbook with the projects' balances", async () => {
    const finance = await signInAs(live.browser, live.url, "ly-finance");
    await finance.getByTestId("menu-payments").click();
    await finance.getByTestId("page-payments").waitFor();
    await finance.getByTestId("ledger-years").waitFor();
    const { year } = projects.get("institute") as Project;
    await finance.getByTestId(`ledger-${year}-available`).waitFor();
    await shot(finance, "ledger");

    // the year's ledger, chosen from the list beside the button
    await settle(finance);
    await pick(finance, "ledger-export-year", `${year} 年`);
    await finance
      .getByTestId("ledger-export-year")
      .filter({ hasText: `${year} 年` })
      .waitFor();
    const [download] = await Promise.all([
      finance.waitForEvent("download"),
      finance.getByTestId("ledger-export").click(),
    ]);
    expect(download.suggestedFilename()).toBe(`资金台账-${year}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    expect(book.worksheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(["项目余额", "拨款明细", "按年度", "按计划类别", "按县区", "按单位"]),
    );
    const balances = book.getWorksheet("项目余额") as ExcelJS.Worksheet;
    expect(balances.getRow(1).getCell(1).value).toBe("项目编号");
    // a row under the header for each project of the year, both of this walk's among them
    expect(balances.actualRowCount).toBeGreaterThanOrEqual(3);
    const rows: unknown[][] = [];
    balances.eachRow((row, n) => {
      if (n > 1) rows.push((row.values as unknown[]).slice(1));
    });
    for (const p of projects.values()) {
      const row = rows.find((r) => r[0] === p.number);
      expect(row, `${p.number} in the export`).toBeDefined();
      expect(row?.slice(1, 3)).toEqual([p.title, p.unitName]);
      expect(row?.[5]).toBe(year);
      expect(row?.[6]).toBe(p.amountFen / 100);
    }
    const byYear = book.getWorksheet("按年度") as ExcelJS.Worksheet;
    expect(byYear.actualRowCount).toBeGreaterThanOrEqual(2);
    await finance.close();
  }, 120_000);
});
