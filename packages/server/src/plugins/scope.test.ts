import {
  type Actor,
  can,
  type Permission,
  type Role,
  type Scope,
  type ScopeKind,
  scopeFor,
} from "@luoshu/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoCities, demoUsernames } from "../db/seed/demo-data.ts";
import { walkDemoDecision } from "../db/seed/demo-decision.ts";
import { walkDemoJoint } from "../db/seed/demo-joint.ts";
import { walkDemoReview } from "../db/seed/demo-review.ts";
import { oneSessionEach } from "../lib/inject-client.ts";
import { prepareForSubmission, startApplication } from "../test/application-fixtures.ts";
import { insertedProject, signedTaskBook, whoIs } from "../test/project-fixtures.ts";
import { describeScope, loadRowFacts, type RowFacts, reaches, scopeChecker } from "../test/scope-check.ts";
import { type Client, createTestApp, type TestApp } from "../test/test-app.ts";
import type { RegisteredRoute } from "./access.ts";

// Scopes that mean what they say: every GET route, called as every account, returns no row outside
// the caller's effective scope (their own scope narrowed to the route's declaration), and a single
// read of a row outside it answers 404, as if it did not exist.

let t: TestApp;
const clients = new Map<string, Client>();
const actors = new Map<string, Actor>();

/** What the database says about every row a response may carry, by id; the checker judges bodies by it. */
let facts = new Map<string, RowFacts>();
let check: ReturnType<typeof scopeChecker>;
const outside = (scope: Scope, body: unknown, username?: string) =>
  check.outside(scope, body, username ? actors.get(username)?.roles : undefined);

/** Accounts of a unit in another district than the demo district officer's, created through the API. */
const otherDistrictUnit: Record<string, string> = { ly: "河洛示范理工大学", dt: "大同市农业技术示范研究所" };
const password = "Scope#Test2026";

async function openAccountsOfUnit(prefix: string, unitNameZh: string) {
  // Logins count against the login rate limit (30 a minute): reuse the platform accounts' sessions.
  const sys = clients.get("sysadmin") as Client;
  const sec = clients.get("secadmin") as Client;
  const units = await sys.get(`/api/units?pageSize=200&keyword=${encodeURIComponent(unitNameZh)}`);
  const unit = units.body.items.find((u: { nameZh: string }) => u.nameZh === unitNameZh);
  const admin = await sys.post("/api/users", {
    username: `${prefix}-scope-unit`,
    displayName: "范围测试单位管理员",
    password,
    cityCode: unit.cityCode,
    unitId: unit.id,
  });
  expect(admin.status, JSON.stringify(admin.body)).toBe(201);
  expect((await sec.put(`/api/users/${admin.body.id}/roles`, { roles: ["unitAdmin"] })).status).toBe(200);
  const unitAdmin = await t.firstLogin(`${prefix}-scope-unit`, password);
  const pi = await unitAdmin.post("/api/users", {
    username: `${prefix}-scope-pi`,
    displayName: "范围测试项目负责人",
    password,
  });
  expect(pi.status, JSON.stringify(pi.body)).toBe(201);
  return { unit: unitAdmin, pi: await t.firstLogin(`${prefix}-scope-pi`, password) };
}

const deadline = "2026-03-20T09:00:00.000Z";

/** A draft, a submitted, a recommended and a returned application of the demo unit; one submitted elsewhere. */
async function applicationsOfCity(prefix: string) {
  const pi = clients.get(`${prefix}-pi`) as Client;
  const unit = clients.get(`${prefix}-unit`) as Client;
  const district = clients.get(`${prefix}-district`) as Client;
  const callId = (await pi.get("/api/guides")).body.items[0].calls[0].id as string;
  await startApplication(pi, callId, `${prefix} 草稿`);
  const submitted: string[] = [];
  for (const title of ["已提交", "已推荐", "已退回"]) {
    const id = await startApplication(pi, callId, `${prefix} ${title}`);
    await prepareForSubmission(pi, unit, id);
    const res = await pi.post(`/api/applications/${id}/submit`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    submitted.push(id);
  }
  const review = (id: string | undefined, body: object) =>
    district.post(`/api/applications/${id}/district-review`, body);
  expect((await review(submitted[1], { event: "recommend", rank: 1 })).status).toBe(200);
  const back = await review(submitted[2], { event: "districtReturn", reason: "请补充预算说明", deadline });
  expect(back.status).toBe(200);

  const elsewhere = await openAccountsOfUnit(prefix, otherDistrictUnit[prefix] as string);
  clients.set(`${prefix}-scope-unit`, elsewhere.unit);
  clients.set(`${prefix}-scope-pi`, elsewhere.pi);
  await startApplication(elsewhere.pi, callId, `${prefix} 其他县区草稿`);
  const id = await startApplication(elsewhere.pi, callId, `${prefix} 其他县区`);
  await prepareForSubmission(elsewhere.pi, elsewhere.unit, id);
  expect((await elsewhere.pi.post(`/api/applications/${id}/submit`)).status).toBe(200);
}

/**
 * Both calls' expert review as the demo walks it (applications past the formal check, plans assigned
 * and sent, the named demo experts invited); then each named expert opens their invitation, so
 * that single reads of an accepted one are checked too.
 */
async function reviewsOfCities() {
  // The demo accounts' sessions opened before: logins are rate-limited.
  const as = async (username: string) => clients.get(username) as Client;
  await walkDemoReview(as, t.clock.now());
  // The second batches reviewed to the end and drawn into proposed lists: the experts who score them
  // sign in once each, in a fresh minute of the login rate limit (30 a minute).
  const experts = oneSessionEach((username: string) => t.as(username));
  t.clock.advance(61_000);
  await walkDemoDecision(async (username) => clients.get(username) ?? experts(username), t.clock.now());
  await walkDemoJoint(async (username) => clients.get(username) ?? experts(username));
  for (const c of demoCities) {
    const expert = clients.get(`${c.prefix}-expert`) as Client;
    // the first batch's invitation (the expert may have scored in the second batch's review too)
    type Mine = { planId: string; assignments: { id: string; status: string }[] };
    const items: Mine[] = (await expert.get("/api/my-reviews")).body.items;
    const plan = items.find((i) => i.assignments.some((a) => a.status === "invited")) as Mine;
    const invited = plan.assignments.find((a) => a.status === "invited");
    expect((await expert.post(`/api/my-reviews/${plan.planId}/commitment`)).status).toBe(200);
    expect((await expert.post(`/api/review-assignments/${invited?.id}/accept`)).status).toBe(200);
  }
}

/**
 * Projects of the demo unit and of the unit in another district, each with its task book signed
 * (its scan is a single read too) and a payment prepared, the demo unit's approved by finance. They
 * are inserted as the decision module issues them: the sessions stay open (no notice to wait out),
 * and the year's control number is the one the demo decision walk set.
 */
async function projectsOfCity(prefix: string, cityId: string) {
  const officer = clients.get(`${prefix}-officer`) as Client;
  const parties = [
    { unit: `${prefix}-unit`, pi: `${prefix}-pi` },
    { unit: `${prefix}-scope-unit`, pi: `${prefix}-scope-pi` },
  ];
  for (const [i, party] of parties.entries()) {
    const unit = clients.get(party.unit) as Client;
    const [{ unitId }, { userId }] = await Promise.all([whoIs(unit), whoIs(clients.get(party.pi) as Client)]);
    const id = await insertedProject(t, {
      cityId,
      number: `${prefix.toUpperCase()}-2026-${prefix === "ly" ? "RK" : "YF"}-95${i}`,
      program: prefix === "ly" ? "softScience" : "keyRnd",
      title: `${prefix} 范围测试项目 ${i}`,
      amountFen: 1_000_000,
      unitId: unitId as string,
      piUserId: userId,
    });
    await signedTaskBook(officer, unit, id);
    const pay = await officer.request(
      "POST",
      `/api/projects/${id}/payments`,
      { node: "lumpSum" },
      { "idempotency-key": `scope-${prefix}-${i}-prepare` },
    );
    expect(pay.status, JSON.stringify(pay.body)).toBe(201);
    if (i === 0) {
      const finance = clients.get(`${prefix}-finance`) as Client;
      expect((await finance.post(`/api/payments/${pay.body.id}/events/approve`, {})).status).toBe(200);
    }
  }
}

beforeAll(async () => {
  t = await createTestApp();
  for (const u of demoUsernames) clients.set(u, await t.as(u));
  for (const c of demoCities) {
    const need = await t.anonymous.post("/api/public/needs", {
      city: c.id,
      title: `${c.nameZh}技术需求`,
      field: "装备制造",
      problem: "需要一种可靠的剩余寿命预测方法。",
      submitterName: "王工",
      submitterContact: "13800000000",
    });
    expect(need.status, JSON.stringify(need.body)).toBe(201);
    await applicationsOfCity(c.prefix);
    // A guide still in draft: the bureau's own, seen by no applicant, district or finance account.
    const officer = clients.get(`${c.prefix}-officer`) as Client;
    const published = (await officer.get("/api/guides")).body.items[0];
    const draft = await officer.post("/api/guides", { ...published.content, titleZh: `${c.nameZh}草拟指南` });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
  }
  await reviewsOfCities();
  for (const c of demoCities) await projectsOfCity(c.prefix, c.id);
  // 基金推送 exists in Luoyang only: one push of the demo enterprise, read by the bureau and the fund
  const lyUnit = (await whoIs(clients.get("ly-unit") as Client)).unitId;
  const pushed = await (clients.get("ly-officer") as Client).post("/api/fund-pushes", {
    unitId: lyUnit,
    field: "高端装备",
    highlights: "研发投入占比 8%，发明专利 12 项。",
  });
  expect(pushed.status, JSON.stringify(pushed.body)).toBe(201);
  facts = await loadRowFacts(t.database.db);
  check = scopeChecker(facts);
  for (const [username, c] of clients) {
    const me = (await c.get("/api/auth/me")).body;
    actors.set(username, {
      userId: me.id,
      username,
      cityId: me.city?.code ?? null,
      districtCode: me.district?.code ?? null,
      unitId: me.unit?.id ?? null,
      roles: me.roles as Role[],
    });
  }
}, 180_000);
afterAll(() => t.close());

/** GET routes that answer JSON rows: not the OpenAPI document, not files. */
const readRoutes = (): RegisteredRoute[] =>
  t.app.routesDeclared.filter(
    (r) => r.method === "GET" && r.url !== "/api/openapi.json" && !/\.(pdf|xlsx)$/.test(r.url),
  );

const idsOf = (table: string) => [...facts].filter(([, f]) => f.table === table).map(([id]) => id);
const tableOfRoute: [RegExp, string][] = [
  [/^\/api\/applications\/:id/, "applications"],
  [/^\/api\/guides\/:id/, "guides"],
  [/^\/api\/public\/guides\/:city\/:id/, "guides"],
  [/^\/api\/units\/:id/, "units"],
  [/^\/api\/users\/:id/, "users"],
  [/^\/api\/needs\/:id/, "needs"],
  [/^\/api\/experts\/:id/, "experts"],
  [/^\/api\/review-plans\/:id/, "reviewPlans"],
  [/^\/api\/review-assignments\/:id/, "reviewAssignments"],
  [/^\/api\/decisions\/lists\/:id/, "proposedLists"],
  [/^\/api\/joint-research\/:id/, "jointTopics"],
  // the project page and its files (the task book's PDF, its signed scan), and one payment
  [/^\/api\/projects\/:id/, "projects"],
  [/^\/api\/payments\/:id/, "payments"],
  [/^\/api\/fund-pushes\/:id/, "fundPushes"],
];

/** Query filters naming rows of every city, district, guide and call (a list may refuse them: 400). */
const filters = () => [
  ...demoCities.map((c) => `city=${c.id}`),
  ...new Set(
    [...facts.values()].flatMap((f) =>
      f.table === "applications" ? [`district=${f.row.districtCode}`] : [],
    ),
  ),
  ...idsOf("guides").map((id) => `guideId=${id}`),
  ...idsOf("calls").map((id) => `callId=${id}`),
  "status=draft",
];

/** The URLs to call for a route: with the id of every row its `:id` may name. */
function targets(url: string): { url: string; id?: string }[] | string {
  if (!url.includes(":")) return [{ url }];
  // a budget year is the city's own: the caller's city answers for it, no row of another city exists
  if (url === "/api/budget/cycles/:year") return [{ url: url.replace(":year", "2027") }];
  if (url === "/api/policies/:city/:version")
    return demoCities.map((c) => ({ url: url.replace(":city", c.id).replace(":version", "2025") }));
  const table = tableOfRoute.find(([re]) => re.test(url))?.[1];
  if (!table) return `no ids known for ${url}: teach scope.test.ts which rows it reads`;
  return idsOf(table).map((id) => ({
    url: url.replace(":id", id).replace(":city", facts.get(id)?.row.cityId ?? ""),
    id,
  }));
}

/**
 * An expert's own invitation is in their scope (listed in /api/my-reviews), but the single read
 * opens the application, which only an accepted invitation does: before that it answers 404 too.
 */
const closedUntilAccepted = (f: RowFacts) =>
  f.table === "reviewAssignments" && !["accepted", "submitted"].includes(f.status ?? "");

/** Whether the caller's roles grant the route's permission (else 403 says nothing about rows). */
function permitted(route: RegisteredRoute, username: string): boolean {
  const permission = route.access?.permission;
  const roles = actors.get(username)?.roles ?? [];
  return permission === "public" || permission === "authenticated" || can(roles, permission as Permission);
}

/** The effective scope of a caller on a route, or null for public routes (no scope to hold). */
function scopeOn(route: RegisteredRoute, username: string): Scope | null {
  const declared = route.access?.scope;
  if (!declared || declared === "none" || route.access?.permission === "public") return null;
  return scopeFor(actors.get(username) as Actor, declared as ScopeKind);
}

async function readAll(c: Client, url: string) {
  const res = await c.get(url);
  const { items, total } = (res.body ?? {}) as { items?: unknown[]; total?: number };
  if (res.status === 200 && Array.isArray(items) && typeof total === "number" && total > items.length)
    return c.get(`${url}${url.includes("?") ? "&" : "?"}pageSize=200`);
  return res;
}

describe("data scope on every read route, as every account", () => {
  it("has the rows it needs: applications in every state, in two districts of both cities", () => {
    const apps = [...facts.values()].filter((f) => f.table === "applications");
    expect(new Set(apps.map((a) => a.status))).toEqual(
      new Set(["draft", "submitted", "recommended", "districtReturned", "formalPassed"]),
    );
    expect(new Set(apps.map((a) => `${a.row.cityId}/${a.row.districtCode}`)).size).toBe(4);
    const guides = [...facts.values()].filter((f) => f.table === "guides");
    expect(guides.map((g) => g.status).sort()).toEqual(["draft", "draft", "published", "published"]);
    expect(readRoutes().length).toBeGreaterThan(15);
  });

  it("returns no row outside the caller's effective scope from any list or read", async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const route of readRoutes().filter((r) => !r.url.includes(":id"))) {
      const urls = targets(route.url);
      if (typeof urls === "string") {
        failures.push(urls);
        continue;
      }
      for (const [username, c] of clients) {
        const scope = scopeOn(route, username);
        for (const { url } of urls) {
          const plain = await readAll(c, url);
          // A list asked for another city, district, guide or call still holds only the caller's rows.
          const asks = Array.isArray(plain.body?.items) ? filters() : [];
          for (const ask of ["", ...asks]) {
            const res = ask ? await readAll(c, `${url}?${ask}`) : plain;
            const asked = ask ? `${route.url}?${ask}` : route.url;
            if (res.status >= 500) failures.push(`GET ${asked} as ${username} → ${res.status}`);
            if (res.status !== 200 || !scope) continue;
            checked++;
            for (const o of outside(scope, res.body, username))
              failures.push(`GET ${asked} as ${username} (${describeScope(scope)}): ${o}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(300);
    expect(check.judged()).toBeGreaterThan(300);
  }, 120_000);

  it("has a check with teeth: another city's, district's or unit's rows are named", async () => {
    const scopeOf = (u: string) => scopeFor(actors.get(u) as Actor, "city");
    const cityList = (await readAll(clients.get("ly-officer") as Client, "/api/applications")).body;
    expect(outside(scopeOf("dt-officer"), cityList)).toHaveLength(cityList.items.length);
    // The application of the other Luoyang district, and no other.
    expect(outside(scopeOf("ly-district"), cityList)).toHaveLength(1);
    // A unit's own list holds its drafts, which no wider scope may see.
    const unitList = (await readAll(clients.get("ly-pi") as Client, "/api/applications")).body;
    expect(outside(scopeOf("ly-district"), unitList)).toHaveLength(1);
    const units = (await readAll(clients.get("ly-officer") as Client, "/api/units")).body;
    expect(outside(scopeOf("ly-pi"), units)).toHaveLength(units.items.length - 1);
    expect(outside(scopeOf("ly-expert"), { id: actors.get("dt-pi")?.userId })).toHaveLength(1);
    // The officer's guides include a draft: to an applicant, the draft and its two calls are out of reach.
    const guides = (await readAll(clients.get("ly-officer") as Client, "/api/guides")).body;
    expect(outside(scopeOf("ly-pi"), guides, "ly-pi")).toHaveLength(3);
    expect(outside(scopeOf("ly-leader"), guides, "ly-leader")).toEqual([]);
  });

  it("counts on the workspace what the list its tile opens shows to the same account", async () => {
    const failures: string[] = [];
    let compared = 0;
    for (const [username, c] of clients) {
      const res = await c.get("/api/workspace");
      if (res.status !== 200) continue;
      for (const task of res.body.tasks as { key: string; count: number | null; link: string }[]) {
        if (task.count === null) continue;
        // the tile's page reads the API list of the same path and filters
        const url = `/api${task.link}`;
        const list = await c.get(url);
        if (list.status !== 200) failures.push(`${username} ${task.key}: ${url} → ${list.status}`);
        else if (list.body.total !== task.count)
          failures.push(`${username} ${task.key}: workspace ${task.count}, ${url} total ${list.body.total}`);
        compared++;
      }
    }
    expect(failures).toEqual([]);
    expect(compared).toBeGreaterThan(20);
  });

  it("answers a single read outside the scope as 404, never 403 or the row, and one inside with the row", async () => {
    const failures: string[] = [];
    const seen = { inside: 0, outside: 0 };
    for (const route of readRoutes().filter((r) => r.url.includes(":id"))) {
      const urls = targets(route.url);
      if (typeof urls === "string") {
        failures.push(urls);
        continue;
      }
      for (const [username, c] of clients) {
        const scope = scopeOn(route, username);
        for (const { url, id } of urls) {
          const res = await c.get(url);
          const where = `GET ${route.url} as ${username}, ${facts.get(id ?? "")?.table} ${id}`;
          if (res.status >= 500) failures.push(`${where} → ${res.status}`);
          if (!scope || !permitted(route, username)) continue;
          const f = facts.get(id ?? "");
          if (!f) continue;
          if (reaches(scope, f, actors.get(username)?.roles) && !closedUntilAccepted(f)) {
            seen.inside++;
            if (res.status !== 200) failures.push(`${where}: inside ${describeScope(scope)} → ${res.status}`);
          } else {
            seen.outside++;
            if (res.status !== 404)
              failures.push(`${where}: outside ${describeScope(scope)} → ${res.status} (want 404)`);
          }
          if (res.status === 200)
            for (const o of outside(scope, res.body, username)) {
              failures.push(`${where} (${describeScope(scope)}): ${o}`);
            }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(seen.inside).toBeGreaterThan(200);
    expect(seen.outside).toBeGreaterThan(500);
    // every read route × every account: grows with the API
  }, 600_000);

  it("answers another city's rows as 404 to every permitted account of a city, files included", async () => {
    const failures: string[] = [];
    let checked = 0;
    // Files too: a PDF of another city's application must not be rendered either.
    const singleReads = t.app.routesDeclared.filter(
      (r) => r.method === "GET" && /^\/api\/(?!public\/)[^:]*:id/.test(r.url),
    );
    expect(singleReads.some((r) => r.url.endsWith(".pdf"))).toBe(true);
    for (const route of singleReads) {
      const urls = targets(route.url);
      if (typeof urls === "string") continue;
      for (const [username, c] of clients) {
        const city = actors.get(username)?.cityId;
        if (!city || !permitted(route, username)) continue;
        for (const { url, id } of urls) {
          const f = facts.get(id ?? "");
          if (!f || f.row.cityId === city) continue;
          checked++;
          const res = await c.get(url);
          if (res.status !== 404)
            failures.push(
              `GET ${route.url} as ${username}, ${f.table} ${id} of ${f.row.cityId} → ${res.status}`,
            );
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  }, 120_000);
});
