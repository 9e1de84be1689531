import { describe, expect, it } from "vitest";
import { activeBans, type IntegrityRecordFacts } from "../integrity/integrity.rules.ts";
import { type ApplicationContent, applicationContentSchema } from "./application.ts";
import { checkSubmission } from "./submission.rules.ts";
import {
  closesAt,
  codes,
  colleague,
  completeContent,
  datongFacts,
  during,
  facts,
  guideFor,
  only,
  opensAt,
  pi,
  withField,
} from "./test/submission-fixtures.ts";

describe("checkSubmission: a complete, valid application", () => {
  it("gives no violations in Luoyang (soft science)", () => {
    expect(checkSubmission(facts())).toEqual([]);
  });

  it("gives no violations in Luoyang (public welfare)", () => {
    const content = withField(completeContent(), "ruralRevitalization");
    expect(checkSubmission(facts({ guide: guideFor("publicWelfare"), content }))).toEqual([]);
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

  it("SUBMIT_UNIT_BANNED for a Datong blacklisted unit, as the city's setting: §22 only lists", () => {
    const records: IntegrityRecordFacts[] = [
      { subject: "unit", kind: "blacklist", from: "2025-01-01", until: null, clause: "DT-RULES §22" },
    ];
    const v = checkSubmission(datongFacts({ integrity: activeBans(records, during) }));
    expect(v).toEqual([expect.objectContaining({ code: "SUBMIT_UNIT_BANNED", setting: "city" })]);
    expect(v[0]?.clause).toBeUndefined();
    expect(v[0]?.messageZh).toContain("黑名单");
    expect(v[0]?.messageZh).toContain("市科技局设定");
  });

  it("SUBMIT_UNIT_BANNED for a blacklisted unit cites the record's clause where no policy rule says more", () => {
    const records: IntegrityRecordFacts[] = [
      { subject: "unit", kind: "blacklist", from: "2025-01-01", until: null, clause: "LY-FUNDS §25" },
    ];
    const v = checkSubmission(facts({ integrity: activeBans(records, during) }));
    expect(v).toEqual([expect.objectContaining({ code: "SUBMIT_UNIT_BANNED", clause: "LY-FUNDS §25" })]);
  });

  it("SUBMIT_FIELD_NOT_ALLOWED outside the program's listed fields (LY-REFORM §二(一)2–3)", () => {
    const welfare = guideFor("publicWelfare");
    const v = only(
      facts({ guide: welfare, content: withField(completeContent(), "医疗卫生") }),
      "SUBMIT_FIELD_NOT_ALLOWED",
    );
    expect(v).toEqual([expect.objectContaining({ clause: "LY-REFORM §二(一)2", path: "basic.field" })]);
    expect(v[0]?.messageZh).toContain("社会发展、乡村振兴");
    // a guide narrowing the program's fields narrows the choice
    const rural = guideFor("publicWelfare", { fields: ["ruralRevitalization"] });
    const social = withField(completeContent(), "socialDevelopment");
    expect(codes(facts({ guide: rural, content: social }))).toEqual(["SUBMIT_FIELD_NOT_ALLOWED"]);
    expect(codes(facts({ guide: welfare, content: social }))).toEqual([]);
    // soft science: its four areas; an empty field is refused too
    expect(codes(facts({ content: withField(completeContent(), "") }))).toEqual(["SUBMIT_FIELD_NOT_ALLOWED"]);
    // Datong lists no fields (DT-RULES §12 ends with 等): anything goes
    expect(codes(datongFacts({ content: withField(completeContent(), "能源经济") }))).toEqual([]);
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
