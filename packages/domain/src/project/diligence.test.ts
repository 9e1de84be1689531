import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { acceptanceStates } from "./acceptance.ts";
import { checkDiligenceFinding, type FailureFacts, gradeCountsAgainst, whyNotDiligent } from "./diligence.ts";

const facts = (over: Partial<FailureFacts> = {}): FailureFacts => ({
  acceptance: null,
  closedAs: null,
  terminationGround: null,
  alreadyFound: false,
  ...over,
});

describe("宽容失败: which failures the bureau may find diligent (DT-RULES §5; LY-PLAN §九(三))", () => {
  it("takes a failed acceptance and a termination on the unit's application", () => {
    expect(whyNotDiligent(facts({ acceptance: "failed" }))).toBeNull();
    expect(
      whyNotDiligent(facts({ closedAs: "terminated", terminationGround: "infeasibleRoute" })),
    ).toBeNull();
    expect(whyNotDiligent(facts({ closedAs: "terminated", terminationGround: "forceMajeure" }))).toBeNull();
  });

  it("refuses a project in execution, accepted, revoked, terminated as a sanction, or already found", () => {
    for (const f of [
      facts(),
      facts({ acceptance: "submitted" }),
      facts({ acceptance: "accepted" }),
      facts({ closedAs: "revoked", terminationGround: null }),
      facts({ closedAs: "revoked", acceptance: "failed" }),
      facts({ closedAs: "terminated", terminationGround: "sanction" }),
      facts({ acceptance: "failed", alreadyFound: true }),
    ])
      expect(() => checkDiligenceFinding(f)).toThrowError(
        expect.objectContaining({ code: "INVALID_TRANSITION" }),
      );
  });

  it("never tolerates a revoked project, whatever else holds", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(null, ...acceptanceStates),
        fc.constantFrom(null, "forceMajeure", "infeasibleRoute", "sanction"),
        fc.boolean(),
        (acceptance, terminationGround, alreadyFound) =>
          whyNotDiligent({ acceptance, terminationGround, alreadyFound, closedAs: "revoked" }) !== null,
      ),
    );
  });
});

describe("a past grade in a later proposed list", () => {
  it("counts against the unit only when failed without a finding of due diligence", () => {
    expect(gradeCountsAgainst({ grade: "fail", diligent: false })).toBe(true);
    expect(gradeCountsAgainst({ grade: "fail", diligent: true })).toBe(false);
    for (const grade of ["excellent", "good", "pass", null] as const)
      expect(gradeCountsAgainst({ grade, diligent: false })).toBe(false);
  });
});
