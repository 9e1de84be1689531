import type { Role } from "./roles.ts";

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
  // a laboratory's own unit; it reads the city's joint research as a party to every joint project
  laboratoryApprover: "unit",
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

/**
 * The rows one request may reach: the caller's own scope, narrowed to what the route declares (a
 * route declared `own` never shows a city officer the whole city). A narrowing the caller has no
 * attachment for (a platform account on a city route) reaches nothing.
 */
export type Scope =
  | { kind: "platform" }
  | { kind: "city"; cityId: string }
  | { kind: "district"; cityId: string; districtCode: string }
  | { kind: "unit"; cityId: string; unitId: string }
  | { kind: "own"; cityId: string | null; userId: string }
  | { kind: "nothing" };

const widerOrSame = (a: ScopeKind, b: ScopeKind) => scopeKinds.indexOf(a) <= scopeKinds.indexOf(b);

export function scopeFor(actor: Actor, declared: ScopeKind): Scope {
  const own = scopeOf(actor.roles);
  const kind = widerOrSame(own, declared) ? declared : own;
  const { cityId, districtCode, unitId } = actor;
  switch (kind) {
    case "platform":
      return { kind };
    case "city":
      return cityId ? { kind, cityId } : { kind: "nothing" };
    case "district":
      return cityId && districtCode ? { kind, cityId, districtCode } : { kind: "nothing" };
    case "unit":
      return cityId && unitId ? { kind, cityId, unitId } : { kind: "nothing" };
    case "own":
      return { kind, cityId, userId: actor.userId };
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/**
 * A tenant row as far as scope is concerned. A row that does not carry a narrowing at all (a guide
 * has no district, unit or owner) belongs to its whole city and is seen at that narrowing by city;
 * a row that carries it as null (a city officer's account has no district) is outside it.
 */
export interface ScopedRow {
  cityId: string | null;
  districtCode?: string | null;
  unitId?: string | null;
  ownerUserId?: string | null;
}

const matches = (have: string | null | undefined, want: string) => have === undefined || have === want;

export function inScope(scope: Scope, row: ScopedRow): boolean {
  switch (scope.kind) {
    case "platform":
      return true;
    case "city":
      return row.cityId === scope.cityId;
    case "district":
      return row.cityId === scope.cityId && matches(row.districtCode, scope.districtCode);
    case "unit":
      return row.cityId === scope.cityId && matches(row.unitId, scope.unitId);
    case "own":
      // A platform account's own rows have no city, as the account itself.
      return row.cityId === scope.cityId && matches(row.ownerUserId, scope.userId);
    case "nothing":
      return false;
    default: {
      const never: never = scope;
      return never;
    }
  }
}
