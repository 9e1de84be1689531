import { type Actor, can, DomainError, type Permission, type ScopeKind, scopeFor } from "@luoshu/domain";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Clock } from "../lib/clock.ts";
import type { CallerContext, RequestContext } from "../lib/context.ts";
import type { RateLimitsRepository } from "../lib/rate-limits.repository.ts";
import {
  type ResolvedSession,
  type SessionsRepository,
  sessionCookie,
} from "../modules/auth/sessions.repository.ts";

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
  deps: {
    repos: { sessions: Pick<SessionsRepository, "resolve">; rateLimits: RateLimitsRepository };
    clock: Clock;
  },
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
      const n = await deps.repos.rateLimits.hit(key, access.rateLimit.windowMs, now);
      if (n > access.rateLimit.max) throw new DomainError({ code: "RATE_LIMITED" });
    }

    const token = request.cookies[sessionCookie];
    const session = token ? await deps.repos.sessions.resolve(token, now) : null;
    if (session && "expired" in session && access.permission !== "public") {
      throw new DomainError({ code: "SESSION_EXPIRED" });
    }
    const live = session && !("expired" in session) ? session : null;
    request.session = live;
    request.ctx.actor = live?.actor ?? null;
    if (access.permission === "public") return;

    if (!live) throw new DomainError({ code: "AUTH_REQUIRED" });
    if (stateChanging.has(request.method) && request.headers["x-csrf-token"] !== live.csrfToken) {
      throw new DomainError({ code: "CSRF_FAILED" });
    }
    // Routes open to any logged-in account (me, logout, the password change) stay open.
    if (live.mustChangePassword && access.permission !== "authenticated") {
      throw new DomainError({ code: "PASSWORD_CHANGE_REQUIRED" });
    }
    request.ctx.role = authorisingRole(live.actor, access.permission);
    if (access.scope !== "none") request.ctx.scope = scopeFor(live.actor, access.scope);
    if (access.permission !== "authenticated" && !can(live.actor.roles, access.permission)) {
      throw new DomainError({ code: "FORBIDDEN" });
    }
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
