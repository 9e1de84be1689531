import { beforeAll, describe, expect, it } from "vitest";
import { ok } from "../packages/server/src/db/seed/demo-review.ts";
import { acceptanceSteps } from "./acceptance-helpers.ts";
import { apiSessions, signInAs } from "./decision-helpers.ts";
import { tick, waitText } from "./flow-helpers.ts";
import { serverAndBrowser } from "./server.ts";
import { trackingOf } from "./tracking-setup.ts";

// 结题验收 in Datong (DT-RULES §23), in the browser: the demo's directed commission (DT-RULES §14, signed
// and first-paid by the demo's execution walk) is submitted for acceptance by the unit, the bureau
// convenes a panel of five (Datong's number), the experts score it below the pass grade, and the
// bureau fails it as the mean calls for: 不合格, with no R&D spend to verify. The balance after an
// acceptance returns to the treasury in Datong (a city setting). Once submitted, the S&T department of
// the unit's district (平城区) agrees with the acceptance (DT-RULES §17), which the bureau reads in its
// conclusion dialog.

const live = serverAndBrowser({ demoReview: true });

// The demo walk signs its people in through the login route just before the server listens: that
// minute's window may be full, so the first sign-in waits for the next one.
beforeAll(() => new Promise((r) => setTimeout(r, 60_000 - (Date.now() % 60_000) + 500)), 70_000);
const { shot, openProject, convene, confirmConvene, scoreLatest } = acceptanceSteps(live);

describe("acceptance in Datong", () => {
  it("in Datong a panel of five fails the demo's directed commission (不合格)", async () => {
    const api = apiSessions(live.url);
    const items = (await ok(await api.as("dt-officer"), "GET", "/api/projects")).items as {
      id: string;
      number: string;
      title: string;
    }[];
    await api.dispose();
    const dt = items.find((p) => p.title === "矿井突水应急监测预警技术攻关");
    if (!dt) throw new Error("the demo's Datong project is not listed");

    const unit = await openProject("dt-unit", dt.id);
    await waitText(unit, "acceptance-balance-rule", "退回财政");
    await unit.getByTestId("acceptance-submit-open").click();
    await unit.getByTestId("acceptance-form").waitFor();
    for (const [i, input] of (await unit.locator("[data-testid^=acceptance-achieved-]").all()).entries()) {
      await input.fill("1");
      await unit.getByTestId(`acceptance-evidence-${i}`).fill("验收测试报告");
    }
    await unit
      .getByTestId("acceptance-report")
      .fill("项目完成矿井突水监测预警系统研制，部分指标未达到任务书要求。");
    for (const input of await unit.locator("[data-testid^=acceptance-spent-]").all())
      await input.fill("1000");
    await tick(unit.getByTestId("acceptance-commitment"));
    await unit.getByTestId("acceptance-submit").click();
    await unit.getByTestId("acceptance-submit-confirm").click();
    await unit.getByTestId("acceptance-form").waitFor({ state: "detached" });
    await waitText(unit, "acceptance-status", "已提交，待验收");
    await waitText(unit, "acceptance-district-opinion-awaited", "待县区提出意见");
    await unit.close();

    // 县区意见 (DT-RULES §17): the district finds it on its workspace's tile, which opens the projects
    // whose acceptance waits for it; nothing is chosen until it chooses; the submit waits, its reason written
    const district = await signInAs(live.browser, live.url, "dt-district");
    await waitText(district, "task-acceptancesWaiting", "待提出县区意见的结题验收");
    // one waits (the tile's count ends its text)
    await waitText(district, "task-acceptancesWaiting", /\D1$/);
    await district.getByTestId("task-acceptancesWaiting").click();
    await district.getByTestId("page-projects").waitFor();
    expect(await district.getByTestId("projects-acceptance").getAttribute("aria-checked")).toBe("true");
    await district.getByTestId(`project-${dt.id}-link`).click();
    await district.getByTestId("acceptance-rules").waitFor();
    await district.getByTestId("acceptance-districtOpinion-open").click();
    await district.getByTestId("district-opinion-form").waitFor();
    expect(
      await district.locator("[data-testid=district-opinion-form] input[type=radio]:checked").count(),
    ).toBe(0);
    await waitText(district, "district-opinion-submit-blocked", "是否同意验收");
    expect(await district.getByTestId("district-opinion-submit").isDisabled()).toBe(true);
    // the group's first choice: 同意验收
    await tick(district.getByTestId("district-opinion-agree"));
    await district
      .getByTestId("district-opinion-text")
      .fill("经核实，项目已按任务书开展研究，同意组织验收。");
    await district.getByTestId("district-opinion-submit-blocked").waitFor({ state: "detached" });
    await district.getByTestId("district-opinion-submit").click();
    await district.getByTestId("district-opinion-confirm").waitFor();
    expect(await district.locator(".ant-modal-confirm-content").last().innerText()).toContain(
      "市科技局作出验收结论前查阅",
    );
    await district.getByTestId("district-opinion-confirm").click();
    await district.getByTestId("district-opinion-form").waitFor({ state: "detached" });
    await waitText(district, "acceptance-district-agrees", "同意验收");
    await waitText(district, "acceptance-district-opinion-text", "同意组织验收");
    await shot(district, "datong-district-opinion");
    // given, it no longer waits for the district
    await district.goto(`${live.url}/projects?acceptance=waiting`);
    await district.getByTestId("projects-table").getByText("没有等待您处理验收的项目").waitFor();
    await district.close();

    const officer = await openProject("dt-officer", dt.id);
    await waitText(officer, "acceptance-rules", "不少于 5 名专家");
    const panel = await convene(officer, 5);
    await confirmConvene(officer, panel.names);
    await officer.close();
    const criteria = (await trackingOf(live.url, dt.id, "dt")).acceptance.assessments.at(-1).criteria.length;
    await scoreLatest(
      dt.id,
      dt.number,
      Array.from({ length: criteria }, () => 50),
      "dt",
    );

    const failer = await openProject("dt-officer", dt.id);
    await waitText(failer, "assessment-grade", "不合格");
    expect(await failer.getByTestId("assessment-pass").count()).toBe(0);
    await failer.getByTestId("assessment-fail").click();
    await failer.getByTestId("assessment-conclude-form").waitFor();
    await waitText(failer, "assessment-conclude-consequence", "不合格");
    await waitText(failer, "assessment-conclude-district-opinion", "县区科技部门意见：同意验收");
    expect(await failer.getByTestId("assessment-verified-rd").count()).toBe(0);
    await failer.getByTestId("assessment-note").fill("主要考核指标未完成，验收不通过。");
    await failer.getByTestId("assessment-conclude-submit").click();
    await failer.getByTestId("assessment-fail-confirm").click();
    await failer.getByTestId("assessment-conclude-form").waitFor({ state: "detached" });
    await waitText(failer, "acceptance-status", "验收不通过");
    await waitText(failer, "acceptance-grade", "不合格");
    await shot(failer, "datong-failed");
    await failer.close();
  }, 600_000);
});
