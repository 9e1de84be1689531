import type { Page } from "playwright-core";
import { pick, typeDate } from "./flow-helpers.ts";

export interface Person {
  idNumber: string;
  partnerUscc: string;
}

/** Fills every section of the application form the way a principal investigator would. */
export async function fillApplication(page: Page, p: Person) {
  // soft science picks one of its four areas (LY-REFORM §二(一)3)
  await pick(page, "app-field", "政策法规体系构建");
  await page
    .getByTestId("app-abstract")
    .fill("面向洛阳都市圈建设，研究创新资源共享、成果转化与政策协同机制，提出可操作的政策建议。");
  await page.getByTestId("app-keywords").fill("都市圈，协同创新，科技政策");
  const year = new Date().getFullYear() + 1;
  await typeDate(page, "app-start-date", `${year}-01-01`);
  await typeDate(page, "app-end-date", `${year}-12-31`);

  const content: Record<string, string> = {
    background: "都市圈建设对创新资源统筹提出新要求。",
    objectives: "形成都市圈协同创新机制研究报告一份。",
    researchContent: "梳理创新资源分布，评估现行政策，设计协同机制。",
    technicalRoute: "文献研究、实地调研、案例比较与政策仿真相结合。",
    innovation: "首次以都市圈为单元评估科技政策协同效果。",
    basis: "团队长期从事区域创新政策研究，已完成相关课题三项。",
  };
  for (const [key, text] of Object.entries(content)) await page.getByTestId(`app-content-${key}`).fill(text);

  await page.getByTestId("section-targets-add").click();
  await page.getByTestId("target-description-0").fill("提交政策研究报告");
  await page.getByTestId("target-value-0").fill("1");
  await page.getByTestId("target-unit-0").fill("份");
  await pick(page, "target-kind-0", "其他");

  await page.getByTestId("section-milestones-add").click();
  await typeDate(page, "milestone-due-0", `${year}-06-30`);
  await page.getByTestId("milestone-description-0").fill("完成调研与中期报告");
  await page.getByTestId("milestone-deliverable-0").fill("中期研究报告");

  await page.getByTestId("section-team-add").click();
  await page.getByTestId("team-name-0").fill("周博");
  await pick(page, "team-role-0", "项目负责人");
  await page.getByTestId("team-title-0").fill("高级工程师");
  await page.getByTestId("team-unit-0").fill("洛阳示范轴承科技有限公司");
  await page.getByTestId("team-months-0").fill("8");
  await page.getByTestId("team-id-0").fill(p.idNumber);

  await page.getByTestId("section-partners-add").click();
  await page.getByTestId("partner-name-0").fill("河洛示范理工大学");
  await page.getByTestId("partner-uscc-0").fill(p.partnerUscc);
  await page.getByTestId("partner-role-0").fill("负责政策仿真");

  await page.getByTestId("budget-amount-materials").fill("10000");
  await page.getByTestId("budget-amount-travelMeetings").fill("8000");
  await page.getByTestId("budget-amount-expertConsulting").fill("5000");
  await page.getByTestId("budget-amount-indirect").fill("2000");
  await page.getByTestId("budget-ok").waitFor();

  await page.getByTestId("app-self-raised").fill("5000");
  await page.getByTestId("app-co-funding").fill("0");
}
