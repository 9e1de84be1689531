import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadPolicyFiles } from "../policy/load-policies.ts";
import type { Policy } from "../policy/policy.schema.ts";
import { DomainError } from "../shared/errors.ts";
import { checkBudget, computePostSubsidy, indirectCostCap, postSubsidyOfNode } from "./budget.rules.ts";

const policiesDir = new URL("../../../../policies/", import.meta.url);
const [luoyang, datong] = loadPolicyFiles(
  ["luoyang-2025.json", "datong-2025.json"].map((fileName) => ({
    fileName,
    text: readFileSync(new URL(fileName, policiesDir), "utf8"),
  })),
) as [Policy, Policy];

const yuan = (n: number) => n * 100;
const codes = (r: { violations: { code: string }[] }) => r.violations.map((v) => v.code);

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a DomainError");
}

describe("indirectCostCap (LY-FUNDS §16 tiers)", () => {
  const tiers = luoyang.indirectCost.kind === "tiers" ? luoyang.indirectCost.tiers : [];
  it.each([
    [0, 0],
    [yuan(1_000_000), yuan(300_000)],
    [yuan(5_000_000), yuan(1_500_000)],
    [yuan(8_000_000), yuan(2_250_000)],
    [yuan(10_000_000), yuan(2_750_000)],
    [yuan(11_000_000), yuan(2_950_000)],
    [3, 0], // 0.9 fen rounds down: a cap is "not more than"
    [500_000_001, 150_000_000], // 0.25 fen past the first edge still rounds down
    [500_000_004, 150_000_001],
  ])("base %i fen → cap %i fen", (base, cap) => {
    expect(indirectCostCap(tiers, base)).toBe(cap);
  });

  it("sums exactly before rounding instead of rounding each tier", () => {
    // 1.5 + 1.5 fen = 3 fen; rounding each tier down first would give 2.
    const halves = [
      { upToFen: 3, rateBp: 5000 },
      { upToFen: null, rateBp: 5000 },
    ];
    expect(indirectCostCap(halves, 6)).toBe(3);
    expect(indirectCostCap(tiers, 1_000_000_003)).toBe(275_000_000);
  });
});

describe("checkBudget, Luoyang", () => {
  const digestExample = [
    { category: "equipment", amountFen: yuan(1_000_000) },
    { category: "materials", amountFen: yuan(6_000_000) },
    { category: "hiredStaff", amountFen: yuan(5_000_000) },
    { category: "indirect", amountFen: yuan(2_950_000) },
  ];

  it("reproduces the digest example: ¥12M direct, ¥1M equipment → base ¥11M → cap ¥2,950,000", () => {
    const r = checkBudget(luoyang, { lines: digestExample });
    expect(r).toMatchObject({
      city: "luoyang",
      policyVersion: "2025",
      program: null,
      directCostFen: yuan(12_000_000),
      equipmentPurchaseFen: yuan(1_000_000),
      indirectBaseFen: yuan(11_000_000),
      indirectCostFen: yuan(2_950_000),
      indirectCostCapFen: yuan(2_950_000),
      totalFen: yuan(14_950_000),
      violations: [],
    });
    expect(r.appliedClauses).toContain("LY-FUNDS §16");
    expect(r.categories.map((c) => c.category)).toEqual(luoyang.budget.categories.map((c) => c.code));
    const staff = r.categories.find((c) => c.category === "hiredStaff");
    expect(staff?.findings.map((f) => f.code)).toEqual(["BUDGET_NO_RATIO_CAP"]);
  });

  it("raises BUDGET_INDIRECT_OVER_CAP one fen above the cap, with amounts in yuan and the clause", () => {
    const lines = digestExample.map((l) =>
      l.category === "indirect" ? { ...l, amountFen: l.amountFen + 1 } : l,
    );
    const [v] = checkBudget(luoyang, { lines }).violations;
    expect(v).toMatchObject({
      code: "BUDGET_INDIRECT_OVER_CAP",
      category: "indirect",
      clause: "LY-FUNDS §16",
    });
    expect(v?.messageZh).toContain("¥2,950,000.01");
    expect(v?.messageZh).toContain("¥2,950,000.00");
    expect(v?.messageEn).toContain("¥11,000,000.00");
  });

  it("deducts only the purchase part of an equipment line when the line says so", () => {
    const lines = [
      { category: "equipment", amountFen: yuan(1_000_000), purchaseFen: yuan(400_000) },
      { category: "materials", amountFen: yuan(11_000_000) },
    ];
    const r = checkBudget(luoyang, { lines });
    expect(r.equipmentPurchaseFen).toBe(yuan(400_000));
    expect(r.indirectBaseFen).toBe(yuan(11_600_000));
    expect(r.indirectCostCapFen).toBe(yuan(3_070_000));
  });

  it("flags a purchase larger than its equipment line and counts the whole line as purchase", () => {
    const r = checkBudget(luoyang, {
      lines: [
        { category: "equipment", amountFen: yuan(100), purchaseFen: yuan(200) },
        { category: "materials", amountFen: yuan(900) },
      ],
    });
    expect(codes(r)).toEqual(["BUDGET_EQUIPMENT_PURCHASE_EXCEEDS_LINE"]);
    expect(r.violations[0]?.path).toBe("lines.0.purchaseFen");
    expect(r.equipmentPurchaseFen).toBe(yuan(100));
    expect(r.indirectBaseFen).toBe(yuan(900));
  });

  it("uses the flat 60 % for pure theoretical research", () => {
    const lines = [
      { category: "hiredStaff", amountFen: yuan(1_000_000) },
      { category: "indirect", amountFen: yuan(600_000) },
    ];
    expect(checkBudget(luoyang, { theoretical: true, lines }).violations).toEqual([]);
    expect(checkBudget(luoyang, { theoretical: true, lines }).indirectCostCapFen).toBe(yuan(600_000));
    expect(codes(checkBudget(luoyang, { lines }))).toEqual(["BUDGET_INDIRECT_OVER_CAP"]);
  });

  it("warns, not refuses, over soft science's ¥30,000, a cap stated in principle (LY-REFORM §三(四)3)", () => {
    const ok = checkBudget(luoyang, {
      program: "softScience",
      lines: [
        { category: "travelMeetings", amountFen: yuan(20_000) },
        { category: "indirect", amountFen: yuan(6_000) },
      ],
    });
    expect(ok.violations).toEqual([]);
    expect(ok.appliedClauses).toEqual(["LY-FUNDS §16", "LY-REFORM §三(四)3"]);
    const over = checkBudget(luoyang, {
      program: "softScience",
      lines: [{ category: "publicationIp", amountFen: yuan(30_000) + 1 }],
    });
    expect(over.violations).toEqual([]);
    expect(over.warnings).toEqual([
      expect.objectContaining({ code: "BUDGET_LUMP_SUM_OVER_CAP", clause: "LY-REFORM §三(四)3" }),
    ]);
    expect(over.warnings[0]?.messageZh).toContain("¥30,000.01");
    expect(over.warnings[0]?.messageZh).toContain("原则上");
    expect(over.appliedClauses).toEqual(["LY-FUNDS §16", "LY-REFORM §三(四)3"]);
  });

  it("keeps a cap stated without 原则上 a refusal", () => {
    const hard = structuredClone(luoyang);
    const soft = hard.programs.find((p) => p.code === "softScience");
    if (soft?.perProjectCapFen) soft.perProjectCapFen.inPrinciple = false;
    const over = checkBudget(hard, {
      program: "softScience",
      lines: [{ category: "publicationIp", amountFen: yuan(30_000) + 1 }],
    });
    expect(over.violations.map((v) => v.code)).toEqual(["BUDGET_LUMP_SUM_OVER_CAP"]);
    expect(over.warnings).toEqual([]);
  });

  it("refuses fiscal money for a filing-only guiding project (LY-REFORM §三(四)1)", () => {
    const r = checkBudget(luoyang, { program: "guiding", lines: [{ category: "materials", amountFen: 1 }] });
    expect(r.violations).toEqual([
      expect.objectContaining({ code: "BUDGET_NO_FISCAL_FUNDING", clause: "LY-REFORM §三(四)1" }),
    ]);
    expect(checkBudget(luoyang, { program: "guiding", lines: [] }).violations).toEqual([]);
  });

  it("requires a note on other expenses (LY-FUNDS §16)", () => {
    const r = checkBudget(luoyang, {
      lines: [
        { category: "otherExpenses", amountFen: yuan(500), note: "  " },
        { category: "otherExpenses", amountFen: yuan(300), note: "样品邮寄费" },
        { category: "otherExpenses", amountFen: 0 },
      ],
    });
    expect(r.violations).toEqual([
      expect.objectContaining({
        code: "BUDGET_OTHER_EXPENSES_UNEXPLAINED",
        category: "otherExpenses",
        clause: "LY-FUNDS §16",
        path: "lines.0.note",
      }),
    ]);
    expect(r.violations[0]?.messageEn).toContain("¥500.00");
    expect(r.categories.find((c) => c.category === "otherExpenses")?.amountFen).toBe(yuan(800));
  });

  it("reports an unknown program as a violation, not an exception", () => {
    const r = checkBudget(luoyang, { program: "keyRnd", lines: [] });
    expect(codes(r)).toEqual(["BUDGET_UNKNOWN_PROGRAM"]);
    expect(r.program).toBe("keyRnd");
  });

  it("notes that expert fees never go to project staff", () => {
    const r = checkBudget(luoyang, { lines: [{ category: "expertConsulting", amountFen: yuan(2_000) }] });
    const expert = r.categories.find((c) => c.category === "expertConsulting");
    expect(expert?.findings).toEqual([
      expect.objectContaining({ code: "BUDGET_NOT_PAYABLE_TO_PROJECT_STAFF", clause: "LY-FUNDS §16" }),
    ]);
  });

  it.each([
    [{ category: "labour", amountFen: 1 }, "lines.1.category"],
    [{ category: "materials", amountFen: -1 }, "lines.1.amountFen"],
    [{ category: "materials", amountFen: 1.5 }, "lines.1.amountFen"],
    [{ category: "materials", amountFen: 2 ** 53 }, "lines.1.amountFen"],
    [{ category: "equipment", amountFen: 5, purchaseFen: 0.5 }, "lines.1.purchaseFen"],
    [{ category: "materials", amountFen: 5, purchaseFen: 1 }, "lines.1.purchaseFen"],
  ])("throws VALIDATION for the bad line %j", (bad, path) => {
    const e = thrown(() => checkBudget(luoyang, { lines: [{ category: "materials", amountFen: 1 }, bad] }));
    expect(e.code).toBe("VALIDATION");
    expect(e.path).toBe(path);
  });
});

describe("checkBudget, Datong", () => {
  it("sets no indirect cap and says so on the indirect category", () => {
    const r = checkBudget(datong, {
      program: "keyRnd",
      lines: [
        { category: "equipment", amountFen: yuan(100_000) },
        { category: "indirect", amountFen: yuan(900_000) },
      ],
    });
    expect(r.indirectCostCapFen).toBeNull();
    expect(r.violations).toEqual([]);
    const indirect = r.categories.find((c) => c.category === "indirect");
    expect(indirect?.findings.map((f) => f.code)).toEqual(["BUDGET_INDIRECT_NO_CAP"]);
    expect(indirect?.findings[0]?.clause).toBeUndefined();
    expect(r.appliedClauses).toEqual([]);
  });
});

describe("computePostSubsidy", () => {
  it("pays 50 % of verified R&D for 优, at most ¥100,000 (LY-REFORM §三(四)2)", () => {
    const small = computePostSubsidy(luoyang, {
      program: "publicWelfare",
      grade: "excellent",
      verifiedRdFen: yuan(150_000) + 1,
    });
    expect(small).toMatchObject({ amountFen: yuan(75_000), ratioBp: 5000, capFen: yuan(100_000) });
    expect(small.clause).toBe("LY-REFORM §三(四)2");
    const big = computePostSubsidy(luoyang, {
      program: "publicWelfare",
      grade: "excellent",
      verifiedRdFen: yuan(1_000_000),
    });
    expect(big.amountFen).toBe(yuan(100_000));
  });

  it("uses the city's own settings for the other grades, citing no clause", () => {
    const good = computePostSubsidy(luoyang, {
      program: "publicWelfare",
      grade: "good",
      verifiedRdFen: yuan(100_000),
    });
    expect(good).toMatchObject({ amountFen: yuan(30_000), clause: null, source: { kind: "citySetting" } });
    const fail = computePostSubsidy(luoyang, {
      program: "publicWelfare",
      grade: "fail",
      verifiedRdFen: yuan(100_000),
    });
    expect(fail.amountFen).toBe(0);
  });

  it("refuses programs that are not post-subsidy programs, and every Datong program", () => {
    const input = { program: "softScience", grade: "excellent" as const, verifiedRdFen: 100 };
    expect(thrown(() => computePostSubsidy(luoyang, input)).code).toBe("POST_SUBSIDY_NOT_APPLICABLE");
    expect(thrown(() => computePostSubsidy(datong, { ...input, program: "keyRnd" })).code).toBe(
      "POST_SUBSIDY_NOT_APPLICABLE",
    );
  });

  it("validates the amount", () => {
    const e = thrown(() =>
      computePostSubsidy(luoyang, { program: "publicWelfare", grade: "good", verifiedRdFen: -5 }),
    );
    expect(e).toMatchObject({ code: "VALIDATION", path: "verifiedRdFen" });
  });
});

describe("postSubsidyOfNode", () => {
  const project = { program: "publicWelfare", grade: "excellent" as const, verifiedRdFen: yuan(150_000) };

  it("pays the grade's post-subsidy, within the node's amount in the task book", () => {
    expect(postSubsidyOfNode(luoyang, project, yuan(100_000))).toMatchObject({
      amountFen: yuan(75_000),
      clause: "LY-REFORM §三(四)2",
    });
    expect(postSubsidyOfNode(luoyang, project, yuan(50_000))?.amountFen).toBe(yuan(50_000));
  });

  it("is not known before the grade and the verified R&D spend are", () => {
    expect(postSubsidyOfNode(luoyang, { ...project, grade: null }, yuan(100_000))).toBeNull();
    expect(postSubsidyOfNode(luoyang, { ...project, verifiedRdFen: null }, yuan(100_000))).toBeNull();
  });
});
