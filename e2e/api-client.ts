import { request as http } from "playwright-core";
import type { Client } from "../packages/server/src/lib/inject-client.ts";
import { password } from "./flow-helpers.ts";

/**
 * The running product's API as one demo account, over HTTP: the session cookie and the CSRF token
 * on every change, as the web app sends them. Same shape as the server's in-process client, so a
 * walk written for one (db/seed/demo-review.ts) drives the other.
 */
export async function apiLogin(
  baseURL: string,
  username: string,
): Promise<Client & { dispose(): Promise<void> }> {
  const ctx = await http.newContext({ baseURL });
  const login = await ctx.post("/api/auth/login", { data: { username, password } });
  if (login.status() !== 200) throw new Error(`login ${username}: ${login.status()} ${await login.text()}`);
  const me = ((await login.json()) as { user: Record<string, unknown> & { csrfToken: string } }).user;
  const request: Client["request"] = async (method, url, body, headers = {}) => {
    const res = await ctx.fetch(url, {
      method,
      headers: { "x-csrf-token": me.csrfToken, ...headers },
      ...(body === undefined ? {} : { data: body as never }),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {}
    return { status: res.status(), body: parsed, headers: res.headers() };
  };
  return {
    csrfToken: me.csrfToken,
    cookie: "",
    me,
    request,
    get: (url) => request("GET", url),
    post: (url, body) => request("POST", url, body ?? {}),
    put: (url, body) => request("PUT", url, body ?? {}),
    patch: (url, body) => request("PATCH", url, body ?? {}),
    dispose: () => ctx.dispose(),
  };
}
