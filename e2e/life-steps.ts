import type { Page } from "playwright-core";
import { expect } from "vitest";
import { settle } from "./a11y.ts";
import { confirmText, pick, pressConfirm, tick, waitText } from "./flow-helpers.ts";

// The steps of a project's life in the browser that the whole-life walks (tracking.test.ts in
// Luoyang, changes.test.ts in Datong) take on the project page, each through its dialog and its
// confirmation. Each takes the page of a user already on the project's page, so that the walks
// say who does what.

/**
 * Files period `n`'s progress report: the spending by line typed in 元, every milestone the dialog
 * asks a status of marked done with its evidence, every line off its pace explained.
 */
export async function fileProgressReport(
  page: Page,
  n: number,
  report: { summary: string; spentYuan: Record<string, string>; evidence: string; explanation: string },
) {
  await page.getByTestId(`progress-file-${n}`).click();
  const form = page.getByTestId("progress-report-form");
  await form.waitFor();
  await settle(page);
  await page.getByTestId("progress-summary").fill(report.summary);
  for (const [category, yuan] of Object.entries(report.spentYuan))
    await page.getByTestId(`progress-spent-${category}`).fill(yuan);
  const milestones = form.locator("tr[data-testid^=progress-milestone-]");
  for (let i = 0; i < (await milestones.count()); i++) {
    // a milestone due by the report's date has no status until one is chosen
    if ((await milestones.nth(i).locator(".ant-select-selection-item").count()) > 0) continue;
    await pick(page, `progress-milestone-status-${i}`, "已完成");
    await page.getByTestId(`progress-milestone-evidence-${i}`).fill(report.evidence);
  }
  const flags = form.locator("[data-testid^=progress-flag-]");
  for (let i = 0; i < (await flags.count()); i++) {
    const category = ((await flags.nth(i).getAttribute("data-testid")) ?? "").slice("progress-flag-".length);
    await page.getByTestId(`progress-explanation-${category}`).fill(report.explanation);
  }
  await page.getByTestId("progress-report-submit").click();
  await page.getByTestId("progress-report-confirm").click();
  await form.waitFor({ state: "detached" });
  await waitText(page, `progress-standing-${n}`, "已提交，待审核");
}

/** The officer approves period `n`'s progress report with a note, confirming its consequence. */
export async function approveProgressReport(page: Page, n: number, note: string) {
  await page.getByTestId(`progress-approve-${n}`).click();
  await page.getByTestId("progress-decide-form").waitFor();
  await settle(page);
  await page.getByTestId("progress-note").fill(note);
  await page.getByTestId("progress-decide-submit").click();
  await page.getByTestId("progress-approve-confirm").waitFor();
  expect(await confirmText(page)).toContain("审核通过后，该期不再阻挡节点拨款");
  await page.getByTestId("progress-approve-confirm").click();
  await page.getByTestId("progress-decide-form").waitFor({ state: "detached" });
  await waitText(page, `progress-standing-${n}`, "已审核通过");
}

/** The officer prepares a node's payment with a note; answers the new payment's id. */
export async function prepareNodePayment(page: Page, node: string, note: string): Promise<string> {
  const rows = page.getByTestId("project-payments").locator("tr[data-row-key]");
  const keys = async () => rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-row-key")));
  const before = new Set(await keys());
  await page.getByTestId(`node-${node}-prepare`).click();
  await page.getByTestId("payment-prepare-submit").waitFor();
  await settle(page);
  await page.getByTestId("payment-prepare-note").fill(note);
  await page.getByTestId("payment-prepare-submit").click();
  await page.getByTestId("payment-prepare-confirm").click();
  await page.getByTestId("payment-prepare-submit").waitFor({ state: "detached" });
  await page.getByTestId(`node-${node}-status`).filter({ hasNotText: "未提出" }).waitFor();
  await expect.poll(async () => (await keys()).filter((k) => !before.has(k)).length).toBe(1);
  return (await keys()).find((k) => !before.has(k)) as string;
}

/** The finance bureau approves a prepared payment on the project page. */
export async function approvePayment(page: Page, paymentId: string) {
  await page.getByTestId(`payment-${paymentId}-approve`).click();
  await page.getByTestId("payment-approve-confirm").click();
  await waitText(page, `payment-${paymentId}-status`, "财政已审核，待拨付");
}

/** The officer pays an approved payment through the treasury, recording its voucher. */
export async function payPayment(page: Page, paymentId: string, voucher: string) {
  await page.getByTestId(`payment-${paymentId}-pay`).click();
  await page.getByTestId("payment-pay-submit").waitFor();
  await settle(page);
  await page.getByTestId("payment-treasury-ref").fill(voucher);
  await page.getByTestId("payment-pay-submit").click();
  await page.getByTestId("payment-pay-final").waitFor();
  expect(await confirmText(page)).toContain(voucher);
  await page.getByTestId("payment-pay-final").click();
  await waitText(page, `payment-${paymentId}-status`, "已拨付");
}

/**
 * Submits the acceptance materials: every target reached (as 1, the walks' targets being one
 * prototype or report) with its evidence, the S&T report, each budget line's settled spend in 元,
 * and the integrity commitment, which the dialog never ticks itself.
 */
export async function submitAcceptance(
  page: Page,
  materials: { evidence: string; report: string; settledYuan: Record<string, string> },
) {
  await page.getByTestId("acceptance-submit-open").click();
  const form = page.getByTestId("acceptance-form");
  await form.waitFor();
  await settle(page);
  expect(await page.getByTestId("acceptance-commitment").isChecked()).toBe(false);
  for (const [i, input] of (await form.locator("[data-testid^=acceptance-achieved-]").all()).entries()) {
    await input.fill("1");
    await page.getByTestId(`acceptance-evidence-${i}`).fill(materials.evidence);
  }
  await page.getByTestId("acceptance-report").fill(materials.report);
  for (const [category, yuan] of Object.entries(materials.settledYuan))
    await page.getByTestId(`acceptance-spent-${category}`).fill(yuan);
  await tick(page.getByTestId("acceptance-commitment"));
  await page.getByTestId("acceptance-submit").click();
  await page.getByTestId("acceptance-submit-confirm").waitFor();
  expect(await confirmText(page)).toContain("组织验收专家组评审");
  await page.getByTestId("acceptance-submit-confirm").click();
  await form.waitFor({ state: "detached" });
  await waitText(page, "acceptance-status", "已提交，待验收");
}

/** The officer passes a scored acceptance as its mean calls for; answers the confirmation's text. */
export async function passAcceptance(page: Page, note: string): Promise<string> {
  await waitText(page, "assessment-proposed", "验收通过");
  await page.getByTestId("assessment-pass").click();
  await page.getByTestId("assessment-conclude-form").waitFor();
  await settle(page);
  await page.getByTestId("assessment-note").fill(note);
  await page.getByTestId("assessment-conclude-submit").click();
  await page.getByTestId("assessment-pass-confirm").waitFor();
  const consequence = await confirmText(page);
  await page.getByTestId("assessment-pass-confirm").click();
  await page.getByTestId("assessment-conclude-form").waitFor({ state: "detached" });
  await waitText(page, "acceptance-status", "验收通过");
  return consequence;
}

/** Opens 提出变更 and chooses the kind; nothing is chosen beforehand. */
export async function startChange(page: Page, kind: string) {
  await page.getByTestId("change-request").click();
  await page.getByTestId("change-request-form").waitFor();
  await settle(page);
  const kinds = page.getByTestId("change-kind");
  for (const k of ["单位法人变更", "项目负责人变更", "预算调剂", "延期"])
    expect(await kinds.getByLabel(k, { exact: false }).first().isChecked()).toBe(false);
  await tick(kinds.getByLabel(kind, { exact: false }).first());
}

/** Replaces a line's amount in the budget adjustment, typed in 元. */
export const adjustAmount = (page: Page, category: string, yuan: string) =>
  page.getByTestId(`adjust-amount-${category}`).fill(yuan);

/**
 * Picks a budget category to add and adds it. The option is picked again if the pick did not take
 * (the dropdown still opening on a loaded machine), until the add button is enabled.
 */
export async function addCategory(page: Page, name: string) {
  const add = page.getByTestId("adjust-add");
  for (let attempt = 0; attempt < 5 && !(await add.isEnabled()); attempt++) {
    await page.getByTestId("adjust-add-category").click();
    await page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)").getByText(name).click();
    await add
      .and(page.locator(":enabled"))
      .waitFor({ timeout: 2_000 })
      .catch(() => undefined);
  }
  await add.click();
}

/** The changes card's row of the latest change of a kind. */
export const changeRow = (page: Page, kind: string) => page.getByTestId(`change-row-${kind}`).first();

/**
 * The officer records money the unit gave back against the project's closure (a revocation's
 * recovery, a termination's or an acceptance's balance), with the treasury's reference; answers the
 * confirmation's text.
 */
export async function recordReturn(page: Page, yuan: string, reference: string): Promise<string> {
  await page.getByTestId("life-return").click();
  await page.getByTestId("return-form").waitFor();
  await settle(page);
  await page.getByTestId("return-amount").fill(yuan);
  await page.getByTestId("return-reference").fill(reference);
  await page.getByTestId("return-submit").click();
  await page.getByTestId("return-confirm").waitFor();
  const consequence = await confirmText(page);
  await page.getByTestId("return-confirm").click();
  await page.getByTestId("return-form").waitFor({ state: "detached" });
  return consequence;
}

/** The district S&T officer agrees with a submitted acceptance, with its opinion (DT-RULES §17). */
export async function agreeAsDistrict(page: Page, opinion: string) {
  await page.getByTestId("acceptance-districtOpinion-open").click();
  await page.getByTestId("district-opinion-form").waitFor();
  await settle(page);
  await tick(page.getByTestId("district-opinion-agree"));
  await page.getByTestId("district-opinion-text").fill(opinion);
  await page.getByTestId("district-opinion-submit").click();
  await page.getByTestId("district-opinion-confirm").click();
  await page.getByTestId("district-opinion-form").waitFor({ state: "detached" });
  await waitText(page, "acceptance-district-agrees", "同意验收");
}

/**
 * Submits the change dialog and confirms it; the dialog closes once the server has it. A refusal
 * keeps the dialog open with the server's reason, which the failure then states.
 */
export async function submitChange(page: Page) {
  await page.getByTestId("change-request-submit").click();
  await pressConfirm(page, "change-request-confirm");
  await page
    .getByTestId("change-request-form")
    .waitFor({ state: "detached" })
    .catch(async (e: Error) => {
      const refusal = page.locator(".ant-modal").getByTestId("error-alert");
      throw new Error(
        (await refusal.count()) > 0 ? `the change was refused: ${await refusal.innerText()}` : e.message,
      );
    });
}
