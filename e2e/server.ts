import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
export const screenshotsDir = path.join(root, "test-results");

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * The product as a user starts it (`npm start`'s script), on a fresh embedded database of its own.
 * The demo's expert review walk (db/seed/demo-review.ts) runs only when a test asks for it, so the
 * other tests start from the plain demo.
 */
export async function startServer(
  options: { demoReview?: boolean } = {},
): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "luoshu-e2e-"));
  const child: ChildProcess = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      LUOSHU_DATA_DIR: dataDir,
      LUOSHU_KEY_FILE: path.join(dataDir, "sm4.key"),
      DATABASE_URL: "",
      LUOSHU_DEMO_REVIEW: options.demoReview ? "1" : "0",
      // the decision walk moves the server's clock past a notice period (modules/test-clock)
      LUOSHU_TEST_CLOCK: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (d) => (log += d));
  child.stderr?.on("data", (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 150_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${log}`);
    if (Date.now() > deadline) throw new Error(`server did not answer in time:\n${log}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * What every test page is opened with: Chinese, and reduced motion, which the product honours by
 * dropping AntD's animations (providers.tsx), so that no click lands on a dialog still zooming in.
 */
export const pageOptions = { locale: "zh-CN", reducedMotion: "reduce" } as const;

/** Debian's chromium with the flags this machine needs (no sandbox as root, no background network). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * The product's server and a browser for one test file: started before its tests (beforeAll), with
 * test-results/ ready for the pages they record, and stopped after them (afterAll). The fields are
 * set once beforeAll has run: read them inside tests and the helpers they call.
 */
export function serverAndBrowser(options: { demoReview?: boolean } = {}): { url: string; browser: Browser } {
  const live = {} as { url: string; browser: Browser };
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  beforeAll(async () => {
    fs.mkdirSync(screenshotsDir, { recursive: true });
    server = await startServer(options);
    live.url = server.url;
    live.browser = await launchBrowser();
  });
  afterAll(async () => {
    await live.browser?.close();
    await server?.stop();
  });
  return live;
}
