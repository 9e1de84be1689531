import type { Locator, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { passDemoApplications } from "../packages/server/src/db/seed/demo-review.ts";
import type { Client } from "../packages/server/src/lib/inject-client.ts";
import { apiLogin } from "./api-client.ts";
import { record, signIn, waitText } from "./flow-helpers.ts";
import { serverAndBrowser } from "./server.ts";

// From the formal check to a ranked list, in both cities, in the browser: the organiser the policy
// names makes the plan and runs the assignment, replaces one expert with a reason and sends the
// invitations; two experts sign, declare and score far apart; a third declares a conflict and the
// place is refilled; the organiser sees the ranking with the spread flagged.

const live = serverAndBrowser();
const sessions = new Map<string, Promise<Client & { dispose(): Promise<void> }>>();
const api = (username: string) => {
  if (!sessions.has(username)) sessions.set(username, apiLogin(live.url, username));
  return sessions.get(username) as Promise<Client>;
};
afterAll(async () => {
  for (const s of sessions.values()) await (await s).dispose();
});

type Row = { id: string; status: string; expert: { id: string; unitName: string } };
type Item = { applicationId: string; number: string; unitName: string; assignments: Row[] };
const holding = (rows: Row[]) =>
  rows.filter((r) => ["proposed", "invited", "accepted", "submitted"].includes(r.status));
const shot = (page: Page, name: string) => record(page, `review-${name}`);

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

async function expertUsername(expertId: string): Promise<string> {
  const officer = await api("ly-officer");
  const dt = await api("dt-officer");
  for (const c of [officer, dt]) {
    const found = (await c.get("/api/experts?pageSize=200")).body.items.find(
      (e: { id: string }) => e.id === expertId,
    );
    if (found) return found.username;
  }
  throw new Error(`no expert ${expertId}`);
}

/** An expert signs the commitment, declares no conflict and scores every criterion `score`. */
async function scoreAs(username: string, planId: string, assignmentId: string, score: number, name: string) {
  const page = await signIn(live.browser, live.url, username);
  await page.goto(`${live.url}/my-reviews`);
  await page.getByTestId(`commitment-sign-${planId}`).click();
  await page.getByTestId(`commitment-sign-confirm-${planId}`).click();
  await page.getByTestId(`commitment-signed-${planId}`).waitFor();
  await shot(page, `${name}-invited`);
  await page.getByTestId(`assignment-accept-${assignmentId}`).click();
  await page.getByTestId(`assignment-accept-confirm-${assignmentId}`).click();
  await page.getByTestId("page-review-work").waitFor();
  const inputs = page.locator('[data-testid^="review-score-"]');
  const n = await inputs.count();
  for (let i = 0; i < n; i++) await typeInto(page, inputs.nth(i), String(score));
  await page.getByTestId("review-comment").fill(`评分 ${score}：研究思路清楚，建议补充调研样本。`);
  await waitText(page, "review-live-total", String(score));
  await shot(page, `${name}-sheet`);
  await page.getByTestId("review-work-submit").click();
  await page.getByTestId("review-work-submit-confirm").click();
  await page.getByTestId("review-work-submitted").waitFor();
  await page.close();
}

async function reviewCity(prefix: "ly" | "dt") {
  const year = new Date().getUTCFullYear();
  const { callId, ids } = await passDemoApplications(api, prefix, year, 3);
  const organiserName = prefix === "ly" ? "ly-agency" : "dt-officer";
  if (prefix === "ly") {
    // The bureau records the entrustment in the UI; the agency then runs the call's review.
    const officer = await signIn(live.browser, live.url, "ly-officer");
    await officer.goto(`${live.url}/reviews`);
    await waitText(officer, `review-plan-not-mine-${callId}`, /受托/);
    await officer.getByTestId("entrustment-create").click();
    await officer.getByTestId("entrustment-agency").fill("洛阳市科技评估中心");
    await officer.getByTestId("entrustment-calls").click();
    // the demo guide has two calls; this walk reviews the first
    await officer
      .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option", {
        hasText: "第一批",
      })
      .first()
      .click();
    await officer.keyboard.press("Escape");
    await officer.getByTestId("entrustment-from").click();
    await officer.getByTestId("entrustment-from").fill(`${year}-01-01`);
    await officer.getByTestId("entrustment-from").press("Enter");
    await officer.getByTestId("entrustment-until").click();
    await officer.getByTestId("entrustment-until").fill(`${year}-12-31`);
    await officer.getByTestId("entrustment-until").press("Enter");
    await officer.getByTestId("entrustment-scope").fill("软科学项目专家评审组织");
    await shot(officer, "ly-entrustment");
    await officer.getByTestId("entrustment-confirm").click();
    await waitText(officer, "entrustments-table", "洛阳市科技评估中心");
    await officer.close();
  }

  const page = await signIn(live.browser, live.url, organiserName);
  await page.goto(`${live.url}/reviews`);
  await confirm(page, `review-plan-create-${callId}`, "review-plan-create-confirm");
  await page.getByTestId("page-review-plan").waitFor();
  await waitText(page, "review-organiser", prefix === "ly" ? /第三方/ : /市科技局/);
  await waitText(page, "clause", prefix === "ly" ? "LY-REFORM §三(二)1" : "DT-RULES §14(三)");
  // The panel weighs management and economics for soft science; three reviewers per application.
  await page.getByTestId("review-panel-disciplines-0").click();
  await page.keyboard.type("630");
  await page
    .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option", {
      hasText: /^630 /,
    })
    .first()
    .click();
  await page.keyboard.press("Escape");
  await typeInto(page, page.getByTestId("review-k"), "3");
  await page.getByTestId("review-settings-save").click();
  await page.getByText("评审方案已保存").waitFor();
  await confirm(page, "review-assign");
  await page.getByTestId("review-solution-certified").waitFor();
  await shot(page, `${prefix}-assigned`);

  // Replace one proposed expert with a reason; the dialog names a free expert of another unit.
  const organiser = await api(organiserName);
  const planId = page.url().split("/").pop() as string;
  let plan = (await organiser.get(`/api/review-plans/${planId}`)).body;
  const item = plan.items.find((i: Item) => i.applicationId === ids[0]) as Item;
  const [replaced] = holding(item.assignments) as [Row];
  const pool = (await organiser.get("/api/experts?pageSize=200")).body.items as {
    id: string;
    displayName: string;
    unit: { nameZh: string };
  }[];
  const held = new Set(plan.items.flatMap((i: Item) => holding(i.assignments).map((r) => r.expert.id)));
  const units = new Set(holding(item.assignments).map((r) => r.expert.unitName));
  const substitute = pool.find(
    (e) => !held.has(e.id) && !units.has(e.unit.nameZh) && e.unit.nameZh !== item.unitName,
  );
  if (!substitute) throw new Error("no free expert to put on the place");
  await page.getByTestId(`review-item-${item.number}`).locator(".ant-table-row-expand-icon").click();
  await page.getByTestId(`assignment-replace-${replaced.id}`).click();
  await page.getByTestId("override-expert").click();
  await page.getByTestId("override-expert").locator("input").fill(substitute.displayName);
  await page
    .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option", {
      hasText: substitute.displayName,
    })
    .first()
    .click();
  await page.getByTestId("override-reason").fill("该专家研究方向与项目更对口");
  await shot(page, `${prefix}-override`);
  await page.getByTestId("override-confirm").click();
  await waitText(page, `review-assignments-${item.number}`, substitute.displayName);
  await confirm(page, "review-publish");
  await waitText(page, "review-plan-status", /评审中/);

  plan = (await organiser.get(`/api/review-plans/${planId}`)).body;
  const rows = holding((plan.items.find((i: Item) => i.applicationId === ids[0]) as Item).assignments);
  const [a, b, c] = rows as [Row, Row, Row];
  await scoreAs(await expertUsername(a.expert.id), planId, a.id, 92, `${prefix}-expert-a`);
  await scoreAs(await expertUsername(b.expert.id), planId, b.id, 55, `${prefix}-expert-b`);

  // The third declares a conflict: the place goes to another expert of the pool.
  const third = await signIn(live.browser, live.url, await expertUsername(c.expert.id));
  await third.goto(`${live.url}/my-reviews`);
  await third.getByTestId(`commitment-sign-${planId}`).click();
  await third.getByTestId(`commitment-sign-confirm-${planId}`).click();
  await third.getByTestId(`commitment-signed-${planId}`).waitFor();
  await third.getByTestId(`assignment-conflict-${c.id}`).click();
  await third.getByTestId("conflict-note").fill("本人与申报单位有合作研究关系");
  await shot(third, `${prefix}-declare-conflict`);
  await third.getByTestId("conflict-confirm").click();
  await waitText(third, `my-assignment-status-${c.id}`, /回避/);
  await third.close();

  const after = (await organiser.get(`/api/review-plans/${planId}`)).body;
  const now = after.items.find((i: Item) => i.applicationId === ids[0]) as Item & {
    result: { spreadFlagged: boolean };
  };
  expect(now.assignments.find((r) => r.id === c.id)?.status).toBe("conflicted");
  expect(holding(now.assignments)).toHaveLength(3);
  expect(now.result.spreadFlagged).toBe(true);

  await page.reload();
  await page.getByTestId(`review-item-spread-${item.number}`).waitFor();
  await waitText(page, `review-item-mean-${item.number}`, "73.50");
  await page.getByTestId(`review-item-${item.number}`).locator(".ant-table-row-expand-icon").click();
  await waitText(page, `review-assignments-${item.number}`, /已申报回避/);
  await shot(page, `${prefix}-ranking`);
  await page.close();
}

describe("expert review from the formal check to a ranked list", () => {
  it("in Luoyang, run by the entrusted agency (LY-REFORM §三(二)1)", async () => {
    await reviewCity("ly");
  });
  it("in Datong, run by the bureau (DT-RULES §14(三))", async () => {
    await reviewCity("dt");
  });
});
