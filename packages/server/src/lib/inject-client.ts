import type { FastifyInstance } from "fastify";

/**
 * A signed-in caller of the app in the same process, through `app.inject`: the session cookie and
 * the CSRF token on every request, answers parsed as JSON where they are. The API tests use it, and
 * so does the first start, which walks the demo's expert review through the API (db/seed/demo-review.ts).
 */
export interface Client {
  csrfToken: string;
  cookie: string;
  me: Record<string, unknown>;
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
    // biome-ignore lint/suspicious/noExplicitAny: answers are read by shape, as the contract's schemas checked them on the way out
  ): Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
  get(url: string): ReturnType<Client["request"]>;
  post(url: string, body?: unknown): ReturnType<Client["request"]>;
  put(url: string, body?: unknown): ReturnType<Client["request"]>;
  patch(url: string, body?: unknown): ReturnType<Client["request"]>;
}

export function injectClients(app: FastifyInstance) {
  const client = (cookie: string, csrfToken: string, me: Record<string, unknown>): Client => {
    const request: Client["request"] = async (method, url, body, headers = {}) => {
      const res = await app.inject({
        method: method as "GET",
        url,
        headers: {
          ...(cookie ? { cookie } : {}),
          ...(csrfToken ? { "x-csrf-token": csrfToken } : {}),
          ...headers,
        },
        ...(body === undefined ? {} : { payload: body as object }),
      });
      let parsed: unknown = res.body;
      try {
        parsed = JSON.parse(res.body);
      } catch {}
      return { status: res.statusCode, body: parsed, headers: res.headers };
    };
    return {
      csrfToken,
      cookie,
      me,
      request,
      get: (url) => request("GET", url),
      post: (url, body) => request("POST", url, body ?? {}),
      put: (url, body) => request("PUT", url, body ?? {}),
      patch: (url, body) => request("PATCH", url, body ?? {}),
    };
  };
  return {
    anonymous: client("", "", {}),
    async login(username: string, password: string): Promise<Client> {
      const res = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username, password },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const setCookie = [res.headers["set-cookie"]].flat()[0] ?? "";
      const cookie = String(setCookie).split(";")[0] ?? "";
      const me = JSON.parse(res.body).user;
      return client(cookie, me.csrfToken, me);
    },
  };
}

/**
 * One session per account, opened on first use: logins are rate-limited (30 a minute from one
 * address), so a walk or a test that acts as many people signs each in once.
 */
export function oneSessionEach<C>(login: (username: string) => Promise<C>): (username: string) => Promise<C> {
  const sessions = new Map<string, Promise<C>>();
  return (username) => {
    let session = sessions.get(username);
    if (!session) {
      session = login(username);
      sessions.set(username, session);
    }
    return session;
  };
}
