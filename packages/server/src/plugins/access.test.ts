import { can, type Permission, type Role } from "@luoshu/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoCities, demoUsernames } from "../db/seed/demo-data.ts";
import { type Client, createTestApp, type TestApp } from "../test/test-app.ts";

let t: TestApp;
const clients = new Map<string, Client>();
beforeAll(async () => {
  t = await createTestApp();
  for (const u of demoUsernames) clients.set(u, await t.as(u));
});
afterAll(() => t.close());

const placeholderId = "00000000-0000-4000-8000-000000000000";
const fill = (url: string) =>
  url.replace(":id", placeholderId).replace(":city", "luoyang").replace(":version", "2025");

describe("every route declares its access", () => {
  it("has a permission and a scope on every /api route", () => {
    expect(t.app.routesDeclared.length).toBeGreaterThan(15);
    const undeclared = t.app.routesDeclared.filter((r) => !r.access);
    expect(undeclared).toEqual([]);
  });

  it("refuses every non-public route to anonymous callers and to roles without the permission", async () => {
    const failures: string[] = [];
    for (const route of t.app.routesDeclared) {
      const access = route.access;
      if (!access || access.permission === "public") continue;
      const url = fill(route.url);
      const anon = await t.anonymous.request(route.method, url, route.method === "GET" ? undefined : {});
      if (anon.status !== 401) failures.push(`anonymous ${route.method} ${route.url} → ${anon.status}`);
      for (const [username, c] of clients) {
        const roles = c.me.roles as Role[];
        const allowed = access.permission === "authenticated" || can(roles, access.permission as Permission);
        if (route.url === "/api/auth/logout") continue;
        const res = await c.request(route.method, url, route.method === "GET" ? undefined : {});
        const refused = res.status === 403 && res.body.code === "FORBIDDEN";
        if (allowed === refused)
          failures.push(`${username} ${route.method} ${route.url} → ${res.status} ${res.body.code ?? ""}`);
        if (res.status >= 500) failures.push(`${username} ${route.method} ${route.url} → ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  }, 180_000); // every route × every role: grows with the API
});

describe("data scope", () => {
  const cityOf = (u: string) => (u.startsWith("ly-") ? "luoyang" : u.startsWith("dt-") ? "datong" : null);

  it("lists only units inside each caller's scope", async () => {
    for (const [username, c] of clients) {
      const res = await c.get("/api/units?pageSize=200");
      if (res.status === 403) continue;
      expect(res.status).toBe(200);
      const scope = (c.me.scope as { kind: string }).kind;
      for (const unit of res.body.items) {
        if (scope !== "platform") expect(unit.cityCode, username).toBe(cityOf(username));
        if (scope === "district")
          expect(unit.districtCode, username).toBe((c.me.district as { code: string }).code);
        if (scope === "unit") expect(unit.id, username).toBe((c.me.unit as { id: string }).id);
      }
      const unitsOf = (city: string | null) => demoCities.find((x) => x.id === city)?.units.length;
      if (scope === "platform") expect(res.body.total).toBe(demoCities.flatMap((x) => x.units).length);
      if (scope === "city") expect(res.body.total).toBe(unitsOf(cityOf(username)));
    }
  });

  it("lists only users inside each caller's scope and never another city's", async () => {
    for (const [username, c] of clients) {
      const res = await c.get("/api/users?pageSize=200");
      if (res.status === 403) continue;
      const scope = (c.me.scope as { kind: string }).kind;
      for (const user of res.body.items) {
        if (scope !== "platform") expect(user.cityCode, username).toBe(cityOf(username));
        if (scope === "unit") expect(user.unitId, username).toBe((c.me.unit as { id: string }).id);
      }
    }
  });

  it("answers another city's unit as not found", async () => {
    const dt = await clients.get("dt-officer")?.get("/api/units?pageSize=1");
    const dtUnitId = dt?.body.items[0].id;
    const res = await clients.get("ly-officer")?.get(`/api/units/${dtUnitId}`);
    expect(res?.status).toBe(404);
    const patch = await clients
      .get("ly-officer")
      ?.patch(`/api/units/${dtUnitId}`, { legalRepresentative: "张三丰" });
    expect(patch?.status).toBe(404);
  });
});
