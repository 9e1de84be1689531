import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import { appDeps } from "../../deps.ts";
import { readPolicies } from "../../lib/policy-files.ts";
import { createTestApp, policiesDir, type TestApp } from "../../test/test-app.ts";

/** Two server processes on one database: nothing that matters may live in one process's memory. */
let t: TestApp;
let second: Awaited<ReturnType<typeof buildApp>>;
beforeAll(async () => {
  t = await createTestApp();
  second = await buildApp(
    appDeps({
      database: t.database,
      policies: readPolicies(policiesDir),
      cipher: t.cipher,
      files: t.files,
      clock: t.clock,
      secureCookies: false,
      production: false,
      checkResponses: true,
    }),
  );
});
afterAll(async () => {
  await second.close();
  await t.close();
});

const loginOn = (app: typeof second, password: string) =>
  app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "dt-leader", password } });

describe("several server instances", () => {
  it("accept a session created by another instance", async () => {
    const c = await t.as("ly-officer");
    const res = await second.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: c.cookie } });
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body).username).toBe("ly-officer");
  });

  it("count failed logins across instances", async () => {
    for (let i = 0; i < 5; i++) {
      const app = i % 2 === 0 ? t.app : second;
      expect((await loginOn(app, "wrong")).statusCode).toBe(401);
    }
    expect((await loginOn(second, "wrong")).statusCode).toBe(429);
    expect((await loginOn(t.app, "Luoshu@2025")).statusCode).toBe(429);
  });

  it("share rate-limit windows", async () => {
    let refused = 0;
    for (let i = 0; i < 260 && refused === 0; i++) {
      const app = i % 2 === 0 ? t.app : second;
      const res = await app.inject({
        method: "POST",
        url: "/api/budget/check",
        payload: { city: "datong", lines: [] },
      });
      if (res.statusCode === 429) refused = i + 1;
    }
    expect(refused).toBe(241);
  });
});
