import { type Actor, can, DomainError, type Permission, type ScopeKind, scopeFor } from "@luoshu/domain";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Db } from "../db/client.ts";
import type { Clock } from "../lib/clock.ts";
import type { CallerContext, RequestContext } from "../lib/context.ts";
import { hit } from "../lib/rate-limit.ts";
import { type ResolvedSession, resolveSession, sessionCookie } from "../modules/auth/session.ts";

/**
 * Every /api route declares what it needs: a permission (or "public" / "authenticated") and the
 * widest data scope it may reach. The caller's own scope narrowed to that declaration becomes
 * `request.ctx.scope`, which the route's repository filters by. Routes without a declaration make
 * the app refuse to start.
 */
export interface Access {
  permission: Permission | "public" | "authenticated";
  scope: ScopeKind | "none";
  /** Requests per window and client address, counted in the database. */
  rateLimit?: { max: number; windowMs: number };
}

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    session: ResolvedSession | null;
    ctx: RequestContext;
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  access: Access | undefined;
}

const stateChanging = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function registerAccess(
  app: FastifyInstance,
  deps: { db: Db; clock: Clock },
  registry: RegisteredRoute[],
): void {
  app.decorateRequest("session", null);
  app.decorateRequest("ctx", null as unknown as RequestContext);

  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/") || route.method === "HEAD" || route.url.startsWith("/api/docs"))
      return;
    const access = (route.config as { access?: Access } | undefined)?.access;
    for (const method of [route.method].flat()) registry.push({ method, url: route.url, access });
    if (!access)
      throw new Error(`route ${route.method} ${route.url} declares no access (permission and scope)`);
  });

  app.addHook("onRequest", async (request) => {
    const now = deps.clock.now();
    request.ctx = { actor: null, role: null, ip: request.ip, now, scope: { kind: "nothing" } };
    const access = request.routeOptions.config?.access;
    if (!access) return;

    if (access.rateLimit) {
      const key = `${request.routeOptions.url}|${request.ip}`;
      const n = await hit(deps.db, key, access.rateLimit.windowMs, now);
      if (n > access.rateLimit.max) {
        throw new DomainError({
          code: "RATE_LIMITED",
          messageZh: "请求过于频繁，请稍后再试。",
          messageEn: "Too many requests; try again later.",
        });
      }
    }

    const token = request.cookies[sessionCookie];
    const session = token ? await resolveSession(deps.db, token, now) : null;
    if (session && "expired" in session && access.permission !== "public") {
      throw new DomainError({
        code: "SESSION_EXPIRED",
        messageZh: "登录已超时（30 分钟无操作），请重新登录。",
        messageEn: "Your session expired after 30 minutes of inactivity; log in again.",
      });
    }
    const live = session && !("expired" in session) ? session : null;
    request.session = live;
    request.ctx.actor = live?.actor ?? null;
    if (access.permission === "public") return;

    if (!live) {
      throw new DomainError({ code: "AUTH_REQUIRED", messageZh: "请先登录。", messageEn: "Log in first." });
    }
    if (stateChanging.has(request.method) && request.headers["x-csrf-token"] !== live.csrfToken) {
      throw new DomainError({
        code: "CSRF_FAILED",
        messageZh: "请求校验失败（CSRF），请刷新页面后重试。",
        messageEn: "CSRF check failed; reload the page and try again.",
      });
    }
    request.ctx.role = authorisingRole(live.actor, access.permission);
    if (access.scope !== "none") request.ctx.scope = scopeFor(live.actor, access.scope);
    if (access.permission !== "authenticated" && !can(live.actor.roles, access.permission)) {
      throw forbidden();
    }
  });
}

export function forbidden(): DomainError {
  return new DomainError({
    code: "FORBIDDEN",
    messageZh: "无权执行此操作。",
    messageEn: "You may not do this.",
  });
}

function authorisingRole(actor: Actor, permission: Access["permission"]): string {
  if (permission === "authenticated" || permission === "public") return actor.roles.join(",");
  return actor.roles.find((r) => can([r], permission)) ?? actor.roles.join(",");
}

/** The context of a route that required login; the access hook has already refused anonymous calls. */
export function callerOf(request: FastifyRequest): CallerContext {
  const { ctx } = request;
  if (!ctx.actor) throw new DomainError({ code: "AUTH_REQUIRED" });
  return { ...ctx, actor: ctx.actor };
}

/** The actor of a route that required login; the access hook has already refused anonymous calls. */
export function actorOf(request: FastifyRequest): Actor {
  const actor = request.ctx.actor;
  if (!actor)
    throw new DomainError({ code: "AUTH_REQUIRED", messageZh: "请先登录。", messageEn: "Log in first." });
  return actor;
}
