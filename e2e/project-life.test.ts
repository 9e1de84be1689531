import { chinaDateOf, formatWanYuan, formatYuan, makeResidentId, makeUscc } from "@luoshu/domain";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { type LoginAs, ok, scan } from "../packages/server/src/db/seed/demo-review.ts";
import { settle } from "./a11y.ts";
import { apiSessions, serverClock, signInAs } from "./decision-helpers.ts";
import { fillApplication } from "./flow-fill.ts";
import { confirmText, pick, record, tick, typeDate, waitText } from "./flow-helpers.ts";
import { serverAndBrowser } from "./server.ts";

// 项目终止、撤销与处理措施 in the browser (issue 16: DT-RULES §20–22; LY-FUNDS §25), on the project
// page's card. In Luoyang the program officer revokes a paid project of the demo enterprise won by the
// demo PI: the confirmation states everything paid to recover and the eligibility ban with its clause;
// he records part of the money recovered with the treasury's reference, finds the unit and the PI
// banned on the integrity page, and the PI's next application, complete and committed to by the unit,
// is refused on screen for the two bans alone, each citing LY-FUNDS §25. In Datong the unit's administrator applies to terminate a paid directed commission
// (ground, reason, what it spent), the officer approves it (the confirmation states the balance to
// return) and records the balance's return: the project is closed as terminated. In Luoyang the
// finance bureau suspends a signed project's payments: the card shows the red alert, the officer is
// offered no payment to prepare until finance lifts it.
// The projects come through the API as execution.test.ts makes them, on one run of the clock: two
// 重大科技创新专项 open challenges (one bid by the PI, who becomes the project's PI; one by the unit),
// and a Datong directed commission; their task books signed, the revoked and terminated ones paid
// their first node. This file's server and database are its own (serverAndBrowser), so banning the
// demo enterprise and its PI leaves the other files' demo untouched.

const live = serverAndBrowser();
const day = 86_400_000;

const { now: serverNow, advance } = serverClock(live);
const today = () => chinaDateOf(serverNow());

interface Project {
  id: string;
  number: string;
  title: string;
  unitName: string;
  year: number;
}
type Walk = "revoked" | "suspended" | "terminated";
const projects = new Map<Walk, Project>();
const titles: Record<Walk, string> = {
  revoked: "盾构机主轴承减摩耐磨涂层技术攻关",
  suspended: "矿用大型减速机齿轮箱轴承可靠性提升",
  terminated: "煤矿井下瓦斯抽采钻孔智能封孔技术攻关",
};
/** Luoyang's first node is 60% of the ¥2,000,000 (LY-FUNDS §13(一)); Datong pays its ¥600,000 at once. */
const lyFen = 200_000_000;
const lyFirstFen = 120_000_000;
const dtFen = 60_000_000;
/** The demo PI's name on the account (ly-pi), which the project and the integrity record carry. */
const piName = "洛阳项目负责人 周博";

const upload = {
  "content-type": "application/octet-stream",
  "x-file-name": encodeURIComponent("计划任务书（签章）.pdf"),
};

/** Draws, confirms on both sides and signs a project's task book with its scan: the money is committed. */
async function signTaskBook(as: LoginAs, prefix: "ly" | "dt", id: string) {
  const officer = await as(`${prefix}-officer`);
  const unit = await as(`${prefix}-unit`);
  await ok(officer, "POST", `/api/projects/${id}/task-book`);
  await ok(unit, "POST", `/api/projects/${id}/task-book/events/confirmUnit`);
  await ok(officer, "POST", `/api/projects/${id}/task-book/events/confirmBureau`);
  await ok(unit, "PUT", `/api/projects/${id}/task-book/scan?signedOn=${today()}`, scan, upload);
}

/** Prepares, approves (finance) and pays the project's first due node through the API. */
async function payFirstNode(as: LoginAs, prefix: "ly" | "dt", id: string) {
  const officer = await as(`${prefix}-officer`);
  const project = await ok(officer, "GET", `/api/projects/${id}`);
  const node = project.nodes.find((n: { due: boolean }) => n.due);
  const key = `life-${project.number}-${node.code}`;
  const payment = await ok(
    officer,
    "POST",
    `/api/projects/${id}/payments`,
    { node: node.code, note: "任务书签订后首笔拨款" },
    { "idempotency-key": `${key}-prepare` },
  );
  await ok(await as(`${prefix}-finance`), "POST", `/api/payments/${payment.id}/events/approve`, {});
  await ok(
    officer,
    "POST",
    `/api/payments/${payment.id}/events/pay`,
    { treasuryRef: `${prefix.toUpperCase()}-GK-${project.year}-0201` },
    { "idempotency-key": `${key}-pay` },
  );
}

beforeAll(async () => {
  const year = Number(today().slice(0, 4));
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

  // Luoyang: two challenges, the first bid by the demo PI (the project's PI is who bid), the other by the unit
  const challenges = new Map<Walk, { id: string; bidId: string }>();
  for (const [walk, bidder] of [
    ["revoked", "ly-pi"],
    ["suspended", "ly-unit"],
  ] as const) {
    const challenge = await ok(lyOfficer, "POST", "/api/challenges", {
      program: "majorInnovation",
      title: titles[walk],
      requirements: "面向本市重点装备需求，攻克关键共性技术，完成试验验证并形成可推广的技术方案。",
      technicalIndicators: "关键性能指标达到国内先进水平，通过第三方检测。",
      performanceTargets: "完成样机 1 套，申请发明专利 2 项。",
      governmentFundingFen: lyFen,
      enterpriseCoFundingFen: 300_000_000,
      demandUnitId: demand.id,
      bidDeadline: new Date(serverNow().getTime() + 3 * day).toISOString(),
    });
    await ok(lyOfficer, "POST", `/api/challenges/${challenge.id}/events/publish`);
    const bid = (
      await ok(await api.as(bidder), "POST", `/api/challenges/${challenge.id}/bids`, {
        leaderName: "周博",
        approach: "以机理研究与试验验证为主线，联合需求企业完成关键技术攻关和示范应用。",
      })
    ).bids[0];
    await ok(lyOfficer, "POST", `/api/challenges/${challenge.id}/bids/${bid.id}/negotiation`, {
      record: "揭榜方与需求方就考核指标、验证方案和配套资金达成一致。",
      agreementSignedOn: today(),
    });
    challenges.set(walk, { id: challenge.id, bidId: bid.id });
  }
  // Datong: a directed commission of the demo unit (DT-RULES §14)
  const dtUnit = (await ok(await api.as("dt-unit"), "GET", "/api/auth/me")).unit.id;
  const commission = await ok(await api.as("dt-officer"), "POST", "/api/directed-commissions", {
    program: "keyRnd",
    title: titles.terminated,
    unitId: dtUnit,
    reason: "urgentWork",
    basis: "经局长办公会研究，重点矿井瓦斯治理任务紧急，定向委托具备条件的单位承担。",
    amountFen: dtFen,
  });
  await ok(await api.as("dt-officer"), "POST", `/api/directed-commissions/${commission.id}/events/publish`);
  await api.dispose();

  // past the bid deadline: each shortlist (with the city government's approval where asked) on notice
  await advance(4);
  api = apiSessions(live.url);
  const fire = async (walk: Walk, u: string, event: string, body: object = {}) =>
    ok(
      await api.as(u),
      "POST",
      `/api/challenges/${(challenges.get(walk) as { id: string }).id}/events/${event}`,
      body,
    );
  for (const [walk, c] of challenges) {
    const shortlisted = await fire(walk, "ly-officer", "shortlist", { bidIds: [c.bidId] });
    if (shortlisted.allowedActions.includes("recordCityGovernment"))
      await fire(walk, "ly-officer", "recordCityGovernment", {
        approvedOn: today(),
        docNumber: `洛政文〔${year}〕${walk === "revoked" ? 51 : 52}号`,
      });
    await fire(walk, "ly-officer", "startNotice");
  }
  await api.dispose();

  // the notices have run their working days, holidays or not
  await advance(22);
  api = apiSessions(live.url);
  const numbers = new Map<Walk, string>();
  for (const walk of challenges.keys()) {
    const closed = await fire(walk, "ly-officer", "closeNotice");
    if (closed.steps?.coSign) await fire(walk, "ly-finance", "coSign");
    await fire(walk, "ly-officer", "recordAgreement", {
      signedOn: today(),
      docNumber: `洛科三方〔${year}〕${walk === "revoked" ? 11 : 12}号`,
    });
    numbers.set(walk, (await fire(walk, "ly-leader", "announce")).bids[0].projectNumber);
  }
  const approved = await ok(
    await api.as("dt-leader"),
    "POST",
    `/api/directed-commissions/${commission.id}/events/approve`,
  );
  numbers.set("terminated", approved.projectNumber);
  const items = [
    ...(await ok(await api.as("ly-officer"), "GET", "/api/projects")).items,
    ...(await ok(await api.as("dt-officer"), "GET", "/api/projects")).items,
  ] as Project[];
  for (const [walk, number] of numbers) {
    const p = items.find((x) => x.number === number);
    if (!p) throw new Error(`${walk}: the approved project ${number} is not listed`);
    projects.set(walk, p);
  }

  // task books signed; the revoked and the terminated paid their first node, the suspended not yet
  const prefixOf = (walk: Walk) => (walk === "terminated" ? "dt" : "ly");
  for (const [walk, p] of projects) await signTaskBook(api.as, prefixOf(walk), p.id);
  for (const walk of ["revoked", "terminated"] as const)
    await payFirstNode(api.as, prefixOf(walk), (projects.get(walk) as Project).id);
  const revoked = await ok(
    await api.as("ly-officer"),
    "GET",
    `/api/projects/${(projects.get("revoked") as Project).id}`,
  );
  expect(revoked.piName).toBe(piName);
  expect(revoked.money.paidFen).toBe(lyFirstFen);
  await api.dispose();
}, 300_000);

const shot = (page: Page, step: string) => record(page, `project-life-${step}`);

/** Opens the project's page as `username`, signed in afresh. */
async function openProject(username: string, id: string): Promise<Page> {
  const page = await signInAs(live.browser, live.url, username);
  await page.goto(`${live.url}/projects/${id}`);
  await page.getByTestId("page-project").waitFor();
  await page.getByTestId("project-life").waitFor();
  return page;
}

/** The card's figure of its one decided closure. */
const closureFigure = (page: Page, kind: "revocation" | "termination", figure: string, text: string) =>
  page
    .getByTestId(`closure-${kind}-decided`)
    .getByTestId(`closure-${figure}`)
    .filter({ hasText: text })
    .waitFor();

describe("a project's early end and the measures taken on it", () => {
  it("in Luoyang: revocation → recovery in the ledger → the integrity record → a new application refused with the clause on screen", async () => {
    const project = projects.get("revoked") as Project;
    const recoveryRef = `LY-ZJ-${project.year}-0031`;

    // 1. The officer revokes it: the dialog and its confirmation state the money and the listing.
    const officer = await openProject("ly-officer", project.id);
    await waitText(officer, "project-number", project.number);
    await waitText(officer, "money-paid", formatWanYuan(lyFirstFen));
    await officer.getByTestId("closures-none").waitFor();
    await shot(officer, "ly-paid");
    await officer.getByTestId("life-revoke").click();
    await officer.getByTestId("revoke-form").waitFor();
    await settle(officer);
    const consequence = await officer.getByTestId("revoke-consequence").innerText();
    expect(consequence).toContain(`追回已拨资金 ${formatYuan(lyFirstFen)}`);
    expect(consequence).toContain("列入取消申报资格记录，直至作出解除决定（LY-FUNDS §25）");
    await tick(officer.getByTestId("revoke-ground").getByLabel("弄虚作假"));
    await officer.getByTestId("revoke-reason").fill("核查发现揭榜材料中的台架试验报告系伪造，性能数据不实。");
    await shot(officer, "ly-revoke-form");
    await officer.getByTestId("revoke-submit").click();
    await officer.getByTestId("revoke-confirm").waitFor();
    const confirm = await confirmText(officer);
    expect(confirm).toContain(`以“弄虚作假”为由撤销项目“${project.title}”`);
    expect(confirm).toContain(`撤销后将追回已拨资金 ${formatYuan(lyFirstFen)}`);
    expect(confirm).toContain(`未拨付的 ${formatYuan(lyFen - lyFirstFen)} 退回年度预算`);
    expect(confirm).toContain("将承担单位及项目负责人列入取消申报资格记录，直至作出解除决定（LY-FUNDS §25）");
    expect(confirm).toContain("撤销不能恢复");
    await shot(officer, "ly-revoke-confirm");
    await officer.getByTestId("revoke-confirm").click();

    // revoked: closed, everything paid to recover, nothing more offered but the recovery
    await waitText(officer, "project-stage-tag", "已撤销");
    await waitText(officer, "project-closed", `尚有 ${formatYuan(lyFirstFen)} 应由承担单位退回`);
    await closureFigure(officer, "revocation", "due", formatYuan(lyFirstFen));
    await closureFigure(officer, "revocation", "release", formatYuan(lyFen - lyFirstFen));
    await closureFigure(officer, "revocation", "outstanding", formatYuan(lyFirstFen));
    await waitText(officer, "timeline-projectRevoked", `应追回 ${formatWanYuan(lyFirstFen)}`);
    await officer.getByTestId("life-revoke-blocked").waitFor();
    await waitText(officer, "life-revoke-reason", "项目已撤销");
    await waitText(officer, "life-sanction-reason", "项目已撤销");
    // its nodes not paid yet say why they never will be, whatever their conditions
    await officer.getByTestId("node-midTerm-prepare-blocked").waitFor();
    await waitText(officer, "nodes-table", "项目已撤销，不再拨款");
    expect(await officer.getByTestId("life-return").isDisabled()).toBe(false);
    await shot(officer, "ly-revoked");

    // 2. Part of it comes back: recorded with the treasury's reference, posted to the ledger.
    await officer.getByTestId("life-return").click();
    await officer.getByTestId("return-form").waitFor();
    await settle(officer);
    await officer.getByTestId("return-amount").fill(String(lyFirstFen / 100 + 1));
    await officer.getByTestId("return-reference").fill(recoveryRef);
    await officer.getByTestId("return-submit").click();
    await officer
      .getByTestId("return-form")
      .getByText(`不超过尚未退回的 ${formatYuan(lyFirstFen)}`)
      .waitFor();
    await officer.getByTestId("return-amount").fill("500000");
    await shot(officer, "ly-recovery-form");
    await officer.getByTestId("return-submit").click();
    await officer.getByTestId("return-confirm").waitFor();
    const recovery = await confirmText(officer);
    expect(recovery).toContain(`被追回 ${formatYuan(50_000_000)}，国库凭证号 ${recoveryRef}`);
    expect(recovery).toContain(`尚未退回 ${formatYuan(lyFirstFen - 50_000_000)}`);
    await shot(officer, "ly-recovery-confirm");
    await officer.getByTestId("return-confirm").click();
    await closureFigure(officer, "revocation", "settled", formatYuan(50_000_000));
    await closureFigure(officer, "revocation", "outstanding", formatYuan(lyFirstFen - 50_000_000));
    await waitText(officer, "timeline-moneyReturned", `国库凭证号 ${recoveryRef}`);
    await waitText(officer, "timeline-moneyReturned", formatWanYuan(50_000_000));
    await waitText(officer, "money-returned", formatWanYuan(50_000_000));
    await waitText(officer, "money-paid", formatWanYuan(lyFirstFen));
    await waitText(officer, "project-closed", `尚有 ${formatYuan(lyFirstFen - 50_000_000)} 应由承担单位退回`);
    // the rest is still due: the recovery stays offered
    expect(await officer.getByTestId("life-return").isDisabled()).toBe(false);
    await shot(officer, "ly-recovered-part");

    // 3. The integrity page: the unit and the PI banned from applying until lifted, citing §25.
    await officer.getByTestId("menu-integrity").click();
    await officer.getByTestId("page-integrity").waitFor();
    const rows = officer
      .getByTestId("integrity-table")
      .locator("tr.ant-table-row")
      .filter({ hasText: `项目 ${project.number} 撤销` });
    await rows.first().waitFor();
    await expect.poll(() => rows.count()).toBe(2);
    for (const subject of [project.unitName, piName]) {
      const row = rows.filter({ hasText: subject });
      expect(await row.count()).toBe(1);
      const text = await row.innerText();
      expect(text).toContain("取消申报资格");
      expect(text).toContain("生效中 · 不得申报");
      expect(text).toContain("长期");
      expect(await row.getByTestId("clause").innerText()).toBe("LY-FUNDS §25");
      expect(await row.getByTestId("integrity-lift").count()).toBe(1);
    }
    await shot(officer, "ly-integrity");
    await officer.close();

    // 4. The PI's next application, complete and committed to by the unit, is refused at submission
    // for the bans alone, each with its clause on screen.
    let pi = await signInAs(live.browser, live.url, "ly-pi");
    await pi.getByTestId("menu-applications").click();
    await pi.getByTestId("page-applications").waitFor();
    await pi.getByTestId("application-create").click();
    await pi.getByTestId("application-create-form").waitFor();
    await settle(pi);
    await pick(pi, "application-create-call", /洛阳市软科学研究计划项目申报指南 · 第一批/);
    await pi.getByTestId("application-create-title").fill("洛阳轴承产业集群协同创新路径研究");
    await pi.getByTestId("application-create-submit").click();
    await pi.getByTestId("application-form").waitFor();
    const applicationPath = new URL(pi.url()).pathname;
    await fillApplication(pi, {
      idNumber: makeResidentId("41030519860312123"),
      partnerUscc: makeUscc("12410300MB1LY0003"),
    });
    await pi.getByTestId("application-save").click();
    await waitText(pi, "autosave-status", /已保存|已自动保存/);
    expect(await pi.getByTestId("save-problems").count()).toBe(0);
    await pi.getByTestId("tab-commitment").click();
    await pi.getByTestId("commitment-confirm-pi").click();
    await waitText(pi, "commitment-pi-status", "已确认");
    await pi.close();

    const unit = await signInAs(live.browser, live.url, "ly-unit");
    await unit.goto(`${live.url}${applicationPath}`);
    await unit.getByTestId("application-form").waitFor();
    await unit.getByTestId("tab-commitment").click();
    await unit.getByTestId("commitment-confirm-unit").click();
    await waitText(unit, "commitment-unit-status", "已确认");
    await unit
      .getByTestId("attachment-upload-commitmentScan")
      .locator("input[type=file]")
      .setInputFiles({ name: "承诺书-签字盖章.pdf", mimeType: "application/pdf", buffer: scan });
    await waitText(unit, "attachment-file-commitmentScan", "承诺书-签字盖章.pdf");
    await unit.getByTestId("application-save").click();
    await waitText(unit, "autosave-status", /已保存|已自动保存/);
    await unit.close();

    pi = await signInAs(live.browser, live.url, "ly-pi");
    await pi.goto(`${live.url}${applicationPath}`);
    await pi.getByTestId("application-form").waitFor();
    await pi.getByTestId("application-submit").click();
    await pi.getByTestId("application-submit-confirm").click();
    const violations = pi.getByTestId("submit-violations");
    await violations.waitFor();
    for (const code of ["SUBMIT_PI_BANNED", "SUBMIT_UNIT_BANNED"]) {
      const banned = violations.getByTestId(`violation-${code}`);
      await banned.waitFor();
      expect(await banned.innerText()).toMatch(/取消申报资格/);
      expect(await banned.getByTestId("clause").innerText()).toBe("LY-FUNDS §25");
    }
    // nothing else stands in its way: the bans alone refuse it
    expect(
      await violations
        .locator("[data-testid^='violation-']")
        .evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")).sort()),
    ).toEqual(["violation-SUBMIT_PI_BANNED", "violation-SUBMIT_UNIT_BANNED"]);
    await waitText(pi, "application-status", "草稿");
    await shot(pi, "ly-pi-refused");
    await pi.close();
  }, 300_000);

  it("in Datong: termination on the unit's application (DT-RULES §20), the balance returned, the project closed", async () => {
    const project = projects.get("terminated") as Project;
    const spentFen = 40_000_000;
    const balanceFen = dtFen - spentFen;
    const returnRef = `DT-JY-${project.year}-0107`;

    // 1. The unit's administrator applies: ground, reason and what it spent.
    const unit = await openProject("dt-unit", project.id);
    await waitText(unit, "project-number", project.number);
    await waitText(unit, "money-paid", formatWanYuan(dtFen));
    // the unit applies; the bureau's steps are not its own
    expect(await unit.getByTestId("life-revoke").count()).toBe(0);
    expect(await unit.getByTestId("life-sanction").count()).toBe(0);
    await unit.getByTestId("life-apply").click();
    await unit.getByTestId("termination-apply-form").waitFor();
    await settle(unit);
    await waitText(unit, "termination-apply-form", `已拨付 ${formatYuan(dtFen)}`);
    await tick(unit.getByTestId("termination-ground").getByLabel("技术路线不可行，项目无法实施"));
    await unit
      .getByTestId("termination-reason")
      .fill("井下中试表明原定封孔材料在高地应力条件下失效，技术路线不可行。");
    await unit.getByTestId("termination-spent").fill(String(spentFen / 100));
    // the dialog works out the balance as the amount is typed
    await unit
      .getByTestId("termination-apply-form")
      .getByText(`承担单位应将结余资金 ${formatYuan(balanceFen)} 退回财政（DT-RULES §20）`)
      .first()
      .waitFor();
    await shot(unit, "dt-apply-form");
    await unit.getByTestId("termination-apply-submit").click();
    await unit.getByTestId("termination-apply-confirm").waitFor();
    const applied = await confirmText(unit);
    expect(applied).toContain(`申请终止项目 ${project.number}`);
    expect(applied).toContain("事由：技术路线不可行，项目无法实施");
    expect(applied).toContain(`结余资金 ${formatYuan(balanceFen)} 退回财政（DT-RULES §20）`);
    await shot(unit, "dt-apply-confirm");
    await unit.getByTestId("termination-apply-confirm").click();
    await unit.getByTestId("termination-waiting").waitFor();
    await unit.getByTestId("closure-termination-requested").waitFor();
    await unit.getByTestId("life-apply-blocked").waitFor();
    await waitText(unit, "life-apply-reason", "已有终止申请待市科技局审定");
    await unit.getByTestId("timeline-terminationApplied").waitFor();
    await shot(unit, "dt-applied");
    await unit.close();

    // 2. The officer approves it: the confirmation states the balance to return.
    const officer = await openProject("dt-officer", project.id);
    await officer.getByTestId("termination-waiting").waitFor();
    await officer.getByTestId("life-decide").click();
    await officer.getByTestId("termination-decide-form").waitFor();
    await settle(officer);
    await waitText(officer, "termination-decide-form", formatYuan(spentFen));
    // nothing is decided for the officer
    expect(await officer.getByTestId("termination-decision").getByLabel("同意终止").isChecked()).toBe(false);
    await tick(officer.getByTestId("termination-decision").getByLabel("同意终止"));
    await officer
      .getByTestId("termination-note")
      .fill("经专家论证，技术路线确不可行，同意终止，结余资金退回财政。");
    await shot(officer, "dt-decide-form");
    await officer.getByTestId("termination-decide-submit").click();
    await officer.getByTestId("termination-approve-confirm").waitFor();
    const decided = await confirmText(officer);
    expect(decided).toContain(`项目 ${project.number}“${project.title}”即告终止，不能恢复`);
    expect(decided).toContain(`未拨付的 ${formatYuan(0)} 退回年度预算`);
    expect(decided).toContain(`承担单位应将结余资金 ${formatYuan(balanceFen)} 退回财政（DT-RULES §20）`);
    await shot(officer, "dt-approve-confirm");
    await officer.getByTestId("termination-approve-confirm").click();
    await waitText(officer, "project-stage-tag", "已终止");
    await officer.getByTestId("termination-waiting").waitFor({ state: "detached" });
    await closureFigure(officer, "termination", "due", formatYuan(balanceFen));
    await closureFigure(officer, "termination", "outstanding", formatYuan(balanceFen));
    await waitText(officer, "timeline-projectTerminated", `应退回 ${formatWanYuan(balanceFen)}`);
    await officer
      .getByTestId("closure-termination-decided")
      .getByTestId("clause")
      .filter({ hasText: "DT-RULES §20" })
      .waitFor();
    await shot(officer, "dt-terminated");

    // 3. The balance comes back: recorded with the treasury's reference, nothing left outstanding.
    await officer.getByTestId("life-return").click();
    await officer.getByTestId("return-form").waitFor();
    await settle(officer);
    await officer.getByTestId("return-amount").fill(String(balanceFen / 100));
    await officer.getByTestId("return-reference").fill(returnRef);
    await officer.getByTestId("return-submit").click();
    await officer.getByTestId("return-confirm").waitFor();
    const returned = await confirmText(officer);
    expect(returned).toContain(`退回 ${formatYuan(balanceFen)}，国库凭证号 ${returnRef}`);
    expect(returned).toContain(`尚未退回 ${formatYuan(0)}`);
    await shot(officer, "dt-return-confirm");
    await officer.getByTestId("return-confirm").click();
    await closureFigure(officer, "termination", "settled", formatYuan(balanceFen));
    await closureFigure(officer, "termination", "outstanding", formatYuan(0));
    await waitText(officer, "money-returned", formatWanYuan(balanceFen));
    await waitText(officer, "timeline-moneyReturned", `国库凭证号 ${returnRef}`);
    await waitText(officer, "project-closed", "不再拨款。");
    await officer.getByTestId("life-return-blocked").waitFor();
    await waitText(officer, "life-return-reason", "应退回的资金已全部退回");
    // the stage: closed, as terminated
    await waitText(officer, "project-stage", "已终止");
    await shot(officer, "dt-closed");

    // 4. 宽容失败 (DT-RULES §5): the route proved infeasible although the unit was diligent; the
    // finding, once confirmed with its consequence, closes the project without sanction.
    await officer.getByTestId("diligence-open").click();
    await officer.getByTestId("diligence-form").waitFor();
    await settle(officer);
    await officer
      .getByTestId("diligence-finding")
      .fill(
        "经核查，项目组按任务书开展中试，经费使用符合规定，技术路线不可行系客观技术风险所致，认定勤勉尽责。",
      );
    await officer.getByTestId("diligence-submit").click();
    await officer.getByTestId("diligence-confirm").waitFor();
    expect(await confirmText(officer)).toContain("不能再对其采取处理措施");
    await officer.getByTestId("diligence-confirm").click();
    await waitText(officer, "diligence-found", "勤勉尽责");
    await officer
      .getByTestId("diligence-found")
      .getByTestId("clause")
      .filter({ hasText: "DT-RULES §5" })
      .waitFor();
    await shot(officer, "dt-diligent");
    await officer.close();
  }, 300_000);

  it("in Luoyang: the finance bureau suspends a project's payments (LY-FUNDS §25); no payment is offered until it lifts it", async () => {
    const project = projects.get("suspended") as Project;

    // before: its first node is due and the officer may prepare it
    let officer = await openProject("ly-officer", project.id);
    await waitText(officer, "node-first-due", "已满足");
    expect(await officer.getByTestId("node-first-prepare").isDisabled()).toBe(false);
    expect(await officer.getByTestId("project-suspended").count()).toBe(0);
    await officer.close();

    // 1. Finance imposes the suspension in its own bureau's name.
    const finance = await openProject("ly-finance", project.id);
    await finance.getByTestId("life-sanction").click();
    await finance.getByTestId("sanction-form").waitFor();
    await settle(finance);
    await pick(finance, "sanction-kind-select", "暂停项目拨款");
    await waitText(finance, "sanction-consequence", "暂停本项目拨款，直至作出解除决定");
    // finance speaks for the finance bureau only
    const authorities = finance.getByTestId("sanction-authority");
    expect(await authorities.getByLabel("市科技局").count()).toBe(0);
    await tick(authorities.getByLabel("市财政局"));
    await typeDate(finance, "sanction-from", today());
    await finance.getByTestId("sanction-reason").fill("财务检查发现项目资金被挤占挪用，暂停拨款待整改。");
    await waitText(finance, "sanction-consequence", `自 ${today()} 起暂停本项目拨款`);
    await shot(finance, "ly-suspend-form");
    await finance.getByTestId("sanction-submit").click();
    await finance.getByTestId("sanction-confirm").waitFor();
    const imposed = await confirmText(finance);
    expect(imposed).toContain(`自 ${today()} 起暂停本项目拨款，直至作出解除决定`);
    expect(imposed).toContain("期间不得提出或拨付本项目的拨款");
    expect(imposed).toContain("依据：LY-FUNDS §25");
    await shot(finance, "ly-suspend-confirm");
    await finance.getByTestId("sanction-confirm").click();

    // the red alert: by whom, from when, until lifted, with the clause
    const alert = finance.getByTestId("project-suspended");
    await waitText(finance, "project-suspended", `市财政局：自 ${today()} 起，直至解除`);
    expect(await alert.getByTestId("clause").innerText()).toBe("LY-FUNDS §25");
    expect(await alert.evaluate((e) => e.classList.contains("ant-alert-error"))).toBe(true);
    const row = finance
      .getByTestId("sanctions")
      .locator("tr.ant-table-row")
      .filter({ hasText: "暂停项目拨款" });
    await row.getByTestId("sanction-in-force").waitFor();
    await row.getByTestId("sanction-lift").waitFor();
    await finance.getByTestId("timeline-sanctionImposed").waitFor();
    await shot(finance, "ly-suspended");

    // 2. The officer is offered no payment to prepare, and may not lift finance's measure.
    officer = await openProject("ly-officer", project.id);
    await officer.getByTestId("project-suspended").waitFor();
    await officer.getByTestId("node-first-prepare-blocked").waitFor();
    expect(await officer.getByTestId("node-first-prepare").isDisabled()).toBe(true);
    await waitText(officer, "nodes-table", "本项目拨款已暂停");
    expect(await officer.getByTestId("sanction-lift").count()).toBe(0);
    await shot(officer, "ly-suspended-officer");

    // 3. Finance lifts it with its reason.
    await row.getByTestId("sanction-lift").click();
    await finance.getByTestId("sanction-lift-form").waitFor();
    await settle(finance);
    await finance.getByTestId("sanction-lift-reason").fill("挪用资金已归垫，整改到位，恢复拨款。");
    await shot(finance, "ly-lift-form");
    await finance.getByTestId("sanction-lift-submit").click();
    await finance.getByTestId("sanction-lift-confirm").waitFor();
    const lifting = await confirmText(finance);
    expect(lifting).toContain(
      `以市财政局的名义解除对项目 ${project.number} 的暂停项目拨款（自 ${today()} 起）`,
    );
    expect(lifting).toContain("本项目即可照常提出和拨付拨款");
    await shot(finance, "ly-lift-confirm");
    await finance.getByTestId("sanction-lift-confirm").click();
    await finance.getByTestId("project-suspended").waitFor({ state: "detached" });
    await waitText(finance, "sanction-lifted", "挪用资金已归垫，整改到位，恢复拨款。");
    await finance.getByTestId("timeline-sanctionLifted").waitFor();
    await shot(finance, "ly-lifted");
    await finance.close();

    // the payment is offered again
    await officer.reload();
    await officer.getByTestId("page-project").waitFor();
    await waitText(officer, "sanction-lifted", "挪用资金已归垫");
    expect(await officer.getByTestId("project-suspended").count()).toBe(0);
    expect(await officer.getByTestId("node-first-prepare").isDisabled()).toBe(false);
    expect(await officer.getByTestId("nodes-table").innerText()).not.toContain("本项目拨款已暂停");
    await shot(officer, "ly-lifted-officer");
    await officer.close();
  }, 300_000);
});
