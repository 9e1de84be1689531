import type { FastifyInstance, FastifyReply } from "fastify";

/**
 * The content security policy fits what is served: the built React app and Swagger UI load their
 * scripts from this origin only, with no inline script; Ant Design and Swagger UI write inline
 * styles at run time (CSS-in-JS), hence `'unsafe-inline'` for styles only; the favicon is a data:
 * URI. No page may be framed (clickjacking). No `upgrade-insecure-requests`: a city intranet may
 * serve the platform over plain HTTP, where that directive would send every asset request to an
 * HTTPS port that is not there.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * The headers every response carries, API, web UI, API docs and problem documents alike. Written
 * here rather than by @fastify/helmet because helmet works through request hooks, and a request
 * whose path does not decode is answered by the router before any hook runs (see hostile-input.ts);
 * one table serves both. HSTS only where cookies are Secure, i.e. where the platform is on HTTPS.
 */
export function securityHeaders(opts: { https: boolean }): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy,
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "origin-agent-cluster": "?1",
    "x-dns-prefetch-control": "off",
    "x-permitted-cross-domain-policies": "none",
    ...(opts.https ? { "strict-transport-security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

export function registerSecurityHeaders(app: FastifyInstance, headers: Record<string, string>): void {
  app.addHook("onRequest", (_request, reply: FastifyReply, done) => {
    reply.headers(headers);
    done();
  });
}
