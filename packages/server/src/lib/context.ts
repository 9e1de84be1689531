import type { Actor, Scope } from "@luoshu/domain";
import type { AuditActor } from "../modules/audit/audit.repository.ts";

/** Who is acting, from where and when, and which rows they reach: what every use case needs. */
export interface RequestContext {
  actor: Actor | null;
  /** The role under which the action is taken (the one that grants the route's permission). */
  role: string | null;
  ip: string | null;
  now: Date;
  /** The caller's data scope narrowed to the route's declaration, worked out by the access plugin. */
  scope: Scope;
}

/** The context of a route that required login. */
export interface CallerContext extends RequestContext {
  actor: Actor;
}

export function auditActorOf(ctx: RequestContext): AuditActor {
  return {
    actorId: ctx.actor?.userId ?? null,
    actorUsername: ctx.actor?.username ?? null,
    actorRole: ctx.role,
    ip: ctx.ip,
  };
}

/** For work no person does (the demo seed, tests of the audit chain): whole-platform scope. */
export function systemContext(now: Date, role = "system"): RequestContext {
  return { actor: null, role, ip: null, now, scope: { kind: "platform" } };
}
