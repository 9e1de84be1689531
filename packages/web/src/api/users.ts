import type {
  Page,
  UserCreateBody,
  UserDto,
  UserListQuery,
  UserRolesBody,
  UserUpdateBody,
} from "@luoshu/contract";
import { apiFetch } from "./client";

export type User = UserDto;
export type UserQuery = UserListQuery;
export type UserInput = UserCreateBody;
export type UserStatus = User["status"];

export function fetchUsers(q: UserQuery): Promise<Page<User>> {
  return apiFetch("/users", { query: { ...q } });
}

export function createUser(input: UserInput): Promise<User> {
  return apiFetch("/users", { method: "POST", body: input });
}

export function setUserRoles(id: string, roles: UserRolesBody["roles"]): Promise<User> {
  const body: UserRolesBody = { roles };
  return apiFetch(`/users/${encodeURIComponent(id)}/roles`, { method: "PUT", body });
}

export function setUserStatus(id: string, status: UserStatus): Promise<User> {
  const body: UserUpdateBody = { status };
  return apiFetch(`/users/${encodeURIComponent(id)}`, { method: "PATCH", body });
}
