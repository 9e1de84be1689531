import fs from "node:fs";
import path from "node:path";
import { loadPolicyFiles, makeUscc } from "@luoshu/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPolicies } from "../../lib/policy-files.ts";
import { type Client, createTestApp, policiesDir, type TestApp } from "../../test/test-app.ts";

// Nothing outside policies/ and the demo seed names a city: a third policy file, for a city that
// exists nowhere else, is enough for the budget check, a guide, an application and its number.
const shifan = JSON.parse(fs.readFileSync(path.join(policiesDir, "luoyang-2025.json"), "utf8"));
Object.assign(shifan, {
  city: "shifan",
  cityNameZh: "示范市",
  cityNameEn: "Shifan",
  numberPrefix: "SF",
  divisionCode: "419900",
});
const policies = [
  ...readPolicies(policiesDir),
  ...loadPolicyFiles([{ fileName: "shifan-2025.json", text: JSON.stringify(shifan) }]),
];

let t: TestApp;
let sys: Client;
let sec: Client;
let unitId: string;
beforeAll(async () => {
  t = await createTestApp({ policies });
  sys = await t.as("sysadmin");
  sec = await t.as("secadmin");
  // Districts have no API yet: the city's administrative divisions are reference data.
  await t.database.db.execute(
    sql`insert into districts (city_id, code, name_zh, name_en) values ('shifan', '419901', '示范区', 'Shifan District')`,
  );
  const unit = await sys.post("/api/units", {
    cityCode: "shifan",
    uscc: makeUscc("91419901MA3XPF001"),
    nameZh: "示范市创新科技有限公司",
    kind: "enterprise",
    districtCode: "419901",
    legalRepresentative: "赵示范",
  });
  expect(unit.status).toBe(201);
  unitId = unit.body.id;
});
afterAll(() => t.close());

/** Opens an account of the invented city and has the security administrator grant its role. */
async function account(username: string, role: string, attach: Record<string, string> = {}) {
  const created = await sys.post("/api/users", {
    username,
    displayName: username,
    password: "Shifan-Demo-2026",
    cityCode: "shifan",
    ...attach,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect((await sec.put(`/api/users/${created.body.id}/roles`, { roles: [role] })).status).toBe(200);
  return t.firstLogin(username, "Shifan-Demo-2026");
}

describe("a city that only its policy file names", () => {
  it("is a tenant with its names from the file", async () => {
    const cities = (await t.anonymous.get("/api/cities")).body;
    expect(cities).toContainEqual({ code: "shifan", nameZh: "示范市", nameEn: "Shifan" });
  });

  it("checks a budget against its own policy", async () => {
    const res = await t.anonymous.post("/api/budget/check", {
      city: "shifan",
      lines: [{ category: "equipment", amountFen: 10_000_000 }],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ city: "shifan", policyVersion: "2025" });
    const unknown = await t.anonymous.post("/api/budget/check", { city: "nowhere", lines: [] });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: "VALIDATION", path: "city" });
  });

  it("runs a guide, an application and its number with the city's own prefix", async () => {
    const officer = await account("sf-officer", "programOfficer");
    const leader = await account("sf-leader", "bureauLeader");
    const finance = await account("sf-finance", "financeOfficer");
    const pi = await account("sf-pi", "principalInvestigator", { unitId });
    const template = (await (await t.as("ly-officer")).get("/api/guides")).body.items[0].content;
    const created = await officer.post("/api/guides", { ...template, titleZh: "示范市软科学研究指南" });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.cityCode).toBe("shifan");
    const id = created.body.id;
    expect((await officer.post(`/api/guides/${id}/events/submitForReview`)).status).toBe(200);
    // its file (a copy of Luoyang's) has pre-funded guides issued with the finance bureau
    expect((await finance.post(`/api/guides/${id}/events/coIssue`)).status).toBe(200);
    expect((await leader.post(`/api/guides/${id}/events/publish`)).body.status).toBe("published");
    const board = await t.anonymous.get("/api/public/guides?city=shifan");
    expect(board.body.items.map((g: { id: string }) => g.id)).toEqual([id]);

    const callId = created.body.calls[0].id;
    const app = await pi.post("/api/applications", { callId, title: "示范市创新生态研究" });
    expect(app.status, JSON.stringify(app.body)).toBe(201);
    expect(app.body.number).toMatch(/^SF-2026-RK-0001$/);
    expect(app.body.cityCode).toBe("shifan");
    // Luoyang's officer sees nothing of it.
    expect((await (await t.as("ly-officer")).get(`/api/guides/${id}`)).status).toBe(404);
  });
});
