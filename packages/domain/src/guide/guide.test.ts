import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadPolicyFiles } from "../policy/load-policies.ts";
import type { Policy } from "../policy/policy.schema.ts";
import {
  callWindow,
  checkDirectedCall,
  type GuideContent,
  type GuideContentInput,
  guideContentSchema,
  validateGuide,
} from "./guide.ts";

const policiesDir = new URL("../../../../policies/", import.meta.url);
const read = (fileName: string) => ({ fileName, text: readFileSync(new URL(fileName, policiesDir), "utf8") });
const [luoyang, datong] = loadPolicyFiles([read("luoyang-2025.json"), read("datong-2025.json")]) as [
  Policy,
  Policy,
];

/** The smallest guide input the schema accepts; defaults fill the rest. */
const minimal = (over: Partial<GuideContentInput> = {}): GuideContentInput => ({
  titleZh: "2026年度软科学项目申报指南",
  program: "softScience",
  year: 2026,
  directions: [{ titleZh: "科技政策研究" }],
  eligibility: { unitKinds: ["university", "institute"] },
  amountRange: { minFen: 0, maxFen: 3_000_000 },
  criteria: [
    { nameZh: "创新性", weight: 60 },
    { nameZh: "可行性", weight: 40 },
  ],
  formalChecklist: [{ code: "signed", textZh: "申报书已签字盖章" }],
  calls: [{ nameZh: "第一批", opensAt: "2026-03-01T00:00:00+08:00", closesAt: "2026-03-31T17:00:00+08:00" }],
  ...over,
});
const guide = (over: Partial<GuideContentInput> = {}): GuideContent =>
  guideContentSchema.parse(minimal(over));
const codes = (g: GuideContent, policy: Policy) => validateGuide(policy, g).map((v) => v.code);

describe("guideContentSchema", () => {
  it("fills the defaults of a minimal guide", () => {
    const g = guide();
    expect(g.summaryZh).toBe("");
    expect(g.directions).toEqual([{ titleZh: "科技政策研究", descriptionZh: "" }]);
    expect(g.eligibility).toEqual({
      unitKinds: ["university", "institute"],
      districts: [],
      minCoFundingFen: 0,
    });
    expect(g.requiredAttachments).toEqual([]);
    expect(g.needIds).toEqual([]);
    expect(g.subKind).toBeUndefined();
    expect(g.districtQuota).toBeUndefined();
  });

  it("trims titles and keeps given values", () => {
    const g = guide({
      titleZh: "  指南标题  ",
      summaryZh: "概述",
      eligibility: { unitKinds: ["enterprise"], districts: ["410305"], minCoFundingFen: 500_000 },
      districtQuota: 5,
    });
    expect(g.titleZh).toBe("指南标题");
    expect(g.summaryZh).toBe("概述");
    expect(g.eligibility).toEqual({
      unitKinds: ["enterprise"],
      districts: ["410305"],
      minCoFundingFen: 500_000,
    });
    expect(g.districtQuota).toBe(5);
  });

  it.each([
    ["unknown field", { extra: 1 }],
    ["one-character title", { titleZh: " 指 " }],
    ["no directions", { directions: [] }],
    ["no unit kinds", { eligibility: { unitKinds: [] } }],
    ["unknown unit kind", { eligibility: { unitKinds: ["company"] } }],
    ["district not six digits", { eligibility: { unitKinds: ["enterprise"], districts: ["4103"] } }],
    ["money in yuan with decimals", { amountRange: { minFen: 0, maxFen: 1.5 } }],
    ["negative money", { amountRange: { minFen: -1, maxFen: 100 } }],
    ["no criteria", { criteria: [] }],
    ["weight zero", { criteria: [{ nameZh: "x", weight: 0 }] }],
    [
      "attachment code starting with a digit",
      { requiredAttachments: [{ code: "1a", nameZh: "附件", required: true }] },
    ],
    ["no formal checklist", { formalChecklist: [] }],
    ["no calls", { calls: [] }],
    [
      "a call time without offset",
      { calls: [{ nameZh: "一", opensAt: "2026-03-01T00:00:00", closesAt: "2026-03-02T00:00:00Z" }] },
    ],
    ["a need id that is no uuid", { needIds: ["n-1"] }],
    ["a year out of range", { year: 1999 }],
  ])("refuses %s", (_name, over) => {
    expect(guideContentSchema.safeParse(minimal(over as Partial<GuideContentInput>)).success).toBe(false);
  });

  it("accepts UTC and offset call times", () => {
    const g = guide({
      calls: [{ nameZh: "一", opensAt: "2026-03-01T00:00:00Z", closesAt: "2026-03-02T00:00:00+08:00" }],
    });
    expect(g.calls[0]?.opensAt).toBe("2026-03-01T00:00:00Z");
  });
});

describe("validateGuide against the real policy files", () => {
  const fundedRange = (program: Policy["programs"][number]) => {
    if (program.fundingMode === "filing") return { minFen: 0, maxFen: 0 };
    const cap = program.perProjectCapFen?.amountFen ?? 50_000_000;
    return { minFen: 0, maxFen: cap };
  };

  for (const policy of [luoyang, datong]) {
    for (const program of policy.programs) {
      it(`${policy.city}: a sound guide for ${program.code} has no violations`, () => {
        const g = guide({
          program: program.code,
          subKind: program.subKinds?.[0]?.code,
          amountRange: fundedRange(program),
        });
        expect(validateGuide(policy, g)).toEqual([]);
      });
    }
  }

  it("refuses a program the city does not have, and checks nothing else", () => {
    const v = validateGuide(
      datong,
      guide({ program: "publicWelfare", criteria: [{ nameZh: "x", weight: 1 }] }),
    );
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ code: "GUIDE_UNKNOWN_PROGRAM", path: "program" });
  });

  it("refuses a sub-kind the program does not have", () => {
    expect(codes(guide({ program: "keyRnd", subKind: "space" }), datong)).toEqual(["GUIDE_UNKNOWN_SUBKIND"]);
    expect(codes(guide({ program: "softScience", subKind: "highTech" }), datong)).toEqual([
      "GUIDE_UNKNOWN_SUBKIND",
    ]);
    expect(codes(guide({ program: "keyRnd", subKind: "agriculture" }), datong)).toEqual([]);
  });

  it("requires the criteria weights to add up to 100", () => {
    const v = validateGuide(
      luoyang,
      guide({
        criteria: [
          { nameZh: "a", weight: 50 },
          { nameZh: "b", weight: 49 },
        ],
      }),
    );
    expect(v).toEqual([expect.objectContaining({ code: "GUIDE_CRITERIA_WEIGHTS", path: "criteria" })]);
    expect(v[0]?.messageEn).toContain("99");
  });

  it("refuses an inverted amount range", () => {
    expect(codes(guide({ amountRange: { minFen: 2_000_000, maxFen: 1_000_000 } }), luoyang)).toEqual([
      "GUIDE_AMOUNT_RANGE",
    ]);
  });

  it("leaves Luoyang soft science's ¥30,000, a cap stated 原则上, to the leader (no refusal here)", () => {
    expect(codes(guide({ amountRange: { minFen: 0, maxFen: 3_000_001 } }), luoyang)).toEqual([]);
    expect(codes(guide({ plannedCount: 11 }), luoyang)).toEqual([]);
  });

  it("holds a guide to a cap stated without 原则上, citing it", () => {
    const hard = structuredClone(luoyang);
    const soft = hard.programs.find((p) => p.code === "softScience");
    if (soft?.perProjectCapFen && soft.yearlyCap) {
      soft.perProjectCapFen.inPrinciple = false;
      soft.yearlyCap.inPrinciple = false;
    }
    expect(codes(guide({ amountRange: { minFen: 0, maxFen: 3_000_000 }, plannedCount: 10 }), hard)).toEqual(
      [],
    );
    const v = validateGuide(hard, guide({ amountRange: { minFen: 0, maxFen: 3_000_001 }, plannedCount: 11 }));
    expect(v.map((x) => [x.code, x.path, x.clause])).toEqual([
      ["GUIDE_AMOUNT_OVER_POLICY_CAP", "amountRange.maxFen", "LY-REFORM §三(四)3"],
      ["GUIDE_PLANNED_OVER_CAP", "plannedCount", "LY-REFORM §三(四)3"],
    ]);
  });

  it("lets a guide pick only its program's listed fields (LY-REFORM §二(一)2–3)", () => {
    expect(codes(guide({ fields: ["policyRegulation", "industryForesight"] }), luoyang)).toEqual([]);
    const v = validateGuide(luoyang, guide({ program: "publicWelfare", fields: ["policyRegulation"] }));
    expect(v).toEqual([
      expect.objectContaining({
        code: "GUIDE_UNKNOWN_FIELD",
        path: "fields.0",
        clause: "LY-REFORM §二(一)2",
      }),
    ]);
    // Datong's soft science lists no fields, so a guide has none to pick
    expect(codes(guide({ fields: ["energy"] }), datong)).toEqual(["GUIDE_UNKNOWN_FIELD"]);
  });

  it("keeps the district review in Luoyang (LY-FUNDS §8); a Datong guide may skip it, as the city's setting", () => {
    const v = validateGuide(luoyang, guide({ districtReview: false }));
    expect(v).toEqual([
      expect.objectContaining({
        code: "GUIDE_DISTRICT_REVIEW_REQUIRED",
        path: "districtReview",
        clause: "LY-FUNDS §8",
      }),
    ]);
    expect(codes(guide({ districtReview: false }), datong)).toEqual([]);
    expect(datong.districtReview).toMatchObject({ mode: "perGuide", source: { kind: "citySetting" } });
    expect(guide().districtReview).toBe(true);
  });

  it("opens no call past the policy's validity (LY-REFORM §五; DT-RULES §24)", () => {
    const call = (closesAt: string) => ({ nameZh: "末批", opensAt: "2030-03-01T00:00:00+08:00", closesAt });
    expect(luoyang.effectiveUntil.date).toBe("2030-04-22");
    expect(datong.effectiveUntil.date).toBe("2030-09-17");
    expect(codes(guide({ calls: [call("2030-04-22T23:59:00+08:00")] }), luoyang)).toEqual([]);
    // 2030-04-22 16:00 UTC is already 2030-04-23 in China
    const v = validateGuide(luoyang, guide({ calls: [call("2030-04-22T16:00:00Z")] }));
    expect(v).toEqual([
      expect.objectContaining({
        code: "GUIDE_CALL_AFTER_POLICY_END",
        path: "calls.0.closesAt",
        clause: "LY-REFORM §五",
      }),
    ]);
    expect(codes(guide({ calls: [call("2030-09-18T09:00:00+08:00")] }), datong)).toEqual([
      "GUIDE_CALL_AFTER_POLICY_END",
    ]);
  });

  it("applies no cap where the city's policy sets none (Datong soft science)", () => {
    expect(codes(guide({ amountRange: { minFen: 0, maxFen: 100_000_000 } }), datong)).toEqual([]);
  });

  it("allows no money in a Luoyang guiding (filing-only) guide", () => {
    const v = validateGuide(luoyang, guide({ program: "guiding", amountRange: { minFen: 0, maxFen: 1 } }));
    expect(v).toEqual([
      expect.objectContaining({ code: "GUIDE_FILING_HAS_NO_FUNDING", path: "amountRange.maxFen" }),
    ]);
    expect(v[0]?.clause).toMatch(/^LY-REFORM §/);
  });

  it("requires each call to close after it opens, naming the call", () => {
    const calls = [
      { nameZh: "一", opensAt: "2026-03-01T00:00:00+08:00", closesAt: "2026-03-02T00:00:00+08:00" },
      { nameZh: "二", opensAt: "2026-04-01T00:00:00+08:00", closesAt: "2026-04-01T00:00:00+08:00" },
      // The same instant written in two offsets: still not after.
      { nameZh: "三", opensAt: "2026-05-01T08:00:00+08:00", closesAt: "2026-05-01T00:00:00Z" },
      { nameZh: "四", opensAt: "2026-06-02T00:00:00+08:00", closesAt: "2026-06-01T00:00:00+08:00" },
    ];
    const v = validateGuide(luoyang, guide({ calls }));
    expect(v.map((x) => [x.code, x.path])).toEqual([
      ["GUIDE_CALL_WINDOW", "calls.1.closesAt"],
      ["GUIDE_CALL_WINDOW", "calls.2.closesAt"],
      ["GUIDE_CALL_WINDOW", "calls.3.closesAt"],
    ]);
  });

  it("refuses repeated attachment codes", () => {
    const requiredAttachments = [
      { code: "plan", nameZh: "实施方案", required: true },
      { code: "plan", nameZh: "实施方案二", required: false },
    ];
    expect(codes(guide({ requiredAttachments }), luoyang)).toEqual(["GUIDE_ATTACHMENT_CODES"]);
  });

  it("reports every independent problem at once", () => {
    const g = guide({
      program: "guiding",
      amountRange: { minFen: 10, maxFen: 5 },
      criteria: [{ nameZh: "a", weight: 10 }],
      requiredAttachments: [
        { code: "a", nameZh: "甲", required: true },
        { code: "a", nameZh: "乙", required: true },
      ],
    });
    expect(codes(g, luoyang).sort()).toEqual(
      [
        "GUIDE_AMOUNT_RANGE",
        "GUIDE_ATTACHMENT_CODES",
        "GUIDE_CRITERIA_WEIGHTS",
        "GUIDE_FILING_HAS_NO_FUNDING",
      ].sort(),
    );
  });
});

describe("callWindow", () => {
  const call = {
    opensAt: new Date("2026-03-01T00:00:00+08:00"),
    closesAt: new Date("2026-03-31T17:00:00+08:00"),
  };
  const at = (ms: number) => new Date(ms);

  it("is upcoming before opensAt", () => {
    expect(callWindow(call, at(call.opensAt.getTime() - 1), "published")).toBe("upcoming");
  });
  it("is open at opensAt exactly", () => {
    expect(callWindow(call, call.opensAt, "published")).toBe("open");
  });
  it("is open one millisecond before closesAt", () => {
    expect(callWindow(call, at(call.closesAt.getTime() - 1), "published")).toBe("open");
  });
  it("is closed at closesAt exactly, and after", () => {
    expect(callWindow(call, call.closesAt, "published")).toBe("closed");
    expect(callWindow(call, at(call.closesAt.getTime() + 1), "published")).toBe("closed");
  });
  it("is not published while the guide is drafted or reviewed, and closed once the guide is", () => {
    const during = at(call.opensAt.getTime() + 1);
    expect(callWindow(call, during, "draft")).toBe("notPublished");
    expect(callWindow(call, during, "internalReview")).toBe("notPublished");
    expect(callWindow(call, during, "closed")).toBe("closed");
    expect(callWindow(call, during, "archived")).toBe("closed");
  });
});

describe("directed selection (定向择优)", () => {
  const named = [{ uscc: "91410300MA44ABCD1X", nameZh: "洛阳示范研究院" }];
  const basis = "经集体研究，该单位具备唯一的中试平台。";

  it("needs its basis on record, and a program that runs it", () => {
    expect(codes(guide({ directedUnits: named }), luoyang)).toEqual(["GUIDE_DIRECTED_BASIS_REQUIRED"]);
    expect(codes(guide({ directedUnits: named, directedBasis: basis }), luoyang)).toEqual([]);
    expect(
      codes(
        guide({
          program: "guiding",
          amountRange: { minFen: 0, maxFen: 0 },
          directedUnits: named,
          directedBasis: basis,
        }),
        luoyang,
      ),
    ).toContain("GUIDE_DIRECTED_NOT_ALLOWED");
  });

  it("opens the call to the named units only, citing the city's clause", () => {
    const g = guide({ directedUnits: named, directedBasis: basis });
    expect(checkDirectedCall(luoyang, g, "91410300MA44ABCD1X")).toBeNull();
    expect(checkDirectedCall(luoyang, g, "91410300MA44ZZZZ9Y")).toMatchObject({
      code: "CALL_DIRECTED_TO_OTHERS",
      clause: "LY-FUNDS §4(二)",
    });
    expect(checkDirectedCall(datong, guide(), "anything")).toBeNull();
  });
});
