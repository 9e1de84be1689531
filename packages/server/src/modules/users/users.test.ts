import { makeResidentId } from "@luoshu/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../db/client.ts";
import { type Client, createTestApp, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const idNumber = makeResidentId("41030519900101001");

/** Opens an account as `by` (a system or unit administrator) and expects it opened. */
async function openAccount(
  by: Client,
  account: { username: string; displayName: string; password: string; cityCode: string; idNumber?: string },
) {
  const res = await by.post("/api/users", account);
  expect(res.status).toBe(201);
  return res.body;
}

describe("users and roles", () => {
  it("opens an account with a checked ID number, stored encrypted and shown masked", async () => {
    const sys = await t.as("sysadmin");
    const opened = await openAccount(sys, {
      username: "ly-newofficer",
      displayName: "新项目主管",
      password: "Kaishi-2026!",
      cityCode: "luoyang",
      idNumber,
    });
    expect(opened).toMatchObject({ username: "ly-newofficer", roles: [], cityCode: "luoyang" });
    expect(opened.idNumberMasked).toBe(`${idNumber.slice(0, 4)}**********${idNumber.slice(14)}`);
    expect(JSON.stringify(opened)).not.toContain(idNumber);
    const [row] = rowsOf<{ id_number_cipher: string }>(
      await t.database.db.execute(sql`select id_number_cipher from users where username = 'ly-newofficer'`),
    );
    expect(row?.id_number_cipher).toMatch(/^v1\./);
    expect(row?.id_number_cipher).not.toContain(idNumber.slice(6, 14));
    expect(t.cipher.decrypt(row?.id_number_cipher ?? "")).toBe(idNumber);
  });

  it("answers every problem of a new account at once, each on its field", async () => {
    const sys = await t.as("sysadmin");
    const bad = idNumber.slice(0, 17) + (idNumber[17] === "1" ? "2" : "1");
    const all = await sys.post("/api/users", {
      username: "ly-officer",
      displayName: "丁",
      password: "123",
      cityCode: "luoyang",
      idNumber: bad,
    });
    // the first problem leads (its code, field and status); the issues name every field to fix
    expect(all.status).toBe(422);
    expect(all.body).toMatchObject({ code: "RESIDENT_ID_CHECK_DIGIT", path: "idNumber" });
    expect(all.body.issues.map((i: { path: string; code: string }) => [i.path, i.code])).toEqual([
      ["idNumber", "RESIDENT_ID_CHECK_DIGIT"],
      ["password", "PASSWORD_WEAK"],
      ["username", "CONFLICT"],
    ]);
    // what is taken alone is still a conflict, both taken values named at once
    const taken = await sys.post("/api/users", {
      username: "ly-newofficer",
      displayName: "戊",
      password: "Kaishi-2026!",
      cityCode: "luoyang",
      idNumber,
    });
    expect(taken.status).toBe(409);
    expect(taken.body.issues.map((i: { path: string }) => i.path)).toEqual(["username", "idNumber"]);
  });

  it("refuses a wrong check digit, a weak password and a taken username", async () => {
    const sys = await t.as("sysadmin");
    const bad = idNumber.slice(0, 17) + (idNumber[17] === "1" ? "2" : "1");
    const r1 = await sys.post("/api/users", {
      username: "ly-x1",
      displayName: "甲",
      password: "Kaishi-2026!",
      cityCode: "luoyang",
      idNumber: bad,
    });
    expect(r1.status).toBe(422);
    expect(r1.body.path).toBe("idNumber");
    const r2 = await sys.post("/api/users", {
      username: "ly-x2",
      displayName: "乙",
      password: "123",
      cityCode: "luoyang",
    });
    expect(r2.body).toMatchObject({ code: "PASSWORD_WEAK", path: "password" });
    const r3 = await sys.post("/api/users", {
      username: "ly-officer",
      displayName: "丙",
      password: "Kaishi-2026!",
      cityCode: "luoyang",
    });
    expect(r3.status).toBe(409);
  });

  it("lets the security administrator alone grant roles, within the separation rules", async () => {
    const list = await (await t.as("sysadmin")).get("/api/users?keyword=ly-newofficer");
    const id = list.body.items[0].id;
    expect(
      (await (await t.as("sysadmin")).put(`/api/users/${id}/roles`, { roles: ["programOfficer"] })).status,
    ).toBe(403);
    const sec = await t.as("secadmin");
    const ok = await sec.put(`/api/users/${id}/roles`, { roles: ["programOfficer"] });
    expect(ok.status).toBe(200);
    expect(ok.body.roles).toEqual(["programOfficer"]);
    const platform = await sec.put(`/api/users/${id}/roles`, { roles: ["auditor"] });
    expect(platform.body.code).toBe("ROLE_PLATFORM_ONLY");
    const self = await sec.put(`/api/users/${sec.me.id}/roles`, { roles: ["secAdmin", "auditor"] });
    expect(self.status).toBe(422);
    const newcomer = await t.as("ly-newofficer", "Kaishi-2026!");
    expect(newcomer.me.permissions).toContain("unit.create");
  });

  it("lets a unit administrator register the unit's principal investigators", async () => {
    const admin = await t.as("ly-unit");
    const opened = await openAccount(admin, {
      username: "ly-pi2",
      displayName: "第二负责人",
      password: "Fuzeren-2026!",
      cityCode: "datong",
    });
    expect(opened).toMatchObject({
      cityCode: "luoyang",
      unitId: (admin.me.unit as { id: string }).id,
      roles: ["principalInvestigator"],
    });
    const people = await admin.get("/api/users?pageSize=50");
    expect(
      people.body.items.every((u: { unitId: string }) => u.unitId === (admin.me.unit as { id: string }).id),
    ).toBe(true);
  });

  it("disables an account and ends its sessions", async () => {
    const pi = await t.as("dt-pi");
    const sys = await t.as("sysadmin");
    const res = await sys.patch(`/api/users/${pi.me.id}`, { status: "disabled" });
    expect(res.status).toBe(200);
    expect((await pi.get("/api/auth/me")).status).toBe(401);
    const login = await t.anonymous.post("/api/auth/login", { username: "dt-pi", password: "Luoshu@2025" });
    expect(login.body.code).toBe("ACCOUNT_DISABLED");
  });
});

describe("accounts an administrator opens, and the three administrators' own accounts", () => {
  it("must choose their own password at first login before anything else is open", async () => {
    const sys = await t.as("sysadmin");
    const created = await openAccount(sys, {
      username: "dt-firstlogin",
      displayName: "首次登录",
      password: "Kaishi-2026!",
      cityCode: "datong",
    });
    expect(created.mustChangePassword).toBe(true);
    const sec = await t.as("secadmin");
    expect((await sec.put(`/api/users/${created.id}/roles`, { roles: ["programOfficer"] })).status).toBe(200);
    const user = await t.as("dt-firstlogin", "Kaishi-2026!");
    expect(user.me.mustChangePassword).toBe(true);
    const blocked = await user.get("/api/guides");
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe("PASSWORD_CHANGE_REQUIRED");
    const changed = await user.post("/api/auth/password", {
      currentPassword: "Kaishi-2026!",
      newPassword: "Ziji-Xuan-2026",
    });
    expect(changed.status).toBe(200);
    expect((await user.get("/api/guides")).status).toBe(200);
    expect((await user.get("/api/auth/me")).body.mustChangePassword).toBe(false);
  });

  it("keep the three administrators' accounts out of each other's reach", async () => {
    const sys = await t.as("sysadmin");
    const sec = await t.as("secadmin");
    const idOf = async (username: string) =>
      (await sys.get(`/api/users?keyword=${username}`)).body.items.find(
        (u: { username: string }) => u.username === username,
      ).id as string;
    for (const target of ["secadmin", "auditor"]) {
      const res = await sys.patch(`/api/users/${await idOf(target)}`, { status: "disabled" });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe("ROLE_SEPARATION");
    }
    for (const target of ["sysadmin", "auditor"]) {
      const res = await sec.put(`/api/users/${await idOf(target)}/roles`, { roles: [] });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe("ROLE_SEPARATION");
    }
    expect((await (await t.as("auditor")).get("/api/auth/me")).status).toBe(200);
  });
});
