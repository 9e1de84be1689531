import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
let auditor: Client;
let startedAt: string;
beforeAll(async () => {
  t = await createTestApp();
  startedAt = t.clock.now().toISOString();
  // two sign-ins by different people: records to tell apart
  await t.as("ly-officer");
  await t.as("dt-officer");
  auditor = await t.as("auditor");
});
afterAll(() => t.close());

type Entry = { actorUsername: string; action: string; entityType: string; at: string };

describe("the auditor's filters and export", () => {
  it("filters by person, action, entity type and time", async () => {
    const byActor = await auditor.get("/api/audit?actor=ly-officer&pageSize=200");
    expect(byActor.status).toBe(200);
    expect(byActor.body.total).toBeGreaterThan(0);
    expect(byActor.body.items.every((e: Entry) => e.actorUsername === "ly-officer")).toBe(true);

    const logins = await auditor.get("/api/audit?action=auth.login&entityType=user&pageSize=200");
    const who = logins.body.items.map((e: Entry) => e.actorUsername);
    expect(who).toEqual(expect.arrayContaining(["ly-officer", "dt-officer", "auditor"]));
    expect(logins.body.items.every((e: Entry) => e.action === "auth.login")).toBe(true);

    const future = new Date(t.clock.now().getTime() + 3_600_000).toISOString();
    expect((await auditor.get(`/api/audit?from=${encodeURIComponent(future)}`)).body.total).toBe(0);
    const window = await auditor.get(
      `/api/audit?action=auth.login&from=${encodeURIComponent(startedAt)}&to=${encodeURIComponent(future)}`,
    );
    expect(window.body.total).toBe(3);
    expect((await auditor.get("/api/audit?from=yesterday")).status).toBe(400);
  });

  it("exports the filtered records as .xlsx, with the actions named", async () => {
    const res = await t.app.inject({
      method: "GET",
      url: "/api/audit/export.xlsx?action=auth.login",
      headers: { cookie: auditor.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(String(sheet?.getCell(1, 1).value)).toContain("操作：登录");
    const rows = (sheet?.getSheetValues() ?? []).slice(3) as unknown[][];
    expect(rows.length).toBe(3);
    for (const row of rows) {
      expect(row[4]).toBe("登录");
      expect(row[5]).toBe("Signed in");
      expect(row[6]).toBe("auth.login");
    }
    expect(rows.map((r) => r[2])).toEqual(expect.arrayContaining(["ly-officer", "dt-officer", "auditor"]));
    expect((await (await t.as("sysadmin")).get("/api/audit/export.xlsx")).status).toBe(403);
  });
});
