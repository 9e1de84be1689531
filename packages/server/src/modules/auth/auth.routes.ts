import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.ts";
import { inTransaction } from "../../lib/legacy-transaction.ts";
import { actorOf } from "../../plugins/access.ts";
import { changePassword } from "./change-password.ts";
import { login } from "./login.ts";
import { describeMe } from "./me.ts";
import { deleteSession, sessionCookie } from "./session.ts";

const meSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  city: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }).nullable(),
  district: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }).nullable(),
  unit: z.object({ id: z.string(), nameZh: z.string() }).nullable(),
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
  scope: z.object({ kind: z.string() }),
  csrfToken: z.string(),
});

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
      config: { access: { permission: "public", scope: "none", rateLimit: { max: 30, windowMs: 60_000 } } },
      schema: {
        tags: ["auth"],
        summary: "Log in; sets the HttpOnly session cookie",
        body: z
          .object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) })
          .strict(),
        response: { 200: z.object({ user: meSchema }) },
      },
    },
    async (request, reply) => {
      const result = await login({
        db: deps.db,
        ctx: request.ctx,
        username: request.body.username,
        password: request.body.password,
        userAgent: request.headers["user-agent"] ?? null,
        production: deps.production,
      });
      reply.setCookie(sessionCookie, result.token, cookieOptions);
      return { user: await describeMe(deps.db, result.actor, result.csrfToken) };
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
    async (request) => describeMe(deps.db, actorOf(request), request.session?.csrfToken ?? ""),
  );

  r.post(
    "/api/auth/logout",
    {
      config: { access: { permission: "authenticated", scope: "own" } },
      schema: { tags: ["auth"], summary: "Log out", response: { 200: z.object({ ok: z.literal(true) }) } },
    },
    async (request, reply) => {
      const session = request.session;
      if (session) {
        await inTransaction(deps.db, request.ctx, async (tx, audit) => {
          await deleteSession(tx, session.id);
          audit({ action: "auth.logout", entityType: "user", entityId: session.actor.userId });
        });
      }
      reply.clearCookie(sessionCookie, cookieOptions);
      return { ok: true as const };
    },
  );

  r.post(
    "/api/auth/password",
    {
      config: { access: { permission: "authenticated", scope: "own" } },
      schema: {
        tags: ["auth"],
        summary: "Change one's own password",
        body: z
          .object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) })
          .strict(),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      await changePassword({ db: deps.db, ctx: request.ctx, actor: actorOf(request), ...request.body });
      return { ok: true as const };
    },
  );
}
