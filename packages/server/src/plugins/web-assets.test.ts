import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { immutableCache, registerWebAssets } from "./web-assets.ts";

/** A build as vite.config.ts leaves it: each text file with its brotli and gzip twins. */
function fakeBuild(): string {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), "luoshu-dist-"));
  fs.mkdirSync(path.join(dist, "assets"));
  const files = {
    "index.html": `<!doctype html><html><body><div id="root"></div>${" ".repeat(2000)}</body></html>`,
    "assets/index-Ab12Cd34.js": `console.log(${JSON.stringify("洛书".repeat(1000))});`,
  };
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dist, name);
    fs.writeFileSync(file, text);
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(text));
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(text));
  }
  return dist;
}

let app: FastifyInstance;
let dist: string;

beforeAll(async () => {
  dist = fakeBuild();
  app = Fastify();
  const clientRoute = await registerWebAssets(app, dist);
  // as app.ts answers unmatched requests
  app.setNotFoundHandler((request, reply) =>
    clientRoute(request) ? reply.sendFile("index.html") : reply.status(404).send({ notFound: request.url }),
  );
});
afterAll(async () => {
  await app.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  app.inject({ method: "GET", url, headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} });

describe("the built web UI", () => {
  it("sends a hashed asset brotli- or gzip-compressed, cached for a year", async () => {
    const original = fs.readFileSync(path.join(dist, "assets/index-Ab12Cd34.js"));
    const br = await get("/assets/index-Ab12Cd34.js", "gzip, deflate, br");
    expect(br.statusCode).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["content-type"]).toMatch(/javascript/);
    expect(br.headers["cache-control"]).toBe(immutableCache);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(zlib.brotliDecompressSync(br.rawPayload).equals(original)).toBe(true);
    expect(br.rawPayload.length).toBeLessThan(original.length / 4);

    const gz = await get("/assets/index-Ab12Cd34.js", "gzip");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gz.headers["cache-control"]).toBe(immutableCache);
    expect(zlib.gunzipSync(gz.rawPayload).equals(original)).toBe(true);

    const plain = await get("/assets/index-Ab12Cd34.js");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.rawPayload.equals(original)).toBe(true);
  });

  it("sends index.html compressed and revalidated on every load, at / and at client-side routes", async () => {
    for (const url of ["/", "/index.html", "/login", "/applications/123"]) {
      const res = await get(url, "br, gzip");
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["content-type"], url).toMatch(/text\/html/);
      expect(res.headers["content-encoding"], url).toBe("br");
      expect(res.headers["cache-control"], url).toBe("no-cache");
      expect(zlib.brotliDecompressSync(res.rawPayload).toString(), url).toContain('<div id="root">');
    }
    expect((await get("/login", "gzip")).headers["content-encoding"]).toBe("gzip");
  });

  it("answers a missing hashed asset or API path with 404, never with the page", async () => {
    for (const url of ["/assets/index-OldBuild.js", "/api/nothing-here"]) {
      const res = await get(url, "br");
      expect(res.statusCode, url).toBe(404);
      expect(res.headers["content-type"], url).not.toMatch(/text\/html/);
    }
  });
});
