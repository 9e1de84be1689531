import {
  demoAccountsSchema,
  loginBody,
  loginResponse,
  meSchema,
  okSchema,
  passwordBody,
} from "@luoshu/contract";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppDeps } from "../../deps.ts";
import { callerOf } from "../../plugins/access.ts";
import { changePassword } from "./change-password.ts";
import { demoAccounts } from "./demo-accounts.ts";
import { describeMe } from "./describe-me.ts";
import { login } from "./login.ts";
import { logout } from "./logout.ts";
import { sessionCookie } from "./sessions.repository.ts";

export async function authRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookieOptions = {
    path: "/",
    httpOnly: true,
    sameSite: "strict" as const,
    secure: deps.secureCookies,
  };

  r.post(
    "/api/auth/login",
    {
      config: {
        access: { permission: "public", scope: "none", rateLimit: { max: 30, windowMs: 60_000 } },
        errors: [
          "AUTH_INVALID_CREDENTIALS",
          "AUTH_TOO_MANY_GUESSES",
          "DEMO_ACCOUNT_REFUSED",
          "ACCOUNT_DISABLED",
        ],
      },
      schema: {
        tags: ["auth"],
        summary: "Log in; sets the HttpOnly session cookie",
        body: loginBody,
        response: { 200: loginResponse },
      },
    },
    async (request, reply) => {
      const result = await login(deps, {
        ctx: request.ctx,
        ...request.body,
        userAgent: request.headers["user-agent"] ?? null,
      });
      reply.setCookie(sessionCookie, result.token, cookieOptions);
      return { user: result.me };
    },
  );

  r.get(
    "/api/auth/me",
    {
      config: { access: { permission: "authenticated", scope: "own" } },
      schema: {
        tags: ["auth"],
        summary: "The logged-in user, city, roles and scope",
        response: { 200: meSchema },
      },
    },
    async (request) =>
      describeMe(deps, {
        actor: callerOf(request).actor,
        csrfToken: request.session?.csrfToken ?? "",
        mustChangePassword: request.session?.mustChangePassword ?? false,
      }),
  );

  r.post(
    "/api/auth/logout",
    {
      config: { access: { permission: "authenticated", scope: "own" } },
      schema: { tags: ["auth"], summary: "Log out", response: { 200: okSchema } },
    },
    async (request, reply) => {
      if (request.session) await logout(deps, { ctx: callerOf(request), sessionId: request.session.id });
      reply.clearCookie(sessionCookie, cookieOptions);
      return { ok: true as const };
    },
  );

  r.post(
    "/api/auth/password",
    {
      config: {
        access: { permission: "authenticated", scope: "own" },
        errors: ["AUTH_INVALID_CREDENTIALS", "AUTH_TOO_MANY_GUESSES", "PASSWORD_WEAK"],
      },
      schema: {
        tags: ["auth"],
        summary: "Change one's own password",
        body: passwordBody,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await changePassword(deps, {
        ctx: callerOf(request),
        sessionId: request.session?.id ?? "",
        ...request.body,
      });
      return { ok: true as const };
    },
  );

  r.get(
    "/api/public/demo-accounts",
    {
      config: { access: { permission: "public", scope: "none" } },
      schema: {
        tags: ["auth"],
        summary: "Demo logins by city for the sign-in page (none in production)",
        response: { 200: demoAccountsSchema },
      },
    },
    async () => demoAccounts(deps),
  );
}
