import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maximalDraft } from "../../test/maximal-draft.ts";
import { type Client, createTestApp, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
let pi: Client;
let id: string;
beforeAll(async () => {
  t = await createTestApp();
  pi = await t.as("ly-pi");
  const callId = (await pi.get("/api/guides")).body.items[0].calls[0].id;
  id = (await pi.post("/api/applications", { callId, title: "最长的申报书" })).body.id;
  expect((await pi.put(`/api/applications/${id}/content`, maximalDraft())).status).toBe(200);
});
afterAll(() => t.close());

const exportPdf = () =>
  t.app.inject({ method: "GET", url: `/api/applications/${id}/pdf`, headers: { cookie: pi.cookie } });

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
};

describe("documents render off the request thread", () => {
  it("keeps /api/health answering while four of the largest applications render as PDF", async () => {
    await exportPdf(); // the first starts a render thread; time the second
    const one = await timed(exportPdf);
    expect(one.result.statusCode).toBe(200);
    expect(one.result.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");

    let rendering = true;
    const four = Promise.all([1, 2, 3, 4].map(exportPdf)).finally(() => {
      rendering = false;
    });
    const health: number[] = [];
    while (rendering) {
      const check = await timed(() => t.anonymous.get("/api/health"));
      expect(check.result.status).toBe(200);
      health.push(check.ms);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const renders = await four;
    expect(renders.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);

    // On the request thread each health check waited for a whole render (p95 about one render, a
    // handful of answers in the window); off it, a check takes a sliver of a render.
    const p95 = percentile(health, 0.95);
    console.info(
      `maximal PDF ${one.ms.toFixed(0)} ms, ${(one.result.rawPayload.length / 1024).toFixed(0)} KiB; ` +
        `health during 4 renders: ${health.length} answers, p50 ${percentile(health, 0.5).toFixed(1)} ms, ` +
        `p95 ${p95.toFixed(1)} ms, max ${Math.max(...health).toFixed(1)} ms`,
    );
    expect(health.length).toBeGreaterThanOrEqual(20);
    expect(p95).toBeLessThan(one.ms / 5);
  }, 120_000);
});
