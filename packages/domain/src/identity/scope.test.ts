import { describe, expect, it } from "vitest";
import { type Actor, inScope, scopeOf } from "./scope.ts";

const base: Actor = {
  userId: "u1",
  username: "x",
  cityId: "luoyang",
  districtCode: "410305",
  unitId: "un1",
  roles: [],
};

describe("data scope", () => {
  it("takes the widest scope of the roles held", () => {
    expect(scopeOf(["principalInvestigator"])).toBe("unit");
    expect(scopeOf(["principalInvestigator", "districtOfficer"])).toBe("district");
    expect(scopeOf(["expert"])).toBe("own");
    expect(scopeOf(["auditor"])).toBe("platform");
    expect(scopeOf([])).toBe("own");
  });

  it("never reaches another city below platform scope", () => {
    for (const role of ["programOfficer", "districtOfficer", "unitAdmin", "expert"] as const) {
      const actor = { ...base, roles: [role] };
      expect(
        inScope(actor, { cityId: "datong", districtCode: "410305", unitId: "un1", ownerUserId: "u1" }),
      ).toBe(false);
    }
  });

  it("narrows by district, unit and owner", () => {
    const row = { cityId: "luoyang", districtCode: "410311", unitId: "un2", ownerUserId: "u2" };
    expect(inScope({ ...base, roles: ["programOfficer"] }, row)).toBe(true);
    expect(inScope({ ...base, roles: ["districtOfficer"] }, row)).toBe(false);
    expect(inScope({ ...base, roles: ["districtOfficer"] }, { ...row, districtCode: "410305" })).toBe(true);
    expect(inScope({ ...base, roles: ["unitAdmin"] }, row)).toBe(false);
    expect(inScope({ ...base, roles: ["unitAdmin"] }, { ...row, unitId: "un1" })).toBe(true);
    expect(inScope({ ...base, roles: ["expert"] }, { ...row, ownerUserId: "u1" })).toBe(true);
  });
});
