import { describe, expect, it } from "vitest";
import { type Actor, inScope, scopeFor, scopeOf } from "./scope.ts";

/** The scope a caller reaches on a route that lets every caller reach as far as their roles go. */
const widest = (actor: Actor) => scopeFor(actor, "platform");

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
        inScope(widest(actor), {
          cityId: "datong",
          districtCode: "410305",
          unitId: "un1",
          ownerUserId: "u1",
        }),
      ).toBe(false);
    }
  });

  it("narrows by district, unit and owner", () => {
    const row = { cityId: "luoyang", districtCode: "410311", unitId: "un2", ownerUserId: "u2" };
    expect(inScope(widest({ ...base, roles: ["programOfficer"] }), row)).toBe(true);
    expect(inScope(widest({ ...base, roles: ["districtOfficer"] }), row)).toBe(false);
    expect(inScope(widest({ ...base, roles: ["districtOfficer"] }), { ...row, districtCode: "410305" })).toBe(
      true,
    );
    expect(inScope(widest({ ...base, roles: ["unitAdmin"] }), row)).toBe(false);
    expect(inScope(widest({ ...base, roles: ["unitAdmin"] }), { ...row, unitId: "un1" })).toBe(true);
    expect(inScope(widest({ ...base, roles: ["expert"] }), { ...row, ownerUserId: "u1" })).toBe(true);
  });
});

describe("scope of one request", () => {
  it("is the caller's own scope narrowed to what the route declares", () => {
    const officer = { ...base, roles: ["programOfficer" as const] };
    expect(scopeFor(officer, "platform")).toEqual({ kind: "city", cityId: "luoyang" });
    expect(scopeFor(officer, "own")).toEqual({ kind: "own", cityId: "luoyang", userId: "u1" });
    const pi = { ...base, roles: ["principalInvestigator" as const] };
    expect(scopeFor(pi, "city")).toEqual({ kind: "unit", cityId: "luoyang", unitId: "un1" });
  });

  it("reaches nothing when the narrowing needs an attachment the caller lacks", () => {
    const admin: Actor = { ...base, cityId: null, districtCode: null, unitId: null, roles: ["sysAdmin"] };
    expect(scopeFor(admin, "platform")).toEqual({ kind: "platform" });
    const scope = scopeFor(admin, "city");
    expect(scope).toEqual({ kind: "nothing" });
    expect(inScope(scope, { cityId: "luoyang" })).toBe(false);
  });
});

describe("rows without a narrowing", () => {
  it("belong to their whole city", () => {
    const pi = scopeFor({ ...base, roles: ["principalInvestigator"] }, "city");
    expect(inScope(pi, { cityId: "luoyang" })).toBe(true);
    expect(inScope(pi, { cityId: "datong" })).toBe(false);
    expect(inScope(pi, { cityId: "luoyang", unitId: null })).toBe(false);
  });
});
