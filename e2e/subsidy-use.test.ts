import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { ok } from "../packages/server/src/db/seed/demo-review.ts";
import { settle } from "./a11y.ts";
import { acceptanceSteps } from "./acceptance-helpers.ts";
import { apiSessions, serverClock } from "./decision-helpers.ts";
import { pick, record, waitText } from "./flow-helpers.ts";
import { serverAndBrowser } from "./server.ts";
import { signedMajorInnovationProject, usernamesOf } from "./tracking-setup.ts";

// 后补助资金使用报告 in the browser (LY-FUNDS §20). A Luoyang 公益科研项目 (paid by post-subsidy after its
// grade, LY-REFORM §三(四)2) comes through the API from its guide to a signed task book
// (tracking-setup.ts), and on through its acceptance as the API tests walk it: the PI submits, the
// officer convenes three experts free of conflict, they score, the officer passes it with the grade 优
// and ¥400,000 of R&D spend verified (acceptance.test.ts walks these steps in the browser). Then in the
// browser: the officer prepares the post-subsidy node (优: 50 % of the verified spend, within its cap of
// ¥100,000), finance approves it and the officer pays it with the treasury's reference; the unit's
// administrator reports its use, one line a fine the clause forbids: the dialog warns with the clause
// before it is filed, and the card flags it with LY-FUNDS §20. The officer returns it with what to
// correct; the unit reports again from what it filed, the fine still reported as it was spent; the
// officer acknowledges it, which takes a note of what follows, and the unit reads the outcome.

const live = serverAndBrowser();

const { now: serverNow, advance } = serverClock(live);

const title = "城乡社区慢性病智能随访服务示范";
let project: Awaited<ReturnType<typeof signedMajorInnovationProject>>;

/** The acceptance through the API: submitted, scored 95 by a panel of three, passed as 优. */
async function passedAcceptance(projectId: string) {
  let api = apiSessions(live.url);
  await ok(await api.as("ly-pi"), "POST", `/api/projects/${projectId}/acceptance`, {
    achievements: [{ index: 0, achieved: 1, evidence: "示范应用证明（附件 1）" }],
    report: "项目建成城乡社区慢性病智能随访平台，在 12 个社区开展示范应用，形成技术规范 1 项。",
    settlement: [
      { category: "materials", spentFen: 28_000_000 },
      { category: "testing", spentFen: 15_000_000 },
      { category: "travelMeetings", spentFen: 3_000_000 },
    ],
    commitment: true,
  });
  const officer = await api.as("ly-officer");
  const candidates = (await ok(officer, "GET", `/api/projects/${projectId}/assessment-candidates`)).items as {
    expertId: string;
    conflicts: string[];
  }[];
  const expertIds = candidates
    .filter((c) => c.conflicts.length === 0)
    .slice(0, 3)
    .map((c) => c.expertId);
  const convened = await ok(officer, "POST", `/api/projects/${projectId}/assessments`, {
    kind: "acceptance",
    expertIds,
  });
  const panel = convened.acceptance.assessments.at(-1).id as string;
  await api.dispose();
  api = apiSessions(live.url);
  for (const username of await usernamesOf(live.url, expertIds))
    await ok(await api.as(username), "POST", `/api/assessments/${panel}/sheet`, {
      scores: [95, 95, 95, 95, 95],
      comment: "考核指标完成，经费决算基本合理。",
    });
  await ok(
    await api.as("ly-officer"),
    "POST",
    `/api/projects/${projectId}/assessments/${panel}/events/pass`,
    {
      note: "专家组一致同意通过验收。",
      verifiedRdFen: 40_000_000,
    },
  );
  await api.dispose();
}

beforeAll(async () => {
  project = await signedMajorInnovationProject(
    live.url,
    { now: serverNow, advance },
    { program: "publicWelfare", title },
  );
  await passedAcceptance(project.id);
}, 600_000);

const { confirmText, ...steps } = acceptanceSteps(live);
const openProject = (username: string) => steps.openProject(username, project.id);
const shot = (page: Page, step: string) => record(page, `subsidy-use-${step}`);
const voucher = "LY-GK-HB-0907";
let paymentId = "";

/** Waits for a form dialog to be gone and its fade-out over, so the page is photographed at rest. */
async function closed(page: Page, formTestId: string) {
  await page.getByTestId(formTestId).waitFor({ state: "detached" });
  await settle(page);
}

describe("the post-subsidy paid and the use of it reported", () => {
  it("the officer prepares the post-subsidy, finance approves it, the officer pays it", async () => {
    // 1. The officer prepares the node: 优 pays 50 % of ¥400,000, within its cap of ¥100,000.
    const officer = await openProject("ly-officer");
    await waitText(officer, "acceptance-status", "验收通过");
    await waitText(officer, "acceptance-grade", "优");
    await waitText(officer, "node-subsidy-payable", "10.00 万元");
    await officer.getByTestId("node-subsidy-prepare").click();
    await officer.getByTestId("payment-prepare-submit").waitFor();
    await settle(officer);
    await waitText(officer, "payment-prepare-amount", "10.00 万元");
    await officer.getByTestId("payment-prepare-note").fill("综合绩效评价为优，拨付后补助资金。");
    await officer.getByTestId("payment-prepare-submit").click();
    await officer.getByTestId("payment-prepare-confirm").waitFor();
    expect(await confirmText(officer)).toContain("10.00 万元");
    await officer.getByTestId("payment-prepare-confirm").click();
    await closed(officer, "payment-prepare-form");
    const row = officer.getByTestId("project-payments").locator("tr[data-row-key]").first();
    await row.waitFor();
    paymentId = (await row.getAttribute("data-row-key")) as string;
    await waitText(officer, `payment-${paymentId}-status`, "已提出，待财政审核");
    // nothing to report on before it is paid
    expect(await officer.getByTestId("project-subsidy-use").count()).toBe(0);
    await officer.close();

    // 2. Finance approves it on the project page.
    const finance = await openProject("ly-finance");
    await finance.getByTestId(`payment-${paymentId}-approve`).click();
    await finance.getByTestId("payment-approve-confirm").waitFor();
    await finance.getByTestId("payment-approve-confirm").click();
    await waitText(finance, `payment-${paymentId}-status`, "财政已审核，待拨付");
    await finance.close();

    // 3. The officer pays it through the treasury and records the voucher.
    const payer = await openProject("ly-officer");
    await payer.getByTestId(`payment-${paymentId}-pay`).click();
    await payer.getByTestId("payment-pay-submit").waitFor();
    await settle(payer);
    await payer.getByTestId("payment-treasury-ref").fill(voucher);
    await payer.getByTestId("payment-pay-submit").click();
    await payer.getByTestId("payment-pay-final").waitFor();
    expect(await confirmText(payer)).toContain(voucher);
    await payer.getByTestId("payment-pay-final").click();
    await waitText(payer, `payment-${paymentId}-status`, "已拨付");
    await waitText(payer, `payment-${paymentId}-paid`, voucher);
    // paid, the use card appears: not reported yet, and not the officer's to report
    const card = payer.getByTestId("project-subsidy-use");
    await card.waitFor();
    await card.getByTestId("clause").filter({ hasText: "LY-FUNDS §20" }).waitFor();
    await waitText(payer, "subsidy-use-status", "未报告");
    await card.getByText(voucher).waitFor();
    expect(await payer.getByTestId("subsidy-use-file").count()).toBe(0);
    await shot(payer, "paid");
    await payer.close();
  }, 400_000);

  it("the unit reports the use with a fine the clause forbids; the card flags it with LY-FUNDS §20", async () => {
    const unit = await openProject("ly-unit");
    await waitText(unit, "subsidy-use-status", "未报告");
    await unit.getByTestId("subsidy-use-file").click();
    await unit.getByTestId("subsidy-use-file-form").waitFor();
    await settle(unit);
    await waitText(unit, "subsidy-use-clause", "LY-FUNDS §20");
    await unit.getByTestId("subsidy-use-file-form").getByText("已拨付 ¥100,000.00").waitFor();
    await pick(unit, "subsidy-use-purpose-0", "研发投入");
    await unit.getByTestId("subsidy-use-amount-0").fill("80000");
    await unit.getByTestId("subsidy-use-description-0").fill("随访平台后续迭代研发的测试与试剂费用。");
    expect(await unit.getByTestId("subsidy-use-forbidden-warning").count()).toBe(0);
    await unit.getByTestId("subsidy-use-add").click();
    await pick(unit, "subsidy-use-purpose-1", "罚款");
    await unit.getByTestId("subsidy-use-amount-1").fill("5000");
    await unit.getByTestId("subsidy-use-description-1").fill("支付示范社区环保罚款。");
    // the dialog warns before filing: the clause forbids it, report it as it was spent
    await waitText(unit, "subsidy-use-forbidden-warning", "所选用途中有 1 项为禁止列支的支出：罚款");
    await unit.getByTestId("subsidy-use-forbidden-warning").getByText("LY-FUNDS §20").waitFor();
    await waitText(unit, "subsidy-use-total", "合计 ¥85,000.00");
    await shot(unit, "file-form");
    await unit.getByTestId("subsidy-use-file-submit").click();
    await unit.getByTestId("subsidy-use-file-confirm").waitFor();
    const filing = await confirmText(unit);
    expect(filing).toContain("2 项用途，合计 ¥85,000.00（已拨付 ¥100,000.00）");
    expect(filing).toContain("其中 1 项为 LY-FUNDS §20 禁止列支的用途");
    await shot(unit, "file-confirm");
    await unit.getByTestId("subsidy-use-file-confirm").click();
    await closed(unit, "subsidy-use-file-form");

    // filed as reported, the fine flagged with the clause, first in the table
    await waitText(unit, "subsidy-use-status", "待确认");
    await waitText(unit, "subsidy-use-flagged", "报告含 1 项禁止列支的用途");
    await waitText(unit, "subsidy-use-flag-clause", "LY-FUNDS §20");
    const first = unit.getByTestId("subsidy-use-table").locator("tbody tr").first();
    await first.getByText("罚款", { exact: true }).waitFor();
    await first.getByTestId("subsidy-use-forbidden").waitFor();
    await waitText(unit, "subsidy-use-total-fen", "¥85,000.00");
    expect(await unit.getByTestId("subsidy-use-file").count()).toBe(0);
    await shot(unit, "filed");
    await unit.close();
  }, 300_000);

  it("the officer returns it; the unit reports again from what it filed; the officer acknowledges it", async () => {
    // 1. The officer returns it with what to correct.
    const officer = await openProject("ly-officer");
    await waitText(officer, "subsidy-use-flagged", "报告含 1 项禁止列支的用途");
    await officer.getByTestId("subsidy-use-return").click();
    await officer.getByTestId("subsidy-use-decide-form").waitFor();
    await settle(officer);
    await waitText(officer, "subsidy-use-decide-consequence", "退回后由单位更正后重新报告");
    const note = "罚款不得列支，请核实研发投入的实际金额后如实更正。";
    await officer.getByTestId("subsidy-use-note").fill(note);
    await officer.getByTestId("subsidy-use-decide-submit").click();
    await officer.getByTestId("subsidy-use-return-confirm").waitFor();
    expect(await confirmText(officer)).toContain("退回后由单位更正后重新报告");
    await officer.getByTestId("subsidy-use-return-confirm").click();
    await closed(officer, "subsidy-use-decide-form");
    await waitText(officer, "subsidy-use-status", "退回修改");
    await waitText(officer, "subsidy-use-decision-note", note);
    expect(await officer.getByTestId("subsidy-use-acknowledge").count()).toBe(0);
    await officer.close();

    // 2. The unit reads why and reports again: the dialog opens with what it filed.
    const unit = await openProject("ly-unit");
    await waitText(unit, "subsidy-use-status", "退回修改");
    await waitText(unit, "subsidy-use-decision-note", note);
    await shot(unit, "returned");
    await waitText(unit, "subsidy-use-file", "更正后重新报告");
    await unit.getByTestId("subsidy-use-file").click();
    await unit.getByTestId("subsidy-use-file-form").waitFor();
    await settle(unit);
    expect(await unit.getByTestId("subsidy-use-amount-0").inputValue()).toBe("80000.00");
    expect(await unit.getByTestId("subsidy-use-description-1").inputValue()).toBe("支付示范社区环保罚款。");
    await waitText(unit, "subsidy-use-forbidden-warning", "罚款");
    await unit.getByTestId("subsidy-use-amount-0").fill("90000");
    await waitText(unit, "subsidy-use-total", "合计 ¥95,000.00");
    await unit.getByTestId("subsidy-use-file-submit").click();
    await unit.getByTestId("subsidy-use-file-confirm").waitFor();
    expect(await confirmText(unit)).toContain("其中 1 项为 LY-FUNDS §20 禁止列支的用途");
    await unit.getByTestId("subsidy-use-file-confirm").click();
    await closed(unit, "subsidy-use-file-form");
    await waitText(unit, "subsidy-use-status", "待确认");
    await waitText(unit, "subsidy-use-total-fen", "¥95,000.00");
    await waitText(unit, "subsidy-use-flagged", "报告含 1 项禁止列支的用途");
    expect(await unit.getByTestId("subsidy-use-decision-note").count()).toBe(0);
    await unit.close();

    // 3. The officer acknowledges it: a flagged report only with a note of what follows.
    const acknowledger = await openProject("ly-officer");
    await waitText(acknowledger, "subsidy-use-total-fen", "¥95,000.00");
    await acknowledger.getByTestId("subsidy-use-acknowledge").click();
    await acknowledger.getByTestId("subsidy-use-decide-form").waitFor();
    await settle(acknowledger);
    await waitText(acknowledger, "subsidy-use-decide-consequence", "确认仅表示已审阅，不表示认可该用途");
    await acknowledger.getByTestId("subsidy-use-note").fill("已阅");
    await acknowledger.getByTestId("subsidy-use-decide-submit").click();
    await acknowledger.getByTestId("subsidy-use-decide-form").getByText("至少 10 个字").waitFor();
    expect(await acknowledger.getByTestId("subsidy-use-acknowledge-confirm").count()).toBe(0);
    const followUp = "罚款 5,000.00 元不得列支，责令单位退回该笔资金并约谈单位负责人。";
    await acknowledger.getByTestId("subsidy-use-note").fill(followUp);
    await shot(acknowledger, "acknowledge-form");
    await acknowledger.getByTestId("subsidy-use-decide-submit").click();
    await acknowledger.getByTestId("subsidy-use-acknowledge-confirm").waitFor();
    expect(await confirmText(acknowledger)).toContain("不表示认可该用途");
    await acknowledger.getByTestId("subsidy-use-acknowledge-confirm").click();
    await closed(acknowledger, "subsidy-use-decide-form");
    await waitText(acknowledger, "subsidy-use-status", "已确认");
    await waitText(acknowledger, "subsidy-use-decision-note", followUp);
    expect(await acknowledger.getByTestId("subsidy-use-return").count()).toBe(0);
    await acknowledger.close();

    // 4. The unit reads the outcome: acknowledged with what follows, nothing more to file.
    const after = await openProject("ly-unit");
    await waitText(after, "subsidy-use-status", "已确认");
    await waitText(after, "subsidy-use-decision-note", followUp);
    await waitText(after, "subsidy-use-flag-clause", "LY-FUNDS §20");
    expect(await after.getByTestId("subsidy-use-file").count()).toBe(0);
    await shot(after, "acknowledged");
    await after.close();
  }, 400_000);
});
