import { chinaDateOf, formatWanYuan, formatYuan } from "@luoshu/domain";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { demoApplicationContent, ok, scan } from "../packages/server/src/db/seed/demo-review.ts";
import { settle } from "./a11y.ts";
import { apiSessions, serverClock, signInAs } from "./decision-helpers.ts";
import { confirmText, record, tick, waitText } from "./flow-helpers.ts";
import { recordReturn } from "./life-steps.ts";
import { serverAndBrowser } from "./server.ts";

// 撤销与科研诚信黑名单 in Datong, in the browser (DT-RULES §21–22): the second of issue 16's two lives,
// Luoyang's being in project-life.test.ts. A directed commission of the demo unit (DT-RULES §14) comes
// through the API to a signed task book with its ¥300,000 paid at once (a city setting). The officer
// revokes it for fraud: the confirmation states everything paid to recover and the blacklist with its
// clause; he records the whole sum recovered with the treasury's reference; the integrity page shows
// the unit on the blacklist until lifted (DT-RULES §22 sets no period); and the demo PI's next
// application, complete and committed to by the same unit, is refused on screen for the unit's
// listing: the listing's clause (DT-RULES §22) on screen, and the refusal marked the city's setting,
// which it is (§22 lists, and says nothing of what listing entails). A commission names no PI of its
// own, so only its unit is listed.

const live = serverAndBrowser();
const { now: serverNow, advance } = serverClock(live);
const today = () => chinaDateOf(serverNow());

const title = "采煤沉陷区生态修复监测关键技术攻关";
const paidFen = 30_000_000;
const upload = (name: string) => ({
  "content-type": "application/octet-stream",
  "x-file-name": encodeURIComponent(name),
});
let project = { id: "", number: "", unitName: "", year: 0 };

beforeAll(async () => {
  const year = Number(today().slice(0, 4));
  let api = apiSessions(live.url);
  await ok(await api.as("dt-finance"), "PUT", `/api/budget/control-numbers/${year}`, {
    amountFen: 500_000_000,
    docNumber: `同财教〔${year}〕3号`,
  });
  const unit = (await ok(await api.as("dt-unit"), "GET", "/api/auth/me")).unit as { id: string };
  const officer = await api.as("dt-officer");
  const commission = await ok(officer, "POST", "/api/directed-commissions", {
    program: "keyRnd",
    title,
    unitId: unit.id,
    reason: "urgentWork",
    basis: "经局长办公会研究，采煤沉陷区生态修复监测任务紧急，定向委托具备条件的单位承担。",
    amountFen: paidFen,
  });
  await ok(officer, "POST", `/api/directed-commissions/${commission.id}/events/publish`);
  await api.dispose();

  // the reasons have been public for their notice period
  await advance(26);
  api = apiSessions(live.url);
  const approved = await ok(
    await api.as("dt-leader"),
    "POST",
    `/api/directed-commissions/${commission.id}/events/approve`,
  );
  const items = (await ok(await api.as("dt-officer"), "GET", "/api/projects")).items as (typeof project)[];
  const found = items.find((p) => p.number === approved.projectNumber);
  if (!found) throw new Error(`the approved project ${approved.projectNumber} is not listed`);
  project = found;

  // its task book signed, its whole sum paid once signed
  const bureau = await api.as("dt-officer");
  const holder = await api.as("dt-unit");
  const finance = await api.as("dt-finance");
  const id = project.id;
  await ok(bureau, "POST", `/api/projects/${id}/task-book`);
  await ok(holder, "POST", `/api/projects/${id}/task-book/events/confirmUnit`);
  await ok(bureau, "POST", `/api/projects/${id}/task-book/events/confirmBureau`);
  await ok(
    holder,
    "PUT",
    `/api/projects/${id}/task-book/scan?signedOn=${today()}`,
    scan,
    upload("计划任务书（签章）.pdf"),
  );
  const key = `revocation-${project.number}`;
  const payment = await ok(
    bureau,
    "POST",
    `/api/projects/${id}/payments`,
    { node: "lumpSum", note: "计划任务书签订后一次性拨付" },
    { "idempotency-key": `${key}-prepare` },
  );
  await ok(finance, "POST", `/api/payments/${payment.id}/events/approve`, {});
  await ok(
    bureau,
    "POST",
    `/api/payments/${payment.id}/events/pay`,
    { treasuryRef: `DT-GK-${year}-0209` },
    { "idempotency-key": `${key}-pay` },
  );
  await api.dispose();
}, 300_000);

const shot = (page: Page, step: string) => record(page, `revocation-datong-${step}`);

/** The revocation's figure on the card. */
const closureFigure = (page: Page, figure: string, text: string) =>
  page
    .getByTestId("closure-revocation-decided")
    .getByTestId(`closure-${figure}`)
    .filter({ hasText: text })
    .waitFor();

describe("revocation in Datong", () => {
  it("revocation → recovery in the ledger → the blacklist → a new application refused with the clause on screen", async () => {
    const recoveryRef = `DT-ZJ-${project.year}-0017`;

    // 1. The officer revokes it: the dialog and its confirmation state the money and the blacklist.
    const officer = await signInAs(live.browser, live.url, "dt-officer");
    await officer.goto(`${live.url}/projects/${project.id}`);
    await officer.getByTestId("project-life").waitFor();
    await waitText(officer, "money-paid", formatWanYuan(paidFen));
    await officer.getByTestId("life-revoke").click();
    await officer.getByTestId("revoke-form").waitFor();
    await settle(officer);
    // no ground is chosen beforehand
    expect(await officer.locator("[data-testid=revoke-ground] input:checked").count()).toBe(0);
    const consequence = await officer.getByTestId("revoke-consequence").innerText();
    expect(consequence).toContain(`追回已拨资金 ${formatYuan(paidFen)}`);
    // a commission has no PI of its own: its unit alone is listed
    expect(consequence).toContain("将承担单位列入科研诚信黑名单，直至作出解除决定（DT-RULES §22）");
    await tick(officer.getByTestId("revoke-ground").getByLabel("弄虚作假"));
    await officer.getByTestId("revoke-reason").fill("核查发现监测数据系事后补录，现场监测点未按任务书布设。");
    await officer.getByTestId("revoke-submit").click();
    await officer.getByTestId("revoke-confirm").waitFor();
    const confirm = await confirmText(officer);
    expect(confirm).toContain(`以“弄虚作假”为由撤销项目“${title}”`);
    expect(confirm).toContain(`撤销后将追回已拨资金 ${formatYuan(paidFen)}（DT-RULES §21）`);
    expect(confirm).toContain("撤销不能恢复");
    await shot(officer, "confirm");
    await officer.getByTestId("revoke-confirm").click();
    await waitText(officer, "project-stage-tag", "已撤销");
    await closureFigure(officer, "due", formatYuan(paidFen));
    await closureFigure(officer, "outstanding", formatYuan(paidFen));

    // 2. All of it comes back: recorded with the treasury's reference, nothing left outstanding.
    expect(await recordReturn(officer, String(paidFen / 100), recoveryRef)).toContain(
      `尚未退回 ${formatYuan(0)}`,
    );
    await closureFigure(officer, "settled", formatYuan(paidFen));
    await closureFigure(officer, "outstanding", formatYuan(0));
    await waitText(officer, "money-returned", formatWanYuan(paidFen));
    await waitText(officer, "timeline-moneyReturned", `国库凭证号 ${recoveryRef}`);
    await shot(officer, "recovered");

    // 3. The integrity page: the unit on the blacklist until lifted, citing §22.
    await officer.getByTestId("menu-integrity").click();
    await officer.getByTestId("page-integrity").waitFor();
    const row = officer
      .getByTestId("integrity-table")
      .locator("tr.ant-table-row")
      .filter({ hasText: `项目 ${project.number} 撤销` });
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    const text = await row.innerText();
    expect(text).toContain(project.unitName);
    expect(text).toContain("黑名单");
    expect(text).toContain("生效中 · 不得申报");
    expect(text).toContain("长期");
    expect(await row.getByTestId("clause").innerText()).toBe("DT-RULES §22");
    await shot(officer, "blacklist");
    await officer.close();

    // 4. The demo PI's next application, complete and committed to by the unit, is refused at
    // submission for the unit's listing alone, with its clause on screen.
    const api = apiSessions(live.url);
    const pi = await api.as("dt-pi");
    const guide = (await ok(pi, "GET", "/api/guides")).items[0];
    const next = {
      title: "大同采煤沉陷区综合治理模式研究",
      abstract: "研究采煤沉陷区生态修复与产业转型协同治理模式。",
      keywords: "采煤沉陷区；生态修复；综合治理",
      researchContent: "一、现状调查；二、模式比较；三、政策建议。",
    };
    const { id } = await ok(pi, "POST", "/api/applications", {
      callId: guide.calls[0].id,
      title: next.title,
    });
    await ok(pi, "PUT", `/api/applications/${id}/content`, demoApplicationContent(next, "dt", project.year));
    await ok(pi, "POST", `/api/applications/${id}/commitment`, { as: "pi" });
    await ok(await api.as("dt-unit"), "POST", `/api/applications/${id}/commitment`, { as: "unit" });
    await ok(pi, "PUT", `/api/applications/${id}/attachments/commitmentScan`, scan, upload("承诺书.pdf"));
    await api.dispose();

    const applicant = await signInAs(live.browser, live.url, "dt-pi");
    await applicant.goto(`${live.url}/applications/${id}`);
    await applicant.getByTestId("application-form").waitFor();
    await applicant.getByTestId("application-submit").click();
    await applicant.getByTestId("application-submit-confirm").click();
    const violations = applicant.getByTestId("submit-violations");
    await violations.waitFor();
    const banned = violations.getByTestId("violation-SUBMIT_UNIT_BANNED");
    await banned.waitFor();
    // DT-RULES §22 lists; refusing a listed unit's application is the city's own setting, marked so
    expect(await banned.innerText()).toContain("申报单位已列入科研诚信黑名单（DT-RULES §22），不得申报");
    await banned.getByTestId("setting-city").waitFor();
    expect(
      await violations
        .locator("[data-testid^='violation-']")
        .evaluateAll((els) => els.map((e) => e.getAttribute("data-testid"))),
    ).toEqual(["violation-SUBMIT_UNIT_BANNED"]);
    await waitText(applicant, "application-status", "草稿");
    await shot(applicant, "refused");
    await applicant.close();
  }, 300_000);
});
