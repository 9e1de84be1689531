import type { ErrorCode, Violation } from "../shared/errors.ts";
import { platformRoles, type Role } from "./roles.ts";
import type { UnitKind } from "./unit.ts";

export interface AssignmentTarget {
  userId: string;
  cityId: string | null;
  districtCode: string | null;
  unitId: string | null;
  /** The kind of the account's unit, when it has one. */
  unitKind: UnitKind | null;
}

/**
 * Which role sets a user can hold. Platform roles belong to platform accounts (no city); city roles
 * need the attachment their scope filters by; the three administrators stay separate, and nobody
 * changes their own roles.
 */
export function checkRoleAssignment(
  grantorId: string,
  target: AssignmentTarget,
  roles: readonly Role[],
): Violation[] {
  const out: Violation[] = [];
  const v = (code: ErrorCode, messageZh: string, messageEn: string) =>
    out.push({ code, messageZh, messageEn, path: "roles" });
  if (grantorId === target.userId)
    v("ROLE_SELF_GRANT", "不能修改自己的角色。", "You cannot change your own roles.");
  const platform = roles.filter((r) => platformRoles.includes(r));
  const city = roles.filter((r) => !platformRoles.includes(r));
  if (platform.length > 1) {
    v(
      "ROLE_SEPARATION",
      "系统管理员、安全管理员、安全审计员三员分立，不能兼任。",
      "System, security and audit administrators must be different people.",
    );
  }
  if (platform.length && (city.length || target.cityId)) {
    v(
      "ROLE_PLATFORM_ONLY",
      "平台管理角色只能授予不属于任何城市的平台账号。",
      "Platform roles go to platform accounts only (no city).",
    );
  }
  if (city.length && !target.cityId)
    v("ROLE_NEEDS_CITY", "业务角色需要账号属于某个城市。", "Business roles need an account of a city.");
  if (roles.includes("districtOfficer") && !target.districtCode) {
    v(
      "ROLE_NEEDS_DISTRICT",
      "县区科技主管部门角色需要账号属于某个县区。",
      "The district officer role needs a district.",
    );
  }
  for (const r of ["unitAdmin", "principalInvestigator"] as const) {
    if (roles.includes(r) && !target.unitId) {
      v(
        "ROLE_NEEDS_UNIT",
        "申报单位管理员和项目负责人角色需要账号属于某个单位。",
        "Unit roles need an account of a unit.",
      );
      break;
    }
  }
  // 联合审定: the bureau and the laboratory approve separately (LY-REFORM §三(二)2)
  if (roles.includes("laboratoryApprover") && roles.includes("bureauLeader")) {
    v(
      "ROLE_SEPARATION",
      "市科技局领导和实验室审定人分别审定联合科研项目，不能兼任。",
      "The bureau leader and the laboratory approver approve joint research separately: not one person.",
    );
  }
  if (roles.includes("laboratoryApprover") && target.unitKind !== "laboratory") {
    v(
      "ROLE_NEEDS_UNIT",
      "实验室审定人角色需要账号属于一个实验室单位。",
      "The laboratory approver role needs an account of a laboratory unit.",
    );
  }
  return out;
}

/**
 * 三员分立: the system administrator, the security administrator and the auditor each keep their
 * own account to themselves. None of them (nor anyone else) changes, disables or re-roles an account
 * that holds one of the three roles; such accounts are set up when the platform is installed.
 */
export function checkAdministratorSeparation(
  actorId: string,
  target: { userId: string; roles: readonly Role[] },
): Violation | null {
  if (target.userId === actorId || !target.roles.some((r) => platformRoles.includes(r))) return null;
  return {
    code: "ROLE_SEPARATION",
    messageZh: "三员分立：系统管理员、安全管理员和安全审计员的账号不能由他人修改、停用或变更角色。",
    messageEn:
      "Separation of the three administrators: their accounts cannot be changed, disabled or re-roled by anyone else.",
  };
}
