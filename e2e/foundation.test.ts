import type { Page, Response } from "playwright-core";
import { describe, expect, it } from "vitest";
import { record as shot } from "./flow-helpers.ts";
import { pageOptions, serverAndBrowser } from "./server.ts";

const live = serverAndBrowser();

async function login(page: Page, username: string) {
  await page.goto(`${live.url}/login`);
  await page.getByTestId("login-username").fill(username);
  await page.getByTestId("login-password").fill("Luoshu@2025");
  await page.getByTestId("login-submit").click();
  await page.getByTestId("page-workspace").waitFor();
}

async function menu(page: Page): Promise<string[]> {
  const ids = await page
    .locator("[data-testid^='menu-']")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")));
  return ids.filter((x): x is string => Boolean(x));
}

describe("foundation in a real browser", () => {
  it("loads the login page in route chunks, compressed and cached for a year", async () => {
    const page = await live.browser.newPage({ ...pageOptions });
    const responses: Response[] = [];
    page.on("response", (r) => responses.push(r));
    await page.goto(`${live.url}/login`);
    await page.getByTestId("page-login").waitFor();
    await page.waitForLoadState("networkidle");
    const document = responses.find((r) => new URL(r.url()).pathname === "/login");
    expect((await document?.allHeaders())?.["cache-control"]).toBe("no-cache");
    const scripts = responses.filter((r) => /^\/assets\/.+\.js$/.test(new URL(r.url()).pathname));
    // split by route: the login page's own chunk, not the whole UI in one file
    expect(scripts.map((r) => r.url()).join("\n")).toMatch(/LoginPage-[\w-]+\.js/);
    expect(scripts.map((r) => r.url()).join("\n")).not.toMatch(/ApplicationPage-/);
    for (const script of scripts) {
      const headers = await script.allHeaders();
      expect(headers["cache-control"], script.url()).toBe("public, max-age=31536000, immutable");
      // the build writes compressed twins of every file above 1 KiB
      if ((await script.body()).length > 1024)
        expect(["br", "gzip"], script.url()).toContain(headers["content-encoding"]);
    }
    await page.close();
  });

  it("shows the program officer its menu, the policies and a budget violation with its clause", async () => {
    const page = await live.browser.newPage({ viewport: { width: 1360, height: 900 }, ...pageOptions });
    await page.goto(live.url);
    await page.getByTestId("page-login").waitFor();
    await shot(page, "01-login");
    await login(page, "ly-officer");
    await shot(page, "02-officer-workspace");
    const items = await menu(page);
    expect(items).toEqual(
      expect.arrayContaining(["menu-workspace", "menu-policies", "menu-budget", "menu-units", "menu-users"]),
    );
    expect(items).not.toContain("menu-audit");

    await page.getByTestId("menu-policies").click();
    await page.getByTestId("policy-view").waitFor();
    await expect.poll(() => page.getByTestId("clause").count()).toBeGreaterThan(5);
    await shot(page, "03-policies");

    await page.getByTestId("menu-units").click();
    await page.getByTestId("units-table").waitFor();
    await expect
      .poll(() => page.getByTestId("units-table").locator("tbody tr").count())
      .toBeGreaterThanOrEqual(6);
    await shot(page, "04-units");

    await page.getByTestId("menu-budget").click();
    await page.getByTestId("page-budget").waitFor();
    await page.getByTestId("budget-amount-equipment").fill("1000000");
    await page.getByTestId("budget-amount-materials").fill("11000000");
    await page.getByTestId("budget-amount-indirect").fill("3000000");
    const violation = page.getByTestId("budget-violation").first();
    await violation.waitFor();
    await expect.poll(() => violation.getByTestId("clause").innerText()).toContain("LY-FUNDS §16");
    expect(await violation.innerText()).toMatch(/间接费用/);
    expect(await page.getByTestId("budget-indirect-cap").innerText()).toMatch(/2,950,000|295\.00 万元/);
    await shot(page, "05-budget-violation");
    await page.close();
  });

  it("shows the auditor a different menu and a whole audit chain", async () => {
    const page = await live.browser.newPage({ viewport: { width: 1360, height: 900 }, ...pageOptions });
    await login(page, "auditor");
    await shot(page, "06-auditor-workspace");
    const items = await menu(page);
    expect(items).toContain("menu-audit");
    expect(items).not.toContain("menu-units");
    expect(items).not.toContain("menu-users");
    await page.getByTestId("menu-audit").click();
    await page.getByTestId("audit-table").waitFor();
    await page.getByTestId("audit-verify").click();
    await expect.poll(() => page.getByTestId("audit-verify-result").innerText()).toMatch(/完整/);
    await shot(page, "07-audit");
    await page.close();
  });
});
