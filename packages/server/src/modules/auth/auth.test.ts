import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (username: string, password: string) =>
  t.anonymous.post("/api/auth/login", { username, password });

describe("login, session and logout", () => {
  it("logs in with the demo password and describes the user, city, roles and scope", async () => {
    const res = await login("ly-district", "Luoshu@2025");
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({
      username: "ly-district",
      city: { code: "luoyang", nameZh: "洛阳市" },
      district: { code: "410305" },
      roles: ["districtOfficer"],
      scope: { kind: "district" },
    });
    const cookie = String([res.headers["set-cookie"]].flat()[0]);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(res.body.user.permissions).toContain("unit.read");
  });

  it("refuses a wrong password with a Chinese message, without saying which part was wrong", async () => {
    const res = await login("ly-officer", "wrong-password");
    expect(res.status).toBe(401);
    expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ code: "AUTH_INVALID_CREDENTIALS", messageZh: "用户名或密码错误。" });
    expect((await login("nobody-here", "x")).body.code).toBe("AUTH_INVALID_CREDENTIALS");
  });

  it("stops guessing from one address without locking the owner out, known and unknown names alike", async () => {
    const from = (username: string, password: string, remoteAddress: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username, password },
        remoteAddress,
      });
    for (const name of ["dt-expert", "no-such-account"]) {
      for (let i = 0; i < 5; i++) expect((await from(name, "bad", "10.0.0.66")).statusCode).toBe(401);
      const sixth = await from(name, "bad", "10.0.0.66");
      expect(sixth.statusCode).toBe(429);
      expect(sixth.json()).toMatchObject({
        code: "AUTH_TOO_MANY_GUESSES",
        details: { retryAfterSeconds: expect.any(Number) },
      });
    }
    // Even the right password waits at that address; from any other address the owner logs in at once.
    expect((await from("dt-expert", "Luoshu@2025", "10.0.0.66")).statusCode).toBe(429);
    expect((await from("dt-expert", "Luoshu@2025", "10.0.0.7")).statusCode).toBe(200);
    t.clock.advance(15 * 60 * 1000);
    expect((await from("dt-expert", "Luoshu@2025", "10.0.0.66")).statusCode).toBe(200);
  });

  it("keeps an administrator reachable while many addresses guess at the account: slower, never locked", async () => {
    let slowed = 0;
    const from = (password: string, n: number) =>
      t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: "secadmin", password },
        remoteAddress: `10.1.0.${n}`,
      });
    for (let n = 0; n < 25; n++) expect((await from("bad", n)).statusCode).toBe(401);
    const before = Date.now();
    const owner = await from("Luoshu@2025", 200);
    slowed = Date.now() - before;
    expect(owner.statusCode).toBe(200);
    // The slowdown (2 s) is there, as a lower bound only: no upper timing is asserted.
    expect(slowed).toBeGreaterThanOrEqual(1_900);
  });

  it("counts wrong current passwords on the password change against the same budget", async () => {
    const c = await t.as("dt-leader");
    for (let i = 0; i < 5; i++) {
      const wrong = await c.post("/api/auth/password", {
        currentPassword: "bad",
        newPassword: "Xin-Mima-2026",
      });
      expect(wrong.status).toBe(401);
    }
    const sixth = await c.post("/api/auth/password", {
      currentPassword: "Luoshu@2025",
      newPassword: "Xin-Mima-2026",
    });
    expect(sixth.status).toBe(429);
    expect((await login("dt-leader", "Luoshu@2025")).status).toBe(429);
  });

  it("ends a session after 30 idle minutes", async () => {
    const c = await t.as("ly-leader");
    expect((await c.get("/api/auth/me")).status).toBe(200);
    t.clock.advance(29 * 60 * 1000);
    expect((await c.get("/api/auth/me")).status).toBe(200);
    t.clock.advance(31 * 60 * 1000);
    const res = await c.get("/api/auth/me");
    expect(res.status).toBe(401);
    expect(res.body.code).toBe("SESSION_EXPIRED");
  });

  it("requires the CSRF token on state-changing requests of a session", async () => {
    const c = await t.as("ly-officer");
    const res = await c.request("POST", "/api/auth/logout", {}, { "x-csrf-token": "forged" });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("CSRF_FAILED");
    expect((await c.get("/api/auth/me")).status).toBe(200);
    expect((await c.post("/api/auth/logout")).status).toBe(200);
    expect((await c.get("/api/auth/me")).body.code).toBe("AUTH_REQUIRED");
  });

  it("ends a session 12 hours after login, however active it was", async () => {
    const c = await t.as("dt-officer");
    for (let step = 1; step <= 30; step++) {
      t.clock.advance(29 * 60 * 1000);
      const res = await c.get("/api/auth/me");
      if (res.status !== 200) {
        expect(res.body.code).toBe("SESSION_EXPIRED");
        expect(step * 29).toBeGreaterThan(12 * 60);
        return;
      }
    }
    throw new Error("the session outlived 14 hours of activity");
  });

  it("ends the account's other sessions when its password changes, keeping the one that changed it", async () => {
    const laptop = await t.as("dt-fund");
    const stolen = await t.as("dt-fund");
    const ok = await laptop.post("/api/auth/password", {
      currentPassword: "Luoshu@2025",
      newPassword: "Xin-Mima-2026",
    });
    expect(ok.status).toBe(200);
    expect((await stolen.get("/api/auth/me")).body.code).toBe("AUTH_REQUIRED");
    expect((await laptop.get("/api/auth/me")).status).toBe(200);
  });

  it("checks password rules with Chinese messages when changing a password", async () => {
    const c = await t.as("ly-fund");
    const weak = await c.post("/api/auth/password", { currentPassword: "Luoshu@2025", newPassword: "short" });
    expect(weak.status).toBe(422);
    expect(weak.body).toMatchObject({ code: "PASSWORD_WEAK", path: "newPassword" });
    expect(weak.body.messageZh).toMatch(/[\u4e00-\u9fa5]/);
    const ok = await c.post("/api/auth/password", {
      currentPassword: "Luoshu@2025",
      newPassword: "Xin-Mima-2026",
    });
    expect(ok.status).toBe(200);
    expect((await login("ly-fund", "Xin-Mima-2026")).status).toBe(200);
  });

  it("writes login, failure and logout to the audit log", async () => {
    const auditor = await t.as("auditor");
    const res = await auditor.get("/api/audit?pageSize=200");
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const actions = res.body.items.map((r: { action: string }) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining(["auth.login", "auth.loginFailed", "auth.logout", "auth.passwordChanged"]),
    );
  });
});

describe("demo accounts in production", () => {
  it("are refused", async () => {
    const prod = await createTestApp({ production: true });
    try {
      const res = await prod.anonymous.post("/api/auth/login", {
        username: "ly-officer",
        password: "Luoshu@2025",
      });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe("DEMO_ACCOUNT_REFUSED");
    } finally {
      await prod.close();
    }
  });
});
