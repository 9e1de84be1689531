import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadPolicyFiles } from "../policy/load-policies.ts";
import type { Policy } from "../policy/policy.schema.ts";
import { closedCallViolations, type Guide, type GuideContentInput, guideContentSchema } from "./guide.ts";
import {
  allowedGuideEvents,
  checkPublish,
  coIssueRefusal,
  coIssueSource,
  inPrincipleCapWarnings,
} from "./guide-publish.rules.ts";

const policiesDir = new URL("../../../../policies/", import.meta.url);
const read = (fileName: string) => ({ fileName, text: readFileSync(new URL(fileName, policiesDir), "utf8") });
const [luoyang, datong] = loadPolicyFiles([read("luoyang-2025.json"), read("datong-2025.json")]) as [
  Policy,
  Policy,
];

const content = (over: Partial<GuideContentInput> = {}) =>
  guideContentSchema.parse({
    titleZh: "2026年度软科学项目申报指南",
    program: "softScience",
    year: 2026,
    directions: [{ titleZh: "科技政策研究" }],
    eligibility: { unitKinds: ["university"] },
    amountRange: { minFen: 0, maxFen: 3_000_000 },
    criteria: [{ nameZh: "综合", weight: 100 }],
    formalChecklist: [{ code: "signed", textZh: "申报书已签字盖章" }],
    calls: [
      { nameZh: "第一批", opensAt: "2026-03-01T00:00:00+08:00", closesAt: "2026-03-31T17:00:00+08:00" },
    ],
    ...over,
  });
const coIssued = { userId: "00000000-0000-4000-8000-0000000000fe", at: new Date("2026-02-01T00:00:00Z") };
const inReview = (over: Partial<GuideContentInput> = {}, co: Guide["coIssue"] = coIssued) => ({
  status: "internalReview" as const,
  content: content(over),
  coIssue: co,
});
const codes = (v: { code: string }[]) => v.map((x) => x.code);
const now = new Date("2026-02-15T00:00:00Z");

describe("a call whose window is over", () => {
  it("keeps the guide from being published, naming the call and its deadline", () => {
    const lastMinute = new Date("2026-03-31T09:00:00Z"); // 17:00 in Beijing, the closing minute
    expect(codes(checkPublish(luoyang, inReview(), { plannedElsewhere: 0, now: lastMinute }))).toEqual([
      "GUIDE_CALL_CLOSED",
    ]);
    const [v] = closedCallViolations(content(), lastMinute);
    expect(v).toMatchObject({ path: "calls.0.closesAt" });
    expect(v?.messageZh).toContain("第一批");
    expect(v?.messageZh).toContain("2026-03-31 17:00");
    expect(closedCallViolations(content(), new Date(lastMinute.getTime() - 1))).toEqual([]);
  });

  it("names each closed call of several, and none that is still ahead", () => {
    const two = content({
      calls: [
        { nameZh: "第一批", opensAt: "2026-03-01T00:00:00+08:00", closesAt: "2026-03-31T17:00:00+08:00" },
        { nameZh: "第二批", opensAt: "2026-09-01T00:00:00+08:00", closesAt: "2026-09-30T17:00:00+08:00" },
      ],
    });
    const inApril = new Date("2026-04-15T00:00:00Z");
    expect(closedCallViolations(two, inApril).map((v) => v.path)).toEqual(["calls.0.closesAt"]);
  });
});

describe("the finance bureau's co-issue (LY-FUNDS §12: 会同市财政局发布指南)", () => {
  it("is needed for Luoyang pre-funded programs only, and never in Datong", () => {
    expect(coIssueSource(luoyang, "softScience")).toMatchObject({ doc: "LY-FUNDS", clause: "§12" });
    expect(coIssueSource(luoyang, "publicWelfare")).toBeNull();
    expect(coIssueSource(datong, "softScience")).toBeNull();
  });

  it("refuses to publish a pre-funded guide until the finance bureau co-issued it, citing §12", () => {
    const v = checkPublish(luoyang, inReview({}, null), { plannedElsewhere: 0, now });
    expect(v).toEqual([expect.objectContaining({ code: "GUIDE_CO_ISSUE_REQUIRED", clause: "LY-FUNDS §12" })]);
    expect(checkPublish(luoyang, inReview(), { plannedElsewhere: 0, now })).toEqual([]);
    expect(
      checkPublish(luoyang, inReview({ program: "publicWelfare" }, null), { plannedElsewhere: 0, now }),
    ).toEqual([]);
  });

  it("offers the co-issue button to the finance officer only while it is needed", () => {
    const finance = ["financeOfficer"] as const;
    expect(allowedGuideEvents(luoyang, inReview({}, null), finance)).toEqual(["coIssue"]);
    expect(allowedGuideEvents(luoyang, inReview(), finance)).toEqual([]);
    expect(allowedGuideEvents(luoyang, inReview({ program: "publicWelfare" }, null), finance)).toEqual([]);
    expect(allowedGuideEvents(datong, inReview({}, null), finance)).toEqual([]);
    expect(allowedGuideEvents(luoyang, inReview({}, null), ["bureauLeader"]).sort()).toEqual([
      "publish",
      "returnToDraft",
    ]);
    expect(coIssueRefusal(luoyang, inReview())).toMatchObject({ code: "GUIDE_CO_ISSUE_NOT_NEEDED" });
    expect(coIssueRefusal(datong, inReview({}, null))).toMatchObject({ code: "GUIDE_CO_ISSUE_NOT_NEEDED" });
  });
});

describe("caps stated in principle (原则上: LY-REFORM §三(四)2–3)", () => {
  it("warns over soft science's ¥30,000 and its 10 a year, each with its clause", () => {
    expect(inPrincipleCapWarnings(luoyang, content({ plannedCount: 10 }), 0)).toEqual([]);
    const w = inPrincipleCapWarnings(luoyang, content({ amountRange: { minFen: 0, maxFen: 5_000_000 } }), 0);
    expect(w).toEqual([
      expect.objectContaining({
        code: "GUIDE_OVER_IN_PRINCIPLE_CAP",
        path: "amountRange.maxFen",
        clause: "LY-REFORM §三(四)3",
      }),
    ]);
    // other published guides of the year count too
    const count = inPrincipleCapWarnings(luoyang, content({ plannedCount: 4 }), 7);
    expect(count.map((x) => [x.path, x.clause])).toEqual([["plannedCount", "LY-REFORM §三(四)3"]]);
    expect(count[0]?.messageZh).toContain("11 项");
    const welfare = inPrincipleCapWarnings(
      luoyang,
      content({ program: "publicWelfare", plannedCount: 31 }),
      0,
    );
    expect(welfare.map((x) => x.clause)).toEqual(["LY-REFORM §三(四)2"]);
  });

  it("publishes over them only with the leader's reason, and then without a refusal", () => {
    const over = inReview({ amountRange: { minFen: 0, maxFen: 5_000_000 }, plannedCount: 12 });
    expect(codes(checkPublish(luoyang, over, { plannedElsewhere: 0, now }))).toEqual([
      "GUIDE_OVER_IN_PRINCIPLE_CAP",
      "GUIDE_OVER_IN_PRINCIPLE_CAP",
    ]);
    expect(
      codes(checkPublish(luoyang, over, { plannedElsewhere: 0, now, overrideReason: " 好 " })),
    ).toHaveLength(2);
    expect(
      checkPublish(luoyang, over, {
        plannedElsewhere: 0,
        now,
        overrideReason: "重大战略课题，经局党组研究同意",
      }),
    ).toEqual([]);
  });

  it("never softens a cap stated without 原则上", () => {
    const hard = structuredClone(luoyang);
    const soft = hard.programs.find((p) => p.code === "softScience");
    if (soft?.perProjectCapFen) soft.perProjectCapFen.inPrinciple = false;
    const over = inReview({ amountRange: { minFen: 0, maxFen: 5_000_000 } });
    expect(inPrincipleCapWarnings(hard, over.content, 0)).toEqual([]);
    expect(
      codes(checkPublish(hard, over, { plannedElsewhere: 0, now, overrideReason: "经局党组研究同意" })),
    ).toEqual(["GUIDE_AMOUNT_OVER_POLICY_CAP"]);
  });
});
