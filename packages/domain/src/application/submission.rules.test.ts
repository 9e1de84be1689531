import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type GuideContent, type GuideContentInput, guideContentSchema } from "../guide/guide.ts";
import {
  birthDateOfResidentId,
  makeResidentId,
  maskResidentId,
  validateResidentId,
} from "../identity/identifiers.ts";
import { activeBans, type IntegrityRecordFacts } from "../integrity/integrity.rules.ts";
import { loadPolicyFiles } from "../policy/load-policies.ts";
import { budgetCategoryCodes, type Policy } from "../policy/policy.schema.ts";
import { type ApplicationContent, applicationContentSchema, type StoredMember } from "./application.ts";
import { checkSubmission, type SubmissionFacts } from "./submission.rules.ts";

const policiesDir = new URL("../../../../policies/", import.meta.url);
const read = (fileName: string) => ({ fileName, text: readFileSync(new URL(fileName, policiesDir), "utf8") });
const [luoyang, datong] = loadPolicyFiles([read("luoyang-2025.json"), read("datong-2025.json")]) as [
  Policy,
  Policy,
];

const opensAt = new Date("2026-03-01T00:00:00+08:00");
const closesAt = new Date("2026-03-31T17:00:00+08:00");
const during = new Date("2026-03-15T10:00:00+08:00");

/** A team member as the server stores them: the number only encrypted, with its mask and birth date. */
function member(name: string, prefix17: string, role: "pi" | "member" = "member"): StoredMember {
  const id = makeResidentId(prefix17);
  return {
    name,
    role,
    title: "研究员",
    unitName: "洛阳理工学院",
    workMonths: 12,
    idNumberCipher: `sm4:${name}`,
    idNumberDigest: `digest:${name}`,
    idNumberMasked: maskResidentId(id),
    idNumberValid: validateResidentId(id).ok,
    birthDate: birthDateOfResidentId(id),
  };
}

const pi = member("王五", "41030519850101123", "pi");
const colleague = member("赵六", "41030519920715234");

function guideFor(program: string, over: Partial<GuideContentInput> = {}): GuideContent {
  return guideContentSchema.parse({
    titleZh: "2026年度申报指南",
    program,
    year: 2026,
    directions: [{ titleZh: "研究方向" }],
    eligibility: { unitKinds: ["university", "enterprise"] },
    amountRange: { minFen: 1_000_000, maxFen: 3_000_000 },
    criteria: [{ nameZh: "综合", weight: 100 }],
    requiredAttachments: [
      { code: "plan", nameZh: "实施方案", required: true },
      { code: "letters", nameZh: "推荐信", required: false },
    ],
    formalChecklist: [{ code: "signed", textZh: "已签字盖章" }],
    calls: [{ nameZh: "第一批", opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() }],
    ...over,
  });
}

/** A complete application that meets every rule of both cities' soft-science guides. */
function completeContent(over: Record<string, unknown> = {}): ApplicationContent {
  return applicationContentSchema.parse({
    basic: {
      title: "城市科技政策评估研究",
      abstract: "研究摘要",
      keywords: "政策",
      field: "管理科学",
      startDate: "2026-07-01",
      endDate: "2027-06-30",
    },
    content: { researchContent: "研究内容" },
    targets: [{ kind: "paper", description: "发表论文", value: 2, unit: "篇" }],
    milestones: [{ dueDate: "2026-12-31", description: "完成调研", deliverable: "调研报告" }],
    team: [pi, colleague],
    budget: {
      lines: [
        { category: "materials", amountFen: 1_500_000 },
        { category: "travelMeetings", amountFen: 500_000 },
        { category: "indirect", amountFen: 500_000 },
      ],
    },
    funding: { selfRaisedFen: 0, coFundingFen: 0 },
    ...over,
  });
}

function facts(over: Partial<SubmissionFacts> = {}): SubmissionFacts {
  return {
    policy: luoyang,
    guide: guideFor("softScience"),
    guideStatus: "published",
    call: { opensAt, closesAt },
    now: during,
    unit: { kind: "university", districtCode: "410305" },
    content: completeContent(),
    integrity: [],
    commitment: { piConfirmed: true, unitConfirmed: true, scanUploaded: true },
    attachmentCodes: ["plan"],
    ...over,
  };
}
const datongFacts = (over: Partial<SubmissionFacts> = {}) =>
  facts({ policy: datong, unit: { kind: "enterprise", districtCode: "140213" }, ...over });

const codes = (f: SubmissionFacts) => checkSubmission(f).map((v) => v.code);
const only = (f: SubmissionFacts, code: string) => checkSubmission(f).filter((v) => v.code === code);

describe("checkSubmission: a complete, valid application", () => {
  it("gives no violations in Luoyang (soft science)", () => {
    expect(checkSubmission(facts())).toEqual([]);
  });

  it("gives no violations in Luoyang (public welfare)", () => {
    expect(checkSubmission(facts({ guide: guideFor("publicWelfare") }))).toEqual([]);
  });

  it("gives no violations in Datong, without a commitment letter", () => {
    const f = datongFacts({ commitment: { piConfirmed: false, unitConfirmed: false, scanUploaded: false } });
    expect(checkSubmission(f)).toEqual([]);
    expect(checkSubmission(datongFacts({ guide: guideFor("keyRnd", { subKind: "highTech" }) }))).toEqual([]);
  });
});

describe("checkSubmission: the call window (server time)", () => {
  it("SUBMIT_WINDOW_NOT_OPEN one millisecond before opening", () => {
    expect(codes(facts({ now: new Date(opensAt.getTime() - 1) }))).toEqual(["SUBMIT_WINDOW_NOT_OPEN"]);
  });
  it("open at the opening instant", () => {
    expect(codes(facts({ now: opensAt }))).toEqual([]);
  });
  it("SUBMIT_WINDOW_CLOSED inside the window once the guide is closed early", () => {
    expect(codes(facts({ guideStatus: "closed" }))).toEqual(["SUBMIT_WINDOW_CLOSED"]);
  });

  it("SUBMIT_WINDOW_NOT_OPEN while the guide is not published", () => {
    expect(codes(facts({ guideStatus: "internalReview" }))).toEqual(["SUBMIT_WINDOW_NOT_OPEN"]);
  });

  it("SUBMIT_WINDOW_CLOSED at the closing instant", () => {
    expect(codes(facts({ now: closesAt }))).toEqual(["SUBMIT_WINDOW_CLOSED"]);
    expect(codes(facts({ now: new Date(closesAt.getTime() - 1) }))).toEqual([]);
  });
});

describe("checkSubmission: the applicant", () => {
  it("SUBMIT_UNIT_KIND_NOT_ALLOWED cites the city's legal-person rule where there is one", () => {
    const ly = only(
      facts({ unit: { kind: "hospital", districtCode: "410305" } }),
      "SUBMIT_UNIT_KIND_NOT_ALLOWED",
    );
    expect(ly).toHaveLength(1);
    expect(ly[0]?.clause).toBe("LY-FUNDS §3");
    expect(ly[0]?.messageZh).toContain("医疗卫生机构");
    const dt = only(
      datongFacts({ unit: { kind: "hospital", districtCode: "140213" } }),
      "SUBMIT_UNIT_KIND_NOT_ALLOWED",
    );
    expect(dt).toHaveLength(1);
    expect(dt[0]?.clause).toBeUndefined();
  });

  it("SUBMIT_DISTRICT_NOT_ALLOWED when the guide lists districts and the unit's is not among them", () => {
    const guide = guideFor("softScience", {
      eligibility: { unitKinds: ["university"], districts: ["410305", "410302"] },
    });
    expect(codes(facts({ guide }))).toEqual([]);
    expect(codes(facts({ guide, unit: { kind: "university", districtCode: "410311" } }))).toEqual([
      "SUBMIT_DISTRICT_NOT_ALLOWED",
    ]);
    // No districts listed: every district of the city.
    expect(codes(facts({ unit: { kind: "university", districtCode: "410311" } }))).toEqual([]);
  });

  it("SUBMIT_UNIT_BANNED for a blacklisted unit, with the record's clause", () => {
    const records: IntegrityRecordFacts[] = [
      { subject: "unit", kind: "blacklist", from: "2025-01-01", until: null, clause: "DT-RULES §22" },
    ];
    const v = checkSubmission(datongFacts({ integrity: activeBans(records, during) }));
    expect(v).toEqual([expect.objectContaining({ code: "SUBMIT_UNIT_BANNED", clause: "DT-RULES §22" })]);
    expect(v[0]?.messageZh).toContain("黑名单");
  });

  it("SUBMIT_PI_BANNED for a PI under an eligibility ban, with the record's clause and end date", () => {
    const records: IntegrityRecordFacts[] = [
      {
        subject: "person",
        kind: "eligibilityBan",
        from: "2025-06-01",
        until: "2026-05-31",
        clause: "LY-FUNDS §25",
      },
      { subject: "person", kind: "reprimand", from: "2025-06-01", until: null, clause: "LY-FUNDS §25" },
    ];
    const v = checkSubmission(facts({ integrity: activeBans(records, during) }));
    expect(v).toEqual([expect.objectContaining({ code: "SUBMIT_PI_BANNED", clause: "LY-FUNDS §25" })]);
    expect(v[0]?.messageZh).toContain("2026-05-31");
    expect(v[0]?.messageEn).toContain("until 2026-05-31");
  });

  it("lists the unit's and the PI's bans separately", () => {
    const integrity = [
      {
        subject: "unit" as const,
        kind: "eligibilityBan" as const,
        until: "2027-01-01",
        clause: "LY-FUNDS §25",
      },
      { subject: "person" as const, kind: "blacklist" as const, until: null, clause: "LY-FUNDS §25" },
    ];
    expect(codes(facts({ integrity }))).toEqual(["SUBMIT_UNIT_BANNED", "SUBMIT_PI_BANNED"]);
  });
});

describe("checkSubmission: completeness (SUBMIT_INCOMPLETE)", () => {
  const incompletePaths = (content: ApplicationContent) =>
    only(facts({ content }), "SUBMIT_INCOMPLETE").map((v) => v.path);

  it("names every missing part of an empty draft", () => {
    expect(incompletePaths(applicationContentSchema.parse({}))).toEqual([
      "basic.title",
      "basic.abstract",
      "basic.startDate",
      "content.researchContent",
      "targets",
      "team",
    ]);
  });

  it("counts whitespace as empty", () => {
    const c = completeContent();
    c.basic.title = "  ";
    c.content.researchContent = "\n";
    expect(incompletePaths(c)).toEqual(["basic.title", "content.researchContent"]);
  });

  it("needs both dates, the end after the start", () => {
    const c = completeContent();
    c.basic.endDate = "";
    expect(incompletePaths(c)).toEqual(["basic.startDate"]);
    c.basic.endDate = c.basic.startDate;
    expect(incompletePaths(c)).toEqual(["basic.endDate"]);
  });

  it("needs exactly one PI", () => {
    expect(incompletePaths(completeContent({ team: [colleague] }))).toEqual(["team"]);
    expect(incompletePaths(completeContent({ team: [pi, { ...colleague, role: "pi" }] }))).toEqual(["team"]);
  });

  it("needs a valid ID number for every member, naming the member", () => {
    const unverified = {
      ...colleague,
      idNumberCipher: null,
      idNumberMasked: null,
      idNumberValid: false,
      birthDate: null,
    };
    const v = only(facts({ content: completeContent({ team: [pi, unverified] }) }), "SUBMIT_INCOMPLETE");
    expect(v.map((x) => x.path)).toEqual(["team.1.idNumber"]);
    expect(v[0]?.messageZh).toContain("赵六");
  });
});

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

  it("passes the lump-sum cap of Luoyang soft science through with its clause", () => {
    const guide = guideFor("softScience", { amountRange: { minFen: 0, maxFen: 3_000_000 } });
    const content = completeContent({ budget: { lines: [{ category: "materials", amountFen: 3_000_001 }] } });
    const v = checkSubmission(facts({ guide, content }));
    expect(v.map((x) => [x.code, x.clause, x.path])).toEqual([
      ["BUDGET_LUMP_SUM_OVER_CAP", "LY-REFORM §三(四)3", "budget.lines"],
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
    const beyondExact = completeContent({
      budget: {
        lines: [
          { category: "materials", amountFen: Number.MAX_SAFE_INTEGER },
          { category: "testing", amountFen: Number.MAX_SAFE_INTEGER },
        ],
      },
    });
    expect(checkSubmission(facts({ content: beyondExact }))).toEqual([
      expect.objectContaining({ code: "VALIDATION", path: "budget.lines" }),
    ]);
  });

  it("SUBMIT_AMOUNT_OUT_OF_RANGE below the minimum and above the maximum, inclusive edges accepted", () => {
    const withTotal = (amountFen: number) =>
      completeContent({ budget: { lines: [{ category: "materials", amountFen }] } });
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
    expect(codes(facts({ guide: guideFor("publicWelfare"), content: noMilestones }))).toEqual([]);
    expect(codes(datongFacts({ content: noMilestones }))).toEqual([]);
  });
});

describe("checkSubmission properties", () => {
  const line = fc.record(
    {
      category: fc.oneof(fc.constantFrom(...budgetCategoryCodes), fc.string({ maxLength: 32 })),
      amountFen: fc.oneof(fc.integer({ min: 0, max: 5_000_000 }), fc.constant(Number.MAX_SAFE_INTEGER)),
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
