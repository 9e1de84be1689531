import { describe, expect, it } from "vitest";
import { datong, luoyang } from "../application/test/submission-fixtures.ts";
import type { Policy } from "../policy/policy.schema.ts";
import {
  type ConflictApplication,
  type ConflictExpert,
  type ConflictReason,
  conflictReasonNames,
  conflictReasons,
  conflictsOf,
  type DeclaredRelation,
} from "./conflicts.ts";

const today = "2026-03-15";

const expert = (over: Partial<ConflictExpert> = {}): ConflictExpert => ({
  id: "E1",
  unitId: "unit-expert",
  unitUscc: "91410300MA00000001",
  idNumberDigest: "digest:expert",
  formerUnits: [],
  ...over,
});

const application = (over: Partial<ConflictApplication> = {}): ConflictApplication => ({
  id: "A1",
  unitId: "unit-applicant",
  partnerUnitIds: ["unit-partner"],
  partnerUsccs: ["91410300MA00000099"],
  teamIdDigests: ["digest:pi", "digest:member"],
  ...over,
});

const reasons = (
  e: ConflictExpert,
  a: ConflictApplication,
  declared: readonly DeclaredRelation[] = [],
  on = today,
  policy: Pick<Policy, "expertReview"> = luoyang,
): ConflictReason[] => conflictsOf(e, a, declared, { today: on, policy }).map((c) => c.reason);

describe("conflictsOf: computed conflicts", () => {
  it("finds none for an expert with no tie to the application", () => {
    expect(conflictsOf(expert(), application(), [], { today, policy: luoyang })).toEqual([]);
  });

  it("conflicts an expert of the applicant unit", () => {
    expect(reasons(expert({ unitId: "unit-applicant" }), application())).toEqual(["applicantUnit"]);
  });

  it("conflicts an expert of a partner unit, matched by unit id", () => {
    expect(reasons(expert({ unitId: "unit-partner" }), application())).toEqual(["partnerUnit"]);
  });

  it("conflicts an expert of a partner unit without an account, matched by USCC", () => {
    expect(reasons(expert({ unitUscc: "91410300MA00000099" }), application())).toEqual(["partnerUnit"]);
  });

  it("does not match a partner by USCC when the expert's unit has none", () => {
    expect(reasons(expert({ unitUscc: null }), application({ partnerUsccs: [] }))).toEqual([]);
  });

  it("conflicts a team member, matched by the digest of the ID number", () => {
    expect(reasons(expert({ idNumberDigest: "digest:member" }), application())).toEqual(["teamMember"]);
  });

  it("does not treat an expert without an ID digest as a team member", () => {
    expect(reasons(expert({ idNumberDigest: null }), application())).toEqual([]);
  });

  it("lists every reason that applies, in the catalogue's order", () => {
    const e = expert({
      unitId: "unit-applicant",
      unitUscc: "91410300MA00000099",
      idNumberDigest: "digest:pi",
      formerUnits: [{ unitId: "unit-applicant", leftOn: "2025-01-01" }],
    });
    const declared: DeclaredRelation[] = [
      { applicationId: "A1", expertUnitId: "unit-applicant", declaredBy: "applicant" },
      { expertId: "E1", applicationId: "A1", declaredBy: "expert" },
    ];
    expect(reasons(e, application(), declared)).toEqual([...conflictReasons]);
  });

  it("names every reason in both languages", () => {
    for (const r of conflictReasons) {
      expect(conflictReasonNames[r].zh.length).toBeGreaterThan(0);
      expect(conflictReasonNames[r].en.length).toBeGreaterThan(0);
    }
  });
});

describe("conflictsOf: former units within the policy's look-back", () => {
  const formerly = (leftOn: string, unitId = "unit-applicant") =>
    expert({ formerUnits: [{ unitId, leftOn }] });

  it("reads a three-year look-back from both cities' policies", () => {
    expect(luoyang.expertReview.conflictLookbackYears.value).toBe(3);
    expect(datong.expertReview.conflictLookbackYears.value).toBe(3);
  });

  it.each([
    ["luoyang", luoyang],
    ["datong", datong],
  ])("%s: leaving exactly N years ago is not a conflict, a day later is", (_city, policy) => {
    const n = policy.expertReview.conflictLookbackYears.value;
    const exactly = `${2026 - n}-03-15`;
    const dayLater = `${2026 - n}-03-16`;
    expect(reasons(formerly(exactly), application(), [], today, policy)).toEqual([]);
    expect(reasons(formerly(dayLater), application(), [], today, policy)).toEqual(["formerUnit"]);
  });

  it("conflicts an expert who left last year, and not one who left long ago", () => {
    expect(reasons(formerly("2025-06-30"), application())).toEqual(["formerUnit"]);
    expect(reasons(formerly("2015-06-30"), application())).toEqual([]);
  });

  it("only counts a former unit that is the applicant, not a partner or another unit", () => {
    expect(reasons(formerly("2025-06-30", "unit-partner"), application())).toEqual([]);
    expect(reasons(formerly("2025-06-30", "unit-elsewhere"), application())).toEqual([]);
  });

  it("marks the former-unit conflict as a city setting, since no clause sets the period", () => {
    const found = conflictsOf(formerly("2025-06-30"), application(), [], { today, policy: luoyang });
    expect(found).toEqual([{ reason: "formerUnit", setting: "city" }]);
    expect(found[0]?.clause).toBeUndefined();
  });

  it("counts back from 29 February to 28 February of a common year", () => {
    // Three years before 2028-02-29 is 2025-02-28: leaving that day is not a conflict, a day later is.
    expect(reasons(formerly("2025-02-28"), application(), [], "2028-02-29")).toEqual([]);
    expect(reasons(formerly("2025-03-01"), application(), [], "2028-02-29")).toEqual(["formerUnit"]);
  });

  it("follows the policy's value when a city changes it", () => {
    const lookback = luoyang.expertReview.conflictLookbackYears;
    const fiveYears = {
      expertReview: { ...luoyang.expertReview, conflictLookbackYears: { ...lookback, value: 5 } },
    };
    expect(reasons(formerly("2022-01-01"), application(), [], today, fiveYears)).toEqual(["formerUnit"]);
    expect(reasons(formerly("2021-03-15"), application(), [], today, fiveYears)).toEqual([]);
  });
});

describe("conflictsOf: declared relations", () => {
  it("honours a relation the expert declared with the application", () => {
    const declared: DeclaredRelation[] = [{ expertId: "E1", applicationId: "A1", declaredBy: "expert" }];
    expect(reasons(expert(), application(), declared)).toEqual(["declaredByExpert"]);
  });

  it("applies an expert's relation with the applicant unit to every application of that unit", () => {
    const declared: DeclaredRelation[] = [{ expertId: "E1", unitId: "unit-applicant", declaredBy: "expert" }];
    expect(reasons(expert(), application(), declared)).toEqual(["declaredByExpert"]);
    expect(reasons(expert(), application({ id: "A2" }), declared)).toEqual(["declaredByExpert"]);
  });

  it("applies an expert's relation with a unit to applications where that unit is a partner", () => {
    const declared: DeclaredRelation[] = [{ expertId: "E1", unitId: "unit-partner", declaredBy: "expert" }];
    expect(reasons(expert(), application(), declared)).toEqual(["declaredByExpert"]);
  });

  it("ignores an expert's relations of other experts, other applications and other units", () => {
    const declared: DeclaredRelation[] = [
      { expertId: "E2", applicationId: "A1", declaredBy: "expert" },
      { expertId: "E1", applicationId: "A2", declaredBy: "expert" },
      { expertId: "E1", unitId: "unit-elsewhere", declaredBy: "expert" },
      { expertId: "E1", applicationId: null, unitId: null, declaredBy: "expert" },
    ];
    expect(reasons(expert(), application(), declared)).toEqual([]);
  });

  it("honours an applicant keeping away the experts of a unit from its application", () => {
    const declared: DeclaredRelation[] = [
      { applicationId: "A1", expertUnitId: "unit-expert", declaredBy: "applicant" },
    ];
    expect(reasons(expert(), application(), declared)).toEqual(["declaredByApplicant"]);
    expect(reasons(expert({ id: "E9" }), application(), declared)).toEqual(["declaredByApplicant"]);
    expect(reasons(expert({ unitId: "unit-other" }), application(), declared)).toEqual([]);
  });

  it("honours an applicant keeping away a person, matched by the digest of the ID number", () => {
    const declared: DeclaredRelation[] = [
      { applicationId: "A1", idNumberDigest: "digest:expert", declaredBy: "applicant" },
    ];
    expect(reasons(expert(), application(), declared)).toEqual(["declaredByApplicant"]);
    expect(reasons(expert({ idNumberDigest: "digest:other" }), application(), declared)).toEqual([]);
  });

  it("does not match an applicant's person-relation to an expert without an ID digest", () => {
    const declared: DeclaredRelation[] = [
      { applicationId: "A1", idNumberDigest: null, expertUnitId: null, declaredBy: "applicant" },
    ];
    expect(reasons(expert({ idNumberDigest: null }), application(), declared)).toEqual([]);
  });

  it("limits an applicant's relation to its own application", () => {
    const declared: DeclaredRelation[] = [
      { applicationId: "A2", expertUnitId: "unit-expert", declaredBy: "applicant" },
    ];
    expect(reasons(expert(), application(), declared)).toEqual([]);
  });

  it("reports each side once, however many of its relations apply", () => {
    const declared: DeclaredRelation[] = [
      { expertId: "E1", applicationId: "A1", declaredBy: "expert" },
      { expertId: "E1", unitId: "unit-applicant", declaredBy: "expert" },
      { applicationId: "A1", expertUnitId: "unit-expert", declaredBy: "applicant" },
      { applicationId: "A1", idNumberDigest: "digest:expert", declaredBy: "applicant" },
    ];
    expect(reasons(expert(), application(), declared)).toEqual(["declaredByExpert", "declaredByApplicant"]);
  });

  it("carries no clause or setting on declared and computed non-policy reasons", () => {
    const declared: DeclaredRelation[] = [{ expertId: "E1", applicationId: "A1", declaredBy: "expert" }];
    const found = conflictsOf(expert({ unitId: "unit-applicant" }), application(), declared, {
      today,
      policy: datong,
    });
    expect(found).toEqual([{ reason: "applicantUnit" }, { reason: "declaredByExpert" }]);
  });
});
