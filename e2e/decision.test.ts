import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  advanceClock,
  apiSessions,
  type CityCall,
  localToday,
  minutesPdf,
  reviewedCall,
  signInAs,
} from "./decision-helpers.ts";
import { record, typeDate, waitText } from "./flow-helpers.ts";
import { pageOptions, serverAndBrowser } from "./server.ts";

// From a completed expert review to numbered projects, in both cities, in the browser (issue 14):
// finance sets the year's control number; the program officer draws the list from the ranking,
// records the collective decision with its minutes and submits it; the leader approves (Luoyang:
// the city government's approval is recorded); the list goes on public notice and someone objects
// to the best-ranked project without logging in; after the period the objection is upheld, the
// reserve moves up with a notice of its own, and once that ends the notice closes (Luoyang: finance
// co-signs) and the projects are issued. The applicant sees the numbers and the aggregate result.

const live = serverAndBrowser();
let api: ReturnType<typeof apiSessions>;
const calls = new Map<"ly" | "dt", CityCall>();

// Both calls are reviewed before either city moves the clock (the review and its sessions run on today).
beforeAll(async () => {
  api = apiSessions(live.url);
  calls.set("ly", await reviewedCall(api.as, "ly"));
  calls.set("dt", await reviewedCall(api.as, "dt"));
}, 400_000);
afterAll(async () => {
  await api?.dispose();
});

const shot = (page: Page, prefix: string, step: string) => record(page, `decision-${prefix}-${step}`);

/** Replaces what a number field holds, as a keyboard user would. */
async function typeInto(page: Page, field: Locator, text: string) {
  await field.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.type(text);
}

async function confirm(page: Page, testId: string, confirmTestId = `${testId}-confirm`) {
  await page.getByTestId(testId).click();
  await page.getByTestId(confirmTestId).click();
}

/** Opens the list as `username`, signed in afresh (after a clock jump the old session has idled out). */
async function openList(username: string, listId: string): Promise<Page> {
  const page = await signInAs(live.browser, live.url, username);
  await page.goto(`${live.url}/decisions/${listId}`);
  await page.getByTestId("page-proposed-list").waitFor();
  return page;
}

async function decideCity(prefix: "ly" | "dt") {
  const call = calls.get(prefix) as CityCall;
  const { callId, year, ids, numbers, titles } = call;
  const [n1, n2, n3] = numbers as [string, string, string];
  const luoyang = prefix === "ly";
  const code = `${prefix.toUpperCase()}-${year}-RK-`;

  // 1. Finance sets the year's control number: 500 万元 under the bureau's document.
  const finance = await signInAs(live.browser, live.url, `${prefix}-finance`);
  await finance.getByTestId("task-controlNumber").click();
  await finance.getByTestId("page-control-numbers").waitFor();
  await finance.getByTestId("control-number-set").click();
  await typeInto(finance, finance.getByTestId("control-number-year"), String(year));
  await finance.getByTestId("control-number-amount").fill("500");
  const doc = luoyang ? `洛财预〔${year}〕8号` : `同财教〔${year}〕3号`;
  await finance.getByTestId("control-number-doc").fill(doc);
  await shot(finance, prefix, "control-number-form");
  await finance.getByTestId("control-number-confirm").click();
  await finance.getByTestId("control-number-final").waitFor();
  await shot(finance, prefix, "control-number-confirm");
  await finance.getByTestId("control-number-final").click();
  await waitText(finance, "control-numbers-table", doc);
  await waitText(finance, "control-numbers-table", /500/);
  await shot(finance, prefix, "control-number-set");
  await finance.close();

  // 2. The officer draws the list: the two best selected, the third the first reserve.
  let officer = await signInAs(live.browser, live.url, `${prefix}-officer`);
  await officer.goto(`${live.url}/decisions`);
  await officer.getByTestId(`decision-list-create-${callId}`).waitFor();
  await shot(officer, prefix, "calls");
  await confirm(officer, `decision-list-create-${callId}`, "decision-list-create-confirm");
  await officer.getByTestId("page-proposed-list").waitFor();
  const listId = officer.url().split("/").pop() as string;
  await waitText(officer, "list-status", "拟订中");
  await typeInto(officer, officer.getByTestId("list-top-n"), "2");
  await confirm(officer, "list-select-top");
  await officer.getByTestId(`entry-decision-${n3}`).getByText("候补", { exact: true }).click();
  expect(await officer.getByTestId(`entry-reserve-order-${n3}`).inputValue()).toBe("1");
  await officer.getByTestId("list-unsaved").waitFor();
  await shot(officer, prefix, "list-drafted");
  await officer.getByTestId("list-save").click();
  await officer.getByText("名单已保存").waitFor();
  await officer.getByTestId("list-unsaved").waitFor({ state: "detached" });
  const checked = (n: string) =>
    officer.getByTestId(`entry-decision-${n}`).locator(".ant-radio-button-wrapper-checked");
  expect(await checked(n1).innerText()).toBe("拟立项");
  expect(await checked(n2).innerText()).toBe("拟立项");
  expect(await checked(n3).innerText()).toBe("候补");
  // Without the collective decision the list cannot go forward.
  await officer.getByTestId("list-violations").waitFor();
  expect(await officer.getByTestId("list-submit").isDisabled()).toBe(true);

  await officer.getByTestId("cd-meeting").fill("局长办公会");
  await typeDate(officer, "cd-held-on", localToday());
  await officer.getByTestId("cd-attendees").fill("局长、分管副局长、计划科、财务科负责人");
  await officer.getByTestId("cd-decision").fill("同意按专家评审排名前两项为拟立项项目，第三名列为候补。");
  await officer.getByTestId("cd-save").click();
  await officer.getByText("集体决策已登记").waitFor();
  await officer
    .getByTestId("cd-upload")
    .locator("input[type=file]")
    .setInputFiles({ name: "局长办公会纪要.pdf", mimeType: "application/pdf", buffer: minutesPdf });
  await waitText(officer, "cd-attachment", "局长办公会纪要.pdf");
  await officer.getByTestId("list-violations").waitFor({ state: "detached" });
  await shot(officer, prefix, "collective-decision");
  await officer.getByTestId("list-submit").click();
  await officer.getByTestId("list-submit-confirm").waitFor();
  await shot(officer, prefix, "submit-confirm");
  await officer.getByTestId("list-submit-confirm").click();
  await waitText(officer, "list-status", "待局领导审批");
  await officer.close();

  // 3. The leader finds the list on the workspace tile and approves it.
  const leader = await signInAs(live.browser, live.url, `${prefix}-leader`);
  await waitText(leader, "task-listsWaiting", "1");
  await shot(leader, prefix, "leader-workspace");
  await leader.getByTestId("task-listsWaiting").click();
  await leader.getByTestId(`decision-call-mine-${callId}`).waitFor();
  await shot(leader, prefix, "leader-waiting");
  await leader.getByTestId(`decision-list-link-${callId}`).click();
  await leader.getByTestId("page-proposed-list").waitFor();
  await leader.getByTestId("list-leaderApprove").click();
  await leader.getByTestId("list-leaderApprove-note").fill("同意。");
  await shot(leader, prefix, "leader-approve");
  await leader.getByTestId("list-leaderApprove-confirm").click();
  await waitText(leader, "list-status", "局领导已审批");
  await leader.close();

  officer = await openList(`${prefix}-officer`, listId);
  // 4. Luoyang: the city government approves soft science lists (LY-REFORM §三(二)1).
  if (luoyang) {
    await officer.getByTestId("list-recordCityGovernment").click();
    await typeDate(officer, "list-city-approved-on", localToday());
    await officer.getByTestId("list-city-doc-number").fill(`洛政文〔${year}〕21号`);
    await shot(officer, prefix, "city-government");
    await officer.getByTestId("list-recordCityGovernment-confirm").click();
    await waitText(officer, "list-status", "市政府已批准");
  }

  // 5. The notice starts; someone objects to the best-ranked project, without logging in.
  await confirm(officer, "list-startNotice");
  await officer.getByTestId("list-notice-running").waitFor();
  await waitText(officer, "list-status", "公示中");
  await shot(officer, prefix, "notice-started");
  await officer.close();

  const visitor = await live.browser.newPage({ viewport: { width: 1440, height: 900 }, ...pageOptions });
  await visitor.goto(`${live.url}/notices`);
  await waitText(visitor, `public-notice-entries-${listId}`, titles[0] as string);
  await waitText(visitor, `public-notice-entries-${listId}`, titles[1] as string);
  expect(await visitor.getByTestId(`public-notice-entries-${listId}`).innerText()).not.toContain(
    titles[2] as string,
  );
  await shot(visitor, prefix, "public-notice");
  await visitor.getByTestId(`public-object-${ids[0]}`).click();
  await visitor.getByTestId("public-objection-name").fill("张明");
  await visitor.getByTestId("public-objection-contact").fill("13800000000");
  await visitor
    .getByTestId("public-objection-content")
    .fill("该项目研究内容与申报单位往年已结题项目高度重复，请核实。");
  await shot(visitor, prefix, "public-objection");
  await visitor.getByTestId("public-objection-confirm").click();
  await visitor.getByTestId("public-objection-final").click();
  await visitor.getByText("异议已提交，主管部门将核实处理并与您联系").waitFor();
  await shot(visitor, prefix, "public-objection-sent");
  await visitor.close();

  // 6. After the period the objection is upheld: rank 1 leaves, the reserve moves up with its own notice.
  await advanceClock(live.url, 14);
  officer = await openList(`${prefix}-officer`, listId);
  expect(await officer.getByTestId("list-closeNotice").isDisabled()).toBe(true);
  await waitText(officer, "list-actions-blocked", /异议未处理/);
  await officer.locator('[data-testid^="objection-handle-"]').first().click();
  await officer.getByTestId("objection-outcome").getByText("异议成立（移出名单，候补递补）").click();
  await officer.getByTestId("objection-note").fill("经核实，该项目与已结题项目内容重复，异议成立。");
  await shot(officer, prefix, "objection-handle");
  await officer.getByTestId("objection-handle-confirm").click();
  await officer.getByTestId("objection-handle-final").waitFor();
  await shot(officer, prefix, "objection-uphold-confirm");
  await officer.getByTestId("objection-handle-final").click();
  await officer.getByText("异议已处理").waitFor();
  await waitText(officer, `entry-decision-${n1}`, "异议成立移出");
  await waitText(officer, `entry-decision-${n3}`, "拟立项");
  await waitText(officer, `entry-change-${n3}`, /递补/);
  await waitText(officer, "list-objections", "异议成立");
  // The promoted project runs its own notice: the list cannot close before it ends.
  await officer.getByTestId("list-notice-running").waitFor();
  expect(await officer.getByTestId("list-closeNotice").isDisabled()).toBe(true);
  await waitText(officer, "list-actions-blocked", /公示期尚未结束/);
  await shot(officer, prefix, "objection-upheld");
  await officer.close();

  await advanceClock(live.url, 14);
  officer = await openList(`${prefix}-officer`, listId);
  await officer.getByTestId("list-notice-ended").waitFor();
  await confirm(officer, "list-closeNotice");
  await waitText(officer, "list-status", "公示结束");
  await shot(officer, prefix, "notice-closed");

  // 7. Luoyang: finance co-signs (LY-FUNDS §12).
  if (luoyang) {
    const cosign = await openList(`${prefix}-finance`, listId);
    await cosign.getByTestId("list-coSign").click();
    await shot(cosign, prefix, "co-sign");
    await cosign.getByTestId("list-coSign-confirm").click();
    await waitText(cosign, "list-status", "财政已会签");
    await cosign.close();
    await officer.reload();
    await officer.getByTestId("page-proposed-list").waitFor();
  }

  // 8. The officer issues: the two projects get their numbers.
  await officer.getByTestId("list-issue").click();
  await officer.getByTestId("list-issue-confirm").waitFor();
  await shot(officer, prefix, "issue-confirm");
  await officer.getByTestId("list-issue-confirm").click();
  await waitText(officer, "list-status", "已下达立项");
  await waitText(officer, "list-entries", `${code}001`);
  await waitText(officer, "list-entries", `${code}002`);
  await shot(officer, prefix, "issued");
  await officer.close();

  // 9. The applicant: the numbers in the notifications, the aggregate result, the projects.
  const pi = await signInAs(live.browser, live.url, `${prefix}-pi`);
  await waitText(pi, "notifications", new RegExp(`项目编号 ${code}00[12]`));
  await waitText(pi, "notifications", `“${titles[0]}”未列入本批立项`);
  await shot(pi, prefix, "pi-notifications");
  await pi.goto(`${live.url}/applications/${ids[0]}`);
  await waitText(pi, "application-result", "未立项");
  const result = await pi.getByTestId("application-result").innerText();
  expect(result).toContain("排名 1 / 3");
  for (const name of call.expertNames) expect(result).not.toContain(name);
  await shot(pi, prefix, "pi-not-approved");
  await pi.goto(`${live.url}/applications/${ids[2]}`);
  await waitText(pi, "application-result", /已立项/);
  expect(await pi.getByTestId("application-result").innerText()).toContain(code);
  await pi.goto(`${live.url}/projects`);
  await pi.getByTestId("page-projects").waitFor();
  for (const text of [`${code}001`, `${code}002`, titles[1] as string, titles[2] as string])
    await waitText(pi, "projects-table", text);
  expect(await pi.getByTestId("projects-table").innerText()).not.toContain(titles[0] as string);
  await shot(pi, prefix, "pi-projects");
  await pi.close();
}

describe("funding decision from the ranking to numbered projects", () => {
  it("in Luoyang: city government, public notice, finance co-sign (LY-REFORM §三(二)1)", async () => {
    await decideCity("ly");
  }, 400_000);
  it("in Datong: public notice, no co-sign (DT-RULES §14(四))", async () => {
    await decideCity("dt");
  }, 400_000);
});
