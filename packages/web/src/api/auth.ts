import type { DemoAccountsDto, LoginBody, LoginResponse, MeDto, PasswordBody } from "@luoshu/contract";
import { ApiError, apiFetch, setCsrfToken } from "./client";

export type Me = MeDto;
export type DemoAccounts = DemoAccountsDto;

/** The current session's user, or null when there is none (401 is an answer here, not an error). */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await apiFetch<Me>("/auth/me", { expectUnauthorized: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export async function login(input: LoginBody): Promise<Me> {
  const { user } = await apiFetch<LoginResponse>("/auth/login", {
    method: "POST",
    body: input,
    expectUnauthorized: true,
  });
  setCsrfToken(user.csrfToken);
  return user;
}

export async function logout(): Promise<void> {
  try {
    await apiFetch("/auth/logout", { method: "POST", expectUnauthorized: true });
  } finally {
    setCsrfToken(null);
  }
}

export async function changePassword(input: PasswordBody): Promise<void> {
  await apiFetch("/auth/password", { method: "POST", body: input });
}

/** Demo sign-in help for the login page; no groups in production, where demo logins are refused. */
export function fetchDemoAccounts(): Promise<DemoAccounts> {
  return apiFetch("/public/demo-accounts");
}
