import { request as http } from "playwright-core";
import { describe, expect, it } from "vitest";
import { fullContent, pdf } from "../packages/server/src/test/application-fixtures.ts";
import { password, shot, signIn, waitText } from "./flow-helpers.ts";
import { serverAndBrowser } from "./server.ts";

const live = serverAndBrowser();

/** Signs in through the API, as the web app does: the session cookie and the CSRF token on every change. */
async function apiAs(username: string) {
  const ctx = await http.newContext({ baseURL: live.url });
  const login = await ctx.post("/api/auth/login", { data: { username, password } });
  expect(login.status()).toBe(200);
  const headers = {
    "x-csrf-token": ((await login.json()) as { user: { csrfToken: string } }).user.csrfToken,
  };
  const call = async (method: "post" | "put", url: string, data?: unknown, extra = {}) => {
    const res = await ctx[method](url, { data: data as never, headers: { ...headers, ...extra } });
    expect(res.status(), `${method} ${url}: ${await res.text()}`).toBeLessThan(300);
    return res.json();
  };
  return { ctx, call };
}

/** A submitted application of ly-pi's, prepared through the API: content, both confirmations, the scan. */
async function submittedApplication(): Promise<string> {
  const pi = await apiAs("ly-pi");
  const unit = await apiAs("ly-unit");
  const guides = await (await pi.ctx.get("/api/guides")).json();
  const callId = guides.items[0].calls[0].id as string;
  const { id } = await pi.call("post", "/api/applications", { callId, title: "洛阳都市圈创新生态研究" });
  await pi.call("put", `/api/applications/${id}/content`, fullContent());
  await pi.call("post", `/api/applications/${id}/commitment`, { as: "pi" });
  await unit.call("post", `/api/applications/${id}/commitment`, { as: "unit" });
  await pi.call("put", `/api/applications/${id}/attachments/commitmentScan`, pdf, {
    "content-type": "application/octet-stream",
    "x-file-name": encodeURIComponent("承诺书.pdf"),
  });
  await pi.call("post", `/api/applications/${id}/submit`);
  await Promise.all([pi.ctx.dispose(), unit.ctx.dispose()]);
  return id;
}

describe("an applicant takes a submission back before the district decides", () => {
  it("asks first, saying what withdrawing does, then shows the draft and why the confirmations are gone", async () => {
    const id = await submittedApplication();
    const page = await signIn(live.browser, live.url, "ly-pi");
    await page.goto(`${live.url}/applications/${id}`);
    await waitText(page, "application-status", "待县区初审");
    await page.getByTestId("application-withdraw").click();
    await page.getByTestId("application-withdraw-confirm").waitFor();
    expect(await page.locator(".ant-modal-confirm").innerText()).toContain("撤回后申报书回到草稿");
    // the dialog's focus is on Cancel: Enter does not withdraw
    await page.keyboard.press("Enter");
    await page.locator(".ant-modal-confirm").waitFor({ state: "detached" });
    await waitText(page, "application-status", "待县区初审");
    await page.getByTestId("application-withdraw").click();
    await page.getByTestId("application-withdraw-confirm").click();
    await waitText(page, "application-status", "草稿");
    await waitText(page, "commitment-cleared", "承诺书确认已清除：申报书已撤回");
    await shot(page, "withdrawn");
    await page.close();
  });
});
