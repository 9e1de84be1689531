import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { ok } from "../packages/server/src/db/seed/demo-review.ts";
import { expectAccessible, settle } from "./a11y.ts";
import { apiSessions, localToday, signInAs } from "./decision-helpers.ts";
import { record, typeDate, waitText } from "./flow-helpers.ts";
import { serverAndBrowser } from "./server.ts";

// 整改事项 (LY-FUNDS §10, §23), in the browser: the demo leaves a Luoyang project in execution; the
// officer records an audit with its findings, opens 提出整改 from the inspection's row (the finding
// chosen, nothing else), raises the item with its deadline after a confirmation that says the unit is
// told; the unit finds it from its workspace tile, reports what it corrected; the officer closes it.

const live = serverAndBrowser({ demoReview: true });

beforeAll(() => new Promise((r) => setTimeout(r, 60_000 - (Date.now() % 60_000) + 500)), 70_000);

const shot = (page: Page, step: string) => record(page, `rectifications-${step}`);
const issue = "设备费支出缺少验收单据，请补齐单据并完善采购台账。";

async function submitAndConfirm(page: Page, submit: string, confirm: string, name: string) {
  await page.getByTestId(submit).click();
  await page.getByTestId(confirm).waitFor();
  await expectAccessible(page, `rectification ${name} confirmation`);
  await shot(page, `${name}-confirm`);
  await page.getByTestId(confirm).click();
  await page.getByTestId(confirm).waitFor({ state: "detached" });
}

describe("rectification items", () => {
  it("are raised from an inspection, reported by the unit and closed by the officer", async () => {
    const api = apiSessions(live.url);
    const officerApi = await api.as("ly-officer");
    const projects = (await ok(officerApi, "GET", "/api/projects")).items as {
      id: string;
      number: string;
      taskBookStatus?: string | null;
    }[];
    const project = projects.find((p) => p.number.startsWith("LY")) ?? projects[0];
    if (!project) throw new Error("no Luoyang project");
    const inspection = (await ok(officerApi, "POST", "/api/supervision/inspections", {
      projectId: project.id,
      kind: "audit",
    })) as { id: string };
    await ok(officerApi, "POST", `/api/supervision/inspections/${inspection.id}/result`, {
      result: "issuesFound",
      findings: "设备费支出缺少验收单据。",
    });
    await api.dispose();

    // 1. From the inspection's row to the project's raise dialog, the finding chosen.
    const officer = await signInAs(live.browser, live.url, "ly-officer");
    await officer.getByTestId("menu-supervision").click();
    await officer.getByTestId("page-supervision").waitFor();
    await officer.getByTestId(`inspection-${inspection.id}-rectify`).click();
    await officer.getByTestId("page-project").waitFor();
    await officer.getByTestId("rectification-raise-submit").waitFor();
    await settle(officer);
    await officer.locator(".ant-modal").getByText("审计（发现问题）").waitFor();
    expect(await officer.getByTestId("rectification-issue").inputValue()).toBe("");
    await officer.getByTestId("rectification-issue").fill(issue);
    const week = new Date(`${localToday()}T00:00:00Z`);
    week.setUTCDate(week.getUTCDate() + 7);
    const due = week.toISOString().slice(0, 10);
    await typeDate(officer, "rectification-due-date", due);
    // Enter in the date field fires nothing: the dialog stays until the button is pressed
    expect(await officer.getByTestId("rectification-raise-confirm").count()).toBe(0);
    await expectAccessible(officer, "rectification raise form");
    await shot(officer, "raise-form");
    await submitAndConfirm(officer, "rectification-raise-submit", "rectification-raise-confirm", "raise");
    const table = officer.getByTestId("rectifications-table");
    await table.getByText(issue).waitFor();
    await table.getByText("待整改").waitFor();
    await shot(officer, "raised");
    await officer.close();

    // 2. The unit finds it from its workspace tile and reports.
    const unit = await signInAs(live.browser, live.url, "ly-unit");
    await waitText(unit, "task-rectification-report", /待整改的事项\s*1/);
    await unit.getByTestId("task-rectification-report").click();
    await unit.getByTestId("page-rectifications").waitFor();
    await expectAccessible(unit, "rectification inbox");
    await shot(unit, "inbox");
    await unit.getByTestId("rectification-inbox").locator("a").first().click();
    await unit.getByTestId("page-project").waitFor();
    await unit.locator('[data-testid^="rectification-report-"]').first().click();
    await unit.getByTestId("rectification-response").fill("已补齐设备验收单据，完善了采购台账。");
    await unit.getByTestId("rectification-evidence").fill("设备验收单三份，采购台账。");
    await submitAndConfirm(unit, "rectification-report-submit", "rectification-report-confirm", "report");
    await unit.getByTestId("rectifications-table").getByText("已报送，待核验").waitFor();
    await unit.close();

    // 3. The officer closes it, after a confirmation that says it cannot be sent back.
    const again = await signInAs(live.browser, live.url, "ly-officer");
    await again.goto(`${live.url}/projects/${project.id}`);
    await again.getByTestId("page-project").waitFor();
    await again.locator('[data-testid^="rectification-close-"]').first().click();
    await waitText(again, "rectification-decide-consequence", "不能再退回");
    await again.getByTestId("rectification-note").fill("经核验，单据齐全。");
    await submitAndConfirm(again, "rectification-decide-submit", "rectification-close-confirm", "close");
    await again.getByTestId("rectifications-table").getByText("已核验销号").waitFor();
    await expectAccessible(again, "rectifications card");
    await shot(again, "closed");

    // 4. A finding may also lead to a measure (LY-FUNDS §25): the sanction dialog opens with the
    // finding as its reason, no measure or authority chosen; closing it takes none.
    await again.getByTestId("menu-supervision").click();
    await again.getByTestId("page-supervision").waitFor();
    await again.getByTestId(`inspection-${inspection.id}-sanction`).click();
    await again.getByTestId("page-project").waitFor();
    await again.getByTestId("sanction-submit").waitFor();
    await settle(again);
    expect(await again.getByTestId("sanction-reason").inputValue()).toContain("设备费支出缺少验收单据。");
    expect(await again.locator(".ant-modal .ant-radio-wrapper-checked").count()).toBe(0);
    expect(await again.locator(".ant-modal .ant-select-selection-item").count()).toBe(0);
    await shot(again, "sanction-from-finding");
    await again.locator(".ant-modal-close").click();
    await again.getByTestId("sanction-submit").waitFor({ state: "hidden" });
    await again.close();
  }, 300_000);
});
