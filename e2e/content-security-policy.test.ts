import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { pageOptions, serverAndBrowser } from "./server.ts";

// The server's content security policy (packages/server/src/plugins/security-headers.ts) must not
// break what it protects: the built web UI and Swagger UI render, and the browser reports no
// violation while they do.

const live = serverAndBrowser();

/** Every `securitypolicyviolation` the page reports, recorded from before its first script runs. */
async function watchedPage(): Promise<{ page: Page; violations: () => Promise<string[]> }> {
  const page = await live.browser.newPage({ ...pageOptions });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return {
    page,
    violations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
  };
}

describe("the content security policy in a real browser", () => {
  it("lets the web UI render and log in, with no violation", async () => {
    const { page, violations } = await watchedPage();
    const res = await page.goto(`${live.url}/login`);
    expect(res?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    await page.getByTestId("login-username").fill("ly-officer");
    await page.getByTestId("login-password").fill("Luoshu@2025");
    await page.getByTestId("login-submit").click();
    await page.getByTestId("page-workspace").waitFor();
    await page.goto(`${live.url}/public`);
    await page.waitForLoadState("networkidle");
    expect(await violations()).toEqual([]);
    await page.close();
  });

  it("lets Swagger UI render the API documentation, with no violation", async () => {
    const { page, violations } = await watchedPage();
    await page.goto(`${live.url}/api/docs/`);
    await page.locator(".swagger-ui .info .title").waitFor();
    await page.locator(".opblock").first().waitFor();
    expect(await violations()).toEqual([]);
    await page.close();
  });
});
