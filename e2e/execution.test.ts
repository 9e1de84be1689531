import { chinaDateOf, formatWanYuan } from "@luoshu/domain";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { ok } from "../packages/server/src/db/seed/demo-review.ts";
import { settle } from "./a11y.ts";
import { apiSessions, minutesPdf, serverClock, signInAs } from "./decision-helpers.ts";
import { confirmText, record, typeDate, waitText } from "./flow-helpers.ts";
import { serverAndBrowser } from "./server.ts";

// 项目执行 in both cities, in the browser (DT-RULES §18; LY-FUNDS §12–13): an approved project's
// officer draws up the task book, the unit confirms it, the officer confirms it and uploads the signed
// scan (the money is committed in the year's budget finance set), prepares the first node's payment,
// finance approves it from the workspace tile, the officer marks it paid with the treasury's
// reference; the project page's timeline shows every step and its money is paid; finance's ledger
// figures show the year's paid amount. The projects are reached through the API: in Datong a directed
// commission (DT-RULES §14), in Luoyang a 重大科技创新专项 open challenge (pre-funded 60/20/20, the
// first node once the task book is signed, LY-FUNDS §13(一)).

const live = serverAndBrowser();
const day = 86_400_000;

const { now: serverNow, advance } = serverClock(live);

type Prefix = "ly" | "dt";
interface CityProject {
  id: string;
  number: string;
  title: string;
  year: number;
}
const projects = new Map<Prefix, CityProject>();
const titles: Record<Prefix, string> = {
  ly: "高速列车轴箱轴承国产化关键技术攻关",
  dt: "煤矿井下智能巡检机器人技术攻关",
};

/**
 * Both projects through the API, on one run of the clock: finance sets the year's control number;
 * Luoyang's challenge is published, bid on and negotiated, Datong's commission published; past the
 * bid deadline the shortlist goes on notice; past both notices the challenge is awarded and the
 * commission approved.
 */
beforeAll(async () => {
  const year = Number(chinaDateOf(serverNow()).slice(0, 4));
  const today = () => chinaDateOf(serverNow());
  let api = apiSessions(live.url);
  for (const prefix of ["ly", "dt"] as const) {
    await ok(await api.as(`${prefix}-finance`), "PUT", `/api/budget/control-numbers/${year}`, {
      amountFen: 500_000_000,
      docNumber: prefix === "ly" ? `洛财预〔${year}〕8号` : `同财教〔${year}〕3号`,
    });
  }
  const lyOfficer = await api.as("ly-officer");
  const units = (await ok(lyOfficer, "GET", "/api/units?pageSize=200")).items as {
    id: string;
    kind: string;
  }[];
  const demand = units.find((u) => u.kind === "enterprise");
  if (!demand) throw new Error("no Luoyang demo enterprise");
  const challenge = await ok(lyOfficer, "POST", "/api/challenges", {
    program: "majorInnovation",
    title: titles.ly,
    requirements: "面向高速列车轴箱轴承，攻克材料、设计与试验验证关键技术，完成装车考核。",
    technicalIndicators: "轴承寿命不低于 240 万公里，台架试验通过。",
    performanceTargets: "完成样机 2 套，申请发明专利 3 项。",
    governmentFundingFen: 200_000_000,
    enterpriseCoFundingFen: 300_000_000,
    demandUnitId: demand.id,
    bidDeadline: new Date(serverNow().getTime() + 3 * day).toISOString(),
  });
  const fire = async (u: string, event: string, body: object = {}) =>
    ok(await api.as(u), "POST", `/api/challenges/${challenge.id}/events/${event}`, body);
  await fire("ly-officer", "publish");
  const bid = (
    await ok(await api.as("ly-unit"), "POST", `/api/challenges/${challenge.id}/bids`, {
      leaderName: "周博",
      approach: "以超纯净轴承钢冶炼与仿真驱动的滚道设计为主线，联合需求企业完成台架与装车考核。",
    })
  ).bids[0];
  await ok(lyOfficer, "POST", `/api/challenges/${challenge.id}/bids/${bid.id}/negotiation`, {
    record: "揭榜方与需求方就考核指标、验证方案和配套资金达成一致。",
    agreementSignedOn: today(),
  });
  const dtUnit = (await ok(await api.as("dt-unit"), "GET", "/api/auth/me")).unit.id;
  const commission = await ok(await api.as("dt-officer"), "POST", "/api/directed-commissions", {
    program: "keyRnd",
    title: titles.dt,
    unitId: dtUnit,
    reason: "urgentWork",
    basis: "经局长办公会研究，汛期前须完成重点矿井智能巡检部署，定向委托具备条件的单位承担。",
    amountFen: 60_000_000,
  });
  await ok(await api.as("dt-officer"), "POST", `/api/directed-commissions/${commission.id}/events/publish`);
  await api.dispose();

  // past the bid deadline: the shortlist (Luoyang: with the city government's approval) on notice
  await advance(4);
  api = apiSessions(live.url);
  const shortlisted = await fire("ly-officer", "shortlist", { bidIds: [bid.id] });
  if (shortlisted.allowedActions.includes("recordCityGovernment"))
    await fire("ly-officer", "recordCityGovernment", {
      approvedOn: today(),
      docNumber: `洛政文〔${year}〕31号`,
    });
  await fire("ly-officer", "startNotice");
  await api.dispose();

  // both notices have run their working days, holidays or not
  await advance(22);
  api = apiSessions(live.url);
  const closed = await fire("ly-officer", "closeNotice");
  if (closed.steps?.coSign) await fire("ly-finance", "coSign");
  await fire("ly-officer", "recordAgreement", { signedOn: today(), docNumber: `洛科三方〔${year}〕5号` });
  const awarded = await fire("ly-leader", "announce");
  const approved = await ok(
    await api.as("dt-leader"),
    "POST",
    `/api/directed-commissions/${commission.id}/events/approve`,
  );
  const numbers: Record<Prefix, string> = { ly: awarded.bids[0].projectNumber, dt: approved.projectNumber };
  for (const prefix of ["ly", "dt"] as const) {
    const items = (await ok(await api.as(`${prefix}-officer`), "GET", "/api/projects"))
      .items as CityProject[];
    const p = items.find((x) => x.number === numbers[prefix]);
    if (!p) throw new Error(`${prefix}: the approved project ${numbers[prefix]} is not listed`);
    expect(p.year).toBe(year);
    projects.set(prefix, p);
  }
  await api.dispose();
}, 300_000);

const shot = (page: Page, prefix: Prefix, step: string) => record(page, `execution-${prefix}-${step}`);

/** Opens the project's page as `username`, signed in afresh. */
async function openProject(username: string, id: string): Promise<Page> {
  const page = await signInAs(live.browser, live.url, username);
  await page.goto(`${live.url}/projects/${id}`);
  await page.getByTestId("page-project").waitFor();
  return page;
}

/** A decision taken through its confirmation: the button, the dialog (recorded), the act. */
async function decide(page: Page, button: string, confirm: string, prefix: Prefix, step: string) {
  await page.getByTestId(button).click();
  await page.getByTestId(confirm).waitFor();
  await shot(page, prefix, step);
  await page.getByTestId(confirm).click();
}

async function executeCity(prefix: Prefix) {
  const project = projects.get(prefix) as CityProject;
  const { id } = project;

  // 1. The officer opens the project from the project list and draws up the task book.
  let officer = await signInAs(live.browser, live.url, `${prefix}-officer`);
  await officer.getByTestId("menu-projects").click();
  await officer.getByTestId("page-projects").waitFor();
  await officer.getByTestId(`project-${id}-link`).click();
  await officer.getByTestId("page-project").waitFor();
  await waitText(officer, "project-number", project.number);
  await waitText(officer, "task-book-none", "尚未拟定任务书");
  await shot(officer, prefix, "approved");
  await decide(officer, "task-book-draw", "task-book-draw-confirm", prefix, "draw-confirm");
  await waitText(officer, "task-book-status", "待双方确认");
  // the officer who drew it up follows the project, none being named before
  await officer.getByTestId("project-officer").filter({ hasNotText: "未指定" }).waitFor();
  // the nodes come with the task book; none is due before it is signed, and the buttons say so
  const node = prefix === "ly" ? "first" : "lumpSum";
  const approvedFen = prefix === "ly" ? 200_000_000 : 60_000_000;
  // Luoyang's first node is 60% (LY-FUNDS §13(一)); Datong pays it all once signed
  const amountFen = prefix === "ly" ? 120_000_000 : 60_000_000;
  await waitText(officer, `node-${node}-amount`, formatWanYuan(amountFen));
  await waitText(officer, `node-${node}-due`, "未满足");
  await officer.getByTestId(`node-${node}-prepare-blocked`).waitFor();
  expect(await officer.getByTestId(`node-${node}-prepare`).isDisabled()).toBe(true);
  if (prefix === "ly") {
    expect(await officer.getByTestId("nodes-table").locator("tbody tr.ant-table-row").count()).toBe(3);
    await waitText(officer, "nodes-table", "期中评估通过后");
  }
  // the scan waits for both confirmations
  expect(await officer.getByTestId("task-book-sign").isDisabled()).toBe(true);
  await shot(officer, prefix, "drawn");
  await officer.close();

  // 2. The unit finds the task book on its workspace tile and confirms it.
  const unit = await signInAs(live.browser, live.url, `${prefix}-unit`);
  await waitText(unit, "task-taskBooksWaiting", "1");
  await unit.getByTestId("task-taskBooksWaiting").click();
  await unit.getByTestId("page-projects").waitFor();
  await unit.getByTestId(`project-${id}-title`).click();
  await unit.getByTestId("page-project").waitFor();
  await unit.getByTestId("task-book-confirmUnit").click();
  await unit.getByTestId("task-book-confirmUnit-confirm").waitFor();
  expect(await confirmText(unit)).toContain("确认不能撤回");
  await shot(unit, prefix, "unit-confirm");
  await unit.getByTestId("task-book-confirmUnit-confirm").click();
  await waitText(unit, "task-book-unit", "已确认");
  await waitText(unit, "task-book-status", "待双方确认");
  await shot(unit, prefix, "unit-confirmed");
  await unit.close();

  // 3. The officer confirms for the bureau and uploads the signed scan: the money is committed.
  officer = await openProject(`${prefix}-officer`, id);
  await decide(
    officer,
    "task-book-confirmBureau",
    "task-book-confirmBureau-confirm",
    prefix,
    "bureau-confirm",
  );
  await waitText(officer, "task-book-status", "已确认，待上传签章扫描件");
  // The day of signing lies between the approval and today, on Beijing's calendar as the server keeps
  // it: this browser's clock follows the server's, which the setup moved weeks ahead.
  await officer.clock.setFixedTime(serverNow());
  await officer.getByTestId("task-book-sign").click();
  await officer.getByTestId("task-book-sign-submit").waitFor();
  await settle(officer);
  const signedOn = chinaDateOf(serverNow());
  await typeDate(officer, "task-book-signed-on", signedOn);
  await officer
    .getByTestId("task-book-scan")
    .locator("input[type=file]")
    .setInputFiles({ name: "计划任务书（签章）.pdf", mimeType: "application/pdf", buffer: minutesPdf });
  await waitText(officer, "task-book-scan", "计划任务书（签章）.pdf");
  await shot(officer, prefix, "sign-form");
  await officer.getByTestId("task-book-sign-submit").click();
  await officer.getByTestId("task-book-sign-confirm").waitFor();
  expect(await confirmText(officer)).toContain(`${project.year} 年预算`);
  await shot(officer, prefix, "sign-confirm");
  await officer.getByTestId("task-book-sign-confirm").click();
  await waitText(officer, "task-book-status", "已签订");
  await waitText(officer, "task-book-scan-link", "计划任务书（签章）.pdf");
  await waitText(officer, "task-book-signed", `${signedOn} 签订`);
  await waitText(officer, "project-stage-tag", "执行");
  await waitText(officer, "money-committed", formatWanYuan(approvedFen));
  await waitText(officer, `node-${node}-due`, "已满足");

  // 4. The officer prepares the first node's payment; paying waits for finance and says so.
  await officer.getByTestId(`node-${node}-prepare`).click();
  await officer.getByTestId("payment-prepare-submit").waitFor();
  await settle(officer);
  await officer.getByTestId("payment-prepare-note").fill("任务书签订后首笔拨款");
  await shot(officer, prefix, "prepare-form");
  await officer.getByTestId("payment-prepare-submit").click();
  await officer.getByTestId("payment-prepare-confirm").waitFor();
  expect(await confirmText(officer)).toContain(formatWanYuan(amountFen));
  await shot(officer, prefix, "prepare-confirm");
  await officer.getByTestId("payment-prepare-confirm").click();
  await waitText(officer, `node-${node}-status`, "已提出，待财政审核");
  const row = officer.getByTestId("project-payments").locator("tr[data-row-key]").first();
  const paymentId = (await row.getAttribute("data-row-key")) as string;
  await officer.getByTestId(`payment-${paymentId}-pay-blocked`).waitFor();
  expect(await officer.getByTestId(`payment-${paymentId}-pay`).isDisabled()).toBe(true);
  await shot(officer, prefix, "prepared");
  await officer.close();

  // 5. Finance finds it on the workspace tile and approves it.
  let finance = await signInAs(live.browser, live.url, `${prefix}-finance`);
  await waitText(finance, "task-paymentsWaiting", "1");
  await shot(finance, prefix, "finance-workspace");
  await finance.getByTestId("task-paymentsWaiting").click();
  await finance.getByTestId("page-payments").waitFor();
  expect(finance.url()).toContain("mine=true");
  await waitText(finance, `payment-${paymentId}-status`, "已提出，待财政审核");
  await decide(finance, `payment-${paymentId}-approve`, "payment-approve-confirm", prefix, "approve-confirm");
  // approved, it no longer waits for finance: it leaves the list of what does
  await finance.getByTestId(`payment-${paymentId}-status`).waitFor({ state: "detached" });
  await finance.getByTestId("payments-mine").click();
  await waitText(finance, `payment-${paymentId}-status`, "财政已审核，待拨付");
  expect(finance.url()).not.toContain("mine=true");
  await shot(finance, prefix, "approved");
  await finance.close();

  // 6. The officer pays it through the treasury and records the voucher.
  officer = await signInAs(live.browser, live.url, `${prefix}-officer`);
  await waitText(officer, "task-paymentsWaiting", "1");
  await officer.getByTestId("task-paymentsWaiting").click();
  await officer.getByTestId("page-payments").waitFor();
  await officer.getByTestId(`payment-${paymentId}-pay`).click();
  await officer.getByTestId("payment-pay-submit").waitFor();
  await settle(officer);
  const voucher = `${prefix.toUpperCase()}-GK-${project.year}-0107`;
  await officer.getByTestId("payment-treasury-ref").fill(voucher);
  await shot(officer, prefix, "pay-form");
  await officer.getByTestId("payment-pay-submit").click();
  await officer.getByTestId("payment-pay-final").waitFor();
  expect(await confirmText(officer)).toContain(voucher);
  await shot(officer, prefix, "pay-confirm");
  await officer.getByTestId("payment-pay-final").click();
  // paid, it waits for nobody: the "mine" list empties
  await officer.getByTestId(`payment-${paymentId}-status`).waitFor({ state: "detached" });
  await officer.getByTestId("payments-mine").click();
  await waitText(officer, `payment-${paymentId}-status`, "已拨付");
  await waitText(officer, `payment-${paymentId}-paid`, voucher);
  await shot(officer, prefix, "paid");

  // 7. The project page: every step on the timeline, the money paid.
  await officer.getByTestId(`payment-${paymentId}-project`).click();
  await officer.getByTestId("page-project").waitFor();
  for (const kind of [
    "approved",
    "taskBookDrawn",
    "taskBookUnitConfirmed",
    "taskBookBureauConfirmed",
    "taskBookSigned",
    "paymentPrepared",
    "paymentApproved",
    "paymentPaid",
  ])
    await officer.getByTestId(`timeline-${kind}`).waitFor();
  await waitText(officer, "timeline-paymentPaid", voucher);
  await waitText(officer, "money-paid", formatWanYuan(amountFen));
  await waitText(officer, "money-left", formatWanYuan(approvedFen - amountFen));
  await waitText(officer, `node-${node}-status`, "已拨付");
  await shot(officer, prefix, "project-paid");
  await officer.close();

  // 8. Finance's ledger figures: the year's paid amount.
  finance = await signInAs(live.browser, live.url, `${prefix}-finance`);
  await finance.getByTestId("menu-payments").click();
  await finance.getByTestId("page-payments").waitFor();
  await waitText(finance, `ledger-${project.year}-paid`, formatWanYuan(amountFen));
  await waitText(finance, `ledger-${project.year}-committed`, formatWanYuan(approvedFen));
  await shot(finance, prefix, "ledger");
  await finance.close();
}

describe("a project from its approval to its first payment", () => {
  it("in Luoyang: an open challenge's tripartite task book, 60/20/20 by nodes (LY-FUNDS §13(一))", async () => {
    await executeCity("ly");
  }, 400_000);
  it("in Datong: a directed commission paid once its task book is signed (a city setting)", async () => {
    await executeCity("dt");
  }, 400_000);
});
