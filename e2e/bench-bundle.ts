/**
 * `npm run bench:bundle`: builds the web UI, starts the product on a fresh embedded database and,
 * for each page, records what a first visit (empty browser cache) fetches besides the API: the
 * bytes of each asset as the page uses them (raw), what they would be gzipped and brotli-compressed,
 * and what the server actually sent over the wire. Figures in bench-results/bundle.json.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { password } from "./flow-helpers.ts";
import { launchBrowser, startServer } from "./server.ts";

interface Asset {
  path: string;
  raw: number;
  gzip: number;
  brotli: number;
  /** The body as sent (compressed when the server compressed it), headers excluded. */
  sent: number;
  encoding: string | null;
  cacheControl: string | null;
}

interface PageLoad {
  page: string;
  assets: Asset[];
  total: Omit<Asset, "path" | "encoding" | "cacheControl">;
}

const root = path.resolve(import.meta.dirname, "..");

const pages: { name: string; path: string; ready: string; user?: string }[] = [
  { name: "login", path: "/login", ready: "page-login" },
  { name: "public board", path: "/public", ready: "page-public" },
  { name: "workspace (ly-officer)", path: "/", ready: "page-workspace", user: "ly-officer" },
];

async function firstLoad(browser: Browser, url: string, p: (typeof pages)[number]): Promise<PageLoad> {
  const context = await browser.newContext({ locale: "zh-CN" });
  // signed in through the API: the cookie is set without the login page filling the cache
  if (p.user) await context.request.post(`${url}/api/auth/login`, { data: { username: p.user, password } });
  const page: Page = await context.newPage();
  const pending: Promise<Asset | null>[] = [];
  page.on("requestfinished", (request) =>
    pending.push(
      (async () => {
        const u = new URL(request.url());
        if (u.origin !== url || u.pathname.startsWith("/api")) return null;
        const response = await request.response();
        if (!response) return null;
        const body = await response.body();
        const headers = await response.allHeaders();
        return {
          path: u.pathname,
          raw: body.length,
          gzip: zlib.gzipSync(body, { level: 9 }).length,
          brotli: zlib.brotliCompressSync(body).length,
          sent: (await request.sizes()).responseBodySize,
          encoding: headers["content-encoding"] ?? null,
          cacheControl: headers["cache-control"] ?? null,
        };
      })(),
    ),
  );
  await page.goto(`${url}${p.path}`);
  await page.getByTestId(p.ready).waitFor();
  await page.waitForLoadState("networkidle");
  const assets = (await Promise.all(pending)).filter((a): a is Asset => a !== null);
  await context.close();
  const sum = (k: "raw" | "gzip" | "brotli" | "sent") => assets.reduce((s, a) => s + a[k], 0);
  return {
    page: p.name,
    assets,
    total: { raw: sum("raw"), gzip: sum("gzip"), brotli: sum("brotli"), sent: sum("sent") },
  };
}

execFileSync("npm", ["run", "build", "-w", "@luoshu/web"], { cwd: root, stdio: "inherit" });
const server = await startServer();
const browser = await launchBrowser();
try {
  const loads: PageLoad[] = [];
  for (const p of pages) loads.push(await firstLoad(browser, server.url, p));
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  console.table(
    loads.map((l) => ({
      page: l.page,
      requests: l.assets.length,
      raw: kb(l.total.raw),
      gzip: kb(l.total.gzip),
      brotli: kb(l.total.brotli),
      sent: kb(l.total.sent),
    })),
  );
  const out = path.join(root, "bench-results", "bundle.json");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify({ measuredAt: new Date().toISOString(), loads }, null, 2)}\n`);
  console.log(`written ${path.relative(root, out)}`);
} finally {
  await browser.close();
  await server.stop();
}
