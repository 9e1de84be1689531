import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible } from "./a11y.ts";
import { password, pick, signIn } from "./flow-helpers.ts";
import { pageOptions, serverAndBrowser } from "./server.ts";

const live = serverAndBrowser();

/** Checks every state it is given and reports all violations of a sweep at once. */
function sweep(page: Page) {
  const found: string[] = [];
  return {
    async check(state: string) {
      try {
        await expectAccessible(page, state);
      } catch (err) {
        found.push((err as Error).message);
      }
    },
    found,
  };
}

/** The dialogs a page opens with its create button, each checked open, then closed with Escape. */
const dialogs = ["application-create", "integrity-add", "unit-create", "user-create"];

/** Opens each page of the role's menu, the first item of each list, each tab of an application, each dialog. */
async function sweepRole(username: string): Promise<string[]> {
  const page = await signIn(live.browser, live.url, username);
  const { check, found } = sweep(page);
  await check(`${username} workspace`);

  await page.getByTestId("user-menu").click();
  await page.getByText("修改密码").click();
  await page.locator(".ant-modal").waitFor();
  await check(`${username} change-password dialog`);
  await page.keyboard.press("Escape");
  await page.locator(".ant-modal").waitFor({ state: "hidden" });

  const menu = (await page
    .locator("[data-testid^='menu-']")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")))) as string[];
  for (const item of menu.filter((m) => m !== "menu-workspace")) {
    await page.getByTestId(item).click();
    const name = item.replace("menu-", "");
    await check(`${username} ${name}`);
    for (const button of dialogs) {
      if ((await page.getByTestId(button).count()) === 0) continue;
      await page.getByTestId(button).click();
      await page.locator(".ant-modal").waitFor();
      await check(`${username} ${name}: ${button} dialog`);
      await page.keyboard.press("Escape");
      await page.locator(".ant-modal").waitFor({ state: "hidden" });
    }
    if ((await page.getByTestId("guide-create").count()) > 0) {
      await page.getByTestId("guide-create").click();
      await page.getByTestId("guide-form").waitFor();
      await check(`${username} ${name}: new guide`);
      await page.goBack();
    }
    const detail = page.locator("[data-testid^='guide-link-'], [data-testid^='application-link-']").first();
    if ((await detail.count()) === 0) continue;
    await detail.click();
    await page.locator("[data-testid='page-guide'], [data-testid='page-application']").waitFor();
    await check(`${username} ${name}: first item`);
    for (const tab of ["tab-commitment", "tab-history", "tab-duplicates"]) {
      if ((await page.getByTestId(tab).count()) === 0) continue;
      await page.getByTestId(tab).click();
      await check(`${username} ${name}: first item, ${tab}`);
    }
    await page.goBack();
  }
  await page.close();
  return found;
}

/** Presses Tab until the element with the test id (or something inside it) has the focus. */
async function tabTo(page: Page, testId: string, maxPresses = 60) {
  const target = page.getByTestId(testId).first();
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el.contains(document.activeElement))) return;
  }
  throw new Error(`${testId} is not reached with ${maxPresses} presses of Tab`);
}

const focusInDialog = (page: Page) =>
  page.evaluate(() => Boolean(document.activeElement?.closest(".ant-modal-wrap")));

describe("the path with the keyboard alone", () => {
  it("signs in, opens a page from the menu, and keeps the focus inside a dialog until it closes", async () => {
    const page = await live.browser.newPage({ viewport: { width: 1440, height: 900 }, ...pageOptions });
    await page.goto(`${live.url}/login`);
    await page.getByTestId("page-login").waitFor();
    await tabTo(page, "login-username");
    await page.keyboard.type("ly-officer");
    await tabTo(page, "login-password");
    await page.keyboard.type(password);
    await page.keyboard.press("Enter");
    await page.getByTestId("page-workspace").waitFor();

    await tabTo(page, "menu-units");
    await page.keyboard.press("Enter");
    await page.getByTestId("units-table").waitFor();
    await tabTo(page, "unit-create");
    await page.keyboard.press("Enter");
    await page.locator(".ant-modal").waitFor();
    // the page asked for reduced motion (pageOptions): the dialog is there at once, not zooming in
    expect(
      await page.locator(".ant-modal").evaluate((el) => el.getAnimations({ subtree: true }).length),
    ).toBe(0);
    await expect.poll(() => focusInDialog(page)).toBe(true);
    await expectAccessible(page, "unit dialog opened from the keyboard");
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press("Tab");
      expect(await focusInDialog(page), `focus left the dialog after ${i + 1} presses of Tab`).toBe(true);
    }
    await page.keyboard.press("Escape");
    await page.locator(".ant-modal").waitFor({ state: "hidden" });
    // back where the user was
    await expect
      .poll(() => page.getByTestId("unit-create").evaluate((el) => el.contains(document.activeElement)))
      .toBe(true);
    await page.close();
  });
});

describe("every page at WCAG 2.1 A and AA (axe-core)", () => {
  it("holds for a visitor: login, the public board, a public guide, a missing page", async () => {
    const page = await live.browser.newPage({ ...pageOptions });
    const { check, found } = sweep(page);
    await page.goto(`${live.url}/login`);
    await page.getByTestId("page-login").waitFor();
    await page.getByTestId("demo-accounts").getByText("演示账号").click();
    await check("login with demo accounts open");
    await page.getByTestId("lang-switch").getByText("EN").click();
    await check("login in English");
    await page.getByTestId("lang-switch").getByText("中文").click();
    for (const city of ["洛阳市", "大同市"]) {
      await page.goto(`${live.url}/public`);
      await page.getByTestId("public-city").getByText(city).click();
      await page.locator("[data-testid^='public-calls-']").first().waitFor();
      await check(`public board ${city}`);
      await page.locator("[data-testid^='public-guide-link-']").first().click();
      await page.getByTestId("guide-view").waitFor();
      await check(`public guide ${city}`);
    }
    await page.goto(`${live.url}/no-such-page`);
    await page.getByTestId("page-login").waitFor();
    await page.close();
    expect(found).toEqual([]);
  });

  it("holds for the applicant: a new draft in every tab, a forbidden and a missing page", async () => {
    const page = await signIn(live.browser, live.url, "ly-pi");
    const { check, found } = sweep(page);
    await page.getByTestId("menu-applications").click();
    await page.getByTestId("application-create").click();
    await pick(page, "application-create-call", /申报中/);
    await page.getByTestId("application-create-title").fill("无障碍检查用申报书");
    await page.getByTestId("application-create-submit").click();
    await page.getByTestId("application-form").waitFor();
    await check("ly-pi new draft");
    await page.getByTestId("application-submit").click();
    await page.getByTestId("application-submit-confirm").waitFor();
    await check("ly-pi submit confirmation");
    await page.getByTestId("application-submit-confirm").click();
    // an empty draft: refused, with the gates or the fields it fails
    await page.locator("[data-testid^='violation-'], [data-testid='save-problems']").first().waitFor();
    await check("ly-pi refused submission");
    await page.goto(`${live.url}/audit`);
    await page.getByTestId("page-forbidden").waitFor();
    await check("ly-pi forbidden page");
    await page.goto(`${live.url}/no-such-page`);
    await page.getByTestId("page-not-found").waitFor();
    await check("ly-pi missing page");
    await page.close();
    expect(found).toEqual([]);
  });

  const roles = [
    "ly-pi",
    "ly-unit",
    "ly-officer",
    "ly-leader",
    "ly-finance",
    "ly-district",
    "ly-agency",
    "ly-expert",
    "ly-fund",
    "dt-officer",
    "sysadmin",
    "secadmin",
    "auditor",
  ];
  for (const username of roles) {
    it(`holds on every page ${username} can open`, async () => {
      expect(await sweepRole(username)).toEqual([]);
    });
  }
});
