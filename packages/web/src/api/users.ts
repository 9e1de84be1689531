import type { Role } from "@luoshu/domain";
import { apiFetch } from "./client";
import type { Page, User, UserStatus } from "./types";

export interface UserQuery {
  page: number;
  pageSize: number;
  keyword?: string;
  role?: Role;
}

export interface UserInput {
  username: string;
  displayName: string;
  cityCode?: string;
  districtCode?: string;
  unitId?: string;
  /** Resident ID number in full; the server stores it encrypted and only ever returns it masked. */
  idNumber?: string;
  password: string;
}

export function fetchUsers(q: UserQuery): Promise<Page<User>> {
  return apiFetch("/users", { query: { ...q } });
}

export function createUser(input: UserInput): Promise<User> {
  return apiFetch("/users", { method: "POST", body: input });
}

export function setUserRoles(id: string, roles: Role[]): Promise<User> {
  return apiFetch(`/users/${encodeURIComponent(id)}/roles`, { method: "PUT", body: { roles } });
}

export function setUserStatus(id: string, status: UserStatus): Promise<User> {
  return apiFetch(`/users/${encodeURIComponent(id)}`, { method: "PATCH", body: { status } });
}
