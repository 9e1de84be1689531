import { ApiError, apiFetch, setCsrfToken } from "./client";
import type { Me } from "./types";

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

export async function login(input: { username: string; password: string }): Promise<Me> {
  const { user } = await apiFetch<{ user: Me }>("/auth/login", {
    method: "POST",
    body: input,
    expectUnauthorized: true,
  });
  setCsrfToken(user.csrfToken);
  return user;
}

export async function logout(): Promise<void> {
  try {
    await apiFetch<void>("/auth/logout", { method: "POST", expectUnauthorized: true });
  } finally {
    setCsrfToken(null);
  }
}

export function changePassword(input: { currentPassword: string; newPassword: string }): Promise<void> {
  return apiFetch<void>("/auth/password", { method: "POST", body: input });
}
