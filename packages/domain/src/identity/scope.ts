import { platformRoles, type Role } from "./roles.ts";

/**
 * Data scope: which rows a permitted action reaches. Widest first; a user holding several roles
 * gets the widest scope among them.
 */
export const scopeKinds = ["platform", "city", "district", "unit", "own"] as const;
export type ScopeKind = (typeof scopeKinds)[number];

export interface Actor {
  userId: string;
  username: string;
  cityId: string | null;
  districtCode: string | null;
  unitId: string | null;
  roles: Role[];
}

const scopeByRole: Record<Role, ScopeKind> = {
  programOfficer: "city",
  bureauLeader: "city",
  financeOfficer: "city",
  agencyOfficer: "city",
  fundManager: "city",
  districtOfficer: "district",
  unitAdmin: "unit",
  principalInvestigator: "unit",
  expert: "own",
  sysAdmin: "platform",
  secAdmin: "platform",
  auditor: "platform",
};

export function scopeOf(roles: readonly Role[]): ScopeKind {
  let best: ScopeKind = "own";
  for (const r of roles) {
    const s = scopeByRole[r];
    if (scopeKinds.indexOf(s) < scopeKinds.indexOf(best)) best = s;
  }
  return best;
}

export function isPlatformUser(roles: readonly Role[]): boolean {
  return roles.some((r) => platformRoles.includes(r));
}

/** A tenant row as far as scope is concerned. */
export interface ScopedRow {
  cityId: string;
  districtCode?: string | null;
  unitId?: string | null;
  ownerUserId?: string | null;
}

export function inScope(actor: Actor, row: ScopedRow): boolean {
  const kind = scopeOf(actor.roles);
  switch (kind) {
    case "platform":
      return true;
    case "city":
      return row.cityId === actor.cityId;
    case "district":
      return (
        row.cityId === actor.cityId && row.districtCode != null && row.districtCode === actor.districtCode
      );
    case "unit":
      return row.cityId === actor.cityId && row.unitId != null && row.unitId === actor.unitId;
    case "own":
      return row.cityId === actor.cityId && row.ownerUserId === actor.userId;
    default: {
      const never: never = kind;
      return never;
    }
  }
}
