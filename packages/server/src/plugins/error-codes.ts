import { type ErrorCode, type ErrorKind, errorCatalogue, errorCodes, kindOf } from "@luoshu/domain";
import type { Access } from "./access.ts";

/** The one kind → HTTP status map; every code of the domain's catalogue has a kind. */
const statusByKind: Record<ErrorKind, number> = {
  input: 400,
  authentication: 401,
  access: 403,
  notFound: 404,
  conflict: 409,
  tooLarge: 413,
  unsupportedMedia: 415,
  rule: 422,
  state: 422,
  rateLimited: 429,
  internal: 500,
};

export function statusOf(code: ErrorCode): number {
  return statusByKind[kindOf(code)];
}

/** The codes of a family of rules, by their prefix in the catalogue (`SUBMIT_`, `GUIDE_`…). */
export const codesOf = (prefix: string): ErrorCode[] => errorCodes.filter((c) => c.startsWith(prefix));

declare module "fastify" {
  interface FastifyContextConfig {
    /** The codes this route's use case may answer with, beside those its declaration implies. */
    errors?: readonly ErrorCode[];
  }
}

interface RouteFacts {
  method: string;
  url: string;
  access?: Access;
  errors?: readonly ErrorCode[];
  hasInput: boolean;
}

/**
 * Every code an operation may answer with: what its access declaration, its input and its path
 * imply (login, CSRF, permission, rate limit, validation, not found), and what its use case declares.
 */
export function possibleCodes(r: RouteFacts): Set<ErrorCode> {
  const out = new Set<ErrorCode>(["INTERNAL", ...(r.errors ?? [])]);
  const writes = ["POST", "PUT", "PATCH", "DELETE"].includes(r.method);
  if (r.hasInput || writes) out.add("VALIDATION").add("BAD_REQUEST");
  if (writes) out.add("BAD_JSON").add("BODY_TOO_LARGE").add("UNSUPPORTED_MEDIA_TYPE");
  if (r.url.includes("/:")) out.add("NOT_FOUND");
  const a = r.access;
  if (a?.rateLimit) out.add("RATE_LIMITED");
  if (a && a.permission !== "public") {
    out.add("AUTH_REQUIRED").add("SESSION_EXPIRED");
    if (writes) out.add("CSRF_FAILED");
    if (a.permission !== "authenticated") out.add("FORBIDDEN").add("PASSWORD_CHANGE_REQUIRED");
  }
  return out;
}

export function routeFacts(
  route: { url?: string; config?: unknown; schema?: unknown },
  method: string,
): RouteFacts {
  const config = route.config as { access?: Access; errors?: readonly ErrorCode[] } | undefined;
  const schema = route.schema as { body?: unknown; querystring?: unknown; params?: unknown } | undefined;
  return {
    method,
    url: route.url ?? "",
    access: config?.access,
    errors: config?.errors,
    hasInput: Boolean(schema?.body || schema?.querystring || schema?.params),
  };
}

/** The problem documents of an operation, by status, for the OpenAPI document. */
export function problemResponses(codes: Set<ErrorCode>): Record<number, unknown> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const c of [...codes].sort()) byStatus.set(statusOf(c), [...(byStatus.get(statusOf(c)) ?? []), c]);
  const out: Record<number, unknown> = {};
  for (const [status, list] of byStatus) {
    out[status] = {
      description: `application/problem+json: ${list.map((c) => `${c} (${errorCatalogue[c].messageEn})`).join("; ")}`,
      type: "object",
      required: ["code", "messageZh", "messageEn"],
      properties: {
        code: { type: "string", enum: list },
        messageZh: { type: "string" },
        messageEn: { type: "string" },
        path: { type: "string" },
        clause: { type: "string" },
        setting: { type: "string", enum: ["city", "guide"] },
        details: { type: "object" },
      },
    };
  }
  return out;
}
