import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function expectSecurityHeaders(headers: Record<string, unknown>) {
  const csp = String(headers["content-security-policy"]);
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/script-src[^;]*unsafe/);
  expect(csp).toContain("style-src 'self' 'unsafe-inline'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain("upgrade-insecure-requests");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
}

describe("security headers", () => {
  it("are on every response: answers, problems, unknown paths, broken URLs, the API docs", async () => {
    const officer = await t.as("ly-officer");
    for (const res of [
      await t.anonymous.get("/api/health"),
      await t.anonymous.get("/api/auth/me"),
      await officer.get("/api/guides"),
      await t.anonymous.get("/api/nothing-here"),
      await t.anonymous.get("/api/units/%ff"),
      await t.anonymous.get("/api/docs/"),
    ]) {
      expectSecurityHeaders(res.headers);
    }
  });

  it("send HSTS only where the platform is served over HTTPS (Secure cookies)", async () => {
    expect((await t.anonymous.get("/api/health")).headers["strict-transport-security"]).toBeUndefined();
  });

  it("leave the API docs working: Swagger UI loads only scripts from its own origin", async () => {
    const page = await t.app.inject({ method: "GET", url: "/api/docs/" });
    expect(page.statusCode).toBe(200);
    const scripts = [...page.body.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes = "", inline = ""] of scripts) {
      const src = /src="\.\/([^"]+)"/.exec(attributes)?.[1];
      expect(src, attributes).toBeTruthy();
      expect(inline.trim()).toBe("");
      const script = await t.app.inject({ method: "GET", url: `/api/docs/${src}` });
      expect(script.statusCode, src).toBe(200);
      expectSecurityHeaders(script.headers);
    }
  });
});
