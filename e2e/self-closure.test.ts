import { addDays, addMonths, chinaDateOf, makeResidentId } from "@luoshu/domain";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { ok, scan } from "../packages/server/src/db/seed/demo-review.ts";
import { settle } from "./a11y.ts";
import { apiSessions, signInAs } from "./decision-helpers.ts";
import { confirmText, record, tick, waitText } from "./flow-helpers.ts";
import { serverAndBrowser } from "./server.ts";
import { luoyangGuide } from "./tracking-setup.ts";

// 自行组织结项 in the browser (LY-REFORM §三(三)1): a Luoyang 指导计划项目 is filed (备案立项, no review,
// no money, no task book) through the API as the people would do it: the guide drawn up and published,
// the demo PI's application through the unit, the district and the formal check, the officer files it.
// The unit's administrator opens the project, reads the card citing the clause, opens the dialog: the
// integrity commitment is not ticked for them and the submit is held with its reason until they tick
// it; they write the closure report, confirm, and the project shows closed by its unit. The officer
// sees the same closure, read-only.

const live = serverAndBrowser();
const shot = (page: Page, step: string) => record(page, `self-closure-${step}`);
const upload = (name: string) => ({
  "content-type": "application/octet-stream",
  "x-file-name": encodeURIComponent(name),
});

const title = "智能农机北斗自主导航技术研发";
const report =
  "项目已完成智能农机北斗自主导航样机研制，在 3 个示范基地完成田间试验，单位已组织专家进行结项验收，结论为通过。";
let project: { id: string; number: string };

/** The guiding guide, the application through the formal check, and the officer's filing. */
async function filedGuidingProject(url: string) {
  const today = chinaDateOf(new Date());
  const year = Number(today.slice(0, 4));
  const endDate = addDays(addMonths(today, 12), -1);
  const api = apiSessions(url);
  const { as } = api;
  const officer = await as("ly-officer");
  const guide = await ok(
    officer,
    "POST",
    "/api/guides",
    luoyangGuide({
      titleZh: `${year}年度洛阳市指导计划项目备案指南`,
      program: "guiding",
      year,
      summaryZh: "指导计划项目实行备案制，由项目实施单位自筹经费、自主开展实施管理和结项验收。",
      direction: { titleZh: "智能农机装备", descriptionZh: "农机自主导航、智能作业等技术研发。" },
      maxFen: 0,
      now: new Date(),
    }),
  );
  await ok(officer, "POST", `/api/guides/${guide.id}/events/submitForReview`);
  await ok(await as("ly-leader"), "POST", `/api/guides/${guide.id}/events/publish`);

  const pi = await as("ly-pi");
  const { id } = await ok(pi, "POST", "/api/applications", { callId: guide.calls[0].id, title });
  await ok(pi, "PUT", `/api/applications/${id}/content`, {
    basic: {
      title,
      abstract: "研发基于北斗的智能农机自主导航与路径规划技术，形成样机并开展田间示范。",
      keywords: "智能农机；北斗导航；自主作业",
      field: "",
      startDate: today,
      endDate,
    },
    content: {
      researchContent: "一、北斗高精度定位与组合导航；二、田间路径规划；三、样机研制与田间试验。",
      objectives: "研制智能农机自主导航样机 1 套，直线行驶偏差不大于 2.5 cm。",
    },
    targets: [{ kind: "other", description: "自主导航样机", value: 1, unit: "套" }],
    milestones: [{ dueDate: endDate, description: "完成样机研制与田间试验", deliverable: "试验报告" }],
    team: [
      {
        name: "周博",
        role: "pi",
        title: "研究员",
        unitName: "",
        workMonths: 10,
        idNumber: makeResidentId("41030519860312001"),
      },
    ],
    budget: { lines: [] },
  });
  await ok(pi, "POST", `/api/applications/${id}/commitment`, { as: "pi" });
  await ok(await as("ly-unit"), "POST", `/api/applications/${id}/commitment`, { as: "unit" });
  await ok(pi, "PUT", `/api/applications/${id}/attachments/commitmentScan`, scan, upload("承诺书.pdf"));
  await ok(pi, "POST", `/api/applications/${id}/submit`);
  await ok(await as("ly-district"), "POST", `/api/applications/${id}/district-review`, {
    event: "recommend",
    rank: 1,
  });
  await ok(await as("ly-agency"), "POST", `/api/applications/${id}/formal-check`, {
    event: "formalPass",
    checklist: guide.content.formalChecklist.map((c: { code: string }) => ({ code: c.code, ok: true })),
  });
  const filed = await ok(officer, "POST", `/api/applications/${id}/file`);
  expect(filed).toMatchObject({ origin: "filing", amountFen: 0 });
  const items = (await ok(officer, "GET", "/api/projects")).items as { id: string; number: string }[];
  const found = items.find((p) => p.number === filed.number);
  await api.dispose();
  if (!found) throw new Error(`the filed project ${filed.number} is not listed`);
  return found;
}

beforeAll(async () => {
  project = await filedGuidingProject(live.url);
}, 300_000);

async function openProject(username: string): Promise<Page> {
  const page = await signInAs(live.browser, live.url, username);
  await page.goto(`${live.url}/projects/${project.id}`);
  await page.getByTestId("page-project").waitFor();
  await page.getByTestId("self-closure-card").waitFor();
  return page;
}

describe("a filed guiding project closed by its unit", () => {
  it("the unit ticks the commitment, files the closure report, and the project is closed by its unit", async () => {
    const unit = await openProject("ly-unit");
    const card = unit.getByTestId("self-closure-card");
    await card.getByTestId("clause").filter({ hasText: "LY-REFORM §三(三)1" }).waitFor();
    await card.getByText("由承担单位自主开展实施管理和结项验收").waitFor();
    await shot(unit, "card");

    // the dialog: the commitment never ticked for the unit, the submit held with its reason
    await unit.getByTestId("self-closure-open").click();
    await unit.getByTestId("self-closure-form").waitFor();
    await settle(unit);
    expect(await unit.getByTestId("self-closure-commitment").isChecked()).toBe(false);
    expect(await unit.getByTestId("self-closure-submit").isDisabled()).toBe(true);
    await waitText(unit, "self-closure-submit-blocked", "请先阅读并勾选诚信承诺");
    await unit.getByTestId("self-closure-report").fill(report);
    // writing the report does not release it: only the commitment does
    expect(await unit.getByTestId("self-closure-submit").isDisabled()).toBe(true);
    await shot(unit, "form-blocked");
    await tick(unit.getByTestId("self-closure-commitment"));
    await expect.poll(() => unit.getByTestId("self-closure-submit").isDisabled()).toBe(false);
    expect(await unit.getByTestId("self-closure-submit-blocked").count()).toBe(0);
    await unit.getByTestId("self-closure-submit").click();
    await unit.getByTestId("self-closure-confirm").waitFor();
    const consequence = await confirmText(unit);
    expect(consequence).toContain(project.number);
    expect(consequence).toContain(title);
    expect(consequence).toContain("由本单位自行组织结项");
    expect(consequence).toContain("不能撤回");
    await shot(unit, "confirm");
    await unit.getByTestId("self-closure-confirm").click();
    await unit.getByTestId("self-closure-form").waitFor({ state: "detached" });

    // closed by its unit: who and when, the report; nothing left to do
    await waitText(unit, "self-closure-done", "已由承担单位自行组织结项");
    await waitText(unit, "self-closure-done", report);
    expect(await unit.getByTestId("self-closure-open").count()).toBe(0);
    await unit.getByTestId("self-closure-done").getByText(report).waitFor();
    // fresh from the server, not just the cache the mutation filled
    await unit.reload();
    await unit.getByTestId("page-project").waitFor();
    await waitText(unit, "self-closure-done", "已由承担单位自行组织结项");
    await shot(unit, "closed");
    await unit.close();
  }, 300_000);

  it("the officer sees the same closure, read-only", async () => {
    const officer = await openProject("ly-officer");
    const card = officer.getByTestId("self-closure-card");
    await card.getByTestId("clause").filter({ hasText: "LY-REFORM §三(三)1" }).waitFor();
    await waitText(officer, "self-closure-done", "已由承担单位自行组织结项");
    await waitText(officer, "self-closure-done", report);
    expect(await officer.getByTestId("self-closure-open").count()).toBe(0);
    expect(await card.getByRole("button").count()).toBe(0);
    await shot(officer, "officer");
    await officer.close();
  }, 120_000);
});
