import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { budgetCategoryCodes, type Policy } from "../policy/policy.schema.ts";
import { maxEnteredFen } from "../shared/money.ts";
import { checkSubmission } from "./submission.rules.ts";
import {
  codes,
  completeContent,
  datong,
  datongFacts,
  facts,
  guideFor,
  luoyang,
  only,
  withField,
} from "./test/submission-fixtures.ts";

describe("checkSubmission: money", () => {
  it("passes budget violations through with their clauses, paths inside the application", () => {
    const content = completeContent({
      budget: {
        lines: [
          { category: "materials", amountFen: 1_000_000 },
          { category: "otherExpenses", amountFen: 100_000 },
          { category: "indirect", amountFen: 400_000 },
        ],
      },
    });
    const v = checkSubmission(facts({ content }));
    expect(v).toEqual([
      expect.objectContaining({
        code: "BUDGET_OTHER_EXPENSES_UNEXPLAINED",
        clause: "LY-FUNDS §16",
        path: "budget.lines.1.note",
      }),
      expect.objectContaining({ code: "BUDGET_INDIRECT_OVER_CAP", clause: "LY-FUNDS §16", path: "budget" }),
    ]);
    // The budget's own field is no part of a submission's violations.
    expect(v.every((x) => !("category" in x))).toBe(true);
  });

  it("does not refuse over soft science's ¥30,000, a cap stated in principle: the guide's range decides", () => {
    const content = completeContent({ budget: { lines: [{ category: "materials", amountFen: 3_000_001 }] } });
    // within a guide the leader published over the cap (with a recorded reason): no refusal
    const overridden = guideFor("softScience", { amountRange: { minFen: 0, maxFen: 5_000_000 } });
    expect(codes(facts({ guide: overridden, content }))).toEqual([]);
    // within the cap's own guide range: refused by the guide's range, not by the policy cap
    const guide = guideFor("softScience", { amountRange: { minFen: 0, maxFen: 3_000_000 } });
    const v = checkSubmission(facts({ guide, content }));
    expect(v.map((x) => [x.code, x.clause, x.path])).toEqual([
      ["SUBMIT_AMOUNT_OUT_OF_RANGE", undefined, "budget"],
    ]);
  });

  it("passes the filing-only rule through for a Luoyang guiding project", () => {
    const guide = guideFor("guiding", { amountRange: { minFen: 0, maxFen: 0 } });
    expect(codes(facts({ guide, content: completeContent({ budget: { lines: [] } }) }))).toEqual([]);
    const v = checkSubmission(facts({ guide }));
    expect(v.map((x) => x.code)).toEqual(["BUDGET_NO_FISCAL_FUNDING", "SUBMIT_AMOUNT_OUT_OF_RANGE"]);
    expect(v[0]?.clause).toBe("LY-REFORM §三(四)1");
  });

  it("returns budget lines checkBudget refuses outright as violations, not as a throw", () => {
    const unknown = completeContent({
      budget: {
        lines: [
          { category: "materials", amountFen: 2_000_000 },
          { category: "snacks", amountFen: 1 },
        ],
      },
    });
    expect(checkSubmission(facts({ content: unknown }))).toEqual([
      expect.objectContaining({ code: "VALIDATION", path: "budget.lines.1.category" }),
    ]);
    const purchaseOnMaterials = completeContent({
      budget: { lines: [{ category: "materials", amountFen: 2_000_000, purchaseFen: 1 }] },
    });
    expect(checkSubmission(facts({ content: purchaseOnMaterials }))).toEqual([
      expect.objectContaining({ code: "VALIDATION", path: "budget.lines.0.purchaseFen" }),
    ]);
    // Amounts are bounded (maxEnteredFen), so a total beyond exact numbers never reaches the gates.
    const beyondExact = (amountFen: number) =>
      completeContent({
        budget: { lines: Array.from({ length: 20 }, () => ({ category: "materials", amountFen })) },
      });
    expect(() => beyondExact(Number.MAX_SAFE_INTEGER)).toThrow();
    const most = checkSubmission(facts({ content: beyondExact(maxEnteredFen) }));
    expect(most.map((x) => x.code)).not.toContain("VALIDATION");
  });

  it("SUBMIT_AMOUNT_OUT_OF_RANGE below the minimum and above the maximum, inclusive edges accepted", () => {
    const withTotal = (amountFen: number) =>
      withField(
        completeContent({ budget: { lines: [{ category: "materials", amountFen }] } }),
        "socialDevelopment",
      );
    const guide = guideFor("publicWelfare", { amountRange: { minFen: 1_000_000, maxFen: 3_000_000 } });
    expect(codes(facts({ guide, content: withTotal(999_999) }))).toEqual(["SUBMIT_AMOUNT_OUT_OF_RANGE"]);
    expect(codes(facts({ guide, content: withTotal(1_000_000) }))).toEqual([]);
    expect(codes(facts({ guide, content: withTotal(3_000_000) }))).toEqual([]);
    const over = only(facts({ guide, content: withTotal(3_000_001) }), "SUBMIT_AMOUNT_OUT_OF_RANGE");
    expect(over).toEqual([expect.objectContaining({ path: "budget" })]);
    expect(over[0]?.messageZh).toContain("¥30,000.01");
  });

  it("SUBMIT_COFUNDING_SHORT below the guide's minimum co-funding", () => {
    const guide = guideFor("softScience", {
      eligibility: { unitKinds: ["university"], minCoFundingFen: 1_000_000 },
    });
    const short = completeContent({ funding: { coFundingFen: 999_999, selfRaisedFen: 5_000_000 } });
    expect(only(facts({ guide, content: short }), "SUBMIT_COFUNDING_SHORT")).toEqual([
      expect.objectContaining({ path: "funding.coFundingFen" }),
    ]);
    expect(
      codes(facts({ guide, content: completeContent({ funding: { coFundingFen: 1_000_000 } }) })),
    ).toEqual([]);
  });
});

describe("checkSubmission: attachments and the commitment letter", () => {
  it("SUBMIT_ATTACHMENT_MISSING for each required attachment only", () => {
    const v = only(facts({ attachmentCodes: ["letters"] }), "SUBMIT_ATTACHMENT_MISSING");
    expect(v.map((x) => x.path)).toEqual(["attachments.plan"]);
    expect(v[0]?.messageZh).toContain("实施方案");
  });

  it("SUBMIT_COMMITMENT_MISSING in Luoyang unless the PI, the unit and the scan are all there", () => {
    const partial = [
      { piConfirmed: false, unitConfirmed: true, scanUploaded: true },
      { piConfirmed: true, unitConfirmed: false, scanUploaded: true },
      { piConfirmed: true, unitConfirmed: true, scanUploaded: false },
    ];
    for (const commitment of partial) {
      expect(checkSubmission(facts({ commitment }))).toEqual([
        expect.objectContaining({
          code: "SUBMIT_COMMITMENT_MISSING",
          clause: "LY-FUNDS §24",
          path: "commitment",
        }),
      ]);
    }
  });

  it("no commitment letter in Datong, whose policy has no such rule", () => {
    expect(datong.eligibility.some((e) => e.code === "commitmentLetter")).toBe(false);
    const commitment = { piConfirmed: false, unitConfirmed: false, scanUploaded: false };
    expect(codes(datongFacts({ commitment }))).toEqual([]);
  });

  it("a commitment rule the city sets itself (no clause) is still enforced", () => {
    const policy: Policy = {
      ...datong,
      eligibility: [
        ...datong.eligibility,
        {
          code: "commitmentLetter",
          descriptionZh: "承诺书",
          descriptionEn: "Commitment letter",
          source: { kind: "citySetting", noteZh: "本市设定", noteEn: "City setting" },
        },
      ],
    };
    const commitment = { piConfirmed: true, unitConfirmed: true, scanUploaded: false };
    const v = checkSubmission(datongFacts({ policy, commitment }));
    expect(v).toEqual([expect.objectContaining({ code: "SUBMIT_COMMITMENT_MISSING", path: "commitment" })]);
    expect(v[0]?.clause).toBeUndefined();
  });
});

describe("checkSubmission: milestones", () => {
  const noMilestones = completeContent({ milestones: [] });

  it("SUBMIT_MILESTONES_REQUIRED for Luoyang soft science, citing LY-REFORM §三(三)3", () => {
    expect(checkSubmission(facts({ content: noMilestones }))).toEqual([
      expect.objectContaining({
        code: "SUBMIT_MILESTONES_REQUIRED",
        clause: "LY-REFORM §三(三)3",
        path: "milestones",
      }),
    ]);
  });

  it("not for Luoyang public welfare nor for Datong soft science", () => {
    const welfare = withField(noMilestones, "socialDevelopment");
    expect(codes(facts({ guide: guideFor("publicWelfare"), content: welfare }))).toEqual([]);
    expect(codes(datongFacts({ content: noMilestones }))).toEqual([]);
  });
});

describe("checkSubmission properties", () => {
  const line = fc.record(
    {
      category: fc.oneof(fc.constantFrom(...budgetCategoryCodes), fc.string({ maxLength: 32 })),
      amountFen: fc.oneof(fc.integer({ min: 0, max: 5_000_000 }), fc.constant(maxEnteredFen)),
      purchaseFen: fc.integer({ min: 0, max: 5_000_000 }),
      note: fc.string({ maxLength: 20 }),
    },
    { requiredKeys: ["category", "amountFen"] },
  );

  it("any draft the schema accepts is answered with a list of violations, never a throw", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(luoyang, datong),
        fc.array(line, { maxLength: 20 }),
        fc.boolean(),
        fc.date({
          min: new Date("2026-01-01T00:00:00Z"),
          max: new Date("2026-06-01T00:00:00Z"),
          noInvalidDate: true,
        }),
        (policy, lines, theoretical, now) => {
          const content = completeContent({ budget: { theoretical, lines } });
          const guide = guideFor(policy.programs[2]?.code ?? "softScience");
          const v = checkSubmission(facts({ policy, guide, content, now }));
          for (const x of v) {
            expect(typeof x.code).toBe("string");
            expect(x.messageZh.length).toBeGreaterThan(0);
            if (x.code.startsWith("BUDGET_") || x.code === "VALIDATION")
              expect(x.path).toMatch(/^budget(\.|$)/);
          }
        },
      ),
    );
  });
});
