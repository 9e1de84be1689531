import { chinaDateOf, formatWanYuan, formatYuan } from "@luoshu/domain";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { type LoginAs, ok, scan } from "../packages/server/src/db/seed/demo-review.ts";
import { settle } from "./a11y.ts";
import { acceptanceSteps } from "./acceptance-helpers.ts";
import { apiSessions, serverClock, signInAs } from "./decision-helpers.ts";
import { confirmText, record, typeDate, waitText } from "./flow-helpers.ts";
import {
  addCategory,
  adjustAmount,
  agreeAsDistrict,
  approvePayment,
  approveProgressReport,
  changeRow,
  fileProgressReport,
  passAcceptance,
  payPayment,
  prepareNodePayment,
  recordReturn,
  startChange,
  submitAcceptance,
} from "./life-steps.ts";
import { serverAndBrowser } from "./server.ts";
import { trackingOf } from "./tracking-setup.ts";

// 项目变更 in the browser (DT-RULES §19; LY-FUNDS §18), on the project page's 「项目变更」 card. The
// projects are soft science projects drawn from the demo PI's applications, whose budgets carry
// lines (出版/文献… ¥15,000, 差旅费/会议费… ¥10,000): the demo walk (demoReview) leaves each city's
// proposed list with the leader; the API takes it through the notice to issued projects and signs
// the first one's task book. In Luoyang the unit's administrator, trying to move money among the
// lines other than equipment, is told before submitting and by the server's refusal that the PI
// decides it (LY-FUNDS §18); the PI is refused an adjustment that breaks the indirect-cost cap, with
// the clause, then records one that takes effect at once, with no bureau step. In Datong the unit
// applies for a budget adjustment (a new category added) and an extension, the bureau's officer
// approves both, and the current budget and end date show them (DT-RULES §19). The Datong project
// then lives on to its end (issue 16's life in Datong, which has no mid-term node and no
// post-subsidy): its lump sum paid, its first progress report filed and approved, its acceptance
// agreed by the district and passed 良 by a panel of five, and the balance returned to the treasury.

const live = serverAndBrowser({ demoReview: true });

// The demo walk signs its people in through the login route just before the server listens: that
// minute's window may be full, so the setup's first sign-in waits for the next one.
beforeAll(() => new Promise((r) => setTimeout(r, 60_000 - (Date.now() % 60_000) + 500)), 70_000);

const { now: serverNow, advance } = serverClock(live);
const today = () => chinaDateOf(serverNow());

type Prefix = "ly" | "dt";
interface Project {
  id: string;
  number: string;
  title: string;
  year: number;
}
const projects = new Map<Prefix, Project>();
/** The demo decision's best-ranked application in each city (db/seed/demo-decision.ts). */
const titles: Record<Prefix, string> = {
  ly: "洛阳市科技型中小企业梯次培育机制研究",
  dt: "大同数字经济与实体经济融合路径研究",
};
const upload = {
  "content-type": "application/octet-stream",
  "x-file-name": encodeURIComponent("计划任务书（签章）.pdf"),
};

/** Draws, confirms on both sides and signs a project's task book with its scan. */
async function signTaskBook(as: LoginAs, prefix: Prefix, id: string) {
  const officer = await as(`${prefix}-officer`);
  const unit = await as(`${prefix}-unit`);
  await ok(officer, "POST", `/api/projects/${id}/task-book`);
  await ok(unit, "POST", `/api/projects/${id}/task-book/events/confirmUnit`);
  await ok(officer, "POST", `/api/projects/${id}/task-book/events/confirmBureau`);
  await ok(unit, "PUT", `/api/projects/${id}/task-book/scan?signedOn=${today()}`, scan, upload);
}

/**
 * Each city's submitted demo list through the leader, (Luoyang) the city government, the notice,
 * (Luoyang) finance's co-sign, to issued projects; the best-ranked one's task book signed.
 */
beforeAll(async () => {
  let api = apiSessions(live.url);
  const lists = new Map<Prefix, string>();
  const fire = async (prefix: Prefix, u: string, event: string, body: object = {}) =>
    ok(await api.as(u), "POST", `/api/decisions/lists/${lists.get(prefix)}/events/${event}`, body);
  for (const prefix of ["ly", "dt"] as const) {
    const calls = await ok(await api.as(`${prefix}-officer`), "GET", "/api/decisions");
    const call = (calls.items ?? calls).find(
      (c: { list: { status: string } | null }) => c.list?.status === "awaitingLeader",
    );
    if (!call) throw new Error(`${prefix}: the demo walk left no submitted list`);
    lists.set(prefix, call.list.id);
    await fire(prefix, `${prefix}-leader`, "leaderApprove", { note: "同意。" });
    if (prefix === "ly")
      await fire(prefix, "ly-officer", "recordCityGovernment", {
        approvedOn: today(),
        docNumber: `洛政文〔${call.year}〕21号`,
      });
    await fire(prefix, `${prefix}-officer`, "startNotice");
  }
  await api.dispose();

  // the notices have run their working days
  await advance(14);
  api = apiSessions(live.url);
  for (const prefix of ["ly", "dt"] as const) {
    const closed = await fire(prefix, `${prefix}-officer`, "closeNotice");
    if (closed.steps?.coSign) await fire(prefix, `${prefix}-finance`, "coSign", { note: "同意" });
    await fire(prefix, `${prefix}-officer`, "issue");
    const items = (await ok(await api.as(`${prefix}-officer`), "GET", "/api/projects")).items as Project[];
    const p = items.find((x) => x.title === titles[prefix]);
    if (!p) throw new Error(`${prefix}: the issued project "${titles[prefix]}" is not listed`);
    projects.set(prefix, p);
    await signTaskBook(api.as, prefix, p.id);
    const signed = await ok(await api.as(`${prefix}-officer`), "GET", `/api/projects/${p.id}`);
    expect(signed.life.currentBudget).toEqual([
      { category: "publicationIp", amountFen: 1_500_000 },
      { category: "travelMeetings", amountFen: 1_000_000 },
    ]);
    expect(signed.life.actions).not.toContain("decideChange");
  }
  await api.dispose();
}, 300_000);

const shot = (page: Page, step: string) => record(page, `changes-${step}`);

/** Opens the project's page as `username`, signed in afresh, at its changes card. */
async function openProject(username: string, id: string): Promise<Page> {
  const page = await signInAs(live.browser, live.url, username);
  await page.goto(`${live.url}/projects/${id}`);
  await page.getByTestId("page-project").waitFor();
  await page.getByTestId("project-changes").waitFor();
  return page;
}

describe("project changes by the city's rules", () => {
  it("in Luoyang: the PI decides among the other lines, in effect at once; the unit is told so (LY-FUNDS §18)", async () => {
    const project = projects.get("ly") as Project;
    const reason = "调研范围扩大到县域，差旅费不足，由出版费调剂 2000 元。";

    // 1. The unit's administrator moves money between two business lines: the PI's decision.
    const unit = await openProject("ly-unit", project.id);
    await waitText(unit, "current-budget-travelMeetings", formatYuan(1_000_000));
    await waitText(unit, "current-budget-total", formatYuan(2_500_000));
    await waitText(unit, "change-end-date", `${project.year + 1}-06-30`);
    await shot(unit, "ly-card");
    await startChange(unit, "预算调剂");
    await adjustAmount(unit, "travelMeetings", "12000");
    await adjustAmount(unit, "publicationIp", "13000");
    await waitText(unit, "adjust-total", `调剂后合计 ${formatYuan(2_500_000)}`);
    await waitText(unit, "change-decider-name", "项目负责人自主决定");
    await waitText(unit, "change-decider", "LY-FUNDS §18");
    await waitText(unit, "change-not-yours", "由项目负责人本人决定");
    await unit.getByTestId("change-reason").fill(reason);
    await shot(unit, "ly-unit-form");
    await unit.getByTestId("change-request-submit").click();
    await unit.getByTestId("change-request-confirm").click();
    const refusal = unit.locator(".ant-modal").getByTestId("error-alert");
    await refusal.filter({ hasText: "该变更由项目负责人自主决定" }).waitFor();
    await refusal.getByTestId("clause").filter({ hasText: "LY-FUNDS §18" }).waitFor();
    await shot(unit, "ly-unit-refused");
    await unit.close();

    // 2. The PI: only the budget adjustment is his; an indirect cost over the cap is refused with its clause.
    const pi = await openProject("ly-pi", project.id);
    await startChange(pi, "预算调剂");
    expect(await pi.getByTestId("change-kind").getByLabel("延期", { exact: false }).isDisabled()).toBe(true);
    await adjustAmount(pi, "travelMeetings", "12000");
    await pi.getByTestId("change-reason").fill(reason);
    await pi.getByTestId("change-request-submit").click();
    await pi
      .getByTestId("change-request-form")
      .getByText(
        `预算调剂不改变项目预算总额：调剂后合计 ${formatYuan(2_700_000)}，应为 ${formatYuan(2_500_000)}`,
      )
      .waitFor();
    await adjustAmount(pi, "travelMeetings", "10000");
    await adjustAmount(pi, "publicationIp", "5000");
    await addCategory(pi, "间接费用");
    await adjustAmount(pi, "indirect", "10000");
    await pi.getByTestId("change-request-submit").click();
    await pi.getByTestId("change-request-confirm").click();
    await waitText(pi, "adjust-findings", "间接费用");
    const capRefusal = pi.locator(".ant-modal").getByTestId("error-alert");
    await capRefusal.filter({ hasText: "超过上限" }).waitFor();
    expect(await pi.getByTestId("adjust-findings").getByTestId("clause").count()).toBeGreaterThan(0);
    await shot(pi, "ly-pi-over-cap");

    // … then moves ¥2,000 from publications to travel: recorded at once, no bureau step.
    await pi.getByRole("button", { name: "移除 间接费用" }).click();
    await adjustAmount(pi, "travelMeetings", "12000");
    await adjustAmount(pi, "publicationIp", "13000");
    await waitText(pi, "change-decider-name", "项目负责人自主决定");
    await waitText(pi, "change-effect", "自主决定，提交即生效并备案");
    expect(await pi.getByTestId("change-not-yours").count()).toBe(0);
    await shot(pi, "ly-pi-form");
    await pi.getByTestId("change-request-submit").click();
    await pi.getByTestId("change-request-confirm").waitFor();
    const recorded = await confirmText(pi);
    expect(recorded).toContain(`${formatYuan(1_000_000)} → ${formatYuan(1_200_000)}`);
    expect(recorded).toContain(`${formatYuan(1_500_000)} → ${formatYuan(1_300_000)}`);
    expect(recorded).toContain("项目负责人自主决定（LY-FUNDS §18）：自主决定，提交即生效并备案");
    await shot(pi, "ly-pi-confirm");
    await pi.getByTestId("change-request-confirm").click();
    await pi.getByTestId("change-request-form").waitFor({ state: "detached" });
    await waitText(pi, "current-budget-travelMeetings", formatYuan(1_200_000));
    await waitText(pi, "current-budget-publicationIp", formatYuan(1_300_000));
    await waitText(pi, "current-budget-total", formatYuan(2_500_000));
    const done = changeRow(pi, "budgetAdjustment");
    await waitText(pi, "change-status", "已自主决定并备案");
    await done.getByTestId("clause").filter({ hasText: "LY-FUNDS §18" }).waitFor();
    expect(await pi.getByTestId("changes-waiting").count()).toBe(0);
    await pi.getByTestId("timeline-changeRecorded").waitFor();
    await shot(pi, "ly-recorded");
    await pi.close();

    // the bureau has nothing to decide: no approve step is offered
    const officer = await openProject("ly-officer", project.id);
    await waitText(officer, "change-status", "已自主决定并备案");
    expect(await officer.getByTestId("change-approve").count()).toBe(0);
    expect(await officer.getByTestId("change-request").count()).toBe(0);
    await officer.close();
  }, 300_000);

  it("in Datong: the unit applies for a budget adjustment and an extension, the bureau approves them (DT-RULES §19)", async () => {
    const project = projects.get("dt") as Project;
    const end = `${project.year + 1}-06-30`;
    const extended = `${project.year + 1}-12-31`;

    // 1. The unit applies: ¥2,000 of travel to a testing line it adds; the bureau decides.
    const unit = await openProject("dt-unit", project.id);
    await startChange(unit, "预算调剂");
    await adjustAmount(unit, "travelMeetings", "8000");
    await addCategory(unit, "测试化验加工费");
    await adjustAmount(unit, "testing", "2000");
    await waitText(unit, "change-decider-name", "市科技局审批");
    await waitText(unit, "change-decider", "DT-RULES §19");
    await waitText(unit, "change-effect", "提交后由市科技局审批，批准后方生效");
    await unit.getByTestId("change-reason").fill("试验方案调整，需委托第三方检测，由差旅费调剂 2000 元。");
    await shot(unit, "dt-budget-form");
    await unit.getByTestId("change-request-submit").click();
    await unit.getByTestId("change-request-confirm").waitFor();
    const applied = await confirmText(unit);
    expect(applied).toContain(`${formatYuan(1_000_000)} → ${formatYuan(800_000)}`);
    expect(applied).toContain(`${formatYuan(0)} → ${formatYuan(200_000)}`);
    expect(applied).toContain("市科技局审批（DT-RULES §19）：提交后由市科技局审批，批准后方生效");
    await shot(unit, "dt-budget-confirm");
    await unit.getByTestId("change-request-confirm").click();
    await unit.getByTestId("change-request-form").waitFor({ state: "detached" });
    await waitText(unit, "changes-waiting", "1 项变更申请待市科技局审批");
    await waitText(unit, "change-status", "待市科技局审批");
    // the budget stands until the bureau approves
    await waitText(unit, "current-budget-travelMeetings", formatYuan(1_000_000));
    expect(await unit.getByTestId("current-budget-testing").count()).toBe(0);

    // … and an extension of half a year
    await startChange(unit, "延期");
    await waitText(unit, "change-decider-name", "市科技局审批");
    await typeDate(unit, "change-end-date-input", extended);
    await unit.getByTestId("change-reason").fill("关键检测设备到货延迟，因技术原因申请延期半年。");
    await unit.getByTestId("change-request-submit").click();
    await unit.getByTestId("change-request-confirm").waitFor();
    expect(await confirmText(unit)).toContain(`结束日期由 ${end} 延至 ${extended}`);
    await unit.getByTestId("change-request-confirm").click();
    await unit.getByTestId("change-request-form").waitFor({ state: "detached" });
    await waitText(unit, "changes-waiting", "2 项变更申请");
    await unit.getByTestId("timeline-changeRequested").first().waitFor();
    await shot(unit, "dt-applied");
    await unit.close();

    // 2. The officer approves both; the budget and the end date follow.
    const officer = await openProject("dt-officer", project.id);
    await changeRow(officer, "budgetAdjustment").getByTestId("change-approve").click();
    await officer.getByTestId("change-decide-form").waitFor();
    await settle(officer);
    await waitText(officer, "change-decide-consequence", `${formatYuan(1_000_000)} → ${formatYuan(800_000)}`);
    await officer.getByTestId("change-note").fill("经审核，同意调剂。");
    await shot(officer, "dt-approve-form");
    await officer.getByTestId("change-decide-submit").click();
    await officer.getByTestId("change-approve-confirm").waitFor();
    expect(await confirmText(officer)).toContain("批准后变更即生效");
    await shot(officer, "dt-approve-confirm");
    await officer.getByTestId("change-approve-confirm").click();
    await officer.getByTestId("change-decide-form").waitFor({ state: "detached" });
    await waitText(officer, "current-budget-testing", formatYuan(200_000));
    await waitText(officer, "current-budget-travelMeetings", formatYuan(800_000));
    await waitText(officer, "current-budget-total", formatYuan(2_500_000));
    await changeRow(officer, "budgetAdjustment")
      .getByTestId("change-status")
      .filter({ hasText: "已批复" })
      .waitFor();
    await changeRow(officer, "budgetAdjustment")
      .getByTestId("change-note-text")
      .filter({ hasText: "经审核，同意调剂。" })
      .waitFor();

    await changeRow(officer, "extension").getByTestId("change-approve").click();
    await officer.getByTestId("change-decide-form").waitFor();
    await officer.getByTestId("change-note").fill("同意延期至年底。");
    await officer.getByTestId("change-decide-submit").click();
    await officer.getByTestId("change-approve-confirm").click();
    await officer.getByTestId("change-decide-form").waitFor({ state: "detached" });
    await waitText(officer, "change-end-date", extended);
    await waitText(officer, "change-end-date-extended", `任务书约定 ${end}`);
    expect(await officer.getByTestId("changes-waiting").count()).toBe(0);
    expect(await officer.getByTestId("change-approve").count()).toBe(0);
    await officer.getByTestId("timeline-changeApproved").first().waitFor();
    await shot(officer, "dt-approved");
    await officer.close();
  }, 300_000);

  it("in Datong the life goes on: paid, reported, accepted with the district's opinion, graded, the balance returned (DT-RULES §17, §23)", async () => {
    const project = projects.get("dt") as Project;
    const { year } = project;

    // 1. The lump sum, once the task book is signed (a city setting): prepared, approved by finance, paid.
    const preparer = await openProject("dt-officer", project.id);
    const paymentId = await prepareNodePayment(preparer, "lumpSum", "计划任务书签订后一次性拨付。");
    await preparer.close();
    const finance = await openProject("dt-finance", project.id);
    await approvePayment(finance, paymentId);
    await finance.close();
    const payer = await openProject("dt-officer", project.id);
    await payPayment(payer, paymentId, `DT-GK-${year}-0415`);
    await waitText(payer, "money-paid", formatWanYuan(2_500_000));
    await payer.close();

    // 2. Six months from the start the first report is due: the PI files it, the officer approves it.
    const due = (await trackingOf(live.url, project.id, "dt")).schedule[0].dueDate as string;
    await advance(Math.max(0, Math.round((Date.parse(due) - Date.parse(today())) / 86_400_000)));
    const pi = await openProject("dt-pi", project.id);
    await pi.getByTestId("progress-schedule").waitFor();
    await waitText(pi, "tracking-rule", "每 6 个月报告一次");
    await fileProgressReport(pi, 1, {
      summary: "完成数字经济与实体经济融合现状调研，形成调研报告初稿。",
      spentYuan: { publicationIp: "3000", travelMeetings: "3000", testing: "0" },
      evidence: "调研报告初稿（附件）",
      explanation: "出版费用在研究报告定稿后集中支付。",
    });
    await pi.close();
    const reviewer = await openProject("dt-officer", project.id);
    await approveProgressReport(reviewer, 1, "同意，进展符合任务书。");
    await shot(reviewer, "dt-life-reported");
    await reviewer.close();

    // 3. The PI submits for acceptance; the district's S&T department agrees (DT-RULES §17).
    const { convene, confirmConvene, scoreLatest, ...acceptance } = acceptanceSteps(live);
    const submitter = await acceptance.openProject("dt-pi", project.id);
    await waitText(submitter, "acceptance-balance-rule", "退回财政");
    await submitAcceptance(submitter, {
      evidence: "研究报告及市发改委采纳证明",
      report: "项目完成大同数字经济与实体经济融合路径研究，形成研究报告 1 份，提出政策建议 6 条。",
      settledYuan: { publicationIp: "12000", travelMeetings: "6000", testing: "2000" },
    });
    await submitter.close();
    const district = await acceptance.openProject("dt-district", project.id);
    await agreeAsDistrict(district, "项目按任务书完成研究，同意组织验收。");
    await district.close();

    // 4. A panel of five scores 85 on every aspect: 良. The officer passes it as the mean calls for.
    const convener = await acceptance.openProject("dt-officer", project.id);
    await confirmConvene(convener, (await convene(convener, 5)).names);
    await convener.close();
    await scoreLatest(project.id, project.number, [85, 85, 85, 85, 85], "dt");
    const passer = await acceptance.openProject("dt-officer", project.id);
    await waitText(passer, "assessment-grade", "良");
    const passing = await passAcceptance(passer, "专家组同意通过验收。");
    expect(passing).toContain("平均分 85.00 分");
    await waitText(passer, "acceptance-grade", "良");
    await waitText(passer, "project-stage-tag", "结题");

    // 5. The balance returns to the treasury (a city setting): ¥25,000 paid, ¥20,000 settled, ¥5,000 due.
    const settlement = passer.getByTestId("closure-settlement-decided");
    await settlement
      .getByTestId("closure-due")
      .filter({ hasText: formatYuan(500_000) })
      .waitFor();
    expect(await recordReturn(passer, "5000", `DT-JY-${year}-0611`)).toContain(`尚未退回 ${formatYuan(0)}`);
    await settlement
      .getByTestId("closure-outstanding")
      .filter({ hasText: formatYuan(0) })
      .waitFor();
    await waitText(passer, "money-returned", formatWanYuan(500_000));
    await shot(passer, "dt-life-closed");
    await passer.close();
  }, 900_000);
});
