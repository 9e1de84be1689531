import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { expectAccessible, settle } from "./a11y.ts";
import { pageOptions, screenshotsDir } from "./server.ts";

export const password = "Luoshu@2025";

/**
 * Records a page state a test has reached: a full-page screenshot as test-results/<file>.png, and
 * the axe-core check at WCAG 2.1 A/AA (e2e/a11y.ts), so that every page the tests visit is held to it.
 */
export async function record(page: Page, file: string) {
  await settle(page);
  await page.screenshot({ path: path.join(screenshotsDir, `${file}.png`), fullPage: true });
  await expectAccessible(page, file);
}

/** `record` for the application path, named `flow-<name>`. */
export const shot = (page: Page, name: string) => record(page, `flow-${name}`);

/** A fresh browser context per user, signed in, on the workspace. */
export async function signIn(browser: Browser, url: string, username: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, ...pageOptions });
  await page.goto(`${url}/login`);
  await page.getByTestId("login-username").fill(username);
  await page.getByTestId("login-password").fill(password);
  await page.getByTestId("login-submit").click();
  await page.getByTestId("page-workspace").waitFor();
  return page;
}

/** Chooses an option of an AntD Select by its visible text. */
export async function pick(page: Page, testId: string, option: string | RegExp) {
  await page.getByTestId(testId).click();
  await page
    .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option", {
      hasText: option,
    })
    .first()
    .click();
}

/** Types into an AntD DatePicker and confirms with Enter, as a keyboard user would. */
export async function typeDate(page: Page, testId: string, text: string) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(text);
  await input.press("Enter");
}

/** "YYYY-MM-DD HH:mm" in Beijing time: what an officer types for a call window. */
export function beijing(d: Date): string {
  return new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).format(d);
}

/** The text of the confirmation now open: the consequence it states. */
export const confirmText = (page: Page) => page.locator(".ant-modal-confirm-content").last().innerText();

/** A failure that says what did not happen, with a screenshot as test-results/failed-<what>.png. */
async function failure(page: Page, what: string, why: string): Promise<Error> {
  await page.screenshot({ path: path.join(screenshotsDir, `failed-${what}.png`), fullPage: true });
  return new Error(`${what}: ${why}`);
}

/**
 * Presses a confirmation's OK and waits for the confirmation to close. Under CI load presses have left
 * a confirmation open with nothing sent, likely a click aimed at a dialog still zooming in (the pages
 * now ask for reduced motion, pageOptions); should it happen still, this presses once more after 5 s,
 * as a user would. The OK of an antd confirmation acts once only, and not at all while it closes, so a
 * second press never acts twice.
 */
export async function pressConfirm(page: Page, testId: string) {
  const ok = page.getByTestId(testId);
  const closed = (timeout?: number) =>
    ok.waitFor({ state: "hidden", timeout }).then(
      () => true,
      () => false,
    );
  await ok.click();
  if (await closed(5_000)) return;
  await ok.click({ timeout: 5_000 }).catch(() => undefined); // closing meanwhile: nothing to press
  if (!(await closed()))
    throw await failure(page, testId, "the confirmation is still open after two presses");
}

/**
 * Waits for what a confirmed action shows; when it does not come, names why: the server's refusal on
 * screen, or nothing at all. A bare timeout says nothing in a CI log.
 */
export async function outcomeOf(page: Page, shown: Locator, refusal: Locator, what: string) {
  try {
    await shown.or(refusal).first().waitFor();
  } catch {
    throw await failure(page, what, "nothing came");
  }
  if (await refusal.first().isVisible())
    throw await failure(page, what, `refused: ${await refusal.first().innerText()}`);
}

/** Waits until the text of a test id matches. */
export async function waitText(page: Page, testId: string, text: string | RegExp) {
  await page.getByTestId(testId).filter({ hasText: text }).first().waitFor();
}

/**
 * Ticks an AntD checkbox or radio inside a form. Not `locator.check()`: the form store re-renders the
 * group after the click, and on a loaded machine that comes after the browser has put the input back
 * to its old state, so check() reported "did not change its state" for a tick that then held (CI).
 * This clicks, waits for the state to hold, and clicks once more only if it never came.
 */
export async function tick(box: Locator) {
  for (let attempt = 0; attempt < 2; attempt++) {
    await box.click();
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      if (await box.isChecked()) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error("the box never held its tick");
}
