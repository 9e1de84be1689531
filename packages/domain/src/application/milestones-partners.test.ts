import { describe, expect, it } from "vitest";
import { makeUscc } from "../identity/identifiers.ts";
import { checkMilestonesAndPartners } from "./submission.rules.ts";

const basic = {
  title: "",
  abstract: "",
  keywords: "",
  field: "",
  startDate: "2026-04-01",
  endDate: "2027-03-31",
};
const milestone = (dueDate: string) => ({ dueDate, description: "中期", deliverable: "报告" });

describe("milestones and partners, checked by the server as well", () => {
  it("refuses a milestone outside the project period and keeps those inside", () => {
    const problems = checkMilestonesAndPartners({
      basic,
      milestones: [milestone("2026-04-01"), milestone("2027-04-01"), milestone("2026-03-31")],
      partners: [],
    });
    expect(problems.map((p) => p.path)).toEqual(["milestones.1.dueDate", "milestones.2.dueDate"]);
    expect(problems[0]?.code).toBe("SUBMIT_MILESTONE_OUTSIDE_PERIOD");
  });

  it("checks a partner's credit code, not only the form", () => {
    const good = makeUscc("91410305MA9TE0001");
    const bad = good.slice(0, 17) + (good[17] === "1" ? "2" : "1");
    const problems = checkMilestonesAndPartners({
      basic,
      milestones: [],
      partners: [
        { name: "甲", uscc: good, role: "合作" },
        { name: "乙", uscc: bad, role: "合作" },
      ],
    });
    expect(problems).toMatchObject([{ code: "SUBMIT_PARTNER_USCC", path: "partners.1.uscc" }]);
  });
});
