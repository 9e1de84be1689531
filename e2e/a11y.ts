import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";

/** WCAG 2.1 levels A and AA, which GB/T 37668-2019 asks of government web services. */
const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * Waits until the page has settled: no request of the page's in flight, no loading spinner or
 * skeleton, and no finite animation running (AntD fades dialogs and messages in; half-faded text
 * would be judged at a contrast it does not keep).
 */
export async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(
    () =>
      !document.querySelector(".ant-spin-spinning, .ant-skeleton-active") &&
      document
        .getAnimations()
        .every((a) => a.playState !== "running" || a.effect?.getComputedTiming().iterations === Infinity),
  );
}

/**
 * Runs axe-core on the page as it is and fails with every WCAG 2.1 A/AA violation it finds, each
 * with the elements concerned and why, so that no page state a test reaches is held to less.
 */
export async function expectAccessible(page: Page, state: string) {
  await settle(page);
  // Legacy mode runs axe inside the page itself: the tests open pages with browser.newPage(), whose
  // context may hold no second page, and the UI has no cross-origin frames that would need one.
  // A message toast leaves on its own timer and may start fading out between settle() and the scan
  // (seen in CI: contrast 1.18 mid-fade), so toasts are left out; their steady colours are theme tokens.
  const { violations } = await new AxeBuilder({ page })
    .withTags(wcagTags)
    .exclude(".ant-message")
    .setLegacyMode(true)
    .analyze();
  if (violations.length === 0) return;
  const report = violations.flatMap((v) => [
    `${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}`,
    ...v.nodes
      .slice(0, 8)
      .map((n) => `    ${n.target.join(" ")}\n      ${n.failureSummary?.replace(/\n/g, "\n      ")}`),
    ...(v.nodes.length > 8 ? [`    … and ${v.nodes.length - 8} more`] : []),
  ]);
  throw new Error(`accessibility violations on ${state} (${page.url()}):\n${report.join("\n")}`);
}
