import { beforeAll, describe, expect, it } from "vitest";
import { settle } from "./a11y.ts";
import { acceptanceSteps } from "./acceptance-helpers.ts";
import { serverClock } from "./decision-helpers.ts";
import { pick, tick, waitText } from "./flow-helpers.ts";
import { serverAndBrowser } from "./server.ts";
import { signedMajorInnovationProject } from "./tracking-setup.ts";

// 结题验收与绩效评价 in the browser (DT-RULES §23; LY-FUNDS §5, §19, §23; LY-REFORM §三(四)2). A Luoyang
// 公益科研项目 (paid by post-subsidy after its grade) comes through the API from its guide to a signed
// task book (tracking-setup.ts). The PI submits the targets reached, the report and the settlement of
// each line, ticking the integrity commitment the dialog never ticks for them; the officer convenes a
// panel of three free of conflict, the experts score on /assessments, and the officer defers for more
// materials; the PI submits again from what was filed; a second panel scores, and the officer passes
// it with the grade 优 and the R&D spend verified; the finance bureau re-evaluates it as 良; the
// post-subsidy node shows what 良 pays and the officer prepares it. Datong's panel of five and a
// failed acceptance are in acceptance-datong.test.ts.

const live = serverAndBrowser();

const { now: serverNow, advance } = serverClock(live);

const title = "城乡社区慢性病智能随访服务示范";
let project: Awaited<ReturnType<typeof signedMajorInnovationProject>>;

beforeAll(async () => {
  project = await signedMajorInnovationProject(
    live.url,
    { now: serverNow, advance },
    { program: "publicWelfare", title },
  );
}, 600_000);

const { shot, confirmText, convene, confirmConvene, scoreLatest, ...steps } = acceptanceSteps(live);
const openProject = (username: string) => steps.openProject(username, project.id);

const report = "项目建成城乡社区慢性病智能随访平台，在 12 个社区开展示范应用，形成技术规范 1 项。";
const evidence = "示范应用证明（附件 1）";

describe("acceptance and the performance grade", () => {
  it("the PI submits, the officer convenes, defers, the PI submits again, a second panel passes it 优", async () => {
    // 1. The PI: the city's rules; the dialog with the commitment unticked and the submit held.
    const pi = await openProject("ly-pi");
    await waitText(pi, "acceptance-rules", "LY-FUNDS §23");
    await waitText(pi, "acceptance-balance-rule", "结余资金留归项目承担单位使用");
    await waitText(pi, "acceptance-grades", "90 分及以上为“优”");
    await pi.getByTestId("acceptance-submit-open").click();
    await pi.getByTestId("acceptance-form").waitFor();
    await settle(pi);
    expect(await pi.getByTestId("acceptance-commitment").isChecked()).toBe(false);
    expect(await pi.getByTestId("acceptance-submit").isDisabled()).toBe(true);
    await waitText(pi, "acceptance-submit-blocked", "请先阅读并勾选诚信承诺");
    await waitText(pi, "acceptance-commitment-text", "所提交的验收材料真实、准确、完整");
    await pi.getByTestId("acceptance-achieved-0").fill("1");
    await pi.getByTestId("acceptance-evidence-0").fill(evidence);
    await pi.getByTestId("acceptance-report").fill(report);
    for (const [category, spent] of [
      ["materials", "280000"],
      ["testing", "150000.5"],
      ["travelMeetings", "30000"],
    ] as const)
      await pi.getByTestId(`acceptance-spent-${category}`).fill(spent);
    await waitText(pi, "acceptance-form-total", "46.00 万元");
    await shot(pi, "submit-form");
    await tick(pi.getByTestId("acceptance-commitment"));
    await expect.poll(() => pi.getByTestId("acceptance-submit").isDisabled()).toBe(false);
    await pi.getByTestId("acceptance-submit").click();
    await pi.getByTestId("acceptance-submit-confirm").waitFor();
    const consequence = await confirmText(pi);
    expect(consequence).toContain("经费决算总额 46.00 万元");
    expect(consequence).toContain("组织验收专家组评审");
    await pi.getByTestId("acceptance-submit-confirm").click();
    await pi.getByTestId("acceptance-form").waitFor({ state: "detached" });
    await waitText(pi, "acceptance-status", "已提交，待验收");
    await waitText(pi, "acceptance-settled-total", "¥460,000.50");
    await waitText(pi, "acceptance-submit-reason", "验收材料已提交");
    await pi.close();

    // 2. The officer convenes three experts; the conflicted cannot be picked.
    const officer = await openProject("ly-officer");
    const first = await convene(officer, 3);
    await shot(officer, "convene-form");
    await confirmConvene(officer, first.names);
    await waitText(officer, "assessment-scored", "0 / 3");
    await officer.close();

    // 3. The experts score; 4. the officer defers for more materials.
    await scoreLatest(project.id, project.number, [95, 95, 95, 95, 95], "ly", "first");
    const deferrer = await openProject("ly-officer");
    await waitText(deferrer, "assessment-scored", "3 / 3");
    await waitText(deferrer, "assessment-grade", "优");
    await deferrer.getByTestId("assessment-defer").click();
    await deferrer.getByTestId("assessment-conclude-form").waitFor();
    await waitText(deferrer, "assessment-conclude-consequence", "退回承担单位补充");
    expect(await deferrer.getByTestId("assessment-verified-rd").count()).toBe(0);
    await deferrer.getByTestId("assessment-note").fill("请补充示范社区的应用证明原件。");
    await deferrer.getByTestId("assessment-conclude-submit").click();
    await deferrer.getByTestId("assessment-defer-confirm").waitFor();
    await deferrer.getByTestId("assessment-defer-confirm").click();
    await deferrer.getByTestId("assessment-conclude-form").waitFor({ state: "detached" });
    await waitText(deferrer, "acceptance-status", "暂缓，待补充材料");
    await shot(deferrer, "deferred");
    await deferrer.close();

    // 5. The PI submits again: the dialog opens with what was filed, the commitment again unticked.
    const again = await openProject("ly-pi");
    await again.getByTestId("acceptance-submit-open").click();
    await again.getByTestId("acceptance-form").waitFor();
    await waitText(again, "acceptance-deferred", "请补充示范社区的应用证明原件");
    expect(await again.getByTestId("acceptance-report").inputValue()).toBe(report);
    expect(await again.getByTestId("acceptance-spent-testing").inputValue()).toBe("150000.50");
    expect(await again.getByTestId("acceptance-commitment").isChecked()).toBe(false);
    await again.getByTestId("acceptance-evidence-0").fill(`${evidence}；应用证明原件（附件 2）`);
    await tick(again.getByTestId("acceptance-commitment"));
    await again.getByTestId("acceptance-submit").click();
    await again.getByTestId("acceptance-submit-confirm").click();
    await again.getByTestId("acceptance-form").waitFor({ state: "detached" });
    await waitText(again, "acceptance-status", "已提交，待验收");
    await again.close();

    // 6. A second panel scores: 95×30% + 90×20% + 92×20% + 88×15% + 94×15% = 92.20, 优.
    const convener = await openProject("ly-officer");
    const second = await convene(convener, 3, 3);
    await confirmConvene(convener, second.names);
    await convener.close();
    await scoreLatest(project.id, project.number, [95, 90, 92, 88, 94]);

    // 7. The officer passes it as the mean calls for, verifying ¥400,000 of the settled ¥460,000.50.
    const passer = await openProject("ly-officer");
    await waitText(passer, "assessment-mean", "92.20");
    await waitText(passer, "assessment-proposed", "验收通过");
    expect(await passer.getByTestId("assessment-fail").count()).toBe(0);
    await passer.getByTestId("assessment-pass").click();
    await passer.getByTestId("assessment-conclude-form").waitFor();
    await settle(passer);
    expect(await passer.getByTestId("assessment-verified-rd").inputValue()).toBe("460000.50");
    await waitText(passer, "assessment-conclude-grade", "优");
    await waitText(passer, "assessment-conclude-consequence", "评价等级为“优”");
    await passer.getByTestId("assessment-verified-rd").fill("460001");
    await passer.getByTestId("assessment-note").fill("专家组一致同意通过验收。");
    await passer.getByTestId("assessment-conclude-submit").click();
    await passer.getByTestId("assessment-conclude-form").getByText("不能超过决算总额").waitFor();
    await passer.getByTestId("assessment-verified-rd").fill("400000");
    await shot(passer, "pass-form");
    await passer.getByTestId("assessment-conclude-submit").click();
    await passer.getByTestId("assessment-pass-confirm").waitFor();
    const passing = await confirmText(passer);
    expect(passing).toContain("平均分 92.20 分");
    expect(passing).toContain("核定研发经费 40.00 万元");
    expect(passing).toContain("后补助");
    await passer.getByTestId("assessment-pass-confirm").click();
    await passer.getByTestId("assessment-conclude-form").waitFor({ state: "detached" });
    await waitText(passer, "acceptance-status", "验收通过");
    await waitText(passer, "acceptance-grade", "优");
    await waitText(passer, "acceptance-verified-rd", "40.00 万元");
    // 优: 50 % of the verified ¥400,000, within its cap of ¥100,000
    await waitText(passer, "node-subsidy-payable", "10.00 万元");
    await shot(passer, "passed");
    await passer.close();
  }, 900_000);

  it("the finance bureau re-evaluates it as 良; the post-subsidy pays what 良 gives", async () => {
    const finance = await openProject("ly-finance");
    await finance.getByTestId("acceptance-regrade-open").click();
    await finance.getByTestId("regrade-form").waitFor();
    await settle(finance);
    await finance.getByTestId("regrade-submit").click();
    await finance.getByTestId("regrade-form").getByText("请选择等级").waitFor();
    await pick(finance, "regrade-grade", "良");
    await finance.getByTestId("regrade-reason").fill("抽查发现部分示范证明材料不足，再评价为良。");
    await finance.getByTestId("regrade-submit").click();
    await finance.getByTestId("regrade-confirm").waitFor();
    const regrading = await confirmText(finance);
    expect(regrading).toContain("由“优”改为“良”");
    await finance.getByTestId("regrade-confirm").click();
    await finance.getByTestId("regrade-form").waitFor({ state: "detached" });
    await waitText(finance, "acceptance-regrade", "良");
    await shot(finance, "regraded");
    await finance.close();

    // 良: 30 % of ¥400,000 is ¥120,000, within its cap of ¥60,000
    const officer = await openProject("ly-officer");
    await waitText(officer, "node-subsidy-payable", "6.00 万元");
    await officer.getByTestId("node-subsidy-prepare").click();
    await officer.getByTestId("payment-prepare-submit").waitFor();
    await settle(officer);
    await waitText(officer, "payment-prepare-amount", "6.00 万元");
    await officer.getByTestId("payment-prepare-note").fill("绩效评价为良，拨付后补助资金。");
    await officer.getByTestId("payment-prepare-submit").click();
    await officer.getByTestId("payment-prepare-confirm").waitFor();
    expect(await confirmText(officer)).toContain("6.00 万元");
    await officer.getByTestId("payment-prepare-confirm").click();
    await officer.getByTestId("payment-prepare-submit").waitFor({ state: "detached" });
    await officer.getByTestId("node-subsidy-status").filter({ hasNotText: "未提出" }).waitFor();
    await shot(officer, "subsidy-prepared");
    await officer.close();

    // once the subsidy is prepared the grade stands
    const late = await openProject("ly-finance");
    await late.getByTestId("acceptance-regrade-open-blocked").waitFor();
    await waitText(late, "acceptance-regrade-reason", "后补助已提出拨付");
    await late.close();
  }, 400_000);
});
