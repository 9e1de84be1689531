import type { Role } from "./roles.ts";

export const userStatuses = ["active", "disabled"] as const;
export type UserStatus = (typeof userStatuses)[number];

/**
 * An account: a person of a city (attached to a district or a unit where their roles need it) or a
 * platform administrator (no city). The resident ID number is only ever kept masked here.
 */
export interface User {
  id: string;
  username: string;
  displayName: string;
  cityId: string | null;
  districtCode: string | null;
  unitId: string | null;
  idNumberMasked: string | null;
  status: UserStatus;
  /** An administrator set the password; the account has not yet chosen its own. */
  mustChangePassword: boolean;
  createdAt: Date;
  roles: Role[];
}

/** An account with its unit's name, as lists show it. */
export interface UserView extends User {
  unitNameZh: string | null;
}
