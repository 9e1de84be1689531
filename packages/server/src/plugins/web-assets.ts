import fs from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyRequest } from "fastify";

/** Vite names every file under assets/ by a hash of its content: a new build gets new names. */
const hashedAssets = "/assets/";
export const immutableCache = "public, max-age=31536000, immutable";

/**
 * Serves the built web UI (packages/web/dist) when there is one. Hashed assets may be kept a year
 * without asking again, since a changed file gets a new name; everything else, index.html above all,
 * is revalidated on every load (`no-cache`, answered 304 by its ETag when unchanged), so a new build
 * reaches users with their next page load. The build writes a brotli (.br) and a gzip (.gz) twin of
 * each text file (packages/web/vite.config.ts); a browser that accepts one gets it, never compressed
 * again per request.
 *
 * Returns whether an unmatched request is a client-side route of the web UI, to be answered with
 * index.html: a GET outside /api, and not a missing hashed asset (an old build's chunk must 404,
 * not come back as HTML that the browser would refuse as a script).
 */
export async function registerWebAssets(
  app: FastifyInstance,
  webDist: string | undefined,
): Promise<(request: FastifyRequest) => boolean> {
  if (!webDist || !fs.existsSync(path.join(webDist, "index.html"))) return () => false;
  await app.register(fastifyStatic, {
    root: webDist,
    wildcard: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, file) => {
      const served = `/${path.relative(webDist, file).split(path.sep).join("/")}`;
      reply.header("cache-control", served.startsWith(hashedAssets) ? immutableCache : "no-cache");
    },
  });
  return (request) =>
    request.method === "GET" && !request.url.startsWith("/api") && !request.url.startsWith(hashedAssets);
}
