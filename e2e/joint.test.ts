import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { settle } from "./a11y.ts";
import { localToday, signInAs } from "./decision-helpers.ts";
import { pick, record, typeDate, waitText } from "./flow-helpers.ts";
import { serverAndBrowser } from "./server.ts";

// 联合科研项目 in Luoyang, in the browser (LY-REFORM §三(一)2, §三(二)2, §三(三)4, §三(四)4): an
// enterprise sets a question; the program officer scores its priority with the experts' argument and
// puts it on the task list; 龙门实验室 proposes the research; the officer records the joint expert
// committee (one expert per seat, all recommending); the bureau leader and the laboratory approve it
// in turn, which numbers the project; the laboratory records the outcome. Finance has no such menu,
// and Datong's policy names no joint research.

const live = serverAndBrowser();

const title = "高速精密轴承寿命预测与健康管理关键技术";
const shot = (page: Page, step: string) => record(page, `joint-ly-${step}`);

/** Opens the joint research page from the menu as `username`. */
async function openJoint(username: string): Promise<Page> {
  const page = await signInAs(live.browser, live.url, username);
  await page.getByTestId("menu-joint-research").click();
  await page.getByTestId("page-joint-research").waitFor();
  return page;
}

async function typeInto(page: Page, field: Locator, text: string) {
  await field.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.type(text);
}

/** Chooses the n-th option of an AntD Select (the expert pool's names are generated). */
async function pickNth(page: Page, testId: string, n: number) {
  const options = page.locator(
    ".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option:not(.ant-select-item-option-disabled)",
  );
  // a click while the previous dropdown is still closing may leave this one shut: open it again
  for (let attempt = 0; ; attempt++) {
    await settle(page);
    await page.getByTestId(testId).click();
    try {
      await options.nth(n).waitFor({ timeout: 5000 });
      break;
    } catch (e) {
      if (attempt === 2) throw e;
    }
  }
  await options.nth(n).click();
}

/**
 * Takes a step through its dialog: the button, the form `fill` completes, then the confirmation
 * naming the consequence; waits for the status the step leads to.
 */
async function act(page: Page, id: string, action: string, fill: () => Promise<void>, status: string) {
  await page.getByTestId(`joint-${id}-${action}`).click();
  await page.getByTestId(`joint-${action}-submit`).waitFor();
  // the dialog zooms in; a click during the zoom may be lost
  await settle(page);
  await fill();
  await shot(page, `${action}-form`);
  await page.getByTestId(`joint-${action}-submit`).click();
  await page.getByTestId(`joint-${action}-confirm`).waitFor();
  await shot(page, `${action}-confirm`);
  await page.getByTestId(`joint-${action}-confirm`).click();
  await waitText(page, `joint-${id}-status`, status);
}

describe("joint research from the enterprise's question to a closed project", () => {
  it("in Luoyang, with 龙门实验室 (LY-REFORM §三(一)2–§三(四)4)", async () => {
    // 1. The enterprise sets the question.
    const unit = await openJoint("ly-unit");
    await unit.getByTestId("joint-create").click();
    await unit.getByTestId("joint-create-submit").waitFor();
    await settle(unit);
    await unit.getByTestId("joint-form-title").fill(title);
    await unit
      .getByTestId("joint-form-problem")
      .fill("高速精密轴承在高温高转速工况下寿命离散大，缺少在线寿命预测手段，制约高端装备配套。");
    await unit.getByTestId("joint-form-expected").fill("形成寿命预测模型与健康管理系统，示范应用2条产线。");
    await unit.getByTestId("joint-form-funding").fill("300");
    await shot(unit, "question-form");
    await unit.getByTestId("joint-create-submit").click();
    await unit.getByTestId("joint-create-confirm").waitFor();
    await shot(unit, "question-confirm");
    await unit.getByTestId("joint-create-confirm").click();
    const card = unit.locator('.ant-card[data-testid^="joint-"]', { hasText: title });
    await card.waitFor();
    const id = ((await card.getAttribute("data-testid")) as string).slice("joint-".length);
    await waitText(unit, `joint-${id}-status`, "企业已出题");
    await shot(unit, "question-sent");
    await unit.close();

    // 2. The officer scores it with the experts' argument, then lists it.
    const officer = await openJoint("ly-officer");
    await act(
      officer,
      id,
      "assess",
      async () => {
        await typeInto(officer, officer.getByTestId("joint-form-advancement"), "9");
        await typeInto(officer, officer.getByTestId("joint-form-leverage"), "8");
        await typeInto(officer, officer.getByTestId("joint-form-feasibility"), "7");
        await officer
          .getByTestId("joint-form-argument")
          .fill("专家咨询论证认为：该需求技术先进，对本市轴承产业链带动明显，依托实验室平台实施可行。");
      },
      "已评估优先级",
    );
    await waitText(officer, `joint-${id}-priority`, "24 / 30");
    await waitText(officer, `joint-${id}-rank`, /第 \d+ 名/);
    await act(
      officer,
      id,
      "list",
      async () => {
        await officer.getByTestId("joint-form-note").fill("列入本年度重大攻关任务清单。");
      },
      "已列入攻关任务清单",
    );
    await shot(officer, "listed");
    await officer.close();

    // 3. The laboratory proposes the project with the enterprise.
    let lab = await openJoint("ly-lab");
    await act(
      lab,
      id,
      "propose",
      async () => {
        await lab.getByTestId("joint-form-leader").fill("李振宇");
        await lab.getByTestId("joint-form-with-enterprise").getByText("与需求企业联合").click();
        await lab
          .getByTestId("joint-form-plan")
          .fill("实验室牵头，联合需求企业建设轴承加速寿命试验台，构建数据驱动的寿命预测模型并在产线验证。");
        await lab.getByTestId("joint-form-lab-funding").fill("500");
        await lab.getByTestId("joint-form-enterprise-funding").fill("300");
        await typeInto(lab, lab.getByTestId("joint-form-months"), "24");
      },
      "实验室已提出项目",
    );
    await lab.close();

    // 4. The officer records the joint expert committee: one expert per seat, all recommending.
    const reviewer = await openJoint("ly-officer");
    const seats = ["技术专家", "产业专家", "财务专家"];
    await act(
      reviewer,
      id,
      "review",
      async () => {
        await typeDate(reviewer, "joint-form-meeting-on", localToday());
        for (const [i, seat] of seats.entries()) {
          await pickNth(reviewer, `joint-member-${i}-expert`, i);
          await pick(reviewer, `joint-member-${i}-seat`, seat);
          await reviewer
            .getByTestId(`joint-member-${i}-recommend`)
            .getByText("建议立项", { exact: true })
            .click();
          await reviewer.getByTestId(`joint-member-${i}-opinion`).fill(`${seat}意见：方案可行，建议立项。`);
        }
      },
      "联合专家委员会建议立项",
    );
    await waitText(reviewer, `joint-${id}-conclusion`, "建议立项");
    expect(await reviewer.getByTestId(`joint-${id}-members`).locator("tbody tr.ant-table-row").count()).toBe(
      3,
    );
    await shot(reviewer, "reviewed");
    await reviewer.close();

    // 5. The bureau leader approves first: the project waits for the laboratory.
    const leader = await openJoint("ly-leader");
    await act(leader, id, "approve", async () => {}, "联合专家委员会建议立项");
    await leader.getByTestId(`joint-${id}-approval-bureau`).filter({ hasNotText: "待审定" }).waitFor();
    await waitText(leader, `joint-${id}-approval-laboratory`, "待审定");
    expect(await leader.getByTestId(`joint-${id}-number`).count()).toBe(0);
    await shot(leader, "bureau-approved");
    await leader.close();

    // 6. The laboratory approves: approved and numbered; the platform pays nothing.
    lab = await openJoint("ly-lab");
    await act(lab, id, "approve", async () => {}, "已联合审定立项");
    const number = (await lab.getByTestId(`joint-${id}-number`).innerText()).trim();
    expect(number).toMatch(/^LY-\d{4}-LH-\d{3}$/);
    await shot(lab, "approved");

    // 7. The laboratory records the outcome.
    await act(
      lab,
      id,
      "close",
      async () => {
        await lab.getByTestId("joint-form-result").getByText("完成攻关任务", { exact: true }).click();
        await lab
          .getByTestId("joint-form-summary")
          .fill("完成寿命预测模型与健康管理系统研制，在两条产线示范应用。");
        await typeDate(lab, "joint-form-closed-on", localToday());
      },
      "已结题",
    );
    await waitText(lab, `joint-${id}-result`, "完成攻关任务");
    await shot(lab, "closed");
    await lab.close();

    // 8. The enterprise finds its question closed, with the project number.
    const owner = await openJoint("ly-unit");
    await waitText(owner, `joint-${id}-status`, "已结题");
    await waitText(owner, `joint-${id}-number`, number);
    await shot(owner, "unit-closed");
    await owner.close();
  }, 400_000);

  it("is no menu of finance, and Datong's policy names none", async () => {
    const finance = await signInAs(live.browser, live.url, "ly-finance");
    expect(await finance.getByTestId("menu-joint-research").count()).toBe(0);
    await finance.close();

    const datong = await signInAs(live.browser, live.url, "dt-officer");
    expect(await datong.getByTestId("menu-joint-research").count()).toBe(0);
    await datong.goto(`${live.url}/joint-research`);
    await waitText(datong, "joint-not-applicable", "大同市政策未设立联合科研项目");
    expect(await datong.getByTestId("joint-create").count()).toBe(0);
    await shot(datong, "datong-none");
    await datong.close();
  }, 120_000);
});
