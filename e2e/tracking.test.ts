import { addMonths, chinaDateOf, formatWanYuan, formatYuan } from "@luoshu/domain";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { settle } from "./a11y.ts";
import { acceptanceSteps } from "./acceptance-helpers.ts";
import { serverClock, signInAs } from "./decision-helpers.ts";
import { confirmText, pick, record, tick, waitText } from "./flow-helpers.ts";
import {
  adjustAmount,
  approvePayment,
  passAcceptance,
  payPayment,
  prepareNodePayment,
  startChange,
  submitAcceptance,
  submitChange,
} from "./life-steps.ts";
import { serverAndBrowser } from "./server.ts";
import { signedMajorInnovationProject, trackingOf, usernamesOf } from "./tracking-setup.ts";

// 进展报告与期中评估 in the browser (DT-RULES §14(五); LY-FUNDS §10, §13(一)). A Luoyang 重大科技创新专项
// (pre-funded 60/20/20) comes through the API from its guide to a signed task book with its first node
// paid (tracking-setup.ts); its period of a year owes one report, six months in. Past its due date the
// PI finds it overdue, files it in the dialog — the milestone due has no status until chosen, and the
// testing line spent far below its time-elapsed share asks for its explanation before anything is
// sent; the officer, whose mid-term node waits for the report, returns it; the PI mends it from its
// returned content and files again; the officer approves it. The officer convenes a panel of three
// experts free of conflict, each scores the scorecard on /assessments, and the officer concludes as
// the mean calls for (通过): the mid-term node's payment can then be prepared, and is. The project then
// lives on to its end (issue 16's life in Luoyang): finance approves the mid-term payment and it is
// paid; the PI moves money between two lines on his own authority (LY-FUNDS §18); he submits for
// acceptance, a panel scores it 优 and the officer passes it; the final node, released by acceptance,
// is paid. A 重大科技创新专项 has no post-subsidy: Luoyang's is for 公益科研项目 (LY-REFORM §三(四)2),
// whose grade → post-subsidy paid is walked in acceptance.test.ts and subsidy-use.test.ts.

const live = serverAndBrowser();
const day = 86_400_000;

const { now: serverNow, advance } = serverClock(live);
const today = () => chinaDateOf(serverNow());

let project: Awaited<ReturnType<typeof signedMajorInnovationProject>>;
let dueDate = "";
let midTermPaymentId = "";
const overdueDays = 3;

beforeAll(async () => {
  project = await signedMajorInnovationProject(live.url, { now: serverNow, advance });
  // six months from the start the first report falls due; the walk goes on three days past it
  dueDate = addMonths(project.plan.startDate, 6);
  await advance(Math.round((Date.parse(dueDate) - Date.parse(today())) / day) + overdueDays);
}, 600_000);

const shot = (page: Page, step: string) => record(page, `tracking-${step}`);

/** Closes the report's drawer (its close button), which covers the page while open. */
async function closeDrawer(page: Page) {
  await page.locator(".ant-drawer-close").click();
  await page.locator(".ant-drawer-content-wrapper").waitFor({ state: "hidden" });
}

/** Opens the project's page as `username`, signed in afresh, at its tracking card. */
async function openProject(username: string): Promise<Page> {
  const page = await signInAs(live.browser, live.url, username);
  await page.goto(`${live.url}/projects/${project.id}`);
  await page.getByTestId("page-project").waitFor();
  await page.getByTestId("progress-schedule").waitFor();
  return page;
}

const summary = "完成磨削工艺方案设计和主要材料采购，样机结构设计完成 80%。";
const explained = "检测服务合同已签订，费用按合同约定在样机完成后支付。";

describe("progress reports and the mid-term assessment", () => {
  it("the officer reminds; the PI files the overdue report; the officer returns it, the PI mends it, the officer approves it", async () => {
    // 0. The officer finds it among the overdue and reminds the unit and the PI (催报).
    const reminder = await signInAs(live.browser, live.url, "ly-officer");
    await reminder.goto(`${live.url}/progress-reports?need=overdue`);
    await reminder.getByTestId(`progress-inbox-${project.id}-1`).click();
    await reminder.getByTestId("progress-schedule").waitFor();
    await reminder.getByTestId("progress-remind-1").click();
    await reminder.getByTestId("progress-remind-confirm").waitFor();
    expect(await confirmText(reminder)).toContain(`已逾期 ${overdueDays} 天`);
    await shot(reminder, "remind-confirm");
    await reminder.getByTestId("progress-remind-confirm").click();
    await waitText(reminder, "progress-reminded-1", today());
    await reminder.close();

    // 1. The PI: the report is in the inbox, overdue; the dialog asks for what is due.
    const pi = await signInAs(live.browser, live.url, "ly-pi");
    await pi.goto(`${live.url}/progress-reports?need=file`);
    await pi.getByTestId(`progress-inbox-${project.id}-1`).waitFor();
    await shot(pi, "pi-inbox");
    await pi.getByTestId(`progress-inbox-${project.id}-1`).click();
    await pi.getByTestId("progress-schedule").waitFor();
    await waitText(pi, "tracking-rule", "每 6 个月报告一次");
    await waitText(pi, "progress-standing-1", "逾期未报");
    await waitText(pi, "progress-overdue-1", `已逾期 ${overdueDays} 天`);
    await waitText(pi, "tracking-outstanding", "第 1 期进展报告已到期");
    await pi.getByTestId("project-tracking").scrollIntoViewIfNeeded();
    await shot(pi, "pi-card");

    await pi.getByTestId("progress-file-1").click();
    await pi.getByTestId("progress-report-form").waitFor();
    await settle(pi);
    await waitText(pi, "progress-report-period", `报告截至 ${dueDate}`);
    // the milestone due by the report's date has no status until one is chosen; the next is on track
    expect(await pi.getByTestId("progress-milestone-0").locator(".ant-select-selection-item").count()).toBe(
      0,
    );
    await waitText(pi, "progress-milestone-1", "按计划推进");
    await pi.getByTestId("progress-summary").fill(summary);
    await pi.getByTestId("progress-spent-materials").fill("160000");
    await pi.getByTestId("progress-spent-testing").fill("20000");
    await pi.getByTestId("progress-spent-travelMeetings").fill("24000");
    await pi.getByTestId("progress-flag-testing").waitFor();
    expect(await pi.getByTestId("progress-flag-materials").count()).toBe(0);
    expect(await pi.getByTestId("progress-flag-travelMeetings").count()).toBe(0);
    await pi.getByTestId("progress-report-submit").click();
    const form = pi.getByTestId("progress-report-form");
    await form.getByText("已到期，请选择已完成或已延误").waitFor();
    await form.getByText("该科目支出偏离预算进度，请说明原因").waitFor();
    expect(await pi.getByTestId("progress-report-confirm").count()).toBe(0);
    await shot(pi, "pi-form-flagged");

    await pick(pi, "progress-milestone-status-0", "已完成");
    await pi
      .getByTestId("progress-milestone-evidence-0")
      .fill("工艺设计报告已通过专家内审（附件：工艺设计报告.pdf）");
    await pi.getByTestId("progress-explanation-testing").fill(explained);
    await pi.getByTestId("progress-report-submit").click();
    await pi.getByTestId("progress-report-confirm").waitFor();
    const filing = await confirmText(pi);
    expect(filing).toContain("测试化验加工费偏离预算进度，已说明原因");
    expect(filing).toContain("审核通过前，该期之后的节点拨款须等待");
    await shot(pi, "pi-confirm");
    await pi.getByTestId("progress-report-confirm").click();
    await form.waitFor({ state: "detached" });
    await waitText(pi, "progress-standing-1", "已提交，待审核");
    await pi.getByTestId("progress-view-1").click();
    await waitText(pi, "report-variance-testing", explained);
    await shot(pi, "pi-filed");
    await pi.close();

    // 2. The officer: the mid-term node waits for the report; he returns it with what to mend.
    const officer = await signInAs(live.browser, live.url, "ly-officer");
    await officer.goto(`${live.url}/progress-reports?need=review`);
    await officer.getByTestId(`progress-inbox-${project.id}-1`).click();
    await officer.getByTestId("progress-schedule").waitFor();
    await officer.getByTestId("node-midTerm-prepare-blocked").waitFor();
    await waitText(officer, "nodes-table", "待第 1 期进展报告审核通过");
    await officer.getByTestId("progress-view-1").click();
    await waitText(officer, "report-summary", summary);
    await waitText(officer, "report-variance-testing", explained);
    await shot(officer, "officer-review");
    await closeDrawer(officer);
    await officer.getByTestId("progress-return-1").click();
    await officer.getByTestId("progress-decide-form").waitFor();
    await settle(officer);
    await waitText(officer, "progress-decide-consequence", "退回后由单位修改后重新提交");
    await officer.getByTestId("progress-note").fill("请补充测试化验加工费的合同及支付计划。");
    await officer.getByTestId("progress-decide-submit").click();
    await officer.getByTestId("progress-return-confirm").waitFor();
    expect(await confirmText(officer)).toContain("退回后由单位修改后重新提交");
    await shot(officer, "return-confirm");
    await officer.getByTestId("progress-return-confirm").click();
    await officer.getByTestId("progress-decide-form").waitFor({ state: "detached" });
    await waitText(officer, "progress-standing-1", "已退回修改");
    await officer.close();

    // 3. The PI mends it: the dialog opens with what was filed and the bureau's note.
    const again = await openProject("ly-pi");
    await waitText(again, "progress-file-1", "修改后重新提交");
    await again.getByTestId("progress-file-1").click();
    await again.getByTestId("progress-report-form").waitFor();
    await settle(again);
    await waitText(again, "progress-report-returned", "请补充测试化验加工费的合同及支付计划");
    expect(await again.getByTestId("progress-summary").inputValue()).toBe(summary);
    expect(await again.getByTestId("progress-spent-testing").inputValue()).toBe("20000");
    expect(await again.getByTestId("progress-explanation-testing").inputValue()).toBe(explained);
    await again.getByTestId("progress-flag-testing").waitFor();
    await again
      .getByTestId("progress-explanation-testing")
      .fill(`${explained}合同编号 LYJC-2026-018，约定验收后一次性支付 18 万元。`);
    await shot(again, "pi-refile");
    await again.getByTestId("progress-report-submit").click();
    await again.getByTestId("progress-report-confirm").click();
    await again.getByTestId("progress-report-form").waitFor({ state: "detached" });
    await waitText(again, "progress-standing-1", "已提交，待审核");
    await again.close();

    // 4. The officer approves it: the report no longer holds the node; the mid-term still does.
    const approver = await openProject("ly-officer");
    await approver.getByTestId("progress-approve-1").click();
    await approver.getByTestId("progress-decide-form").waitFor();
    await settle(approver);
    await waitText(approver, "progress-decide-consequence", "审核通过后，该期不再阻挡节点拨款");
    await approver.getByTestId("progress-note").fill("同意，进展符合任务书。");
    await approver.getByTestId("progress-decide-submit").click();
    await approver.getByTestId("progress-approve-confirm").waitFor();
    expect(await confirmText(approver)).toContain("审核通过后，该期不再阻挡节点拨款");
    await approver.getByTestId("progress-approve-confirm").click();
    await approver.getByTestId("progress-decide-form").waitFor({ state: "detached" });
    await waitText(approver, "progress-standing-1", "已审核通过");
    await expect.poll(() => approver.getByTestId("tracking-outstanding").count()).toBe(0);
    await expect
      .poll(() => approver.getByTestId("nodes-table").innerText())
      .not.toContain("待第 1 期进展报告审核通过");
    await waitText(approver, "nodes-table", "期中评估通过后方可提出");
    await approver.getByTestId("project-tracking").scrollIntoViewIfNeeded();
    await shot(approver, "approved");
    await approver.close();
  }, 400_000);

  it("the officer convenes a panel free of conflict, the experts score, the officer concludes and the node is paid", async () => {
    // 1. The panel: conflicted experts cannot be picked; three free ones are.
    const officer = await openProject("ly-officer");
    await officer.getByTestId("midterm-convene").click();
    await officer.getByTestId("convene-form").waitFor();
    await officer.getByTestId("convene-candidate-free").first().waitFor();
    await settle(officer);
    const conflicted = officer.getByTestId("convene-candidate-conflicted");
    for (let i = 0; i < (await conflicted.count()); i++)
      expect(await conflicted.nth(i).locator("input[type=checkbox]").isDisabled()).toBe(true);
    await officer.getByTestId("convene-submit").click();
    await officer.getByTestId("convene-form").getByText("请至少选择 3 名专家").waitFor();
    const free = officer.getByTestId("convene-candidate-free");
    const names: string[] = [];
    for (let i = 0; i < 3; i++) {
      await tick(free.nth(i).locator("input[type=checkbox]"));
      names.push(await free.nth(i).getByTestId("convene-candidate-name").innerText());
    }
    await waitText(officer, "convene-hint", "已选 3 名");
    await shot(officer, "convene-form");
    await officer.getByTestId("convene-submit").click();
    await officer.getByTestId("convene-confirm").waitFor();
    const convening = await confirmText(officer);
    for (const n of names) expect(convening).toContain(n);
    await officer.getByTestId("convene-confirm").click();
    await officer.getByTestId("convene-form").waitFor({ state: "detached" });
    await waitText(officer, "assessment-scored", "0 / 3");
    await officer.getByTestId("midterm-convene-blocked").waitFor();
    await waitText(officer, "midterm-convene-reason", "已有进行中或已通过的期中评估");
    await officer.getByTestId("midterm").scrollIntoViewIfNeeded();
    await shot(officer, "convened");
    await officer.close();

    // 2. Each expert opens /assessments, reads the plan and the report, and scores once.
    const panel = (await trackingOf(live.url, project.id)).midTerm.assessments[0].panel as {
      expertId: string;
    }[];
    const usernames = await usernamesOf(
      live.url,
      panel.map((x) => x.expertId),
    );
    for (const [i, username] of usernames.entries()) {
      const expert = await signInAs(live.browser, live.url, username);
      await expert.getByTestId("menu-assessments").click();
      await expert.getByTestId("page-assessments").waitFor();
      await expert.getByTestId(`assessment-open-${project.number}`).click();
      await expert.getByTestId("assessment-detail").waitFor();
      await expert.getByTestId("assessment-plan").waitFor();
      await waitText(expert, "assessment-reports", summary);
      for (const [k, s] of [80, 70, 75, 90].entries()) await expert.getByTestId(`score-${k}`).fill(String(s));
      await expert.getByTestId("score-comment").fill("进展符合任务书，经费使用基本合理。");
      // 80×40% + 70×30% + 75×20% + 90×10% = 77.00
      await waitText(expert, "score-sheet-live-total", "77.00");
      if (i === 0) await shot(expert, "expert-sheet");
      await expert.getByTestId("score-sheet-submit").click();
      await expert.getByTestId("score-sheet-confirm").waitFor();
      expect(await confirmText(expert)).toContain("提交后不可修改");
      await expert.getByTestId("score-sheet-confirm").click();
      await waitText(expert, "score-sheet-total", "77.00");
      if (i === 0) await shot(expert, "expert-submitted");
      await expert.close();
    }

    // 3. The officer concludes as the mean calls for: only 通过 is offered.
    const concluder = await openProject("ly-officer");
    await waitText(concluder, "assessment-scored", "3 / 3");
    await waitText(concluder, "assessment-mean", "77.00");
    await waitText(concluder, "assessment-proposed", "评估通过");
    expect(await concluder.getByTestId("assessment-hold").count()).toBe(0);
    await concluder.getByTestId("assessment-pass").click();
    await concluder.getByTestId("assessment-conclude-form").waitFor();
    await settle(concluder);
    await waitText(
      concluder,
      "assessment-conclude-consequence",
      "通过后，任务书中“期中评估通过后”的节点（中期拨款）即可拨付",
    );
    await concluder.getByTestId("assessment-note").fill("专家组评估通过，同意拨付中期节点资金。");
    await concluder.getByTestId("assessment-conclude-submit").click();
    await concluder.getByTestId("assessment-pass-confirm").waitFor();
    expect(await confirmText(concluder)).toContain("平均分 77.00 分");
    await shot(concluder, "conclude-confirm");
    await concluder.getByTestId("assessment-pass-confirm").click();
    await concluder.getByTestId("assessment-conclude-form").waitFor({ state: "detached" });
    await concluder.getByTestId("assessment-passed").waitFor();

    // 4. The mid-term node is now due and waits for nothing: the officer prepares its payment.
    await waitText(concluder, "node-midTerm-due", "已满足");
    await expect.poll(() => concluder.getByTestId("node-midTerm-prepare-blocked").count()).toBe(0);
    expect(await concluder.getByTestId("node-midTerm-prepare").isDisabled()).toBe(false);
    await concluder.getByTestId("midterm").scrollIntoViewIfNeeded();
    await shot(concluder, "passed");
    midTermPaymentId = await prepareNodePayment(concluder, "midTerm", "期中评估通过后拨付中期节点资金");
    await shot(concluder, "midterm-prepared");
    await concluder.close();
  }, 400_000);

  it("the life goes on to its end: the mid-term node paid, the PI's own adjustment, acceptance passed 优, the final node paid", async () => {
    if (!midTermPaymentId) throw new Error("the mid-term node's payment was not prepared");
    const year = Number(project.plan.startDate.slice(0, 4));

    // 1. Finance approves the mid-term node's payment; the officer pays it: 60 % + 20 % of ¥550,000.
    const finance = await openProject("ly-finance");
    await approvePayment(finance, midTermPaymentId);
    await finance.close();
    const payer = await openProject("ly-officer");
    await payPayment(payer, midTermPaymentId, `LY-GK-${year}-0302`);
    await waitText(payer, "money-paid", formatWanYuan(44_000_000));
    await payer.close();

    // 2. The PI moves ¥10,000 from materials to travel: his own decision, in effect at once (LY-FUNDS §18).
    const pi = await openProject("ly-pi");
    await startChange(pi, "预算调剂");
    await adjustAmount(pi, "materials", "290000");
    await adjustAmount(pi, "travelMeetings", "60000");
    await waitText(pi, "change-decider-name", "项目负责人自主决定");
    await pi.getByTestId("change-reason").fill("用户现场验证点增加，差旅费不足，由材料费调剂 1 万元。");
    await submitChange(pi);
    await waitText(pi, "current-budget-travelMeetings", formatYuan(6_000_000));
    await waitText(pi, "change-status", "已自主决定并备案");

    // 3. The PI submits for acceptance what the unit spent of the ¥440,000 paid.
    await submitAcceptance(pi, {
      evidence: "样机用户现场验证报告（附件 1）",
      report: "项目研制高精度轴承套圈智能磨削样机 1 台，圆度误差 0.4 μm，完成用户现场验证。",
      settledYuan: { materials: "250000", testing: "150000", travelMeetings: "40000" },
    });
    await pi.close();

    // 4. A panel of three free of conflict scores it 优; the officer passes it as the mean calls for.
    const { convene, confirmConvene, scoreLatest, ...acceptance } = acceptanceSteps(live);
    const convener = await acceptance.openProject("ly-officer", project.id);
    await convener.getByTestId("node-final-prepare-blocked").waitFor();
    await confirmConvene(convener, (await convene(convener, 3, 3)).names);
    await convener.close();
    // 92×30% + 90×20% + 90×20% + 88×15% + 90×15% = 90.30
    await scoreLatest(project.id, project.number, [92, 90, 90, 88, 90]);
    const passer = await acceptance.openProject("ly-officer", project.id);
    await waitText(passer, "assessment-grade", "优");
    expect(await passAcceptance(passer, "专家组一致同意通过验收。")).toContain("平均分 90.30 分");
    await waitText(passer, "acceptance-grade", "优");
    await waitText(passer, "project-stage-tag", "结题");
    // the balance stays with the unit in Luoyang (LY-FUNDS §19): nothing falls due
    expect(await passer.getByTestId("closure-settlement-decided").count()).toBe(0);

    // 5. The final node, released by acceptance: prepared, approved by finance, paid.
    const finalId = await prepareNodePayment(passer, "final", "验收通过后拨付尾款。");
    await passer.close();
    const approver = await openProject("ly-finance");
    await approvePayment(approver, finalId);
    await approver.close();
    const last = await openProject("ly-officer");
    await payPayment(last, finalId, `LY-GK-${year}-1108`);
    await waitText(last, "money-paid", formatWanYuan(55_000_000));
    await shot(last, "life-final-paid");
    await last.close();
  }, 900_000);
});
