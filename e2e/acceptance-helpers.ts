import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import { settle } from "./a11y.ts";
import { signInAs } from "./decision-helpers.ts";
import { confirmText, outcomeOf, pressConfirm, record, tick, waitText } from "./flow-helpers.ts";
import { trackingOf, usernamesOf } from "./tracking-setup.ts";

/**
 * The acceptance walk's steps in the browser (acceptance.test.ts, acceptance-datong.test.ts): open a
 * project at its acceptance card, convene a panel in the dialog, have the latest panel score on
 * /assessments.
 */
export function acceptanceSteps(live: { url: string; browser: Browser }) {
  const shot = (page: Page, step: string) => record(page, `acceptance-${step}`);

  /** Opens a project's page as `username`, signed in afresh, at its acceptance card. */
  async function openProject(username: string, id: string): Promise<Page> {
    const page = await signInAs(live.browser, live.url, username);
    await page.goto(`${live.url}/projects/${id}`);
    await page.getByTestId("page-project").waitFor();
    await page.getByTestId("acceptance-rules").waitFor();
    return page;
  }

  /** The officer convenes a panel of `n` experts free of conflict (from the `skip`-th on); answers their names. */
  async function convene(page: Page, n: number, skip = 0) {
    await page.getByTestId("acceptance-convene-open").click();
    await page.getByTestId("convene-form").waitFor();
    await page.getByTestId("convene-candidate-free").first().waitFor();
    await settle(page);
    const conflicted = page.getByTestId("convene-candidate-conflicted");
    for (let i = 0; i < (await conflicted.count()); i++)
      expect(await conflicted.nth(i).locator("input[type=checkbox]").isDisabled()).toBe(true);
    const free = page.getByTestId("convene-candidate-free");
    const from = (await free.count()) >= skip + n ? skip : 0;
    const names: string[] = [];
    for (let i = from; i < from + n; i++) {
      await tick(free.nth(i).locator("input[type=checkbox]"));
      names.push(await free.nth(i).getByTestId("convene-candidate-name").innerText());
    }
    await waitText(page, "convene-hint", `已选 ${n} 名`);
    return { names, conflicted: await conflicted.count() };
  }

  async function confirmConvene(page: Page, names: string[]) {
    await page.getByTestId("convene-submit").click();
    await page.getByTestId("convene-confirm").waitFor();
    const text = await confirmText(page);
    expect(text).toContain("结题验收专家组");
    for (const n of names) expect(text).toContain(n);
    await page.getByTestId("convene-confirm").click();
    await page.getByTestId("convene-form").waitFor({ state: "detached" });
  }

  /** Each expert of the latest acceptance panel opens /assessments, reads the materials and scores. */
  async function scoreLatest(projectId: string, number: string, scores: number[], prefix = "ly", shots = "") {
    const tracking = await trackingOf(live.url, projectId, prefix);
    const latest = tracking.acceptance.assessments.at(-1) as { panel: { expertId: string }[] };
    const usernames = await usernamesOf(
      live.url,
      latest.panel.map((x) => x.expertId),
      prefix,
    );
    for (const [i, username] of usernames.entries()) {
      const expert = await signInAs(live.browser, live.url, username);
      await expert.getByTestId("menu-assessments").click();
      await expert.getByTestId("page-assessments").waitFor();
      // an expert on an earlier panel of the project finds that one too, scored
      await expert
        .getByTestId("assessments")
        .locator("tr", { hasText: "待评分" })
        .getByTestId(`assessment-open-${number}`)
        .click();
      await expert.getByTestId("assessment-detail").waitFor();
      await waitText(expert, "assessment-kind", "结题验收");
      await expert.getByTestId("assessment-acceptance").getByTestId("acceptance-materials").waitFor();
      for (const [k, s] of scores.entries()) await expert.getByTestId(`score-${k}`).fill(String(s));
      await expert.getByTestId("score-comment").fill("考核指标完成，经费决算基本合理。");
      if (i === 0 && shots) await shot(expert, `${shots}-expert-sheet`);
      await expert.getByTestId("score-sheet-submit").click();
      await expert.getByTestId("score-sheet-confirm").waitFor();
      expect(await confirmText(expert)).toContain("结题验收");
      await pressConfirm(expert, "score-sheet-confirm");
      await outcomeOf(
        expert,
        expert.getByTestId("score-sheet-total"),
        expert.getByTestId("score-sheet").getByTestId("error-alert"),
        `score-${username}`,
      );
      await expert.close();
    }
  }

  return { shot, confirmText, openProject, convene, confirmConvene, scoreLatest };
}
