import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadPolicyFiles, PolicyFileError, parsePolicy, policyId, selectPolicy } from "./load-policies.ts";
import { citationOf, type Policy } from "./policy.schema.ts";

const policiesDir = new URL("../../../../policies/", import.meta.url);
const read = (fileName: string) => ({ fileName, text: readFileSync(new URL(fileName, policiesDir), "utf8") });
const files = [read("luoyang-2025.json"), read("datong-2025.json")];
const [luoyang, datong] = loadPolicyFiles(files) as [Policy, Policy];

/** A fresh copy of the Luoyang file to break in one place per test. */
const luoyangJson = (): unknown => JSON.parse(files[0]?.text ?? "");

/** Reads a dotted path such as `programs.2.yearlyCap` in parsed JSON. */
function get(root: unknown, path: string): unknown {
  if (path === "") return root;
  return path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root);
}
function set(root: unknown, path: string, value: unknown): void {
  const keys = path.split(".");
  const last = keys.pop() ?? "";
  (get(root, keys.join(".")) as Record<string, unknown>)[last] = value;
}
const list = (root: unknown, path: string) => get(root, path) as unknown[];

function errorOf(fn: () => unknown): PolicyFileError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PolicyFileError) return e;
    throw e;
  }
  throw new Error("expected a PolicyFileError");
}

describe("the policy files in policies/", () => {
  it("load and carry the programs of each city", () => {
    expect(policyId(luoyang)).toBe("luoyang-2025");
    expect(policyId(datong)).toBe("datong-2025");
    expect(luoyang.programs.map((p) => p.code)).toEqual([
      "guiding",
      "publicWelfare",
      "softScience",
      "jointResearch",
      "fundPush",
      "majorInnovation",
    ]);
    expect(datong.programs.map((p) => p.code)).toEqual([
      "keyRnd",
      "achievementTransfer",
      "appliedBasic",
      "servicePlatform",
      "softScience",
    ]);
    expect(datong.programs[0]?.subKinds?.map((s) => s.code)).toEqual([
      "highTech",
      "agriculture",
      "socialDevelopment",
      "internationalCooperation",
    ]);
  });

  it("hold the rules the digest names, with their clauses", () => {
    const soft = luoyang.programs.find((p) => p.code === "softScience");
    expect(soft?.perProjectCapFen).toMatchObject({ amountFen: 3_000_000, lumpSum: true });
    expect(soft?.yearlyCap?.count).toBe(10);
    expect(luoyang.programs.find((p) => p.code === "publicWelfare")?.yearlyCap?.count).toBe(30);
    expect(luoyang.indirectCost).toMatchObject({
      kind: "tiers",
      tiers: [
        { upToFen: 500_000_000, rateBp: 3000 },
        { upToFen: 1_000_000_000, rateBp: 2500 },
        { upToFen: null, rateBp: 2000 },
      ],
      theoreticalRateBp: 6000,
    });
    const { budgetAdjustment } = luoyang.changeApprovals;
    expect([budgetAdjustment.equipment.approver, budgetAdjustment.other.approver]).toEqual([
      "unit",
      "principalInvestigator",
    ]);
    expect(citationOf(budgetAdjustment.equipment.source)).toBe("LY-FUNDS §18");
    expect(citationOf(datong.changeApprovals.budgetAdjustment.equipment.source)).toBe("DT-RULES §19");
    expect(datong.indirectCost.kind).toBe("unspecified");
    expect(datong.postSubsidy.kind).toBe("none");
    expect(datong.tracking.subsidyUse).toBeNull();
    const uses = luoyang.tracking.subsidyUse?.purposes ?? [];
    expect(uses.filter((u) => u.forbidden).map((u) => [u.nameZh, citationOf(u.source)])).toEqual(
      [
        "罚款",
        "捐款",
        "赞助",
        "投资",
        "偿还债务",
        "编制内在职人员工资性支出",
        "离退休人员离退休费",
        "国家规定禁止列支的其他支出",
      ].map((name) => [name, "LY-FUNDS §20"]),
    );
    expect(uses.filter((u) => !u.forbidden).every((u) => u.source.kind === "citySetting")).toBe(true);
    expect(datong.effectiveFrom).toBe("2025-09-18");
    expect(datong.budget.categories.every((c) => c.source.kind === "citySetting")).toBe(true);
  });

  it("say what the seeds say: caps in principle, fields, validity, routing, co-issue, the blacklist", () => {
    const soft = luoyang.programs.find((p) => p.code === "softScience");
    const welfare = luoyang.programs.find((p) => p.code === "publicWelfare");
    expect([soft?.perProjectCapFen?.inPrinciple, soft?.yearlyCap?.inPrinciple]).toEqual([true, true]);
    expect(welfare?.yearlyCap?.inPrinciple).toBe(true);
    expect(welfare?.fields?.items.map((f) => f.nameZh)).toEqual(["社会发展", "乡村振兴"]);
    expect(soft?.fields?.items).toHaveLength(4);
    expect(datong.programs.some((p) => p.fields)).toBe(false);
    expect(citationOf(luoyang.effectiveUntil.source)).toBe("LY-REFORM §五");
    expect(citationOf(datong.effectiveUntil.source)).toBe("DT-RULES §24");
    expect(luoyang.districtReview.mode).toBe("required");
    expect(datong.districtReview.mode).toBe("perGuide");
    expect(luoyang.guideCoIssue?.fundingModes).toEqual(["preFunding"]);
    expect(datong.guideCoIssue).toBeUndefined();
    const blacklist = datong.eligibility.find((e) => e.code === "notBlacklisted");
    expect(blacklist?.source.kind).toBe("citySetting");
    expect(blacklist?.basis?.textZh).toContain("列入科研诚信“黑名单”");
    expect(blacklist?.descriptionZh).not.toContain("不得承担计划项目");
  });
});

describe("parsePolicy errors", () => {
  it("names the file, the field path and the problem, one line per issue", () => {
    const json = luoyangJson();
    set(json, "programs.2.yearlyCap.count", 0);
    set(json, "programs.0.fundingMode", "grant");
    set(json, "documents.0.issued", "2025-02-30");
    const e = errorOf(() => parsePolicy("luoyang-2025.json", json));
    const lines = e.message.split("\n");
    expect(lines).toHaveLength(3);
    expect(lines).toContainEqual(
      expect.stringMatching(/^luoyang-2025\.json: programs\[2\]\.yearlyCap\.count: .*>=1/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^luoyang-2025\.json: programs\[0\]\.fundingMode: .*preFunding/),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^luoyang-2025\.json: documents\[0\]\.issued: /));
    expect(e.fileName).toBe("luoyang-2025.json");
  });

  it("rejects unknown fields and missing ones", () => {
    const json = luoyangJson();
    set(json, "programs.1.yearlyCapp", 5);
    set(json, "programs.1.source.textZh", undefined);
    const e = errorOf(() => parsePolicy("x.json", json));
    expect(e.issues).toEqual(
      expect.arrayContaining([
        { path: "programs[1].yearlyCapp", message: "unknown field (not allowed here)" },
        { path: "programs[1].source.textZh", message: "missing (expected string)" },
      ]),
    );
  });

  it("rejects a source of unknown kind and a clause from a document not listed", () => {
    const json = luoyangJson();
    set(json, "eligibility.0.source", { kind: "guess" });
    set(json, "programs.0.source.doc", "LY-NOPE");
    const e = errorOf(() => parsePolicy("x.json", json));
    expect(e.issues.map((i) => i.path)).toEqual(["eligibility[0].source.kind"]);
    set(json, "eligibility.0.source", get(luoyangJson(), "eligibility.0.source"));
    expect(errorOf(() => parsePolicy("x.json", json)).issues).toEqual([
      { path: "programs[0].source.doc", message: "document LY-NOPE is not in the documents list" },
    ]);
  });

  it.each<[string, (json: unknown) => void, string]>([
    ["tiers out of order", (j) => list(j, "indirectCost.tiers").reverse(), "indirectCost.tiers"],
    [
      "no open-ended tier",
      (j) => set(j, "indirectCost.tiers.2.upToFen", 2_000_000_000),
      "indirectCost.tiers[2]",
    ],
    ["two open-ended tiers", (j) => set(j, "indirectCost.tiers.1.upToFen", null), "indirectCost.tiers[1]"],
    [
      "unknown post-subsidy program",
      (j) => list(j, "postSubsidy.programs").push("nope"),
      "postSubsidy.programs[1]",
    ],
    [
      "post-subsidy of a pre-funded program",
      (j) => set(j, "postSubsidy.programs", ["softScience"]),
      "postSubsidy",
    ],
    [
      "duplicate category",
      (j) => list(j, "budget.categories").push(get(j, "budget.categories.1")),
      "budget.categories",
    ],
    ["duplicate program", (j) => list(j, "programs").push(get(j, "programs.0")), "programs"],
    [
      "duplicate number code",
      (j) => set(j, "programs.1.numberCode", get(j, "programs.0.numberCode")),
      "programs",
    ],
    [
      "indirect in a direct group",
      (j) => set(j, "budget.categories.9.group", "labour"),
      "budget.categories[9]",
    ],
    [
      "a forbidden purpose backed by no clause",
      (j) => set(j, "tracking.subsidyUse.purposes.7.source", get(j, "tracking.subsidyUse.purposes.0.source")),
      "tracking.subsidyUse.purposes[7].source",
    ],
    [
      "a duplicate purpose",
      (j) => list(j, "tracking.subsidyUse.purposes").push(get(j, "tracking.subsidyUse.purposes.0")),
      "tracking.subsidyUse.purposes",
    ],
    ["no use list beside a post-subsidy", (j) => set(j, "tracking.subsidyUse", null), "tracking.subsidyUse"],
    [
      "a lower grade paying more",
      (j) => set(j, "postSubsidy.grades.pass.ratioBp", 9000),
      "postSubsidy.grades.pass",
    ],
    [
      "a cap in principle whose clause does not say 原则上",
      (j) => set(j, "programs.1.yearlyCap.source.textZh", "每年立项不超过 30 项。"),
      "programs[1].yearlyCap.inPrinciple",
    ],
    ["an end before the start", (j) => set(j, "effectiveUntil.date", "2025-04-23"), "effectiveUntil.date"],
    [
      "a duplicate field",
      (j) => list(j, "programs.1.fields.items").push(get(j, "programs.1.fields.items.0")),
      "programs[1].fields.items",
    ],
    [
      "a review organiser for an unknown program",
      (j) => list(j, "expertReview.organisers.0.programs").push("noSuchProgram"),
      "expertReview.organisers[0].programs[2]",
    ],
    [
      "two organisers for one program",
      (j) =>
        list(j, "expertReview.organisers").push({
          ...(get(j, "expertReview.organisers.0") as object),
          organiser: "bureau",
        }),
      "expertReview.organisers",
    ],
  ])("cross-checks: %s", (_name, breakIt, pathStart) => {
    const json = luoyangJson();
    breakIt(json);
    const e = errorOf(() => parsePolicy("luoyang-2025.json", json));
    expect(e.issues.some((i) => i.path.startsWith(pathStart))).toBe(true);
    expect(e.message).toContain(`luoyang-2025.json: ${pathStart}`);
  });
});

describe("loadPolicyFiles", () => {
  it("refuses the same city and version twice, naming both files", () => {
    const e = errorOf(() =>
      loadPolicyFiles([...files, { fileName: "copy.json", text: files[0]?.text ?? "" }]),
    );
    expect(e.message).toBe("copy.json: version: luoyang-2025 is already defined in luoyang-2025.json");
  });

  it("reports a file that is not JSON", () => {
    expect(errorOf(() => loadPolicyFiles([{ fileName: "bad.json", text: "{" }])).message).toMatch(
      /^bad\.json: \(file\): not valid JSON/,
    );
  });
});

describe("selectPolicy", () => {
  const next = { ...luoyang, version: "2026", effectiveFrom: "2026-01-01" };
  const all = [datong, next, luoyang];

  it("picks the latest version in force, reading dates in China time", () => {
    expect(selectPolicy(all, "luoyang", new Date("2025-06-01T00:00:00+08:00"))?.version).toBe("2025");
    expect(selectPolicy(all, "luoyang", new Date("2026-01-01T00:00:00+08:00"))?.version).toBe("2026");
    // 2025-12-31T16:00Z is already 1 January in Luoyang.
    expect(selectPolicy(all, "luoyang", new Date("2025-12-31T16:00:00Z"))?.version).toBe("2026");
    expect(selectPolicy(all, "luoyang", new Date("2025-12-31T15:59:59Z"))?.version).toBe("2025");
  });

  it("returns undefined once the documents' five years are over (LY-REFORM §五; DT-RULES §24)", () => {
    expect(selectPolicy(all, "luoyang", new Date("2030-04-22T23:59:00+08:00"))?.version).toBe("2026");
    expect(selectPolicy([luoyang], "luoyang", new Date("2030-04-22T23:59:00+08:00"))?.version).toBe("2025");
    expect(selectPolicy([luoyang], "luoyang", new Date("2030-04-23T00:00:00+08:00"))).toBeUndefined();
    expect(selectPolicy(all, "datong", new Date("2030-09-18T00:00:00+08:00"))).toBeUndefined();
  });

  it("returns undefined before a city's first policy takes effect", () => {
    expect(selectPolicy(all, "datong", new Date("2025-09-17T12:00:00+08:00"))).toBeUndefined();
    expect(selectPolicy(all, "datong", new Date("2025-09-18T00:00:00+08:00"))?.city).toBe("datong");
  });
});
