import { describe, expect, it } from "vitest";
import { checkAdministratorSeparation, checkRoleAssignment } from "./role-assignment.ts";

const cityUser = { userId: "u", cityId: "luoyang", districtCode: null, unitId: null, unitKind: null };
const codes = (...a: Parameters<typeof checkRoleAssignment>) => checkRoleAssignment(...a).map((v) => v.code);

describe("role assignment", () => {
  it("accepts a city role for a city account", () => {
    expect(codes("g", cityUser, ["programOfficer"])).toEqual([]);
  });
  it("refuses self-grants and combined platform roles", () => {
    expect(codes("u", cityUser, ["programOfficer"])).toContain("ROLE_SELF_GRANT");
    expect(codes("g", { ...cityUser, cityId: null }, ["sysAdmin", "auditor"])).toContain("ROLE_SEPARATION");
  });
  it("keeps platform and city roles apart", () => {
    expect(codes("g", cityUser, ["auditor"])).toContain("ROLE_PLATFORM_ONLY");
    expect(codes("g", { ...cityUser, cityId: null }, ["programOfficer"])).toContain("ROLE_NEEDS_CITY");
  });
  it("needs the attachment the scope filters by", () => {
    expect(codes("g", cityUser, ["districtOfficer"])).toContain("ROLE_NEEDS_DISTRICT");
    expect(codes("g", cityUser, ["principalInvestigator"])).toContain("ROLE_NEEDS_UNIT");
    expect(codes("g", { ...cityUser, unitId: "x" }, ["principalInvestigator", "unitAdmin"])).toEqual([]);
    // 龙门实验室's approver belongs to a laboratory (LY-REFORM §三(二)2), not to any unit
    const enterprise = { ...cityUser, unitId: "x", unitKind: "enterprise" as const };
    expect(codes("g", enterprise, ["laboratoryApprover"])).toEqual(["ROLE_NEEDS_UNIT"]);
    expect(codes("g", { ...enterprise, unitKind: "laboratory" }, ["laboratoryApprover"])).toEqual([]);
    expect(
      codes("g", { ...enterprise, unitKind: "laboratory" }, ["laboratoryApprover", "bureauLeader"]),
    ).toEqual(["ROLE_SEPARATION"]);
  });
});

describe("separation of the three administrators", () => {
  it("keeps each administrator's account out of every other account's reach", () => {
    for (const role of ["sysAdmin", "secAdmin", "auditor"] as const) {
      expect(checkAdministratorSeparation("other", { userId: "admin", roles: [role] })?.code).toBe(
        "ROLE_SEPARATION",
      );
      expect(checkAdministratorSeparation("admin", { userId: "admin", roles: [role] })).toBeNull();
    }
  });
  it("leaves business accounts and role-less platform accounts to the administrators", () => {
    expect(checkAdministratorSeparation("admin", { userId: "u", roles: ["programOfficer"] })).toBeNull();
    expect(checkAdministratorSeparation("admin", { userId: "u", roles: [] })).toBeNull();
  });
});
