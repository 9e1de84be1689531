import { can, type Role } from "@luoshu/domain";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fullContent, prepareForSubmission, startApplication } from "../test/application-fixtures.ts";
import { hostileRequests, type Operation, type Template } from "../test/hostile-requests.ts";
import { type Client, createTestApp, type TestApp } from "../test/test-app.ts";

/**
 * Hostile strings at every route of the OpenAPI document (issue 12, item 4), as an anonymous caller
 * and as the first two demo accounts that hold the route's permission: whatever arrives, the answer
 * is a 4xx problem document, never a 5xx. FUZZ_RUNS raises the samples per route and caller,
 * FUZZ_SEED replays a run (the seed is printed).
 */

let t: TestApp;
let doc: { paths: Record<string, Record<string, Operation>> };
let ids: string[] = [];
let templates: Record<string, Template> = {};

/** Accounts tried on each route: of those whose roles grant its permission, the first two. */
const accounts = [
  "ly-officer",
  "ly-pi",
  "ly-unit",
  "ly-district",
  "ly-agency",
  "ly-leader",
  "sysadmin",
  "secadmin",
  "auditor",
];
const sessions = new Map<string, Client>();
async function session(name: string): Promise<Client> {
  const known = sessions.get(name);
  // A fuzzed call may end the session (a password change, an idle clock): log in again.
  if (known && (await known.get("/api/auth/me")).status === 200) return known;
  const fresh = await t.as(name);
  sessions.set(name, fresh);
  return fresh;
}

/** Every id in a response, to aim path parameters at rows that exist. */
function idsIn(value: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const v of value) idsIn(v, out);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if ((k === "id" || k.endsWith("Id")) && typeof v === "string" && /^[0-9a-f-]{36}$/.test(v)) out.add(v);
      else idsIn(v, out);
    }
  }
  return out;
}

beforeAll(async () => {
  t = await createTestApp();
  doc = (await t.anonymous.get("/api/openapi.json")).body;
  const pi = await session("ly-pi");
  const officer = await session("ly-officer");
  const guides = await pi.get("/api/guides");
  const callId = guides.body.items[0].calls[0].id as string;
  const applicationId = await startApplication(pi, callId);
  await pi.put(`/api/applications/${applicationId}/content`, fullContent());
  const found = new Set<string>();
  for (const url of [
    "/api/guides",
    "/api/units",
    "/api/needs",
    "/api/integrity-records",
    "/api/applications",
  ])
    idsIn((await officer.get(url)).body, found);
  idsIn((await pi.get("/api/applications")).body, found);
  idsIn((await (await session("sysadmin")).get("/api/users")).body, found);
  // The fuzzing accounts stay usable: no fuzzed call disables or re-roles them.
  for (const name of accounts) found.delete(String(((await session(name)).me as { id?: string }).id));
  ids = [...found];
  const guide = (await officer.get(`/api/guides/${guides.body.items[0].id}`)).body;
  const draftGuide = (await officer.post("/api/guides", guide.content)).body.id as string;
  const submitted = await startApplication(pi, callId, "已提交的申报书");
  await prepareForSubmission(pi, await session("ly-unit"), submitted);
  await pi.post(`/api/applications/${submitted}/submit`);
  const application = { id: applicationId };
  templates = {
    "POST /api/applications": { body: { callId, title: "洛阳都市圈创新生态研究" } },
    "PUT /api/applications/{id}/content": { params: application, body: fullContent() },
    "PUT /api/applications/{id}/attachments/{code}": { params: { ...application, code: "commitmentScan" } },
    "POST /api/applications/{id}/commitment": { params: application, body: { as: "pi" } },
    "GET /api/applications/{id}/pdf": { params: application },
    "POST /api/guides": { body: guide.content },
    "PUT /api/guides/{id}": { params: { id: draftGuide }, body: guide.content },
    "POST /api/budget/check": {
      body: {
        city: "luoyang",
        program: "softScience",
        lines: [{ category: "publicationIp", amountFen: 1_500_000 }],
      },
    },
    "POST /api/integrity-records": {
      body: {
        subject: "person",
        personName: "张三",
        idNumber: "410305198603120011",
        kind: "blacklist",
        fromDate: "2026-01-01",
        untilDate: null,
        reason: "数据造假",
        clause: "LY-FUNDS §30",
      },
    },
    "POST /api/applications/{id}/district-review": {
      params: { id: submitted },
      body: { event: "districtReturn", reason: "请补充材料", deadline: "2026-04-01T17:00:00+08:00" },
    },
  };
}, 120_000);
afterAll(() => t.close());

const runs = Number(process.env.FUZZ_RUNS ?? 8);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

describe("hostile strings at every route", () => {
  it("never answer 5xx, anonymous or logged in with the route's permission", async () => {
    let sent = 0;
    const failures: string[] = [];
    const declared = new Map(t.app.routesDeclared.map((r) => [`${r.method} ${r.url}`, r.access]));
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const verb = method.toUpperCase();
        const permission = declared.get(`${verb} ${path.replace(/\{([^}]+)\}/g, ":$1")}`)?.permission;
        const permitted = accounts.filter((name) => {
          const roles = (sessions.get(name)?.me as { roles: Role[] } | undefined)?.roles ?? [];
          return (
            permission === "public" ||
            permission === "authenticated" ||
            (permission && can(roles, permission))
          );
        });
        const callers = ["anonymous", ...(path === "/api/auth/logout" ? [] : permitted.slice(0, 2))];
        for (const [c, caller] of callers.entries()) {
          const samples = fc.sample(hostileRequests(path, verb, op, ids, templates), {
            numRuns: runs,
            seed: seed + c,
          });
          let client = caller === "anonymous" ? t.anonymous : await session(caller);
          for (const r of samples) {
            const res = await t.app.inject({
              method: r.method as "GET",
              url: r.url,
              headers: {
                ...r.headers,
                ...(client.cookie ? { cookie: client.cookie, "x-csrf-token": client.csrfToken } : {}),
              },
              ...(r.payload === undefined ? {} : { payload: r.payload }),
            });
            sent++;
            if (res.statusCode >= 500) {
              const body = JSON.stringify(r.payload?.toString().slice(0, 300));
              failures.push(
                `${caller} ${r.method} ${r.url} ${body} → ${res.statusCode} ${res.body.slice(0, 200)}`,
              );
            } else if (res.statusCode === 429) t.clock.advance(61_000);
            else if (res.statusCode === 401 && caller !== "anonymous") client = await session(caller);
          }
        }
      }
    }
    console.info(`hostile-input fuzz: seed ${seed}, ${sent} calls, ${failures.length} answered 5xx`);
    expect(failures, `seed ${seed}: ${failures.length} of ${sent} calls answered 5xx`).toEqual([]);
  }, 900_000);
});
